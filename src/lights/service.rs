//! Effective rules and the evaluation of reports.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use diesel::pg::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::scope::not_found;
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
pub struct Overrides {
    #[serde(default)]
    pub rules: BTreeMap<String, Rule>,
    #[serde(default)]
    pub settings: Option<Settings>,
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
    for set in sets {
        let code = code_of(&set.region_path).to_owned();
        let overrides: Overrides = serde_json::from_value(set.overrides).unwrap_or_default();
        for (key, rule) in overrides.rules {
            sources.insert(key.clone(), code.clone());
            rules.insert(key, rule);
        }
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
    })
}

/// Evaluates one report with the rules of its project's region and stores the result; a change
/// of the overall light is kept in the project's light history.
pub fn evaluate_report(
    conn: &mut PgConnection,
    report_id: Uuid,
    cache: &mut HashMap<String, Effective>,
) -> Result<bool, AppError> {
    let report = reports::find(conn, report_id)?.ok_or_else(not_found)?;
    let round = rounds::find(conn, report.round_id)?.ok_or_else(not_found)?;
    let rows = reports::indicator_rows(conn, report_id)?;
    if !cache.contains_key(&report.region_path) {
        let e = effective(conn, &report.region_path)?;
        cache.insert(report.region_path.clone(), e);
    }
    let rules = &cache[&report.region_path];
    let status = ReportStatus::parse(&report.status).unwrap_or(ReportStatus::Draft);
    let facts = ReportFacts {
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
        days_left: (round.due_date - Utc::now().date_naive()).num_days(),
        warning_days: i64::from(round.warning_days),
        submitted: !status.editable(),
    };
    let e = evaluate(&rules.rules, &rules.settings, &facts);
    let row = EvaluationRow {
        report_id,
        round_id: report.round_id,
        light_overall: e.overall.as_str().to_owned(),
        light_budget: e.budget.as_str().to_owned(),
        light_output: e.output.as_str().to_owned(),
        light_effect: e.effect.as_str().to_owned(),
        light_satisfaction: e.satisfaction.as_str().to_owned(),
        light_goal: e.goal.as_str().to_owned(),
        light_filing: e.filing.as_str().to_owned(),
        explanations: e.explanations.clone(),
        rules_version: rules.version.clone(),
        score_total: e.total.clone(),
        grade: e.grade.map(|g| g.as_str().to_owned()),
        scores: e.scores.clone(),
    };
    let previous = store::evaluation(conn, report_id)?;
    if previous.as_ref() == Some(&row) {
        return Ok(false);
    }
    let from = previous
        .as_ref()
        .map_or("none", |p| p.light_overall.as_str())
        .to_owned();
    store::save_evaluation(conn, &row)?;
    if from != row.light_overall {
        let reason = e.explanations["overall"]["reason"]
            .as_str()
            .unwrap_or("")
            .to_owned();
        store::record_change(
            conn,
            LightChange {
                project_id: report.project_id,
                report_id,
                round_id: report.round_id,
                from: &from,
                to: &row.light_overall,
                reason: &reason,
                rules_version: &row.rules_version,
            },
        )?;
    }
    Ok(true)
}

/// Evaluates the reports given; returns how many changed.
pub fn recompute(conn: &mut PgConnection, report_ids: &[Uuid]) -> Result<usize, AppError> {
    let mut cache = HashMap::new();
    let mut changed = 0;
    for id in report_ids {
        if evaluate_report(conn, *id, &mut cache)? {
            changed += 1;
        }
    }
    Ok(changed)
}
