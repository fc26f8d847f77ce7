//! The CPP API's part of a scenario: the top-level fields `publishers`,
//! `locationForm` and `omitEtag`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::cpp::location::LocationForm;
use crate::cpp::scenario_offer::{ScenarioOffer, StatusSource};

/// The top-level scenario fields the CPP API reads.
pub(crate) const SCENARIO_KEYS: &[&str] = &["publishers", "locationForm", "omitEtag"];

/// The CPP API's part of a scenario.
#[derive(Clone, Debug, Default)]
pub(crate) struct CppScenario {
    /// The offers of every publisher.
    pub publishers: BTreeMap<String, BTreeMap<String, ScenarioOffer>>,
    /// The form of `Location` headers (`locationForm`).
    pub location_form: LocationForm,
    /// Whether to leave ETag headers out (`omitEtag`).
    pub omit_etag: bool,
}

impl CppScenario {
    /// Reads the value of one of [`SCENARIO_KEYS`] from a scenario's map.
    pub fn read_key<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "publishers" => self.publishers = map.next_value_seed(PublishersSeed)?,
            "locationForm" => self.location_form = map.next_value()?,
            _ => self.omit_etag = map.next_value()?,
        }
        Ok(())
    }

    /// The `(publisher, offer)` ids the scenario serves, sorted.
    pub fn offer_ids(&self) -> Vec<(String, String)> {
        self.publishers
            .iter()
            .flat_map(|(publisher, offers)| {
                offers
                    .keys()
                    .map(move |offer| (publisher.clone(), offer.clone()))
            })
            .collect()
    }

    /// The simulated seconds a simulated publish takes from its start to the
    /// end of its last step; `None` for unknown offers and fixed documents.
    pub fn publish_seconds(&self, publisher: &str, offer: &str) -> Option<f64> {
        match &self.publishers.get(publisher)?.get(offer)?.status {
            StatusSource::Simulated { publish } => Some(publish.total_seconds()),
            StatusSource::Fixed { .. } | StatusSource::NeverPublished => None,
        }
    }
}

/// `publishers`: a map from publisher ids to `{"offers": {…}}`, each offer
/// document checked against its publisher's key and its own.
struct PublishersSeed;

impl<'de> DeserializeSeed<'de> for PublishersSeed {
    type Value = BTreeMap<String, BTreeMap<String, ScenarioOffer>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PublishersSeed {
    type Value = BTreeMap<String, BTreeMap<String, ScenarioOffer>>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map from publisher ids to publishers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut publishers = BTreeMap::new();
        while let Some(publisher_id) = map.next_key::<String>()? {
            let offers = map.next_value_seed(PublisherSeed {
                publisher_id: &publisher_id,
            })?;
            publishers.insert(publisher_id, offers);
        }
        Ok(publishers)
    }
}

/// A publisher of a scenario file, `{"offers": {…}}`, knowing its id.
struct PublisherSeed<'a> {
    publisher_id: &'a str,
}

impl<'de> DeserializeSeed<'de> for PublisherSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PublisherSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a publisher, {\"offers\": {…}}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        /// The fields of a publisher.
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "camelCase")]
        enum Field {
            Offers,
        }
        let mut offers = None;
        while let Some(Field::Offers) = map.next_key::<Field>()? {
            if offers.is_some() {
                return Err(A::Error::duplicate_field("offers"));
            }
            offers = Some(map.next_value_seed(OffersSeed {
                publisher_id: self.publisher_id,
            })?);
        }
        Ok(offers.unwrap_or_default())
    }
}

/// A publisher's `offers` map, knowing the publisher's id.
struct OffersSeed<'a> {
    publisher_id: &'a str,
}

impl<'de> DeserializeSeed<'de> for OffersSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OffersSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map from offer ids to offers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut offers = BTreeMap::new();
        while let Some(offer_id) = map.next_key::<String>()? {
            let offer = map.next_value_seed(OfferSeed {
                publisher_id: self.publisher_id,
                offer_id: &offer_id,
            })?;
            offers.insert(offer_id, offer);
        }
        Ok(offers)
    }
}

/// One offer, knowing its publisher's id and its own.
struct OfferSeed<'a> {
    publisher_id: &'a str,
    offer_id: &'a str,
}

impl<'de> DeserializeSeed<'de> for OfferSeed<'_> {
    type Value = ScenarioOffer;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ScenarioOffer, D::Error> {
        use serde::de::Error;
        let offer = ScenarioOffer::deserialize(deserializer)?;
        if let Some(document) = &offer.document {
            for (field, expected) in [("id", self.offer_id), ("publisherId", self.publisher_id)] {
                match document.get(field) {
                    None => {}
                    Some(Value::String(id)) if id == expected => {}
                    Some(other) => {
                        return Err(D::Error::custom(format!(
                            "`offer.{field}` is {other}, but the offer is listed as `{expected}`"
                        )));
                    }
                }
            }
            if let Some(version) = document.get("version") {
                if version.as_u64().is_none() {
                    return Err(D::Error::custom(format!(
                        "`offer.version` must be a whole number, got {version}"
                    )));
                }
            }
        }
        Ok(offer)
    }
}
