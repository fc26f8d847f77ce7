//! The command never shows a secret: a whole run with a client secret, the token it gets
//! and a SAS image URL, at the most verbose level, through every kind of output — human,
//! `--json` aside (it is the document), errors and logs.

mod common;

use common::{Server, cloudpartner, run};

/// The default scenario's client secret and the token its token endpoint gives.
const CLIENT_SECRET: &str = "contoso-secret";
const TOKEN: &str = "emulator-token";
const SIG: &str = "s1gnature-never-shown";

#[test]
fn no_secret_is_ever_shown() {
    let server = Server::start();
    let url = server.url();
    let sas = format!("https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2020&sr=b&sig={SIG}");
    let principal = |args: &[&str]| {
        let mut all = vec![
            "-vvv",
            "--base-url",
            &url,
            "--tenant-id",
            "contoso-tenant",
            "--client-id",
            "contoso-app",
            "--client-secret",
            CLIENT_SECRET,
            "--authority-host",
            &url,
        ];
        all.extend_from_slice(args);
        run(cloudpartner(&all))
    };
    let runs = [
        principal(&["status", "contoso", "live-offer"]).expect_code(0),
        principal(&["offer", "show", "contoso", "vm-release"]).expect_code(0),
        principal(&["image", "list", "contoso", "vm-release"]).expect_code(0),
        principal(&[
            "image",
            "add",
            "contoso",
            "vm-release",
            "--plan",
            "standard",
            "--version",
            "3.0.0",
            "--os-vhd-url",
            &sas,
            "--data-disk",
            &format!("0={sas}"),
            "--dry-run",
        ])
        .expect_code(0),
        principal(&[
            "image",
            "add",
            "contoso",
            "vm-release",
            "--plan",
            "standard",
            "--version",
            "3.0.0",
            "--os-vhd-url",
            &sas,
        ])
        .expect_code(0),
        principal(&[
            "image",
            "list",
            "contoso",
            "vm-release",
            "--plan",
            "standard",
        ])
        .expect_code(0),
        // Refused: a URL that is not https, quoting the signature.
        principal(&[
            "image",
            "add",
            "contoso",
            "vm-release",
            "--plan",
            "standard",
            "--version",
            "3.0.1",
            "--os-vhd-url",
            &format!("http://insecure/os.vhd?sig={SIG}"),
        ]),
        // A wrong secret.
        run(cloudpartner(&[
            "-vvv",
            "--base-url",
            &url,
            "--tenant-id",
            "contoso-tenant",
            "--client-id",
            "contoso-app",
            "--client-secret",
            &format!("{CLIENT_SECRET}-wrong"),
            "--authority-host",
            &url,
            "status",
            "contoso",
            "live-offer",
        ]))
        .expect_code(1),
    ];
    for out in &runs {
        for secret in [CLIENT_SECRET, TOKEN, SIG] {
            out.assert_never_shows(secret);
        }
    }
    // The service got the real signature.
    let held = server
        .emulator()
        .offer_document(
            "contoso",
            "vm-release",
            cloudpartner_emulator::OfferSlot::Draft,
        )
        .unwrap();
    assert!(held.to_string().contains(SIG));
}
