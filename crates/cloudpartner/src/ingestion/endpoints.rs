//! The endpoints of the Product Ingestion API (DESIGN §10 "Wire").

use reqwest::Method;
use serde_json::{Value, json};

use super::client::Client;
use super::job::{Job, parse_job};
use super::page::{ResourcePage, parse_page};
use super::product::{Product, ProductRef};
use super::product_status::ProductStatus;
use super::resource::{Resource, schema_uri};
use super::states::Target;
use super::submission::{Submission, parse_submissions};
use super::tree::{PublishedVersions, ResourceTree, parse_resource_tree};
use crate::document::json_document::read_exact_value;
use crate::error::{Error, ErrorKind, Result};
use crate::transport::ApiRequest;

/// The schema version of submissions sent by publish and go-live.
const SUBMISSION_SCHEMA: &str = "2022-03-01-preview2";

fn check_id(what: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::invalid_argument(format!("the {what} is empty")));
    }
    Ok(())
}

impl Client {
    async fn get(&self, url: String) -> Result<Vec<u8>> {
        let response = self.transport().execute(&ApiRequest::get(url)).await?;
        // Checked to look like JSON (an HTML gateway page is a parse error naming it).
        response.json(|body| Ok(body.to_vec()))
    }

    /// Every product of the account, following `@nextLink`.
    pub async fn products(&self) -> Result<Vec<Product>> {
        self.all_pages(self.url("product", &[]))
            .await
            .map(|all| all.into_iter().map(Product::from_resource).collect())
    }

    /// Every product, asking for pages of at most `page_size` (`$maxpagesize`).
    pub async fn products_paged(&self, page_size: u32) -> Result<Vec<Product>> {
        if page_size == 0 {
            return Err(Error::invalid_argument("the page size must be at least 1"));
        }
        let size = page_size.to_string();
        self.all_pages(self.url("product", &[("$maxpagesize", &size)]))
            .await
            .map(|all| all.into_iter().map(Product::from_resource).collect())
    }

    /// The resources of every page from `url` on.
    async fn all_pages(&self, mut url: String) -> Result<Vec<Resource>> {
        let mut all = Vec::new();
        for _ in 0..10_000 {
            let ResourcePage {
                resources,
                next_link,
            } = parse_page(&self.get(url).await?)?;
            all.extend(resources);
            match next_link {
                Some(link) => url = self.next_link(&link)?,
                None => return Ok(all),
            }
        }
        Err(Error::new(
            ErrorKind::Internal,
            "the list did not end after 10 000 pages",
        ))
    }

    /// One product: by its offer id (`GET product?externalId=`), or by its durable id
    /// `product/<guid>`. An unknown offer id is *not_found* naming it.
    pub async fn product<'a>(&self, product: impl Into<ProductRef<'a>>) -> Result<Product> {
        let product = product.into();
        if let ProductRef::Product(p) = product {
            return Ok(p.clone());
        }
        let ProductRef::Id(id) = product else {
            unreachable!()
        };
        check_id("offer id", id)?;
        if id.starts_with("product/") {
            return Ok(Product::from_resource(self.resource(id).await?));
        }
        let found =
            parse_page(&self.get(self.url("product", &[("externalId", id)])).await?)?.resources;
        found
            .into_iter()
            .map(Product::from_resource)
            .find(|p| p.external_id() == id || p.external_id().is_empty())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::NotFound,
                    format!(
                        "no product with offer id `{}` (`products()` lists them)",
                        crate::document::sas::Redacted(id)
                    ),
                )
            })
    }

    /// The durable id of a product (asking the service for an offer id).
    pub(crate) async fn durable_id(&self, product: ProductRef<'_>) -> Result<String> {
        match product.durable_id() {
            Some(id) => Ok(id),
            None => Ok(self.product(product).await?.id().to_owned()),
        }
    }

    /// The plans of a product (`GET plan?product=`).
    pub async fn plans<'a>(&self, product: impl Into<ProductRef<'a>>) -> Result<Vec<Resource>> {
        let id = self.durable_id(product.into()).await?;
        self.all_pages(self.url("plan", &[("product", &id)])).await
    }

    /// The product's resource tree for `target`. A draft tree also knows which image
    /// versions the preview and live trees hold, so that removing a published version
    /// is refused before anything is sent.
    pub async fn resource_tree<'a>(
        &self,
        product: impl Into<ProductRef<'a>>,
        target: Target,
    ) -> Result<ResourceTree> {
        let id = self.durable_id(product.into()).await?;
        let tree = self.tree_of(&id, &target).await?;
        if target != Target::Draft {
            return Ok(tree);
        }
        let submissions = self.submissions(ProductRef::Id(&id)).await?;
        let mut published = PublishedVersions::new();
        for target in [Target::Preview, Target::Live] {
            if submissions.iter().any(|s| s.target == target) {
                for (plan, versions) in self.tree_of(&id, &target).await?.versions_by_plan() {
                    published.entry(plan).or_default().extend(versions);
                }
            }
        }
        Ok(tree.with_published(published))
    }

    async fn tree_of(&self, durable_id: &str, target: &Target) -> Result<ResourceTree> {
        let url = self.url(
            &format!("resource-tree/{durable_id}"),
            &[("targetType", target.as_wire())],
        );
        parse_resource_tree(&self.get(url).await?)
    }

    /// One resource by its durable id (the draft).
    pub async fn resource(&self, durable_id: &str) -> Result<Resource> {
        check_id("durable id", durable_id)?;
        Resource::parse(&self.get(self.url(durable_id, &[])).await?)
    }

    /// Sends resources as they are (`POST configure`); the job that applies them. Not
    /// sent again where the service may have acted (DESIGN §8's write rule).
    pub async fn configure(&self, resources: &[Resource]) -> Result<Job> {
        if resources.is_empty() {
            return Err(Error::invalid_argument(
                "configure needs at least one resource",
            ));
        }
        let body = json!({
            "$schema": schema_uri("configure", self.version()),
            "resources": resources.iter().map(Resource::to_value).collect::<Vec<_>>(),
        });
        let request = ApiRequest::with_json(
            Method::POST,
            self.url("configure", &[]),
            body.to_string().into_bytes(),
        );
        let response = self.transport().execute(&request).await?;
        response.json(parse_job)
    }

    /// A configure job's status.
    pub async fn job(&self, job_id: &str) -> Result<Job> {
        check_id("job id", job_id)?;
        parse_job(
            &self
                .get(self.url(&format!("configure/{job_id}/status"), &[]))
                .await?,
        )
    }

    /// The resources a completed job stored (`GET configure/<jobId>`).
    pub async fn job_detail(&self, job_id: &str) -> Result<Vec<Resource>> {
        check_id("job id", job_id)?;
        let body = self
            .get(self.url(&format!("configure/{job_id}"), &[]))
            .await?;
        let value = read_exact_value(&body, "a configure detail (a JSON object)")?;
        value
            .get("resources")
            .and_then(Value::as_array)
            .map(|list| list.iter().cloned().map(Resource::from_value).collect())
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    /// Cancels a running job (`POST configure/<jobId>/cancel`); a job already done is
    /// *bad_request*.
    pub async fn cancel_job(&self, job_id: &str) -> Result<Job> {
        check_id("job id", job_id)?;
        let request = ApiRequest::with_json(
            Method::POST,
            self.url(&format!("configure/{job_id}/cancel"), &[]),
            Vec::new(),
        );
        self.transport().execute(&request).await?.json(parse_job)
    }

    /// The product's submissions: the draft entry, and the preview and live publishes.
    pub async fn submissions<'a>(
        &self,
        product: impl Into<ProductRef<'a>>,
    ) -> Result<Vec<Submission>> {
        let id = self.durable_id(product.into()).await?;
        let guid = id.strip_prefix("product/").unwrap_or(&id);
        parse_submissions(
            &self
                .get(self.url(&format!("submission/{guid}"), &[]))
                .await?,
        )
    }

    /// Where the product stands.
    pub async fn product_status<'a>(
        &self,
        product: impl Into<ProductRef<'a>>,
    ) -> Result<ProductStatus> {
        let product = product.into();
        let shown = product.shown();
        Ok(ProductStatus::from_submissions(
            &shown,
            self.submissions(product).await?,
        ))
    }

    /// Publishes the draft to preview (a submission sent through configure). Refused
    /// (*conflict*, naming it) while a submission runs.
    pub async fn publish<'a>(&self, product: impl Into<ProductRef<'a>>) -> Result<Job> {
        let product = product.into();
        let id = self.durable_id(product).await?;
        let status = self.product_status(ProductRef::Id(&id)).await?;
        if let Some(running) = status.running() {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!(
                    "{}: submission {} to {} is in progress; wait for it (`product watch`) before publishing",
                    product.shown(),
                    running.id,
                    running.target
                ),
            ));
        }
        let submission = json!({
            "$schema": schema_uri("submission", SUBMISSION_SCHEMA),
            "product": id,
            "target": {"targetType": "preview"},
        });
        self.configure(&[Resource::from_value(submission)?]).await
    }

    /// Pushes the latest succeeded preview live. Refused (*conflict*) when no preview
    /// newer than live succeeded, or while a submission runs.
    pub async fn go_live<'a>(&self, product: impl Into<ProductRef<'a>>) -> Result<Job> {
        let product = product.into();
        let id = self.durable_id(product).await?;
        let status = self.product_status(ProductRef::Id(&id)).await?;
        let shown = |s: Option<&Submission>| match s {
            Some(s) => format!(
                "{} ({})",
                s.id,
                match (&s.status, &s.result) {
                    (Some(st), Some(r)) => format!("{st}, {r}"),
                    _ => "no status".to_owned(),
                }
            ),
            None => "none".to_owned(),
        };
        let preview = match (&status.preview, status.in_progress()) {
            (Some(p), false)
                if p.succeeded() && status.live.as_ref().is_none_or(|l| l.id != p.id) =>
            {
                p.clone()
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "{}: no succeeded preview newer than live to push live (preview: {}; live: {})",
                        product.shown(),
                        shown(status.preview.as_ref()),
                        shown(status.live.as_ref())
                    ),
                ));
            }
        };
        let submission = json!({
            "$schema": schema_uri("submission", SUBMISSION_SCHEMA),
            "id": preview.id,
            "product": id,
            "target": {"targetType": "live"},
        });
        self.configure(&[Resource::from_value(submission)?]).await
    }
}
