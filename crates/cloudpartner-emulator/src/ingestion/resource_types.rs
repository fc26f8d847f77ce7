//! The resource types of a VM product tree, their `$schema` URIs and their
//! durable ids (`<type>/<guid>[/…]`), with GUIDs derived from names so that
//! the same scenario always gets the same ids.

/// The schema host the emulator writes (`https://schema.mp.microsoft.com/schema/`).
pub(crate) const SCHEMA_HOST: &str = "https://schema.mp.microsoft.com/schema/";

/// The old schema host, naming the same types.
const OLD_SCHEMA_HOST: &str = "https://product-ingestion.azureedge.net/schema/";

/// The resource types a VM product tree holds, which configure accepts.
pub(crate) const RESOURCE_TYPES: &[&str] = &[
    "product",
    "plan",
    "property",
    "listing",
    "listing-asset",
    "listing-trailer",
    "plan-listing",
    "price-and-availability-offer",
    "price-and-availability-plan",
    "reseller",
    "customer-leads",
    "test-drive",
    "submission",
    TECH_CONFIG,
    CORE_TECH_CONFIG,
];

/// The VM technical configuration type.
pub(crate) const TECH_CONFIG: &str = "virtual-machine-plan-technical-configuration";

/// The core VM technical configuration type.
pub(crate) const CORE_TECH_CONFIG: &str = "core-virtual-machine-plan-technical-configuration";

/// Whether a type is one of the technical configurations.
pub(crate) fn is_tech_config(resource_type: &str) -> bool {
    resource_type == TECH_CONFIG || resource_type == CORE_TECH_CONFIG
}

/// The schema version the emulator writes for a type.
pub(crate) fn schema_version(resource_type: &str) -> &'static str {
    match resource_type {
        TECH_CONFIG | CORE_TECH_CONFIG => "2022-03-01-preview5",
        "product" | "plan" | "price-and-availability-offer" | "price-and-availability-plan" => {
            "2022-07-01"
        }
        _ => "2022-03-01-preview2",
    }
}

/// The `$schema` the emulator writes for a type (or a document such as
/// `configure-status`).
pub(crate) fn schema_uri(resource_type: &str) -> String {
    format!(
        "{SCHEMA_HOST}{resource_type}/{}",
        schema_version(resource_type)
    )
}

/// The type a `$schema` URI names (on either schema host), e.g. `plan` for
/// `https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2`;
/// `None` when the URI is not a schema URI.
pub(crate) fn schema_type(schema: &str) -> Option<&str> {
    let rest = schema
        .strip_prefix(SCHEMA_HOST)
        .or_else(|| schema.strip_prefix(OLD_SCHEMA_HOST))?;
    let (resource_type, version) = rest.split_once('/')?;
    (!resource_type.is_empty() && !version.is_empty() && !version.contains('/'))
        .then_some(resource_type)
}

/// The type a durable id names: its first segment.
pub(crate) fn id_type(durable_id: &str) -> &str {
    durable_id.split('/').next().unwrap_or("")
}

/// A GUID derived from names (FNV-1a, 128 bits, formatted as a version-4
/// UUID), e.g. the product GUID of offer `vm-release` is
/// `guid(&["product", "vm-release"])`.
pub(crate) fn guid(names: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut hash = OFFSET;
    for name in names {
        for byte in name.bytes().chain([0]) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    uuid::Builder::from_random_bytes(hash.to_be_bytes())
        .into_uuid()
        .to_string()
}

/// The GUID of a product, from its external id (the offer id).
pub(crate) fn product_guid(external_id: &str) -> String {
    guid(&["product", external_id])
}

/// The GUID of a plan, from its product's external id and its own.
pub(crate) fn plan_guid(product_external_id: &str, plan_external_id: &str) -> String {
    guid(&["plan", product_external_id, plan_external_id])
}

/// The durable id a resource of a product-level type gets when it is sent
/// without one: `<type>/<product guid>` and the service's suffixes.
pub(crate) fn product_level_id(resource_type: &str, product: &str) -> String {
    match resource_type {
        "product" => format!("product/{product}"),
        "property" => format!("property/{product}/public/main"),
        "listing" => format!("listing/{product}/public/main/default/en-us"),
        _ => format!("{resource_type}/{product}"),
    }
}

/// The durable id a resource of a plan-level type gets when it is sent
/// without one.
pub(crate) fn plan_level_id(resource_type: &str, product: &str, plan: &str) -> String {
    match resource_type {
        "plan-listing" => format!("plan-listing/{product}/public/main/{plan}/en-us"),
        _ => format!("{resource_type}/{product}/{plan}"),
    }
}

/// Whether a type belongs to a plan (has a `plan` reference).
pub(crate) fn is_plan_level(resource_type: &str) -> bool {
    matches!(
        resource_type,
        "plan-listing" | "price-and-availability-plan" | TECH_CONFIG | CORE_TECH_CONFIG
    )
}

/// The GUID a durable id of a product's resource names as its product:
/// its second segment.
pub(crate) fn id_product_guid(durable_id: &str) -> Option<&str> {
    durable_id.split('/').nth(1).filter(|guid| !guid.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_distinct() {
        let product = product_guid("vm-release");
        assert_eq!(product, product_guid("vm-release"));
        assert_ne!(product, product_guid("vm-new"));
        assert_ne!(plan_guid("a", "bc"), plan_guid("ab", "c"));
        let parsed = uuid::Uuid::parse_str(&product).unwrap();
        assert_eq!(parsed.get_version_num(), 4);
    }

    #[test]
    fn schema_uris_name_their_type() {
        assert_eq!(schema_type(&schema_uri(TECH_CONFIG)), Some(TECH_CONFIG));
        assert_eq!(
            schema_type("https://product-ingestion.azureedge.net/schema/plan/2022-03-01-preview2"),
            Some("plan")
        );
        assert_eq!(schema_type("https://example.com/schema/plan/1"), None);
        assert_eq!(
            schema_type("https://schema.mp.microsoft.com/schema/plan"),
            None
        );
        assert_eq!(id_type("plan/a/b"), "plan");
        assert_eq!(id_product_guid("plan/a/b"), Some("a"));
    }
}
