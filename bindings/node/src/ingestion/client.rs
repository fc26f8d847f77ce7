//! `NativeIngestionClient`: the core's [`cloudpartner::ingestion::Client`] behind the
//! JavaScript `IngestionClient`. The options are `Client`'s, with `baseUrl` and
//! `version` for this API (the core's `ingestion_base_url` and `ingestion_version`);
//! every call is abortable ([`crate::cancel`]). A product argument is an offer id or a
//! durable id, or a product read before (its document).

use cloudpartner::ingestion::{Client, Product, ProductRef, Resource, Target};
use cloudpartner::{ClientOptions, WatchOptions, whole_number};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

use super::resource::NativeResource;
use super::tree::NativeResourceTree;
use super::values::{NativeJob, NativeProductStatus, NativeSubmission};
use super::watch::NativeProductWatch;
use crate::cancel::{NativeCancel, spawn_call};
use crate::client::{NativeClientOptions, client_options};
use crate::credential::TokenCallback;
use crate::error::to_napi;
use crate::watch::{NativeWatchOptions, watch_options};

/// The options of `new IngestionClient({...})`, the credential aside.
#[napi(object)]
pub struct NativeIngestionClientOptions {
    /// A bearer token (a Microsoft Graph token).
    pub token: Option<String>,
    /// The API's base URL.
    pub base_url: Option<String>,
    /// The `$version` sent.
    pub version: Option<String>,
    /// The whole-request timeout, in milliseconds.
    pub timeout_ms: Option<f64>,
    /// The connect timeout, in milliseconds.
    pub connect_timeout_ms: Option<f64>,
    /// Retries after the first attempt.
    pub max_retries: Option<f64>,
    /// Allows plain `http://` to hosts that are not loopback.
    pub allow_http: Option<bool>,
}

/// The JavaScript options laid over `base` (see [`client_options`]).
pub fn ingestion_options(
    base: ClientOptions,
    o: NativeIngestionClientOptions,
    credential: Option<TokenCallback>,
) -> cloudpartner::Result<ClientOptions> {
    let (base_url, version) = (o.base_url, o.version);
    let shared = NativeClientOptions {
        token: o.token,
        base_url: None,
        api_version: None,
        timeout_ms: o.timeout_ms,
        connect_timeout_ms: o.connect_timeout_ms,
        max_retries: o.max_retries,
        allow_http: o.allow_http,
    };
    let options = client_options(base, shared, credential)?;
    Ok(ClientOptions {
        ingestion_base_url: base_url.or(options.ingestion_base_url.clone()),
        ingestion_version: version.or(options.ingestion_version.clone()),
        ..options
    })
}

/// A product argument: an id (offer id or `product/<guid>`), or a product's document.
fn product_of(document: Option<&str>) -> cloudpartner::Result<Option<Product>> {
    document
        .map(|json| Resource::parse(json.as_bytes()).map(Product::from_resource))
        .transpose()
}

fn product_ref<'a>(id: &'a str, product: &'a Option<Product>) -> ProductRef<'a> {
    match product {
        Some(p) => ProductRef::Product(p),
        None => ProductRef::Id(id),
    }
}

/// A client of the Product Ingestion API.
#[napi]
pub struct NativeIngestionClient {
    pub(crate) inner: Client,
}

impl NativeIngestionClient {
    /// Builds the client from core options (checked by the core).
    pub fn build(options: ClientOptions) -> napi::Result<NativeIngestionClient> {
        let inner = Client::new(options).map_err(|e| to_napi(&e))?;
        Ok(NativeIngestionClient { inner })
    }
}

/// `{minIntervalMs, maxIntervalMs, timeoutMs}` as the core's watch options.
fn wait_options(o: Option<NativeWatchOptions>) -> cloudpartner::Result<WatchOptions> {
    match o {
        Some(o) => watch_options(o),
        None => Ok(WatchOptions::default()),
    }
}

#[napi]
impl NativeIngestionClient {
    /// Builds the client; `credential` is `(scope) => Promise<{token, expiresOnTimestamp}>`.
    #[napi(constructor)]
    pub fn new(
        options: NativeIngestionClientOptions,
        #[napi(ts_arg_type = "((scope: string) => Promise<NativeAccessToken>) | undefined | null")]
        credential: Option<TokenCallback>,
    ) -> napi::Result<NativeIngestionClient> {
        let options = ingestion_options(ClientOptions::default(), options, credential)
            .map_err(|e| to_napi(&e))?;
        NativeIngestionClient::build(options)
    }

    /// The base URL.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// The `$version` sent.
    #[napi(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_owned()
    }

    /// Where the credential came from, in words.
    #[napi(getter)]
    pub fn credential_source(&self) -> String {
        self.inner.credential_source().to_string()
    }

    /// Simulated seconds per real second of the server watched.
    #[napi(getter)]
    pub fn poll_time_scale(&self) -> f64 {
        self.inner.poll_time_scale()
    }

    /// Every product (every page); `pageSize` asks for pages of that many.
    #[napi(ts_return_type = "Promise<Array<NativeResource>>")]
    pub fn products<'env>(
        &self,
        env: &'env Env,
        page_size: Option<f64>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeResource>>> {
        let client = self.inner.clone();
        let call = async move {
            match page_size {
                Some(n) => {
                    client
                        .products_paged(whole_number("pageSize", n, 1)? as u32)
                        .await
                }
                None => client.products().await,
            }
        };
        spawn_call(env, abort, call, |list| {
            Ok(list
                .into_iter()
                .map(|p| p.resource().clone().into())
                .collect())
        })
    }

    /// One product by offer id or durable id.
    #[napi(ts_return_type = "Promise<NativeResource>")]
    pub fn product<'env>(
        &self,
        env: &'env Env,
        product: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeResource>> {
        let client = self.inner.clone();
        let call = async move { client.product(product.as_str()).await };
        spawn_call(env, abort, call, |p| Ok(p.resource().clone().into()))
    }

    /// A product's plans.
    #[napi(ts_return_type = "Promise<Array<NativeResource>>")]
    pub fn plans<'env>(
        &self,
        env: &'env Env,
        product: String,
        document: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeResource>>> {
        let client = self.inner.clone();
        let call = async move {
            let p = product_of(document.as_deref())?;
            client.plans(product_ref(&product, &p)).await
        };
        spawn_call(env, abort, call, |list| {
            Ok(list.into_iter().map(Into::into).collect())
        })
    }

    /// A product's resource tree for a target (`draft` when absent).
    #[napi(ts_return_type = "Promise<NativeResourceTree>")]
    pub fn resource_tree<'env>(
        &self,
        env: &'env Env,
        product: String,
        document: Option<String>,
        target: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeResourceTree>> {
        let client = self.inner.clone();
        let call = async move {
            let target = match target.as_deref() {
                None => Target::Draft,
                Some(t) => match Target::from_wire(t) {
                    Target::Unknown(_) => {
                        return Err(cloudpartner::Error::invalid_argument(format!(
                            "target `{t}` is not one of draft, preview, live"
                        )));
                    }
                    known => known,
                },
            };
            let p = product_of(document.as_deref())?;
            client
                .resource_tree(product_ref(&product, &p), target)
                .await
        };
        spawn_call(env, abort, call, |tree| Ok(tree.into()))
    }

    /// One resource by durable id.
    #[napi(ts_return_type = "Promise<NativeResource>")]
    pub fn resource<'env>(
        &self,
        env: &'env Env,
        durable_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeResource>> {
        let client = self.inner.clone();
        let call = async move { client.resource(&durable_id).await };
        spawn_call(env, abort, call, |r| Ok(r.into()))
    }

    /// Sends resources (each a JSON document) as they are; the job.
    #[napi(ts_return_type = "Promise<NativeJob>")]
    pub fn configure<'env>(
        &self,
        env: &'env Env,
        resources: Vec<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeJob>> {
        let client = self.inner.clone();
        let call = async move {
            let resources = resources
                .iter()
                .enumerate()
                .map(|(i, json)| {
                    Resource::parse(json.as_bytes()).map_err(|e| {
                        cloudpartner::Error::invalid_argument(format!(
                            "resources[{i}]: {}",
                            e.message()
                        ))
                    })
                })
                .collect::<cloudpartner::Result<Vec<_>>>()?;
            client.configure(&resources).await
        };
        spawn_call(env, abort, call, |job| Ok(job.into()))
    }

    /// A job's status.
    #[napi(ts_return_type = "Promise<NativeJob>")]
    pub fn job<'env>(
        &self,
        env: &'env Env,
        job_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeJob>> {
        let client = self.inner.clone();
        let call = async move { client.job(&job_id).await };
        spawn_call(env, abort, call, |job| Ok(job.into()))
    }

    /// The resources a completed job stored.
    #[napi(ts_return_type = "Promise<Array<NativeResource>>")]
    pub fn job_detail<'env>(
        &self,
        env: &'env Env,
        job_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeResource>>> {
        let client = self.inner.clone();
        let call = async move { client.job_detail(&job_id).await };
        spawn_call(env, abort, call, |list| {
            Ok(list.into_iter().map(Into::into).collect())
        })
    }

    /// Cancels a running job.
    #[napi(ts_return_type = "Promise<NativeJob>")]
    pub fn cancel_job<'env>(
        &self,
        env: &'env Env,
        job_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeJob>> {
        let client = self.inner.clone();
        let call = async move { client.cancel_job(&job_id).await };
        spawn_call(env, abort, call, |job| Ok(job.into()))
    }

    /// Waits until a job is done.
    #[napi(ts_return_type = "Promise<NativeJob>")]
    pub fn wait_for_job<'env>(
        &self,
        env: &'env Env,
        job_id: String,
        options: Option<NativeWatchOptions>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeJob>> {
        let client = self.inner.clone();
        let options = wait_options(options);
        let call = async move { client.wait_for_job(&job_id, options?).await };
        spawn_call(env, abort, call, |job| Ok(job.into()))
    }

    /// A product's submissions.
    #[napi(ts_return_type = "Promise<Array<NativeSubmission>>")]
    pub fn submissions<'env>(
        &self,
        env: &'env Env,
        product: String,
        document: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeSubmission>>> {
        let client = self.inner.clone();
        let call = async move {
            let p = product_of(document.as_deref())?;
            client.submissions(product_ref(&product, &p)).await
        };
        spawn_call(env, abort, call, |list| {
            Ok(list.into_iter().map(Into::into).collect())
        })
    }

    /// Where a product stands.
    #[napi(ts_return_type = "Promise<NativeProductStatus>")]
    pub fn product_status<'env>(
        &self,
        env: &'env Env,
        product: String,
        document: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeProductStatus>> {
        let client = self.inner.clone();
        let call = async move {
            let p = product_of(document.as_deref())?;
            client.product_status(product_ref(&product, &p)).await
        };
        spawn_call(env, abort, call, |s| Ok(s.into()))
    }

    /// Publishes the draft to preview; the job.
    #[napi(ts_return_type = "Promise<NativeJob>")]
    pub fn publish<'env>(
        &self,
        env: &'env Env,
        product: String,
        document: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeJob>> {
        let client = self.inner.clone();
        let call = async move {
            let p = product_of(document.as_deref())?;
            client.publish(product_ref(&product, &p)).await
        };
        spawn_call(env, abort, call, |job| Ok(job.into()))
    }

    /// Pushes the latest succeeded preview live; the job.
    #[napi(ts_return_type = "Promise<NativeJob>")]
    pub fn go_live<'env>(
        &self,
        env: &'env Env,
        product: String,
        document: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeJob>> {
        let client = self.inner.clone();
        let call = async move {
            let p = product_of(document.as_deref())?;
            client.go_live(product_ref(&product, &p)).await
        };
        spawn_call(env, abort, call, |job| Ok(job.into()))
    }

    /// Starts watching a product's stage (lazy).
    #[napi]
    pub fn watch(
        &self,
        product: String,
        document: Option<String>,
        options: NativeWatchOptions,
    ) -> napi::Result<NativeProductWatch> {
        let run = || -> cloudpartner::Result<NativeProductWatch> {
            let p = product_of(document.as_deref())?;
            let watch = self
                .inner
                .watch_product(product_ref(&product, &p), watch_options(options)?)?;
            Ok(NativeProductWatch::new(watch))
        };
        run().map_err(|e| to_napi(&e))
    }
}
