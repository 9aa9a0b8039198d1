//! The statistics come from rollups kept at write time. Random sequences of writes through the
//! API (spending records, key-monitoring and classified flags of projects and departments,
//! filling, submitting, returning and approving reports, inspections, findings, opinions,
//! rectifications ordered, answered and accepted, fund adjustments and their reversals, a
//! province-wide round opened) run on the demo data; after every step each statistics endpoint
//! is compared with the same figures aggregated from scratch from the raw rows (the queries the
//! service ran before the rollups, in `raw.rs`). Then `verify-rollups` finds nothing, and finds
//! and repairs a summary row corrupted on purpose.

#[path = "../common/mod.rs"]
mod common;
mod raw;
mod steps;

use std::collections::{BTreeMap, HashMap};

use actix_web::dev::{Service, ServiceResponse};
use bigdecimal::BigDecimal;
use budget_monitor::demo;
use budget_monitor::domain::money::format_money;
use budget_monitor::stats::dto::Figures;
use common::world::{login_pair, send};
use common::{TestDb, app, binary, state_for};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{Text, Uuid as SqlUuid};
use raw::Filter;
use serde_json::{Value, json};
use uuid::Uuid;

const YEAR: i16 = 2021;
const CALLERS: [&str; 4] = ["sd.finance", "jn.finance", "jn.kj.officer", "sd.auditor"];

/// A small deterministic generator, so a failing sequence can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
    fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())].clone())
    }
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

fn ids(conn: &mut PgConnection, sql: &str) -> Vec<Uuid> {
    diesel::sql_query(sql)
        .load::<Id>(conn)
        .expect(sql)
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[derive(QueryableByName)]
struct Scope {
    #[diesel(sql_type = Text)]
    username: String,
    #[diesel(sql_type = Text)]
    region_path: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<SqlUuid>)]
    department_region: Option<Uuid>,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    department_path: Option<String>,
}

/// What each caller may count: its region subtree, and a department officer its department.
fn scopes(conn: &mut PgConnection) -> HashMap<String, Scope> {
    diesel::sql_query(
        "SELECT u.username, coalesce(r.path, dr.path, '') AS region_path,
                d.region_id AS department_region, d.path AS department_path
           FROM users u
           LEFT JOIN regions r ON r.id = u.region_id
           LEFT JOIN departments d ON d.id = u.department_id
           LEFT JOIN regions dr ON dr.id = d.region_id",
    )
    .load::<Scope>(conn)
    .expect("caller scopes")
    .into_iter()
    .map(|s| (s.username.clone(), s))
    .collect()
}

fn filter(scope: &Scope, round: Option<Uuid>, split: Option<&str>) -> Filter {
    Filter {
        region_path: scope.region_path.clone(),
        year: YEAR,
        round,
        department: scope.department_region.zip(scope.department_path.clone()),
        split_under: split.map(str::to_owned),
    }
}

fn figures_json(rows: &[budget_monitor::stats::store::StatRow], bucket: &str) -> Value {
    let mut by = Figures::by_bucket(rows, &[bucket.to_owned()]);
    serde_json::to_value(by.remove(bucket).unwrap()).unwrap()
}

fn money(v: &Option<BigDecimal>) -> String {
    format_money(&v.clone().unwrap_or_default())
}

struct Rig<S> {
    app: S,
    conn: PgConnection,
    tokens: HashMap<String, String>,
    scopes: HashMap<String, Scope>,
    seq: u32,
}

impl<S> Rig<S>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    async fn call(&self, who: &str, method: &str, uri: &str, body: Option<Value>) -> (u16, Value) {
        send(&self.app, &self.tokens[who], method, uri, body, None).await
    }

    /// A PATCH or PUT with the ETag of the object's current version.
    async fn change(&self, who: &str, method: &str, uri: &str, body: Value) -> (u16, Value) {
        let (_, current) = self.call(who, "GET", uri, None).await;
        let tag = format!("\"{}\"", current["version"]);
        send(
            &self.app,
            &self.tokens[who],
            method,
            uri,
            Some(body),
            Some(&tag),
        )
        .await
    }

    fn rounds(&mut self) -> Vec<Uuid> {
        ids(
            &mut self.conn,
            "SELECT id FROM rounds WHERE fiscal_year = 2021 ORDER BY cutoff_date",
        )
    }

    /// Every statistics endpoint for `who`, for the whole year and for each round, against the
    /// raw aggregation.
    async fn check(&mut self, who: &str, step: &str) {
        let mut rounds: Vec<Option<Uuid>> = vec![None];
        rounds.extend(self.rounds().into_iter().map(Some));
        for round in rounds {
            let q = match round {
                Some(r) => format!("region=370000&year=2021&round={r}"),
                None => "region=370000&year=2021".to_owned(),
            };
            let ctx = format!("{step}: {who}, round {round:?}");
            let scope = &self.scopes[who];

            let (status, overview) = self
                .call(who, "GET", &format!("/api/v1/stats/overview?{q}"), None)
                .await;
            assert_eq!(status, 200, "{ctx}: {overview}");
            let expected = figures_json(
                &raw::figures(&mut self.conn, &filter(scope, round, None)),
                "",
            );
            assert_eq!(overview["figures"], expected, "{ctx}: overview");

            let rq = q.replace("region=", "parent=");
            let (status, regions) = self
                .call(who, "GET", &format!("/api/v1/stats/regions?{rq}"), None)
                .await;
            assert_eq!(status, 200, "{ctx}: {regions}");
            let rows = raw::figures(&mut self.conn, &filter(scope, round, Some("370000/")));
            assert_eq!(
                regions["own_level"],
                figures_json(&rows, ""),
                "{ctx}: own level"
            );
            for child in regions["children"].as_array().unwrap() {
                let code = child["region"]["code"].as_str().unwrap();
                assert_eq!(
                    child["figures"],
                    figures_json(&rows, code),
                    "{ctx}: child {code}"
                );
            }

            let (status, problems) = self
                .call(who, "GET", &format!("/api/v1/stats/problems?{q}"), None)
                .await;
            assert_eq!(status, 200, "{ctx}: {problems}");
            let got: Vec<(String, String, i64, String)> = problems
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p["region"]["code"].as_str().unwrap().to_owned(),
                        p["category"].as_str().unwrap().to_owned(),
                        p["findings"].as_i64().unwrap(),
                        p["amount"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let want: Vec<(String, String, i64, String)> =
                raw::problems(&mut self.conn, &filter(scope, round, Some("370000/")))
                    .into_iter()
                    .map(|r| {
                        let code = if r.bucket.is_empty() {
                            "370000".to_owned()
                        } else {
                            r.bucket
                        };
                        (code, r.key, r.n, money(&r.amount))
                    })
                    .collect();
            assert_eq!(got, want, "{ctx}: problems");

            let (status, trend) = self
                .call(who, "GET", &format!("/api/v1/stats/trend?{q}"), None)
                .await;
            assert_eq!(status, 200, "{ctx}: {trend}");
            let got: Vec<Value> = trend
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    json!([
                        t["round_id"],
                        t["reports"],
                        t["adjusted_budget"],
                        t["executed_amount"],
                        t["lights"]
                    ])
                })
                .collect();
            let want: Vec<Value> = raw::trend(&mut self.conn, &filter(scope, round, None))
                .into_iter()
                .map(|t| {
                    json!([t.round_id, t.reports, format_money(&t.adjusted_budget),
                           format_money(&t.executed_amount),
                           {"red": t.red, "yellow": t.yellow, "green": t.green, "blue": t.blue,
                            "none": t.none}])
                })
                .collect();
            assert_eq!(got, want, "{ctx}: trend");

            if let (Some(r), false) = (round, who.ends_with(".officer")) {
                let mut got: Vec<Value> = Vec::new();
                let mut cursor = String::new();
                loop {
                    let uri = format!(
                        "/api/v1/stats/departments?region=370000&year=2021&round={r}&limit=500{cursor}"
                    );
                    let (status, page) = self.call(who, "GET", &uri, None).await;
                    assert_eq!(status, 200, "{ctx}: {page}");
                    got.extend(page["items"].as_array().unwrap().iter().map(|d| {
                        json!([
                            d["department_id"],
                            d["reports"],
                            d["late_reports"],
                            d["lights"],
                            d["score"],
                            d["monitoring_quality"]
                        ])
                    }));
                    match page["next_cursor"].as_str() {
                        Some(next) => cursor = format!("&cursor={next}"),
                        None => break,
                    }
                }
                got.sort_by_key(|v| v[0].as_str().unwrap().to_owned());
                let region_path = self.scopes[who].region_path.clone();
                assert_eq!(
                    got,
                    ranking(raw::ranking_rows(&mut self.conn, r, &region_path)),
                    "{ctx}: ranking"
                );
            }
        }
    }
}

/// The ranking as it was computed from the reports before the rollups.
fn ranking(rows: Vec<raw::RankingRow>) -> Vec<Value> {
    let mut by: BTreeMap<Uuid, Vec<raw::RankingRow>> = BTreeMap::new();
    for r in rows {
        by.entry(r.department_id).or_default().push(r);
    }
    let hundred = BigDecimal::from(100);
    let mut out: Vec<Value> = by
        .into_iter()
        .map(|(id, list)| {
            let (mut weighted, mut weights) = (BigDecimal::from(0), BigDecimal::from(0));
            let mut lights: BTreeMap<String, usize> = BTreeMap::new();
            let (mut good, mut late) = (0u64, 0usize);
            for r in &list {
                if let Some(t) = &r.score_total {
                    weighted += t * &r.adjusted_budget;
                    weights += &r.adjusted_budget;
                }
                *lights
                    .entry(r.light_overall.clone().unwrap_or_else(|| "none".into()))
                    .or_insert(0) += 1;
                late += usize::from(r.late);
                if (r.status == "submitted" || r.status == "approved") && !r.late && !r.returned {
                    good += 1;
                }
            }
            let quality = BigDecimal::from(good) * &hundred / BigDecimal::from(list.len() as u64);
            let score = (weights > 0).then(|| {
                format_money(
                    &((&weighted / &weights * BigDecimal::from(9) + &quality)
                        / BigDecimal::from(10)),
                )
            });
            json!([id, list.len(), late, lights, score, format_money(&quality)])
        })
        .collect();
    out.sort_by_key(|v| v[0].as_str().unwrap().to_owned());
    out
}

fn verify_cli(db: &TestDb, repair: bool) -> (Option<i32>, String) {
    let mut cmd = std::process::Command::new(binary());
    cmd.arg("verify-rollups")
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn");
    if repair {
        cmd.arg("--repair");
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[actix_web::test]
async fn statistics_equal_a_fresh_aggregation_after_every_write_and_the_verifier_repairs() {
    let db = TestDb::new();
    let mut conn = db.connect();
    demo::seed(&mut conn, &demo::Options { scale: 1 }, &mut |_| {}).expect("demo data loads");
    let app = app(state_for(&db)).await;
    let mut tokens = HashMap::new();
    for who in CALLERS.iter().chain(&["demo.admin"]) {
        let pair = login_pair(&app, who, demo::DEMO_PASSWORD).await;
        tokens.insert(
            (*who).to_owned(),
            pair["access_token"].as_str().unwrap().to_owned(),
        );
    }
    let scopes = scopes(&mut conn);
    let mut rig = Rig {
        app,
        conn,
        tokens,
        scopes,
        seq: 0,
    };
    for who in CALLERS {
        rig.check(who, "seeded").await;
    }

    // A second round opened province-wide: thousands of reports in one transaction.
    let (s, round) = rig
        .call(
            "sd.finance",
            "POST",
            "/api/v1/rounds",
            Some(json!({"region_code": "370000", "fiscal_year": 2021, "name": "2021 January-October",
                        "cutoff_date": "2021-10-31", "open_date": "2021-11-01", "due_date": "2099-11-20"})),
        )
        .await;
    assert_eq!(s, 201, "{round}");
    let uri = format!("/api/v1/rounds/{}/open", round["id"].as_str().unwrap());
    let (s, opened) = rig.call("sd.finance", "POST", &uri, None).await;
    assert_eq!(s, 200, "{opened}");
    rig.check("sd.finance", "round opened").await;

    let seed = std::env::var("ROLLUP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2021_u64);
    let mut rng = Rng(seed);
    let mut done: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for i in 0..40 {
        let (name, accepted) = steps::step(&mut rig, &mut rng).await;
        let e = done.entry(name).or_default();
        e.0 += 1;
        e.1 += u32::from(accepted);
        let who = CALLERS[i % CALLERS.len()];
        rig.check(who, &format!("step {i} ({name}, seed {seed})"))
            .await;
    }
    for who in CALLERS {
        rig.check(who, "end").await;
    }
    eprintln!("steps (tried, accepted): {done:?}");
    // The sequence must really have written: most kinds of write landed at least once.
    let landed = done.values().filter(|(_, ok)| *ok > 0).count();
    assert!(landed >= 12, "too few kinds of write landed: {done:?}");

    // A manual SQL fix is followed as the service's own writes are: a report's count of
    // applicable fields lowered by one shows in the figures at once.
    let fields = |v: &Value| v["figures"]["report_fields"].as_i64().unwrap();
    let uri = "/api/v1/stats/overview?region=370000&year=2021";
    let (_, before) = rig.call("sd.finance", "GET", uri, None).await;
    let fixed = diesel::sql_query(
        "UPDATE reports SET applicable_fields = applicable_fields - 1
          WHERE id = (SELECT r.id FROM reports r
                        JOIN projects p ON p.id = r.project_id
                        JOIN departments d ON d.id = p.department_id
                       WHERE r.applicable_fields > 0 AND NOT p.classified
                         AND NOT d.classified
                       ORDER BY r.id LIMIT 1)",
    )
    .execute(&mut rig.conn)
    .unwrap();
    assert_eq!(fixed, 1);
    let (_, after) = rig.call("sd.finance", "GET", uri, None).await;
    assert_eq!(fields(&after), fields(&before) - 1);
    rig.check("sd.finance", "manual fix").await;

    // The verifier agrees with the write-time rollups.
    let (code, out) = verify_cli(&db, false);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(": 0 differ"), "{out}");

    // A summary row corrupted by hand is found, named and repaired.
    let corrupted = diesel::sql_query(
        "UPDATE stat_rollups SET reports = reports + 5, projects_funds = projects_funds + 1
          WHERE (department_id, fiscal_year, round_key) =
                (SELECT department_id, fiscal_year, round_key FROM stat_rollups
                  WHERE reports > 0 ORDER BY department_id LIMIT 1)
          RETURNING department_id",
    )
    .execute(&mut rig.conn)
    .unwrap();
    assert_eq!(corrupted, 1);
    let (status, overview) = rig
        .call(
            "sd.finance",
            "GET",
            "/api/v1/stats/overview?region=370000&year=2021",
            None,
        )
        .await;
    assert_eq!(status, 200);
    let scope = &rig.scopes["sd.finance"];
    let fresh = figures_json(&raw::figures(&mut rig.conn, &filter(scope, None, None)), "");
    assert_ne!(
        overview["figures"], fresh,
        "the corruption shows in the figures"
    );
    let (code, out) = verify_cli(&db, false);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(": 1 differ"), "{out}");
    let (code, out) = verify_cli(&db, true);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("repaired"), "{out}");
    let (code, out) = verify_cli(&db, false);
    assert_eq!(code, Some(0), "{out}");

    // A project's row is checked against the raw rows too, not only the department's sums.
    let corrupted = diesel::sql_query(
        "UPDATE stat_project_rollups SET late = late + 1
          WHERE (project_id, round_key) =
                (SELECT project_id, round_key FROM stat_project_rollups
                  WHERE reports > 0 ORDER BY project_id DESC LIMIT 1)",
    )
    .execute(&mut rig.conn)
    .unwrap();
    assert_eq!(corrupted, 1);
    let (code, out) = verify_cli(&db, false);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(": 1 differ"), "{out}");
    let (code, out) = verify_cli(&db, true);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = verify_cli(&db, false);
    assert_eq!(code, Some(0), "{out}");
    for who in CALLERS {
        rig.check(who, "repaired").await;
    }
}
