use std::sync::Arc;

use super::{
    ClientSecretCredential, DEFAULT_AUTHORITY_HOST, StaticTokenCredential, TokenCredential,
};
use crate::error::Result;

/// A credential from the environment, or `None` when it names none:
///
/// - `CLOUDPARTNER_TOKEN` (or `AZURE_TOKEN`): a static token;
/// - else `AZURE_TENANT_ID`, `AZURE_CLIENT_ID` and `AZURE_CLIENT_SECRET` (with
///   `AZURE_AUTHORITY_HOST`, default `https://login.microsoftonline.com`): a client secret.
///
/// Empty variables count as unset.
pub fn credential_from_env() -> Result<Option<Arc<dyn TokenCredential>>> {
    credential_from_lookup(|name| std::env::var(name).ok())
}

pub(crate) fn credential_from_lookup(
    get: impl Fn(&str) -> Option<String>,
) -> Result<Option<Arc<dyn TokenCredential>>> {
    let get = |name: &str| get(name).filter(|v| !v.trim().is_empty());
    if let Some(token) = get("CLOUDPARTNER_TOKEN").or_else(|| get("AZURE_TOKEN")) {
        return Ok(Some(Arc::new(StaticTokenCredential::new(token.trim()))));
    }
    let (Some(tenant), Some(client), Some(secret)) = (
        get("AZURE_TENANT_ID"),
        get("AZURE_CLIENT_ID"),
        get("AZURE_CLIENT_SECRET"),
    ) else {
        return Ok(None);
    };
    let authority =
        get("AZURE_AUTHORITY_HOST").unwrap_or_else(|| DEFAULT_AUTHORITY_HOST.to_owned());
    let cred = ClientSecretCredential::with_authority(tenant, client, secret, &authority, false)?;
    Ok(Some(Arc::new(cred)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(vars: &[(&str, &str)]) -> Option<String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        credential_from_lookup(|n| map.get(n).cloned())
            .unwrap()
            .map(|c| format!("{c:?}"))
    }

    #[test]
    fn order_and_redaction() {
        assert_eq!(from(&[]), None);
        let d = from(&[("AZURE_TOKEN", "abc"), ("AZURE_CLIENT_SECRET", "s")]).unwrap();
        assert!(
            d.starts_with("StaticTokenCredential") && !d.contains("abc"),
            "{d}"
        );
        let d = from(&[
            ("CLOUDPARTNER_TOKEN", " "),
            ("AZURE_TENANT_ID", "t"),
            ("AZURE_CLIENT_ID", "c"),
            ("AZURE_CLIENT_SECRET", "hush"),
        ])
        .unwrap();
        assert!(
            d.starts_with("ClientSecretCredential") && !d.contains("hush"),
            "{d}"
        );
        assert_eq!(
            from(&[("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c")]),
            None
        );
    }
}
