//! https as it goes to Azure: reqwest is built with `rustls-no-provider`, so the client
//! must install rustls's ring provider itself, or building it panics. Here a local rustls
//! server (a certificate for localhost from a test CA, tests/tls/) terminates TLS in front
//! of the emulator; the client verifies the chain as it verifies Azure's, against the
//! platform's roots (rustls-platform-verifier, which reads SSL_CERT_FILE on Linux), and a
//! whole call goes through the handshake.
//!
//! One test binary of its own: it sets SSL_CERT_FILE for the whole process.

mod support;

use std::path::PathBuf;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::{
    self,
    pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject},
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tls")
        .join(name)
}

/// A TLS server on 127.0.0.1 that forwards every connection to `backend` (host:port);
/// returns its port.
async fn tls_proxy(backend: String) -> u16 {
    let certs = CertificateDer::pem_file_iter(fixture("localhost.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(fixture("localhost.key")).unwrap();
    // The server's own provider, explicitly: the client must not rely on the server's.
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let backend = backend.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(socket).await else {
                    return;
                };
                let mut upstream = tokio::net::TcpStream::connect(backend).await.unwrap();
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut upstream).await;
            });
        }
    });
    port
}

#[tokio::test]
async fn https_through_a_local_rustls_server() {
    // SAFETY: the only test of this binary, set before any thread reads the environment.
    unsafe { std::env::set_var("SSL_CERT_FILE", fixture("ca.pem")) };
    unsafe { std::env::remove_var("SSL_CERT_DIR") };
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "nothing installed a provider yet"
    );

    let emulator = support::emulator(serde_json::json!([])).await;
    let backend = emulator.base_url().trim_start_matches("http://").to_owned();
    let port = tls_proxy(backend.trim_end_matches('/').to_owned()).await;

    // Building the client installs ring (reqwest would panic without a provider).
    let client = support::builder(&format!("https://localhost:{port}"))
        .build()
        .expect("an https client");
    assert!(rustls::crypto::CryptoProvider::get_default().is_some());

    let status = client
        .offer_status("contoso", "fixed")
        .await
        .expect("a status over https, through the TLS handshake");
    assert!(status.is_terminal());
    assert_eq!(status.steps.len(), 1);

    // The same server by an address the certificate does not name is refused: the
    // certificate really is checked.
    let refused = support::builder(&format!("https://127.0.0.1:{port}"))
        .build()
        .unwrap()
        .offer_status("contoso", "fixed")
        .await
        .expect_err("127.0.0.1 is not in the certificate");
    let message = format!("{refused:?}");
    assert!(message.to_lowercase().contains("certificate"), "{message}");
}
