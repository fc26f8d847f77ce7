//! The Product Ingestion API's part of the default scenario: `vm-release`
//! (published and live) and `vm-new` (never published).

use crate::ingestion::scenario_part::IngestionScenario;
use crate::scenario::scenario_error::parse_json;

/// The default scenario's `ingestion` part, as a scenario file writes it.
pub(crate) const DEFAULT_INGESTION_SCENARIO: &str = r#"{
  "products": {
    "vm-release": {
      "alias": "VM release",
      "published": true,
      "plans": {
        "standard": {
          "skus": [{"imageType": "x64Gen1", "skuId": "standard"},
                   {"imageType": "x64Gen2", "skuId": "standard-gen2"}],
          "versions": ["1.0.0"]
        },
        "byol": {
          "skus": [{"imageType": "x64Gen2", "skuId": "byol"}],
          "versions": ["1.0.0"]
        }
      }
    },
    "vm-new": {
      "alias": "VM new",
      "plans": {
        "standard": {
          "skus": [{"imageType": "x64Gen1", "skuId": "standard"},
                   {"imageType": "x64Gen2", "skuId": "standard-gen2"}]
        }
      }
    }
  }
}"#;

/// The default `ingestion` part.
pub(crate) fn default_ingestion_scenario() -> IngestionScenario {
    parse_json(DEFAULT_INGESTION_SCENARIO, None).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_parses() {
        let scenario: IngestionScenario = parse_json(DEFAULT_INGESTION_SCENARIO, None).unwrap();
        assert_eq!(scenario.products.len(), 2);
    }
}
