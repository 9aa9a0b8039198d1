//! Effective rules and the evaluation of reports.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use diesel::pg::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::scope::not_found;
use crate::domain::checks::{CheckKey, CheckSeverity, severities};
use crate::domain::evaluation::{ReportFacts, RowFacts, evaluate};
use crate::domain::indicators::{Comparator, Level1};
use crate::domain::lights::{IndicatorFacts, Rule, Settings, default_rules};
use crate::domain::monitoring::{Achievement, Likelihood, ReportStatus};
use crate::domain::regions::code_of;
use crate::error::AppError;
use crate::lights::store::{self, EvaluationRow, LightChange};
use crate::reports::store as reports;
use crate::rounds::store as rounds;

/// What a region stores: the rules it overrides and, optionally, its settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = overrides_example)]
pub struct Overrides {
    #[serde(default)]
    #[schema(value_type = BTreeMap<crate::domain::lights::RuleKey, Rule>)]
    pub rules: BTreeMap<String, Rule>,
    #[serde(default)]
    pub settings: Option<Settings>,
    /// Severities of the logic checks the region changes (`error`, `warning` or `off`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<CheckKey, CheckSeverity>,
}

/// Jinan's own budget-execution bands, stricter than the default's red below 60.
pub(crate) fn overrides_example() -> serde_json::Value {
    serde_json::json!({
        "rules": {"budget_execution": {"metric": "ratio_to_prorated", "bands": [
            {"below": "70", "light": "red"}, {"below": "85", "light": "yellow"}, {"light": "green"}
        ]}},
        "settings": {
            "budget_rule": "budget_execution", "budget_share": "10",
            "grade_edges": ["90", "80", "60"], "time_progress": "month",
            "likelihood_edges": ["60", "80"], "lang": "zh",
            "result_suggestions": [
                {"name": "poor_grade", "grade": "poor", "measures": ["reduce_next_year_budget", "rectify"],
                 "next_year_change_percent": "-20"},
                {"name": "red_overall_light", "overall_light": "red", "measures": ["rectify"]}
            ]
        },
        "checks": {"red_without_measures": "error"}
    })
}

/// The rules in force for a region, with where each comes from.
#[derive(Debug, Clone)]
pub struct Effective {
    pub rules: BTreeMap<String, Rule>,
    /// Rule key → region code, or "default".
    pub sources: BTreeMap<String, String>,
    pub settings: Settings,
    pub settings_source: String,
    /// e.g. "default" or "370000:2,370100:1".
    pub version: String,
    /// The logic checks' severities: defaults, then each region's from the province down.
    pub checks: BTreeMap<CheckKey, CheckSeverity>,
}

/// Defaults, then the overrides of each region from the province down to `region_path`.
pub fn effective(conn: &mut PgConnection, region_path: &str) -> Result<Effective, AppError> {
    let mut paths = Vec::new();
    let mut acc = String::new();
    for code in region_path.split('/').filter(|c| !c.is_empty()) {
        acc.push_str(code);
        acc.push('/');
        paths.push(acc.clone());
    }
    let mut sets = store::latest_overrides(conn, &paths)?;
    sets.sort_by_key(|s| s.region_path.len());
    let mut rules = default_rules();
    let mut sources: BTreeMap<String, String> = rules
        .keys()
        .map(|k| (k.clone(), "default".to_owned()))
        .collect();
    let mut settings = Settings::default();
    let mut settings_source = "default".to_owned();
    let mut versions = Vec::new();
    let mut checks = BTreeMap::new();
    for set in sets {
        let code = code_of(&set.region_path).to_owned();
        let overrides: Overrides = serde_json::from_value(set.overrides).unwrap_or_default();
        for (key, rule) in overrides.rules {
            sources.insert(key.clone(), code.clone());
            rules.insert(key, rule);
        }
        checks.extend(overrides.checks);
        if let Some(s) = overrides.settings {
            settings = s;
            settings_source = code.clone();
        }
        versions.push(format!("{code}:{}", set.version));
    }
    let version = if versions.is_empty() {
        "default".to_owned()
    } else {
        versions.join(",")
    };
    Ok(Effective {
        rules,
        sources,
        settings,
        settings_source,
        version,
        checks: severities(&checks),
    })
}

/// What the rules look at in a report.
pub(crate) fn report_facts<'a>(
    report: &'a reports::ReportRow,
    round: &rounds::RoundRow,
    rows: &'a [reports::ReportIndicatorRow],
    today: chrono::NaiveDate,
) -> ReportFacts<'a> {
    let status = ReportStatus::parse(&report.status).unwrap_or(ReportStatus::Draft);
    ReportFacts {
        rate: report.execution_rate.as_ref(),
        progress: &report.time_progress,
        rows: rows
            .iter()
            .map(|r| RowFacts {
                level1: Level1::parse(&r.level1).unwrap_or(Level1::Output),
                weight: &r.weight,
                facts: IndicatorFacts {
                    comparator: Comparator::parse(&r.comparator).unwrap_or(Comparator::AtLeast),
                    accrues: r.accrues,
                    target: r.target_value.as_ref(),
                    expected: r.expected_value.as_ref(),
                    actual_value: r.actual_value.as_ref(),
                    actual_text: r.actual_text.as_deref().and_then(Achievement::parse),
                    likelihood: r.likelihood.as_deref().and_then(Likelihood::parse),
                },
            })
            .collect(),
        days_left: (round.due_date - today).num_days(),
        warning_days: i64::from(round.warning_days),
        submitted: !status.editable(),
    }
}

/// The evaluation of one report from its rows, round and rules.
fn evaluation_row(
    report: &reports::ReportRow,
    round: &rounds::RoundRow,
    rows: &[reports::ReportIndicatorRow],
    rules: &Effective,
    today: chrono::NaiveDate,
    evaluated: Option<crate::domain::evaluation::Evaluation>,
) -> (EvaluationRow, String) {
    // The proposals already evaluated an editable report with everything in place.
    let e = evaluated.unwrap_or_else(|| {
        let facts = report_facts(report, round, rows, today);
        evaluate(&rules.rules, &rules.settings, &facts, false)
    });
    let reason = e.reason.clone();
    let row = EvaluationRow {
        report_id: report.id,
        round_id: report.round_id,
        light_overall: e.overall.as_str().to_owned(),
        light_budget: e.budget.as_str().to_owned(),
        light_output: e.output.as_str().to_owned(),
        light_effect: e.effect.as_str().to_owned(),
        light_satisfaction: e.satisfaction.as_str().to_owned(),
        light_goal: e.goal.as_str().to_owned(),
        light_filing: e.filing.as_str().to_owned(),
        rules_version: rules.version.clone(),
        score_total: e.total,
        grade: e.grade.map(|g| g.as_str().to_owned()),
        scores: e.scores,
        digest: String::new(),
    };
    let digest = {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(
            serde_json::to_vec(&(
                [
                    &row.light_overall,
                    &row.light_budget,
                    &row.light_output,
                    &row.light_effect,
                    &row.light_satisfaction,
                    &row.light_goal,
                    &row.light_filing,
                    &row.rules_version,
                ],
                row.score_total
                    .as_ref()
                    .map(crate::domain::money::format_money),
                &row.grade,
                &row.scores,
            ))
            .unwrap_or_default(),
        );
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    (EvaluationRow { digest, ..row }, reason)
}

/// The rules in force when `version` (a label such as `370000:2,370100:1`) was recorded.
pub fn effective_at(conn: &mut PgConnection, version: &str) -> Result<Effective, AppError> {
    let mut sets = Vec::new();
    for part in version
        .split(',')
        .filter(|p| *p != "default" && !p.is_empty())
    {
        let Some((code, number)) = part.split_once(':') else {
            continue;
        };
        let Ok(number) = number.parse::<i32>() else {
            continue;
        };
        if let Some(set) = store::rule_set_version(conn, code, number)? {
            sets.push(set);
        }
    }
    sets.sort_by_key(|s| s.region_path.len());
    let mut e = Effective {
        rules: default_rules(),
        sources: BTreeMap::new(),
        settings: Settings::default(),
        settings_source: "default".to_owned(),
        version: version.to_owned(),
        checks: severities(&BTreeMap::new()),
    };
    for set in sets {
        let code = code_of(&set.region_path).to_owned();
        let overrides: Overrides = serde_json::from_value(set.overrides).unwrap_or_default();
        e.checks.extend(overrides.checks);
        for (key, rule) in overrides.rules {
            e.sources.insert(key.clone(), code.clone());
            e.rules.insert(key, rule);
        }
        if let Some(settings) = overrides.settings {
            e.settings = settings;
            e.settings_source = code;
        }
    }
    Ok(e)
}

/// Why a report's stored lights are what they are: the evaluation redone with the rule versions
/// it recorded. Every change of a report's figures re-evaluates it, so this matches the stored
/// lights (the filing light uses today's date).
pub fn explain(
    conn: &mut PgConnection,
    report_id: Uuid,
    version: &str,
) -> Result<serde_json::Value, AppError> {
    let report = reports::find(conn, report_id)?.ok_or_else(not_found)?;
    let round = rounds::find(conn, report.round_id)?.ok_or_else(not_found)?;
    let rows = reports::indicator_rows(conn, report_id)?;
    let rules = effective_at(conn, version)?;
    let facts = report_facts(&report, &round, &rows, Utc::now().date_naive());
    Ok(evaluate(&rules.rules, &rules.settings, &facts, true)
        .explanations
        .unwrap_or_default())
}

/// Evaluates the reports given, a few thousand at a time with a handful of queries per batch,
/// and stores what changed; a change of a project's overall light is kept in its history.
/// Returns how many evaluations changed.
pub fn recompute(conn: &mut PgConnection, report_ids: &[Uuid]) -> Result<usize, AppError> {
    recompute_changed(conn, report_ids).map(|changed| changed.len())
}

/// `recompute`, returning the reports whose evaluation changed (for counts that must leave out
/// what the caller may not see).
pub fn recompute_changed(
    conn: &mut PgConnection,
    report_ids: &[Uuid],
) -> Result<Vec<Uuid>, AppError> {
    let mut cache: HashMap<String, Effective> = HashMap::new();
    let mut round_cache: HashMap<Uuid, rounds::RoundRow> = HashMap::new();
    let today = Utc::now().date_naive();
    let mut changed = Vec::new();
    for chunk in report_ids.chunks(2000) {
        let mut batch = reports::find_many(conn, chunk)?;
        let mut rows_by_report: HashMap<Uuid, Vec<reports::ReportIndicatorRow>> = HashMap::new();
        for row in reports::indicator_rows_many(conn, chunk)? {
            rows_by_report.entry(row.report_id).or_default().push(row);
        }
        // The system's proposals first: the lights below see the values and likelihoods they
        // set.
        for report in &batch {
            if let Entry::Vacant(slot) = round_cache.entry(report.round_id) {
                slot.insert(rounds::find(conn, report.round_id)?.ok_or_else(not_found)?);
            }
            if let Entry::Vacant(slot) = cache.entry(report.region_path.clone()) {
                slot.insert(effective(conn, &report.region_path)?);
            }
        }
        let fed =
            crate::reports::proposals::fed_values(conn, &batch, &rows_by_report, &round_cache)?;
        let none = HashMap::new();
        let (mut report_writes, mut row_writes) = (Vec::new(), Vec::new());
        let mut evaluations = HashMap::new();
        for report in batch.iter_mut() {
            let rows = rows_by_report.entry(report.id).or_default();
            let proposed = crate::reports::proposals::propose(
                report,
                rows,
                &round_cache[&report.round_id],
                &cache[&report.region_path],
                today,
                fed.get(&report.id).unwrap_or(&none),
            );
            if let Some((write, rows)) = proposed.write {
                report_writes.push(write);
                row_writes.extend(rows);
            }
            if let Some(e) = proposed.evaluation {
                evaluations.insert(report.id, e);
            }
        }
        reports::save_proposals(conn, &report_writes, &row_writes)?;
        let previous: HashMap<Uuid, (String, String)> = store::digests(conn, chunk)?
            .into_iter()
            .map(|(id, light, digest)| (id, (light, digest)))
            .collect();
        let mut to_save = Vec::new();
        let mut changes = Vec::new();
        for report in &batch {
            if let Entry::Vacant(slot) = round_cache.entry(report.round_id) {
                slot.insert(rounds::find(conn, report.round_id)?.ok_or_else(not_found)?);
            }
            if let Entry::Vacant(slot) = cache.entry(report.region_path.clone()) {
                slot.insert(effective(conn, &report.region_path)?);
            }
            let rows = rows_by_report
                .get(&report.id)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let (row, reason) = evaluation_row(
                report,
                &round_cache[&report.round_id],
                rows,
                &cache[&report.region_path],
                today,
                evaluations.remove(&report.id),
            );
            let before = previous.get(&report.id);
            if before.is_some_and(|(_, digest)| *digest == row.digest) {
                continue;
            }
            let from = before
                .map_or("none", |(light, _)| light.as_str())
                .to_owned();
            if from != row.light_overall {
                changes.push((report.project_id, report.id, report.round_id, from, reason));
            }
            to_save.push(row);
        }
        changed.extend(to_save.iter().map(|row| row.report_id));
        store::save_evaluations(conn, &to_save)?;
        let by_report: HashMap<Uuid, &EvaluationRow> =
            to_save.iter().map(|r| (r.report_id, r)).collect();
        let records: Vec<LightChange<'_>> = changes
            .iter()
            .map(
                |(project_id, report_id, round_id, from, reason)| LightChange {
                    project_id: *project_id,
                    report_id: *report_id,
                    round_id: *round_id,
                    from,
                    to: &by_report[report_id].light_overall,
                    reason,
                    rules_version: &by_report[report_id].rules_version,
                },
            )
            .collect();
        store::record_changes(conn, &records)?;
    }
    Ok(changed)
}
