//! A product's resource tree for one target (`GET resource-tree/product/<guid>`): every
//! resource of the product as the service sent them, kept losslessly.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value};

use super::product::Product;
use super::resource::Resource;
use super::states::Target;
use super::technical_configuration::{TECHNICAL_CONFIGURATION_TYPES, TechnicalConfiguration};
use crate::document::json_document::{read_exact_value, type_name};
use crate::error::{Error, Result};

/// Versions per plan (external id) that a preview or live tree holds.
pub(crate) type PublishedVersions = BTreeMap<String, BTreeSet<String>>;

/// The resource tree of a product for one target.
///
/// ```
/// let tree = cloudpartner::ingestion::parse_resource_tree(br#"{"root": "product/p1",
///   "target": {"targetType": "draft"}, "resources": [
///   {"$schema": "https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2", "id": "plan/p1/a",
///    "identity": {"externalId": "standard"}},
///   {"$schema": "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview2",
///    "id": "virtual-machine-plan-technical-configuration/p1/a", "plan": "plan/p1/a",
///    "skus": [{"imageType": "x64Gen2", "skuId": "standard"}], "vmImageVersions": []}]}"#)?;
/// assert_eq!(tree.plan_ids(), ["standard"]);
/// assert_eq!(tree.technical_configuration("standard")?.image_types(), ["x64Gen2"]);
/// assert!(tree.technical_configuration("gold").unwrap_err().message().contains("standard"));
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct ResourceTree {
    document: Map<String, Value>,
    resources: Vec<Resource>,
    published: Option<PublishedVersions>,
}

/// Parses a resource tree: a JSON object whose `resources` is a list of objects.
pub fn parse_resource_tree(bytes: &[u8]) -> Result<ResourceTree> {
    match read_exact_value(bytes, "a resource tree (a JSON object)")? {
        Value::Object(document) => ResourceTree::from_document(document),
        other => Err(Error::parse(format!(
            "expected a resource tree (a JSON object) at the top level, found {}",
            type_name(&other)
        ))),
    }
}

impl ResourceTree {
    /// A tree from its document.
    pub fn from_document(document: Map<String, Value>) -> Result<ResourceTree> {
        let resources = match document.get("resources") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::Object(r) => Ok(Resource::from_document(r.clone())),
                    other => Err(Error::parse(format!(
                        "resources[{i}]: expected a resource (a JSON object), found {}",
                        type_name(other)
                    ))),
                })
                .collect::<Result<_>>()?,
            Some(other) => {
                return Err(Error::parse(format!(
                    "resources: expected a list, found {}",
                    type_name(other)
                )));
            }
        };
        Ok(ResourceTree {
            document,
            resources,
            published: None,
        })
    }

    /// Replaces the tree with the document in `bytes` (edited by hand, say), keeping what
    /// is known of the versions the preview and live trees hold. A document that does not
    /// parse leaves the tree as it was.
    ///
    /// ```
    /// let mut tree = cloudpartner::ingestion::parse_resource_tree(br#"{"root": "product/p", "resources": []}"#)?;
    /// tree.set_json(br#"{"root": "product/q", "resources": [], "x-new": 1}"#)?;
    /// assert_eq!(tree.root(), "product/q");
    /// assert!(tree.set_json(b"{").is_err());
    /// assert_eq!(tree.root(), "product/q");
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn set_json(&mut self, bytes: &[u8]) -> Result<()> {
        let published = self.published.take();
        match parse_resource_tree(bytes) {
            Ok(tree) => {
                *self = tree;
                self.published = published;
                Ok(())
            }
            Err(e) => {
                self.published = published;
                Err(e)
            }
        }
    }

    /// The same tree, knowing what the preview and live trees hold (plan external id →
    /// versions): a client's draft tree knows it; a binding rebuilding a pickled tree
    /// gives back what [`Self::published_versions`] said.
    pub fn with_published(mut self, published: BTreeMap<String, BTreeSet<String>>) -> ResourceTree {
        self.published = Some(published);
        self
    }

    /// What the preview and live trees hold (plan external id → versions), when the tree
    /// was read through a client; `None` when unknown.
    pub fn published_versions(&self) -> Option<&BTreeMap<String, BTreeSet<String>>> {
        self.published.as_ref()
    }

    /// The product's durable id (`product/<guid>`).
    pub fn root(&self) -> &str {
        self.document
            .get("root")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// Which copy it is.
    pub fn target(&self) -> Target {
        let raw = self
            .document
            .get("target")
            .and_then(|t| t.get("targetType"))
            .and_then(Value::as_str)
            .unwrap_or("");
        Target::from_wire(raw)
    }

    /// Every resource, in the order sent.
    pub fn resources(&self) -> &[Resource] {
        &self.resources
    }

    /// The resources of a type.
    pub fn of_type<'a>(&'a self, resource_type: &'a str) -> impl Iterator<Item = &'a Resource> {
        self.resources
            .iter()
            .filter(move |r| r.resource_type() == resource_type)
    }

    /// The product resource.
    pub fn product(&self) -> Option<Product> {
        self.of_type("product")
            .next()
            .cloned()
            .map(Product::from_resource)
    }

    /// The plan resources.
    pub fn plans(&self) -> Vec<&Resource> {
        self.of_type("plan").collect()
    }

    /// The plans' ids (their external ids), in order.
    pub fn plan_ids(&self) -> Vec<&str> {
        self.plans()
            .into_iter()
            .map(Resource::external_id)
            .collect()
    }

    /// The tree's submission resource.
    pub fn submission(&self) -> Option<&Resource> {
        self.of_type("submission").next()
    }

    /// The technical configuration of the plan `plan_id` (its external id), to read or
    /// edit; *invalid_argument* naming the plans when there is no such plan.
    pub fn technical_configuration(&self, plan_id: &str) -> Result<TechnicalConfiguration> {
        let plan = self
            .plans()
            .into_iter()
            .find(|p| p.external_id() == plan_id)
            .ok_or_else(|| {
                Error::invalid_argument(format!(
                    "product {} has no plan `{plan_id}` (its plans: {})",
                    self.product()
                        .map(|p| p.external_id().to_owned())
                        .unwrap_or_else(|| self.root().to_owned()),
                    self.plan_ids().join(", ")
                ))
            })?;
        let config = self
            .resources
            .iter()
            .find(|r| {
                TECHNICAL_CONFIGURATION_TYPES.contains(&r.resource_type())
                    && refers_to(r.definition().get("plan"), plan)
            })
            .ok_or_else(|| {
                Error::invalid_argument(format!(
                    "plan `{plan_id}` has no VM technical configuration in this tree"
                ))
            })?;
        let published = match self.target() {
            Target::Draft => self
                .published
                .as_ref()
                .map(|p| p.get(plan_id).cloned().unwrap_or_default()),
            _ => Some(versions_in(config)),
        };
        Ok(TechnicalConfiguration::new(
            config.clone(),
            plan_id.to_owned(),
            published,
        ))
    }

    /// The versions each plan's technical configuration holds (plan external id →
    /// versions).
    pub(crate) fn versions_by_plan(&self) -> PublishedVersions {
        self.plan_ids()
            .into_iter()
            .filter_map(|plan| {
                let config = self.technical_configuration(plan).ok()?;
                Some((plan.to_owned(), versions_in(config.resource())))
            })
            .collect()
    }

    /// The tree exactly as sent.
    pub fn to_json(&self) -> String {
        Value::Object(self.document.clone()).to_string()
    }

    /// The tree's document.
    pub fn document(&self) -> &Map<String, Value> {
        &self.document
    }
}

/// The version numbers of a technical configuration.
fn versions_in(config: &Resource) -> BTreeSet<String> {
    config
        .definition()
        .get("vmImageVersions")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|v| v.get("versionNumber").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a reference (`"plan/<g>/<g>"`, `{"externalId": ...}`) names `plan`.
fn refers_to(reference: Option<&Value>, plan: &Resource) -> bool {
    let last = |id: &str| id.rsplit('/').next().map(str::to_owned);
    match reference {
        Some(Value::String(id)) => {
            id == plan.id() || (!id.is_empty() && last(id) == last(plan.id()))
        }
        Some(Value::Object(o)) => {
            o.get("externalId").and_then(Value::as_str) == Some(plan.external_id())
        }
        _ => false,
    }
}

impl fmt::Debug for ResourceTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResourceTree")
            .field("root", &self.root())
            .field("target", &self.target())
            .field("resources", &self.resources.len())
            .field("plans", &self.plan_ids())
            .finish()
    }
}
