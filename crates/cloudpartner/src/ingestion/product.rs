//! A product (an offer in Partner Center), and the ways a caller names one.

use std::fmt;

use serde_json::Value;

use super::resource::Resource;
use super::states::LifecycleState;

/// A product resource (`product/<guid>`): the offer whose id users know as its
/// external id.
#[derive(Clone, Default, PartialEq)]
pub struct Product {
    resource: Resource,
}

impl Product {
    /// The product of a resource (its type is not checked).
    pub fn from_resource(resource: Resource) -> Product {
        Product { resource }
    }

    /// Its durable id, `product/<guid>`.
    pub fn id(&self) -> &str {
        self.resource.id()
    }

    /// Its GUID (the durable id without `product/`).
    pub fn guid(&self) -> &str {
        let id = self.id();
        id.strip_prefix("product/").unwrap_or(id)
    }

    /// The offer id (`identity.externalId`).
    pub fn external_id(&self) -> &str {
        self.resource.external_id()
    }

    /// Its name in Partner Center.
    pub fn alias(&self) -> &str {
        self.resource.str("alias")
    }

    /// Its type (`azureVirtualMachine`, …).
    pub fn product_type(&self) -> &str {
        self.resource.str("type")
    }

    /// Its lifecycle state (generally available when absent).
    pub fn lifecycle_state(&self) -> LifecycleState {
        match self.resource.definition().get("lifecycleState") {
            Some(Value::String(s)) => LifecycleState::from_wire(s),
            _ => LifecycleState::GenerallyAvailable,
        }
    }

    /// The resource, every field as sent.
    pub fn resource(&self) -> &Resource {
        &self.resource
    }
}

impl fmt::Debug for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Product")
            .field("id", &self.id())
            .field("external_id", &self.external_id())
            .field("alias", &self.alias())
            .field("type", &self.product_type())
            .finish()
    }
}

/// How a call names a product: a [`Product`] read before, its offer id (external id),
/// or its durable id `product/<guid>`.
#[derive(Debug, Clone, Copy)]
pub enum ProductRef<'a> {
    /// A product read before.
    Product(&'a Product),
    /// An offer id, or a durable id `product/<guid>`.
    Id(&'a str),
}

impl ProductRef<'_> {
    /// The durable id when it is known without asking the service.
    pub(crate) fn durable_id(&self) -> Option<String> {
        match self {
            ProductRef::Product(p) => Some(p.id().to_owned()),
            ProductRef::Id(id) if id.starts_with("product/") => Some((*id).to_owned()),
            ProductRef::Id(_) => None,
        }
    }

    /// How it is named in messages.
    pub(crate) fn shown(&self) -> String {
        match self {
            ProductRef::Product(p) if !p.external_id().is_empty() => p.external_id().to_owned(),
            ProductRef::Product(p) => p.id().to_owned(),
            ProductRef::Id(id) => (*id).to_owned(),
        }
    }
}

impl<'a> From<&'a Product> for ProductRef<'a> {
    fn from(p: &'a Product) -> Self {
        ProductRef::Product(p)
    }
}

impl<'a> From<&'a str> for ProductRef<'a> {
    fn from(id: &'a str) -> Self {
        ProductRef::Id(id)
    }
}

impl<'a> From<&'a String> for ProductRef<'a> {
    fn from(id: &'a String) -> Self {
        ProductRef::Id(id)
    }
}
