//! Fault routes: the names an API gives its routes so a [`Fault`] can be
//! limited to one of them (scenario field `route`).
//!
//! [`Fault`]: crate::Fault

use std::fmt;

/// A route a [`Fault`](crate::Fault) can be limited to, by its scenario
/// name, e.g. `publish`. Each API declares its routes' names; the CPP ones
/// are constants such as [`FaultRoute::Publish`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FaultRoute {
    name: &'static str,
    within: Option<&'static str>,
}

impl FaultRoute {
    /// A route named `name`.
    pub(crate) const fn named(name: &'static str) -> FaultRoute {
        FaultRoute { name, within: None }
    }

    /// A route named `name` that is part of the route named `within`: a
    /// fault limited to `within` also applies to it.
    pub(crate) const fn named_within(name: &'static str, within: &'static str) -> FaultRoute {
        FaultRoute {
            name,
            within: Some(within),
        }
    }

    /// The route's name in scenario files, e.g. `publish`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether a fault limited to this route applies to a request to `route`.
    pub(crate) fn covers(self, route: FaultRoute) -> bool {
        self == route || route.within == Some(self.name)
    }
}

impl fmt::Display for FaultRoute {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name)
    }
}

/// A route an API declares, with the other names scenario files may give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DeclaredFaultRoute {
    pub route: FaultRoute,
    pub aliases: &'static [&'static str],
}

impl DeclaredFaultRoute {
    /// Whether a scenario's `route` names this route.
    pub fn is_named(&self, name: &str) -> bool {
        self.route.name == name || self.aliases.contains(&name)
    }
}

/// What a request is about, for picking the faults that apply to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FaultTarget<'a> {
    pub route: FaultRoute,
    /// The HTTP method, upper case.
    pub method: &'a str,
    pub publisher: Option<&'a str>,
    pub offer: Option<&'a str>,
}
