//! The `budget-monitor` command: `serve` (default), `migrate`, `create-admin`, `seed-demo`,
//! `verify-rollups`, `recount-fields`, `openapi`.

use std::process::ExitCode;

use budget_monitor::config::{AppEnv, Config};
use budget_monitor::{demo, openapi, server, telemetry};

const USAGE: &str = "\
budget-monitor: budget performance monitoring service

Usage: budget-monitor [COMMAND]

Commands:
  serve                          create the database if missing, apply migrations and serve
                                 HTTP (default)
  migrate                        create the database if missing and apply pending migrations
  create-admin --username NAME   create an administrator; the password is read from the
                                 ADMIN_PASSWORD environment variable, else from the first line
                                 of standard input (never from the command line)
  seed-demo [--scale N]          load the Shandong 2021 demo data set into an empty database
                                 (development only; refused when APP_ENV=prod); N multiplies
                                 the ordinary projects for performance work (default 1)
  verify-rollups [--repair]      recompute every statistics summary from the raw rows and list
                                 the departments whose stored figures differ (exit status 1);
                                 with --repair, rewrite them (exit status 0 once repaired)
  recount-fields                 recount every report's generated and applicable fields by the
                                 current rule (reports last written before migration 000012
                                 carry the earlier rule's counts until then)
  openapi                        print the OpenAPI document (the committed openapi/openapi.json)
  help                           print this text

Settings come from the environment; see README.md.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map_or("serve", String::as_str);
    if command == "create-admin" {
        return create_admin(&args[1..]);
    }
    if command == "seed-demo" {
        return seed_demo(&args[1..]);
    }
    if command == "verify-rollups" {
        return verify_rollups(&args[1..]);
    }
    if command == "recount-fields" {
        return recount_fields(&args[1..]);
    }
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

fn create_admin(args: &[String]) -> ExitCode {
    let username = match args {
        [flag, name] if flag == "--username" => name.clone(),
        _ => {
            eprintln!("budget-monitor: create-admin needs --username NAME\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let password = match std::env::var("ADMIN_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ => {
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line).is_err() {
                eprintln!("budget-monitor: could not read the password from standard input");
                return ExitCode::from(2);
            }
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    with_config(|config| {
        if let Err(err) = server::prepare_database(&config) {
            return fail(&err);
        }
        let mut conn = match budget_monitor::db::connect_creating(&config.database_url) {
            Ok(conn) => conn,
            Err(err) => return fail(&err),
        };
        match budget_monitor::users::bootstrap::create_admin(&mut conn, &username, &password) {
            Ok(id) => {
                println!("created admin {username} ({id})");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("budget-monitor: {message}");
                ExitCode::FAILURE
            }
        }
    })
}

fn verify_rollups(args: &[String]) -> ExitCode {
    let repair = match args {
        [] => false,
        [flag] if flag == "--repair" => true,
        _ => {
            eprintln!("budget-monitor: verify-rollups takes only --repair\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    with_config(|config| {
        if let Err(err) = server::prepare_database(&config) {
            return fail(&err);
        }
        let mut conn = match budget_monitor::db::connect_creating(&config.database_url) {
            Ok(conn) => conn,
            Err(err) => return fail(&err),
        };
        let outcome = match budget_monitor::stats::verify::verify(&mut conn, repair) {
            Ok(outcome) => outcome,
            Err(err) => return fail(&err),
        };
        for d in &outcome.differences {
            println!(
                "{} {} ({}): {} summary row(s) differ{}",
                d.department_code,
                d.fiscal_year,
                d.department_id,
                d.rows,
                if repair { ", repaired" } else { "" }
            );
        }
        println!(
            "checked {} department-years: {} differ{}",
            outcome.checked,
            outcome.differences.len(),
            if outcome.repaired {
                ", all repaired"
            } else {
                ""
            }
        );
        if outcome.differences.is_empty() || repair {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    })
}

fn recount_fields(args: &[String]) -> ExitCode {
    if !args.is_empty() {
        eprintln!("budget-monitor: recount-fields takes no arguments\n\n{USAGE}");
        return ExitCode::from(2);
    }
    with_config(|config| {
        if let Err(err) = server::prepare_database(&config) {
            return fail(&err);
        }
        let mut conn = match budget_monitor::db::connect_creating(&config.database_url) {
            Ok(conn) => conn,
            Err(err) => return fail(&err),
        };
        match budget_monitor::reports::proposals::recount_all(&mut conn) {
            Ok((seen, changed)) => {
                println!("checked {seen} reports: {changed} recounted");
                ExitCode::SUCCESS
            }
            Err(err) => fail(&err),
        }
    })
}

fn seed_demo(args: &[String]) -> ExitCode {
    let scale = match args {
        [] => 1,
        [flag, n] if flag == "--scale" => match n.parse::<u32>() {
            Ok(n) if (1..=1000).contains(&n) => n,
            _ => {
                eprintln!("budget-monitor: --scale takes a whole number from 1 to 1000");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("budget-monitor: seed-demo takes only --scale N\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    with_config(|config| {
        if config.app_env == AppEnv::Prod {
            eprintln!(
                "budget-monitor: seed-demo refuses to run with APP_ENV=prod: its users share a \
                 published password"
            );
            return ExitCode::from(2);
        }
        if let Err(err) = server::prepare_database(&config) {
            return fail(&err);
        }
        let mut conn = match budget_monitor::db::connect_creating(&config.database_url) {
            Ok(conn) => conn,
            Err(err) => return fail(&err),
        };
        let started = std::time::Instant::now();
        let mut progress = |step: &str| {
            println!("[{:>5.1} s] {step}", started.elapsed().as_secs_f64());
        };
        match demo::seed(&mut conn, &demo::Options { scale }, &mut progress) {
            Ok(demo::Outcome::AlreadyLoaded) => {
                println!("The demo data set is already loaded; nothing written.");
                print_demo_users();
                ExitCode::SUCCESS
            }
            Ok(demo::Outcome::Loaded(summary)) => {
                println!(
                    "Loaded in {:.1} s: {} regions, {} departments, {} projects, {} reports, {} \
                     key-monitored projects, {} fund adjustments.",
                    started.elapsed().as_secs_f64(),
                    summary.regions,
                    summary.departments,
                    summary.projects,
                    summary.reports,
                    summary.key_monitored,
                    summary.adjustments
                );
                print_demo_users();
                ExitCode::SUCCESS
            }
            Err(err) => fail(&err),
        }
    })
}

fn print_demo_users() {
    println!(
        "Demo users (development only), all with the password {}:",
        demo::DEMO_PASSWORD
    );
    for (username, role, place, what) in demo::USERS {
        println!("  {username:<15} {:<19} {place:<7} {what}", role.as_str());
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
