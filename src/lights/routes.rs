use std::collections::BTreeMap;
use std::str::FromStr;
use std::time::Instant;

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::Connection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Place};
use crate::domain::lights::{Light, RULE_KEYS, Rule, Settings, check_rule};
use crate::domain::money::{format_money, parse_decimal};
use crate::domain::scoring::{Grade, grade};
use crate::error::{AppError, FieldErrors};
use crate::export::{self, Cell, Column, ExportFormat, Format, Kind, XlsxFile};
use crate::lights::service::{self, Overrides};
use crate::lights::store;
use crate::projects::store as projects;
use crate::regions::store as regions;
use crate::rounds::store as rounds;

#[derive(Debug, Serialize, ToSchema)]
pub struct EffectiveRule {
    pub key: String,
    pub description: String,
    /// The region whose override sets this rule, or `default`.
    pub source: String,
    pub rule: Rule,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = warning_rules_example)]
pub struct WarningRules {
    pub region_code: String,
    /// The rule versions in force, e.g. `default` or `370000:2,370100:1`; reports record it.
    pub version: String,
    pub rules: Vec<EffectiveRule>,
    pub settings: Settings,
    pub settings_source: String,
    /// The region's own overrides (latest version), if any.
    pub own_version: Option<i32>,
    pub own_overrides: Option<Overrides>,
    pub own_changed_by: Option<String>,
    pub own_changed_at: Option<DateTime<Utc>>,
}

/// Jinan's rules: its own budget-execution bands, the rest from the defaults (two of the rules
/// shown).
fn warning_rules_example() -> serde_json::Value {
    let overrides = service::overrides_example();
    serde_json::json!({
        "region_code": "370100", "version": "370100:1",
        "rules": [
            {
                "key": "budget_execution",
                "description": "budget execution: execution rate ÷ time progress × 100",
                "source": "370100", "rule": overrides["rules"]["budget_execution"]
            },
            {
                "key": "likelihood",
                "description": "likelihood of reaching the target: raises an indicator's light to at least this",
                "source": "default",
                "rule": {"metric": "enumerated",
                         "mapping": {"certain": "none", "possible": "yellow", "impossible": "red"}}
            }
        ],
        "settings": overrides["settings"], "settings_source": "370100",
        "own_version": 1, "own_overrides": overrides, "own_changed_by": "jinan.finance",
        "own_changed_at": "2021-07-26T02:00:00Z"
    })
}

fn rules_changed_example() -> serde_json::Value {
    serde_json::json!({"rules": warning_rules_example(), "recomputed": 96, "changed": 7})
}

fn rules_view(
    conn: &mut diesel::pg::PgConnection,
    region: &crate::regions::store::RegionRow,
) -> Result<WarningRules, AppError> {
    let e = service::effective(conn, &region.path)?;
    let own = store::latest_overrides(conn, std::slice::from_ref(&region.path))?
        .into_iter()
        .next();
    Ok(WarningRules {
        region_code: region.code.clone(),
        version: e.version,
        rules: RULE_KEYS
            .iter()
            .map(|(key, description)| EffectiveRule {
                key: (*key).to_owned(),
                description: (*description).to_owned(),
                source: e
                    .sources
                    .get(*key)
                    .cloned()
                    .unwrap_or_else(|| "default".to_owned()),
                rule: e.rules[*key].clone(),
            })
            .collect(),
        settings: e.settings,
        settings_source: e.settings_source,
        own_version: own.as_ref().map(|o| o.version),
        own_changed_by: own.as_ref().and_then(|o| o.created_by_name.clone()),
        own_changed_at: own.as_ref().map(|o| o.created_at),
        own_overrides: own.and_then(|o| serde_json::from_value(o.overrides).ok()),
    })
}

/// The warning rules in force for a region.
#[utoipa::path(
    tag = "lights",
    operation_id = "get_warning_rules",
    summary = "Get a region's warning rules",
    description = "The effective rules: the defaults of DOMAIN.md overridden by the region and the \
                   regions above it, each marked with where it comes from. Roles: admin, \
                   finance_officer, auditor, department_officer (regions in or above their scope).",
    params(("code" = String, Path, description = "Region code", example = "370100")),
    responses((status = 200, description = "The rules", body = WarningRules)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/regions/{code}/warning-rules")]
pub async fn get_warning_rules(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<web::Json<WarningRules>, AppError> {
    caller.require(Action::Read)?;
    let code = code.into_inner();
    let view = state
        .db
        .run(move |conn| {
            let region = regions::find_by_code(conn, &code)?.ok_or_else(not_found)?;
            if !caller.covered_by(&region.path) {
                return Err(not_found());
            }
            rules_view(conn, &region)
        })
        .await?;
    Ok(web::Json(view))
}

fn check_settings(settings: &Settings, errors: &mut FieldErrors) {
    let mut bad = |f: &str, m: &str| {
        errors
            .entry(format!("settings.{f}"))
            .or_default()
            .push(m.to_owned())
    };
    match parse_decimal(&settings.budget_share, 2) {
        Ok(v) if (BigDecimal::from(0)..=BigDecimal::from(100)).contains(&v) => {}
        _ => bad("budget_share", "must be a number from 0 to 100"),
    }
    let edges: Vec<Option<BigDecimal>> = settings
        .grade_edges
        .iter()
        .map(|e| parse_decimal(e, 2).ok())
        .collect();
    let ok = edges.len() == 3
        && edges.iter().all(Option::is_some)
        && edges.windows(2).all(|w| w[0] > w[1]);
    if !ok {
        bad(
            "grade_edges",
            "must be three descending numbers: excellent, good, fair",
        );
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = rules_changed_example)]
pub struct RulesChanged {
    pub rules: WarningRules,
    /// Reports of open rounds in the region's subtree whose lights were recomputed.
    pub recomputed: usize,
    /// Of those, how many changed.
    pub changed: usize,
}

/// Set a region's own overrides.
#[utoipa::path(
    tag = "lights",
    operation_id = "set_warning_rules",
    summary = "Set a region's warning rules",
    description = "Replaces the region's own overrides with a new version (the old ones are kept). \
                   Every rule is checked: known key, bands ascending and covering every value, known \
                   colours, complete mappings; a broken rule answers 422 naming it. The lights of \
                   every report of an open round in the region's subtree are recomputed in the same \
                   request; closed rounds are untouched. Roles: admin, finance_officer (regions in \
                   their subtree).",
    params(("code" = String, Path, description = "Region code", example = "370100")),
    request_body = Overrides,
    responses((status = 200, description = "The new effective rules", body = RulesChanged)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[put("/regions/{code}/warning-rules")]
pub async fn set_warning_rules(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    body: web::Json<Overrides>,
) -> Result<web::Json<RulesChanged>, AppError> {
    caller.require(Action::ManageRounds)?;
    let overrides = body.into_inner();
    let mut errors = FieldErrors::new();
    for (key, rule) in &overrides.rules {
        if let Err(message) = check_rule(key, rule) {
            errors
                .entry(format!("rules.{key}"))
                .or_default()
                .push(message);
        }
    }
    if let Some(s) = &overrides.settings {
        check_settings(s, &mut errors);
    }
    if !errors.is_empty() {
        return Err(AppError::validation("Some rules are broken.", errors));
    }
    let code = code.into_inner();
    let result = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let region = regions::find_by_code(conn, &code)?
                    .filter(|r| caller.covered_by(&r.path))
                    .ok_or_else(not_found)?;
                if !caller.sees(&Place::region(&region.path)) {
                    return Err(AppError::Forbidden("The rules of a region above yours are set by its finance department.".to_owned()));
                }
                let before = rules_view(conn, &region)?;
                let value = serde_json::to_value(&overrides).unwrap_or_default();
                let set = store::insert_rule_set(conn, region.id, &region.path, &value, (caller.user_id, &caller.username))?;
                let ids = store::open_reports_under(conn, &region.path)?;
                let changed = service::recompute(conn, &ids)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "warning_rules.set", "warning_rules")
                        .object(set.id, Some(&region.path))
                        .change(Some(&before.own_overrides), Some(&overrides))
                        .details(serde_json::json!({"version": set.version, "recomputed": ids.len(), "changed": changed})),
                )?;
                Ok(RulesChanged { rules: rules_view(conn, &region)?, recomputed: ids.len(), changed })
            })
        })
        .await?;
    Ok(web::Json(result))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"recomputed": 1382, "changed": 41, "elapsed_ms": 2350}))]
pub struct Recomputed {
    pub recomputed: usize,
    pub changed: usize,
    pub elapsed_ms: u128,
}

/// Recompute every light of a round.
#[utoipa::path(
    tag = "lights",
    operation_id = "recompute_round",
    summary = "Recompute a round's lights",
    description = "Evaluates every report of the round with the rules in force now. A closed round \
                   is frozen (409). Roles: admin, finance_officer (of the round's region or above).",
    params(("id" = Uuid, Path, description = "Round id")),
    responses((status = 200, description = "Recomputed", body = Recomputed)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/rounds/{id}/recompute")]
pub async fn recompute_round(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Recomputed>, AppError> {
    caller.require(Action::ManageRounds)?;
    let id = id.into_inner();
    let started = Instant::now();
    let (recomputed, changed) = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let round = rounds::find(conn, id)?
                    .filter(|r| caller.covered_by(&r.region_path))
                    .ok_or_else(not_found)?;
                if !caller.sees(&Place::region(&round.region_path)) {
                    return Err(AppError::Forbidden(
                        "The round belongs to a region above yours.".to_owned(),
                    ));
                }
                if round.status == "closed" {
                    return Err(AppError::Conflict(
                        "The round is closed; its lights are frozen.".to_owned(),
                    ));
                }
                let ids = store::reports_of_round(conn, id)?;
                let changed = service::recompute(conn, &ids)?;
                Ok((ids.len(), changed))
            })
        })
        .await?;
    Ok(web::Json(Recomputed {
        recomputed,
        changed,
        elapsed_ms: started.elapsed().as_millis(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "report_id": "0193a0c4-7f43-7000-8000-000000000092",
    "round_id": "0193a0c4-7f43-7000-8000-000000000091", "from": "none", "to": "yellow",
    "reason": "budget execution is behind", "rules_version": "default", "at": "2021-08-18T09:12:01Z"
}))]
pub struct LightChangeView {
    pub report_id: Uuid,
    pub round_id: Uuid,
    pub from: Light,
    pub to: Light,
    pub reason: String,
    pub rules_version: String,
    pub at: DateTime<Utc>,
}

/// The history of a project's overall light.
#[utoipa::path(
    tag = "lights",
    operation_id = "list_project_lights",
    summary = "A project's light history",
    description = "Every change of the project's overall light, oldest first, with the reason and \
                   the rule versions. Roles: admin, finance_officer, auditor, department_officer \
                   (within scope).",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The changes", body = Vec<LightChangeView>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}/lights")]
pub async fn project_lights(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<LightChangeView>>, AppError> {
    let id = id.into_inner();
    let rows = state
        .db
        .run(move |conn| {
            let view = projects::find(conn, id)?.ok_or_else(not_found)?;
            caller.authorize(Action::Read, &view.place())?;
            store::changes(conn, id)
        })
        .await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| LightChangeView {
                report_id: r.report_id,
                round_id: r.round_id,
                from: Light::parse(&r.from_light).unwrap_or(Light::None),
                to: Light::parse(&r.to_light).unwrap_or(Light::None),
                reason: r.reason,
                rules_version: r.rules_version,
                at: r.created_at,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// The region whose departments are ranked (default: the round's region).
    pub region: Option<String>,
    /// `csv` or `xlsx`: the ranking as a file; `Accept: text/csv` also gives CSV. `json` (default).
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

const RANKING_COLUMNS: &[Column] = &[
    Column::new("rank", Kind::Integer),
    Column::new("department_code", Kind::Text),
    Column::new("department_name", Kind::Text),
    Column::new("score", Kind::Percent),
    Column::new("grade", Kind::Text),
    Column::new("monitoring_quality", Kind::Percent),
    Column::new("reports", Kind::Integer),
    Column::new("late_reports", Kind::Integer),
    Column::new("red", Kind::Integer),
    Column::new("yellow", Kind::Integer),
    Column::new("green", Kind::Integer),
    Column::new("blue", Kind::Integer),
    Column::new("none", Kind::Integer),
];

/// A two-decimal figure the ranking carries as text, back as a number for the sheet.
fn figure(text: &str) -> Cell {
    BigDecimal::from_str(text).map_or_else(|_| Cell::text(text), Cell::Percent)
}

fn ranking_cells(r: &DepartmentRanking) -> Vec<Cell> {
    let count = |k: &str| Cell::from(r.lights.get(k).copied().unwrap_or(0));
    vec![
        r.rank.into(),
        (&r.department_code).into(),
        (&r.department_name).into(),
        Cell::opt(r.score.as_deref(), figure),
        Cell::opt(r.grade, |g| g.as_str().into()),
        figure(&r.monitoring_quality),
        r.reports.into(),
        r.late_reports.into(),
        count("red"),
        count("yellow"),
        count("green"),
        count("blue"),
        count("none"),
    ]
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "rank": 1, "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "department_code": "KJT",
    "department_name": "Department of Science and Technology", "score": "91.25",
    "grade": "excellent", "monitoring_quality": "88.89", "reports": 9, "late_reports": 0,
    "lights": {"green": 6, "yellow": 3}
}))]
pub struct DepartmentRanking {
    pub rank: usize,
    pub department_id: Uuid,
    pub department_code: String,
    pub department_name: String,
    /// 90% the budget-weighted mean of its projects' totals, 10% monitoring quality; null while
    /// no project has a total.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "91.25")]
    pub score: Option<String>,
    pub grade: Option<Grade>,
    /// Share of its reports submitted on time and never returned, in percent.
    #[schema(value_type = String, pattern = r"^[0-9]+\.[0-9]{2}$", example = "88.89")]
    pub monitoring_quality: String,
    pub reports: usize,
    pub late_reports: usize,
    /// Project (overall) lights by colour.
    pub lights: BTreeMap<String, usize>,
}

fn rank_departments(
    rows: Vec<store::RankingRow>,
    edges: &[BigDecimal; 3],
) -> Vec<DepartmentRanking> {
    let mut by_dept: BTreeMap<Uuid, Vec<store::RankingRow>> = BTreeMap::new();
    for r in rows {
        by_dept.entry(r.department_id).or_default().push(r);
    }
    let hundred = BigDecimal::from(100);
    let mut out: Vec<(Option<BigDecimal>, DepartmentRanking)> = by_dept
        .into_values()
        .map(|list| {
            let first = &list[0];
            let (mut weighted, mut weights) = (BigDecimal::from(0), BigDecimal::from(0));
            let mut lights = BTreeMap::new();
            let (mut good, mut late) = (0usize, 0usize);
            for r in &list {
                if let Some(t) = &r.score_total {
                    weighted += t * &r.adjusted_budget;
                    weights += &r.adjusted_budget;
                }
                *lights
                    .entry(r.light_overall.clone().unwrap_or_else(|| "none".to_owned()))
                    .or_insert(0) += 1;
                if r.late {
                    late += 1;
                }
                if (r.status == "submitted" || r.status == "approved") && !r.late && !r.returned {
                    good += 1;
                }
            }
            let quality =
                BigDecimal::from(good as u64) * &hundred / BigDecimal::from(list.len() as u64);
            let score = (weights > 0).then(|| {
                let mean = &weighted / &weights;
                (mean * BigDecimal::from(9) + &quality) / BigDecimal::from(10)
            });
            let grade = score.as_ref().map(|s| grade(s, edges));
            (
                score.clone(),
                DepartmentRanking {
                    rank: 0,
                    department_id: first.department_id,
                    department_code: first.department_code.clone(),
                    department_name: first.department_name.clone(),
                    score: score.as_ref().map(format_money),
                    grade,
                    monitoring_quality: format_money(&quality),
                    reports: list.len(),
                    late_reports: late,
                    lights,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.department_code.cmp(&b.1.department_code))
    });
    out.into_iter()
        .enumerate()
        .map(|(i, (_, mut r))| {
            r.rank = i + 1;
            r
        })
        .collect()
}

/// Rank a region's departments in a round.
#[utoipa::path(
    tag = "lights",
    operation_id = "list_rankings",
    summary = "Department rankings",
    description = "The departments of the region (and below) with reports in the round, best score \
                   first: score, grade, monitoring quality, light counts, late reports. \
                   `format=csv` (or `Accept: text/csv`) and `format=xlsx` give the same rows as a \
                   file. Roles: admin, finance_officer, auditor.",
    params(("id" = Uuid, Path, description = "Round id"), RankingQuery),
    responses((status = 200, description = "The ranking", content(
        (Vec<DepartmentRanking> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/rounds/{id}/rankings")]
pub async fn rankings(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<RankingQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadUsers)?;
    let format = Format::of(&req)?;
    let id = id.into_inner();
    let region_code = query.into_inner().region;
    let ranking = state
        .db
        .run(move |conn| {
            let round = rounds::find(conn, id)?
                .filter(|r| caller.covered_by(&r.region_path))
                .ok_or_else(not_found)?;
            let path = match region_code {
                Some(code) => {
                    regions::find_by_code(conn, &code)?
                        .ok_or_else(not_found)?
                        .path
                }
                None => round.region_path.clone(),
            };
            // Never rank outside the caller's own subtree.
            let path = caller.readable_subtree(&path).ok_or_else(not_found)?;
            department_rankings(conn, id, &path)
        })
        .await?;
    if format != Format::Json {
        return rankings_export(format, &format!("round-{id}-rankings"), &ranking);
    }
    Ok(HttpResponse::Ok().json(ranking))
}

/// The departments under `region_path` with reports in the round, ranked with the grade edges
/// in force for that region.
pub fn department_rankings(
    conn: &mut diesel::pg::PgConnection,
    round_id: Uuid,
    region_path: &str,
) -> Result<Vec<DepartmentRanking>, AppError> {
    let effective = service::effective(conn, region_path)?;
    let edges: Vec<BigDecimal> = effective
        .settings
        .grade_edges
        .iter()
        .filter_map(|e| parse_decimal(e, 2).ok())
        .collect();
    let edges = <[BigDecimal; 3]>::try_from(edges).unwrap_or_else(|_| {
        [
            BigDecimal::from(90),
            BigDecimal::from(80),
            BigDecimal::from(60),
        ]
    });
    Ok(rank_departments(
        store::ranking_rows(conn, round_id, region_path)?,
        &edges,
    ))
}

/// Rankings as a CSV or XLSX file.
pub fn rankings_export(
    format: Format,
    filename: &str,
    ranking: &[DepartmentRanking],
) -> Result<HttpResponse, AppError> {
    let rows = ranking.iter().map(ranking_cells).collect();
    export::table(format, filename, RANKING_COLUMNS, rows)
}
