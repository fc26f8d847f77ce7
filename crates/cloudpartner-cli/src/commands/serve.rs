//! `cloudpartner serve [--scenario FILE] [--port N] [--time-scale X]`: the emulator in
//! the foreground until Ctrl-C or SIGTERM.

use std::time::Duration;

use cloudpartner_emulator::{Emulator, Scenario};

use crate::args::{GlobalArgs, ServeArgs};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{eprint_line, print_line};
use crate::render::duration::format_length;
use crate::render::style::{Style, Tone};

/// Starts the emulator, prints its URL, token and an example command, and stops it
/// cleanly on Ctrl-C or SIGTERM.
pub async fn serve(global: &GlobalArgs, args: &ServeArgs) -> Result<Exit, Failure> {
    refuse_client_flags(global)?;
    let style = Style::for_stdout(global.color);
    let scenario = match &args.scenario {
        Some(path) => Scenario::from_file(path).map_err(|e| Failure::error(e.to_string()))?,
        None => Scenario::default_scenario(),
    };
    let time_scale = args.time_scale.unwrap_or_else(|| scenario.time_scale());
    let offers = scenario.offer_ids();
    let publishes: Vec<(String, String, f64)> = offers
        .iter()
        .filter_map(|(p, o)| {
            scenario
                .publish_seconds(p, o)
                .map(|s| (p.clone(), o.clone(), s))
        })
        .collect();
    let products = scenario.ingestion_product_ids();
    // `--token` chooses the emulator's token; the environment's is a client's, not read.
    let token = global
        .token
        .as_ref()
        .map_or_else(|| scenario.token().to_owned(), |t| t.expose().to_owned());
    let mut builder = Emulator::builder()
        .scenario(scenario)
        .port(args.port)
        .token(token.clone());
    if let Some(scale) = args.time_scale {
        builder = builder.time_scale(scale);
    }
    // Listen for signals before telling anyone where to connect.
    let mut stop =
        Stop::listen().map_err(|e| Failure::error(format!("cannot listen for signals: {e}")))?;
    let emulator = builder.start().await.map_err(|e| {
        Failure::error(format!(
            "cannot start the emulator on 127.0.0.1:{}: {e}",
            args.port
        ))
    })?;
    let url = emulator.base_url().to_owned();
    print_line(&format!(
        "{} listening on {url}",
        style.paint(Tone::Strong, "cloudpartner emulator")
    ));
    print_line(&format!("token: {token}"));
    print_line(&format!(
        "time scale: {time_scale} (announced in every answer: cloudpartner clients on this machine poll on this clock)"
    ));
    if !offers.is_empty() {
        print_line(&format!(
            "offers: {}",
            offers
                .iter()
                .map(|(p, o)| format!("{p}/{o}"))
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    for (publisher, offer, seconds) in &publishes {
        print_line(&format!(
            "publish of {publisher}/{offer}: {} simulated, {} real (time scale {time_scale})",
            format_length(Duration::from_secs_f64(*seconds)),
            format_length(Duration::from_secs_f64(seconds / time_scale))
        ));
    }
    if let Some((publisher, offer)) = publishes
        .first()
        .map(|(p, o, _)| (p, o))
        .or_else(|| offers.first().map(|(p, o)| (p, o)))
    {
        print_line(&format!(
            "try: cloudpartner --base-url {url} --token {token} status {publisher} {offer}"
        ));
    }
    let ingestion_url = emulator.ingestion_base_url();
    print_line(&format!("Product Ingestion API: {ingestion_url}"));
    if !products.is_empty() {
        print_line(&format!("products: {}", products.join(" ")));
    }
    print_line(&format!("export CLOUDPARTNER_BASE_URL={url}"));
    print_line(&format!(
        "export CLOUDPARTNER_INGESTION_URL={ingestion_url}"
    ));
    print_line(&format!("export CLOUDPARTNER_TOKEN={token}"));
    if let Some(product) = products.first() {
        print_line(&format!("try: cloudpartner product status {product}"));
    }
    if environment_token_differs(&token) {
        eprint_line(&format!(
            "note: CLOUDPARTNER_TOKEN in this shell is not the emulator's token: clients using it get 401; \
export CLOUDPARTNER_TOKEN={token} as above (or start serve with --token)"
        ));
    }
    print_line("Ctrl-C stops it.");
    let signal = stop.wait().await;
    print_line(&format!("{signal}: stopping the emulator"));
    emulator.shutdown().await;
    Ok(Exit::Ok)
}

/// The client flags given on the command line, which the emulator has no use for:
/// it serves on 127.0.0.1 and prints the URL, token and credentials clients use.
fn client_flags_given(global: &GlobalArgs) -> Vec<&'static str> {
    [
        ("--base-url", global.base_url.is_some()),
        ("--api-version", global.api_version.is_some()),
        ("--ingestion-url", global.ingestion_url.is_some()),
        ("--ingestion-version", global.ingestion_version.is_some()),
        ("--tenant-id", global.tenant_id.is_some()),
        ("--client-id", global.client_id.is_some()),
        ("--client-secret", global.client_secret.is_some()),
        ("--authority-host", global.authority_host.is_some()),
        ("--allow-http", global.allow_http),
        ("--timeout", global.timeout.is_some()),
        ("--max-retries", global.max_retries.is_some()),
    ]
    .into_iter()
    .filter_map(|(flag, given)| given.then_some(flag))
    .collect()
}

/// A usage error naming the client flags `serve` was given, rather than ignoring them.
fn refuse_client_flags(global: &GlobalArgs) -> Result<(), Failure> {
    let given = client_flags_given(global);
    if given.is_empty() {
        return Ok(());
    }
    Err(Failure::usage(format!(
        "serve does not take {}: {} for clients of a service; the emulator listens on \
127.0.0.1 (--port) and prints the URL and token its clients use",
        given.join(", "),
        if given.len() == 1 {
            "it is a flag"
        } else {
            "they are flags"
        }
    ))
    .with_hint("cloudpartner serve [--scenario FILE] [--port N] [--time-scale X] [--token TOKEN]"))
}

/// Whether `CLOUDPARTNER_TOKEN` is set to something other than the emulator's token.
fn environment_token_differs(token: &str) -> bool {
    std::env::var("CLOUDPARTNER_TOKEN").is_ok_and(|value| !value.is_empty() && value != token)
}

/// Ctrl-C (SIGINT) and, on Unix, SIGTERM.
struct Stop {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Stop {
    fn listen() -> std::io::Result<Stop> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Stop {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(Stop {})
        }
    }

    /// Waits for a signal; names it.
    async fn wait(&mut self) -> &'static str {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => "interrupted",
                _ = self.terminate.recv() => "terminated",
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            "interrupted"
        }
    }
}
