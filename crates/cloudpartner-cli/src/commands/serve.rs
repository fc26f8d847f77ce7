//! `cloudpartner serve [--scenario FILE] [--port N] [--time-scale X]`: the emulator in
//! the foreground until Ctrl-C or SIGTERM.

use std::time::Duration;

use cloudpartner_emulator::{Emulator, Scenario};

use crate::args::{GlobalArgs, ServeArgs};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::print_line;
use crate::render::duration::format_length;
use crate::render::style::{Style, Tone};

/// Starts the emulator, prints its URL, token and an example command, and stops it
/// cleanly on Ctrl-C or SIGTERM.
pub async fn serve(global: &GlobalArgs, args: &ServeArgs) -> Result<Exit, Failure> {
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
    let token = scenario.token().to_owned();
    let mut builder = Emulator::builder().scenario(scenario).port(args.port);
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
    print_line(&format!(
        "offers: {}",
        offers
            .iter()
            .map(|(p, o)| format!("{p}/{o}"))
            .collect::<Vec<_>>()
            .join(" ")
    ));
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
    print_line("Ctrl-C stops it.");
    let signal = stop.wait().await;
    print_line(&format!("{signal}: stopping the emulator"));
    emulator.shutdown().await;
    Ok(Exit::Ok)
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
