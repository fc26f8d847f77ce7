//! A fault as written in a scenario file, checked against its kind and
//! against the route names the APIs declare.

use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, MapAccess, Visitor};

use crate::faults::fault::Fault;
use crate::faults::fault_kind::FaultKind;
use crate::faults::fault_route::{DeclaredFaultRoute, FaultRoute};

/// The names of fault kinds in scenario files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum FaultKindName {
    Status,
    Latency,
    Malformed,
    Html,
    Reset,
    SlowBody,
    Oversize,
    Redirect,
}

impl FaultKindName {
    fn as_str(self) -> &'static str {
        match self {
            FaultKindName::Status => "status",
            FaultKindName::Latency => "latency",
            FaultKindName::Malformed => "malformed",
            FaultKindName::Html => "html",
            FaultKindName::Reset => "reset",
            FaultKindName::SlowBody => "slowBody",
            FaultKindName::Oversize => "oversize",
            FaultKindName::Redirect => "redirect",
        }
    }
}

/// A fault as written in a scenario file: every field of every kind, checked
/// against the kind when converted into a [`Fault`].
#[derive(Default)]
struct FaultSpec {
    kind: Option<FaultKindName>,
    offer_id: Option<String>,
    publisher_id: Option<String>,
    times: Option<u32>,
    route: Option<FaultRoute>,
    method: Option<String>,
    status: Option<u16>,
    retry_after_seconds: Option<u64>,
    ms: Option<u64>,
    bytes_per_second: Option<u64>,
    bytes: Option<u64>,
    location: Option<String>,
}

impl TryFrom<FaultSpec> for Fault {
    type Error = String;

    fn try_from(spec: FaultSpec) -> Result<Fault, String> {
        let spec_kind = spec
            .kind
            .ok_or_else(|| String::from("missing field `kind`"))?;
        let kind_name = spec_kind.as_str();
        let given = [
            ("status", spec.status.is_some()),
            ("retryAfterSeconds", spec.retry_after_seconds.is_some()),
            ("ms", spec.ms.is_some()),
            ("bytesPerSecond", spec.bytes_per_second.is_some()),
            ("bytes", spec.bytes.is_some()),
            ("location", spec.location.is_some()),
        ];
        let allowed: &[&str] = match spec_kind {
            FaultKindName::Status | FaultKindName::Html => &["status", "retryAfterSeconds"],
            FaultKindName::Latency => &["ms"],
            FaultKindName::Malformed | FaultKindName::Reset => &[],
            FaultKindName::SlowBody => &["bytesPerSecond"],
            FaultKindName::Oversize => &["bytes"],
            FaultKindName::Redirect => &["location", "status"],
        };
        if let Some((field, _)) = given
            .iter()
            .find(|(field, present)| *present && !allowed.contains(field))
        {
            return Err(format!(
                "field `{field}` does not apply to a fault of kind `{kind_name}`"
            ));
        }
        let required = |value: Option<u64>, field: &str| {
            value.ok_or_else(|| format!("a fault of kind `{kind_name}` needs the field `{field}`"))
        };
        let kind = match spec_kind {
            FaultKindName::Status => {
                let status = required(spec.status.map(u64::from), "status")?;
                FaultKind::Status {
                    status: check_status(status, 200..=599)?,
                    retry_after_seconds: spec.retry_after_seconds,
                }
            }
            FaultKindName::Latency => FaultKind::Latency {
                ms: required(spec.ms, "ms")?,
            },
            FaultKindName::Malformed => FaultKind::Malformed,
            FaultKindName::Html => FaultKind::Html {
                status: check_status(u64::from(spec.status.unwrap_or(502)), 200..=599)?,
                retry_after_seconds: spec.retry_after_seconds,
            },
            FaultKindName::Reset => FaultKind::Reset,
            FaultKindName::SlowBody => {
                let bytes_per_second = required(spec.bytes_per_second, "bytesPerSecond")?;
                if bytes_per_second == 0 {
                    return Err(String::from("bytesPerSecond must be at least 1"));
                }
                FaultKind::SlowBody { bytes_per_second }
            }
            FaultKindName::Oversize => FaultKind::Oversize {
                bytes: required(spec.bytes, "bytes")?,
            },
            FaultKindName::Redirect => {
                let location = spec.location.ok_or_else(|| {
                    String::from("a fault of kind `redirect` needs the field `location`")
                })?;
                if location.is_empty() {
                    return Err(String::from("location must not be empty"));
                }
                FaultKind::Redirect {
                    location,
                    status: check_status(u64::from(spec.status.unwrap_or(307)), 300..=399)?,
                }
            }
        };
        let method = spec
            .method
            .map(|method| {
                let method = method.to_ascii_uppercase();
                if ["GET", "PUT", "POST"].contains(&method.as_str()) {
                    Ok(method)
                } else {
                    Err(format!("method must be GET, PUT or POST, got `{method}`"))
                }
            })
            .transpose()?;
        Ok(Fault {
            kind,
            offer_id: spec.offer_id,
            publisher_id: spec.publisher_id,
            times: spec.times,
            route: spec.route,
            method,
        })
    }
}

/// Checks that a configured status code lies in the allowed range.
fn check_status(status: u64, allowed: std::ops::RangeInclusive<u16>) -> Result<u16, String> {
    u16::try_from(status)
        .ok()
        .filter(|status| allowed.contains(status))
        .ok_or_else(|| {
            format!(
                "status must be between {} and {}, got {status}",
                allowed.start(),
                allowed.end()
            )
        })
}

/// Reads one fault of a scenario file, its `route` among `routes`.
#[derive(Clone, Copy)]
pub(crate) struct FaultSeed<'a> {
    /// The routes the APIs declare.
    pub routes: &'a [DeclaredFaultRoute],
}

/// The fields of a fault in a scenario file.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum Field {
    Kind,
    OfferId,
    PublisherId,
    Times,
    Route,
    Method,
    Status,
    RetryAfterSeconds,
    Ms,
    BytesPerSecond,
    Bytes,
    Location,
}

impl<'de> DeserializeSeed<'de> for FaultSeed<'_> {
    type Value = Fault;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Fault, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FaultSeed<'_> {
    type Value = Fault;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a fault, {\"kind\": …}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fault, A::Error> {
        use serde::de::Error;
        /// Stores a field's value, refusing a second one.
        fn set<T, E: Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
            if slot.is_some() {
                return Err(E::duplicate_field(name));
            }
            *slot = Some(value);
            Ok(())
        }
        let mut spec = FaultSpec::default();
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Kind => set(&mut spec.kind, map.next_value()?, "kind")?,
                Field::OfferId => set(&mut spec.offer_id, map.next_value()?, "offerId")?,
                Field::PublisherId => {
                    set(&mut spec.publisher_id, map.next_value()?, "publisherId")?
                }
                Field::Times => set(&mut spec.times, map.next_value()?, "times")?,
                Field::Route => {
                    let route = map.next_value_seed(RouteSeed {
                        routes: self.routes,
                    })?;
                    set(&mut spec.route, route, "route")?
                }
                Field::Method => set(&mut spec.method, map.next_value()?, "method")?,
                Field::Status => set(&mut spec.status, map.next_value()?, "status")?,
                Field::RetryAfterSeconds => set(
                    &mut spec.retry_after_seconds,
                    map.next_value()?,
                    "retryAfterSeconds",
                )?,
                Field::Ms => set(&mut spec.ms, map.next_value()?, "ms")?,
                Field::BytesPerSecond => set(
                    &mut spec.bytes_per_second,
                    map.next_value()?,
                    "bytesPerSecond",
                )?,
                Field::Bytes => set(&mut spec.bytes, map.next_value()?, "bytes")?,
                Field::Location => set(&mut spec.location, map.next_value()?, "location")?,
            }
        }
        Fault::try_from(spec).map_err(A::Error::custom)
    }
}

/// Reads a fault's `route`: one of the names the APIs declare.
struct RouteSeed<'a> {
    routes: &'a [DeclaredFaultRoute],
}

impl<'de> DeserializeSeed<'de> for RouteSeed<'_> {
    type Value = FaultRoute;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<FaultRoute, D::Error> {
        use serde::de::Error;
        let name = String::deserialize(deserializer)?;
        self.routes
            .iter()
            .find(|declared| declared.is_named(&name))
            .map(|declared| declared.route)
            .ok_or_else(|| {
                let known: Vec<String> = self
                    .routes
                    .iter()
                    .map(|declared| format!("`{}`", declared.route.name()))
                    .collect();
                D::Error::custom(format!(
                    "unknown variant `{name}`, expected one of {}",
                    known.join(", ")
                ))
            })
    }
}
