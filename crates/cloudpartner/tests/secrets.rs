//! Secrets are never shown: a run with a client secret, the token it gets and a SAS image
//! URL, capturing every log line at the most verbose level and the Debug and Display of
//! everything a program could print, shows none of them — while the service receives
//! them as they are.

use std::sync::{Mutex, OnceLock};

use cloudpartner::{
    Client, ClientOptions, ClientSecretOptions, ErrorKind, OfferSelector, Precondition,
    VmImageVersion,
};
use cloudpartner_emulator::{Emulator, OfferSlot};

/// The default scenario's token and client secret.
const TOKEN: &str = "emulator-token";
const CLIENT_SECRET: &str = "contoso-secret";
const SIG: &str = "s1gnature-never-shown";

/// Every log record, formatted with its arguments.
struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        self.0.lock().unwrap().push(line);
    }
    fn flush(&self) {}
}

fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<&'static Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(capture).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
        capture
    })
}

#[tokio::test]
async fn no_secret_is_ever_shown() {
    let capture = capture();
    let emulator = Emulator::builder().start().await.unwrap();
    assert_eq!(emulator.token(), TOKEN);
    let options = ClientOptions {
        base_url: Some(emulator.base_url().to_owned()),
        client_secret: Some(ClientSecretOptions {
            tenant_id: "contoso-tenant".into(),
            client_id: "contoso-app".into(),
            client_secret: CLIENT_SECRET.into(),
            authority_host: Some(emulator.base_url().to_owned()),
        }),
        ..ClientOptions::default()
    };
    let mut shown = vec![format!("{options:?}")];
    // The Product Ingestion API is played fast by an emulator of its own.
    let fast = Emulator::builder()
        .time_scale(1_000_000.0)
        .start()
        .await
        .unwrap();
    let ingestion_options = ClientOptions {
        ingestion_base_url: Some(fast.ingestion_base_url()),
        poll_time_scale: Some(fast.time_scale()),
        client_secret: options
            .client_secret
            .clone()
            .map(|secret| ClientSecretOptions {
                authority_host: Some(fast.base_url().to_owned()),
                ..secret
            }),
        ..options.clone()
    };
    let client = Client::new(options).unwrap();
    shown.push(format!("{client:?}"));

    let sas = format!("https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2020&sr=b&sig={SIG}");
    let mut offer = client
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    let mut image = VmImageVersion::new("3.0.0", sas.as_str());
    image
        .data_disks
        .push(cloudpartner::DataDisk::new(0, sas.as_str()));
    shown.push(format!("{image:?}"));
    offer.set_vm_image_version("standard", &image).unwrap();
    shown.push(format!("{offer:?}"));
    let stored = client.put_offer(&offer, Precondition::Auto).await.unwrap();
    shown.push(format!("{stored:?}"));
    for image in stored.vm_image_versions("standard").unwrap() {
        shown.push(format!("{image:?}"));
    }
    let reference = client
        .publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap();
    shown.push(format!("{reference:?} {reference}"));
    let operation = client.operation_at(&reference.url).await.unwrap();
    shown.push(format!("{operation:?}"));

    // Errors that quote the URL: a bad image, a refused write, a bad base URL.
    let bad = VmImageVersion::new("x.y", format!("http://insecure/os.vhd?sig={SIG}"));
    let err = offer.set_vm_image_version("standard", &bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    shown.push(format!("{err} {err:?}"));
    let err = client
        .put_offer(&offer, Precondition::Create)
        .await
        .unwrap_err();
    shown.push(format!("{err} {err:?}"));
    let err = client
        .operation_at(&format!("http://127.0.0.2:1/x?sig={SIG}"))
        .await
        .unwrap_err();
    shown.push(format!("{err} {err:?}"));
    let wrong = Client::builder()
        .base_url(emulator.base_url())
        .token(format!("{TOKEN}-wrong"))
        .build()
        .unwrap();
    let err = wrong
        .offer_status("contoso", "live-offer")
        .await
        .unwrap_err();
    shown.push(format!("{err} {err:?} {wrong:?}"));

    // The Product Ingestion API, with the same client secret (a Graph token this time).
    let ingestion = cloudpartner::ingestion::Client::new(ingestion_options).unwrap();
    shown.push(format!("{ingestion:?}"));
    let tree = ingestion
        .resource_tree("vm-new", cloudpartner::ingestion::Target::Draft)
        .await
        .unwrap();
    let mut config = tree.technical_configuration("standard").unwrap();
    let version = cloudpartner::ingestion::VmImageVersion::new(
        "3.0.0",
        vec![
            cloudpartner::ingestion::VmImage {
                data_disks: vec![cloudpartner::ingestion::DataDisk::new(0, sas.as_str())],
                ..cloudpartner::ingestion::VmImage::sas_uri("x64Gen1", sas.as_str())
            },
            cloudpartner::ingestion::VmImage::sas_uri("x64Gen2", sas.as_str()),
        ],
    );
    shown.push(format!("{version:?}"));
    config.set_vm_image_version(&version).unwrap();
    shown.push(format!("{config:?} {:?}", config.resource()));
    let job = ingestion
        .configure(&[config.resource().clone()])
        .await
        .unwrap();
    let job = ingestion
        .wait_for_job(&job.id, Default::default())
        .await
        .unwrap();
    assert!(job.succeeded(), "{job:?}");
    shown.push(format!("{job:?}"));
    let request = cloudpartner::ingestion::ReleaseRequest {
        offer_id: "vm-new".into(),
        plan_id: "standard".into(),
        version: "3.0.0".into(),
        os_disk_uri: sas.clone(),
        data_disks: vec![cloudpartner::ingestion::DataDisk::new(0, sas.as_str())],
        go_live: true,
        ..Default::default()
    };
    let outcome = cloudpartner::ingestion::release(&ingestion, &request, |event| {
        shown.push(format!("{event:?}"));
    })
    .await
    .unwrap();
    shown.push(format!("{outcome:?}"));
    let live = ingestion
        .resource_tree("vm-new", cloudpartner::ingestion::Target::Live)
        .await
        .unwrap();
    assert!(live.to_json().contains(SIG), "the service got the real URL");
    let err = ingestion
        .product(format!("nope?sig={SIG}").as_str())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    shown.push(format!("{err} {err:?}"));
    let mut bad = request.clone();
    bad.os_disk_uri = format!("http://insecure/os.vhd?sig={SIG}");
    let err = cloudpartner::ingestion::release(&ingestion, &bad, |_| {})
        .await
        .unwrap_err();
    shown.push(format!("{err} {err:?}"));

    // The service got the real values.
    let held = emulator
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap();
    assert!(held.to_string().contains(SIG));
    assert!(
        stored.to_json().contains(SIG),
        "to_json keeps the document as it is"
    );

    let logged = capture.0.lock().unwrap().clone();
    assert!(logged.len() > 10, "the run logged: {logged:?}");
    shown.extend(logged);
    for text in &shown {
        for secret in [TOKEN, CLIENT_SECRET, SIG] {
            assert!(!text.contains(secret), "`{secret}` shown in: {text}");
        }
    }
}
