//! The `budget-monitor` command: `serve` (default), `migrate`, `openapi`.

use std::process::ExitCode;

use budget_monitor::config::Config;
use budget_monitor::{openapi, server, telemetry};

const USAGE: &str = "\
budget-monitor: budget performance monitoring service

Usage: budget-monitor [COMMAND]

Commands:
  serve     create the database if missing, apply migrations and serve HTTP (default)
  migrate   create the database if missing and apply pending migrations, then exit
  openapi   print the OpenAPI document (the committed openapi/openapi.json)
  help      print this text

Settings come from the environment; see README.md.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map_or("serve", String::as_str);
    if args.len() > 1 {
        eprintln!(
            "budget-monitor: unexpected argument {:?}\n\n{USAGE}",
            args[1]
        );
        return ExitCode::from(2);
    }
    match command {
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        "openapi" => {
            print!("{}", openapi::document_json());
            ExitCode::SUCCESS
        }
        "migrate" => with_config(|config| match server::prepare_database(&config) {
            Ok(applied) => {
                println!("applied {} migration(s)", applied.len());
                ExitCode::SUCCESS
            }
            Err(err) => fail(&err),
        }),
        "serve" => with_config(|config| {
            if let Err(err) = server::prepare_database(&config) {
                return fail(&err);
            }
            match actix_web::rt::System::new().block_on(server::serve(config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => fail(&err),
            }
        }),
        other => {
            eprintln!("budget-monitor: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn with_config(run: impl FnOnce(Config) -> ExitCode) -> ExitCode {
    match Config::from_env() {
        Ok(config) => {
            telemetry::init(config.log_format);
            run(config)
        }
        Err(err) => {
            eprintln!("budget-monitor: {err}");
            ExitCode::from(2)
        }
    }
}

fn fail(err: &dyn std::fmt::Display) -> ExitCode {
    tracing::error!("{err}");
    eprintln!("budget-monitor: {err}");
    ExitCode::FAILURE
}
