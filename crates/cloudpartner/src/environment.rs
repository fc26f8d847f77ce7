//! Where the client reads environment variables from: the process, or a fixed set
//! (tests, embedding programs that keep their own configuration).

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// The variables the client reads when an option is not given: `CLOUDPARTNER_BASE_URL`,
/// `CLOUDPARTNER_TOKEN`/`AZURE_TOKEN`, `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`,
/// `AZURE_CLIENT_SECRET`, `AZURE_AUTHORITY_HOST`, and `PATH` (to find `az`).
///
/// Empty and blank values count as unset.
///
/// ```
/// use cloudpartner::Environment;
/// let env = Environment::from_vars([("CLOUDPARTNER_TOKEN", "t"), ("AZURE_TENANT_ID", " ")]);
/// assert_eq!(env.var("CLOUDPARTNER_TOKEN").as_deref(), Some("t"));
/// assert_eq!(env.var("AZURE_TENANT_ID"), None);
/// ```
#[derive(Clone)]
pub struct Environment {
    source: Source,
}

#[derive(Clone)]
enum Source {
    Process,
    Fixed(Arc<HashMap<String, String>>),
}

impl Environment {
    /// The process's environment (the default).
    pub fn process() -> Environment {
        Environment {
            source: Source::Process,
        }
    }

    /// Exactly these variables, and no others (not even `PATH`).
    pub fn from_vars<I, K, V>(vars: I) -> Environment
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let vars = vars
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        Environment {
            source: Source::Fixed(Arc::new(vars)),
        }
    }

    /// A variable's value, `None` when unset, empty or blank.
    pub fn var(&self, name: &str) -> Option<String> {
        let value = match &self.source {
            Source::Process => std::env::var(name).ok(),
            Source::Fixed(vars) => vars.get(name).cloned(),
        };
        value.filter(|v| !v.trim().is_empty())
    }

    /// The first executable called `name` in the directories of `PATH`.
    pub fn find_program(&self, name: &str) -> Option<PathBuf> {
        let path = self.var("PATH")?;
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    }
}

impl Default for Environment {
    fn default() -> Self {
        Environment::process()
    }
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Process => f.write_str("Environment::process()"),
            Source::Fixed(vars) => {
                let mut names: Vec<&String> = vars.keys().collect();
                names.sort();
                f.debug_tuple("Environment::from_vars")
                    .field(&names)
                    .finish()
            }
        }
    }
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &std::path::Path) -> bool {
    path.is_file()
}
