use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use actix_web::{get, post, put, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::Connection;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Place};
use crate::domain::checks::{CheckKey, CheckSeverity};
use crate::domain::lights::{Light, RULE_KEYS, Rule, Settings, check_rule};
use crate::domain::money::parse_decimal;
use crate::error::{AppError, FieldErrors};
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
    /// The severity of every logic check in force (`error` blocks submission, `warning` is
    /// shown on the report, `off` does not run); set per region with `checks` in the overrides.
    pub checks: BTreeMap<CheckKey, CheckSeverity>,
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
        "checks": {
            "executed_over_budget": "warning", "forecast_below_spent": "error",
            "forecast_over_budget": "warning", "actual_out_of_scale": "warning",
            "qualitative_without_value": "error", "behind_without_reasons": "error",
            "red_without_measures": "error"
        },
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
        checks: e.checks,
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
    let edges: Vec<Option<BigDecimal>> = settings
        .likelihood_edges
        .iter()
        .map(|e| parse_decimal(e, 2).ok())
        .collect();
    let ok = matches!(edges.as_slice(), [Some(possible), Some(certain)] if possible <= certain);
    if !ok {
        bad(
            "likelihood_edges",
            "must be two ascending numbers: possible, certain",
        );
    }
    for (i, message) in crate::domain::results::check_rules(&settings.result_suggestions) {
        bad(&format!("result_suggestions[{i}]"), &message);
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = rules_changed_example)]
pub struct RulesChanged {
    pub rules: WarningRules,
    /// Reports of open rounds in the region's subtree whose lights were recomputed. Secret-related
    /// reports are recomputed too but counted only for admins.
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
                // Settings move the time progress (and so the expected values) of the reports
                // still being filled in; every report of an open round gets the new lights.
                let reports = store::open_reports_under(conn, &region.path)?;
                let ids: Vec<Uuid> = reports.iter().map(|(id, _)| *id).collect();
                crate::reports::service::refresh_figures(conn, &ids)?;
                let changed = service::recompute_changed(conn, &ids)?;
                // The audit event is read by region officers too: it never counts what they
                // may not see, whoever made the change.
                let counted = Counted::of(&reports, &changed, false);
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "warning_rules.set", "warning_rules")
                        .object(set.id, Some(&region.path))
                        .change(Some(&before.own_overrides), Some(&overrides))
                        .details(serde_json::json!({"version": set.version, "recomputed": counted.recomputed, "changed": counted.changed})),
                )?;
                let counted = Counted::of(&reports, &changed, caller.counts_secret_related());
                Ok(RulesChanged { rules: rules_view(conn, &region)?, recomputed: counted.recomputed, changed: counted.changed })
            })
        })
        .await?;
    Ok(web::Json(result))
}

/// How many reports a recompute touched and changed, as the caller may be told: every report
/// is evaluated, but secret-related ones are counted only for callers who may count them.
struct Counted {
    recomputed: usize,
    changed: usize,
}

impl Counted {
    fn of(reports: &[(Uuid, bool)], changed: &[Uuid], with_secret_related: bool) -> Counted {
        let hidden: HashSet<Uuid> = if with_secret_related {
            HashSet::new()
        } else {
            reports
                .iter()
                .filter(|(_, hidden)| *hidden)
                .map(|(id, _)| *id)
                .collect()
        };
        Counted {
            recomputed: reports.len() - hidden.len(),
            changed: changed.iter().filter(|id| !hidden.contains(id)).count(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"recomputed": 1382, "changed": 41, "elapsed_ms": 2350}))]
pub struct Recomputed {
    /// Reports of the round that were evaluated. Secret-related reports are evaluated too but
    /// counted only for admins.
    pub recomputed: usize,
    /// Of those, how many evaluations changed.
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
                let reports = store::reports_of_round(conn, id)?;
                let ids: Vec<Uuid> = reports.iter().map(|(id, _)| *id).collect();
                // The figures of its draft and returned reports are brought up to date too
                // (the rules' settings give their time progress).
                crate::reports::service::refresh_figures(conn, &ids)?;
                let changed = service::recompute_changed(conn, &ids)?;
                let counted = Counted::of(&reports, &changed, caller.counts_secret_related());
                Ok((counted.recomputed, counted.changed))
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
