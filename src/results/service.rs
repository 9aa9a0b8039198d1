//! Recording a results application: the checks, the suggestion kept beside the decision,
//! and next year's project linked, in the caller's transaction.

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::auth::{Action, Caller};
use crate::domain::lights::Light;
use crate::domain::results::{ResultMeasure, is_next_year, suggest};
use crate::error::{AppError, FieldErrors};
use crate::keymon::store as keymon;
use crate::projects::store as projects;
use crate::results::dto::*;
use crate::results::store::{self, Decision, NewApplication, Suggested};
use crate::rounds::store as rounds;

const MAX_TEXT: usize = 4000;

/// Checks a decision: distinct measures, at most one next-year measure and its amount with the
/// right sign, and a fund adjustment of this project whose kind one of the measures names.
pub fn decision(
    conn: &mut PgConnection,
    project_id: Uuid,
    measures: &[ResultMeasure],
    text: &str,
    change: Option<BigDecimal>,
    adjustment_id: Option<Uuid>,
) -> Result<Decision, AppError> {
    let mut errors = FieldErrors::new();
    let mut push = |f: &str, m: String| errors.entry(f.to_owned()).or_default().push(m);
    let mut distinct = measures.to_vec();
    distinct.sort();
    distinct.dedup();
    if measures.is_empty() || distinct.len() != measures.len() {
        push(
            "measures",
            "must be one or more distinct measures".to_owned(),
        );
    }
    if text.chars().count() > MAX_TEXT {
        push("text", format!("must be at most {MAX_TEXT} characters"));
    }
    let next_year: Vec<ResultMeasure> = distinct
        .iter()
        .copied()
        .filter(|m| is_next_year(*m))
        .collect();
    let zero = BigDecimal::from(0);
    match (next_year.as_slice(), &change) {
        ([], None) => {}
        ([], Some(_)) => push(
            "next_year_budget_change",
            "needs reduce_next_year_budget or raise_next_year_budget among the measures".to_owned(),
        ),
        ([_], None) => push(
            "next_year_budget_change",
            "is required with a next-year budget measure".to_owned(),
        ),
        ([ResultMeasure::ReduceNextYearBudget], Some(c)) if *c >= zero => push(
            "next_year_budget_change",
            "must be negative to reduce next year's budget".to_owned(),
        ),
        ([ResultMeasure::RaiseNextYearBudget], Some(c)) if *c <= zero => push(
            "next_year_budget_change",
            "must be positive to raise next year's budget".to_owned(),
        ),
        ([_], Some(_)) => {}
        (_, _) => push(
            "measures",
            "cannot both reduce and raise next year's budget".to_owned(),
        ),
    }
    if let Some(id) = adjustment_id {
        match keymon::find_adjustment(conn, id)?.filter(|a| a.project_id == project_id) {
            None => push(
                "adjustment_id",
                "is not a fund adjustment of this project".to_owned(),
            ),
            Some(a) if a.reverses_id.is_some() => push(
                "adjustment_id",
                "is a reversal; name the adjustment it reverses".to_owned(),
            ),
            Some(a) => {
                let named = distinct
                    .iter()
                    .any(|m| m.adjustment_kind() == Some(a.kind.as_str()));
                if !named {
                    push(
                        "adjustment_id",
                        format!(
                            "is a {} adjustment, which none of the measures names",
                            a.kind
                        ),
                    );
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The results application has invalid fields.",
            errors,
        ));
    }
    Ok(Decision {
        measures: measures.iter().map(|m| m.as_str().to_owned()).collect(),
        text: text.trim().to_owned(),
        next_year_budget_change: change,
        adjustment_id,
    })
}

/// Records a project's results application for a round (the caller holds a transaction).
pub fn record(
    conn: &mut PgConnection,
    caller: &Caller,
    new: &NewResultApplication,
) -> Result<ResultApplication, AppError> {
    let no_project =
        || AppError::invalid_field("project_id", "no project in your scope has this id");
    let project = projects::find_for_update(conn, new.project_id)?
        .filter(|p| caller.sees(&p.place()))
        .ok_or_else(no_project)?;
    caller.authorize(Action::DecideResults, &project.place())?;
    rounds::find(conn, new.round_id)?
        .ok_or_else(|| AppError::invalid_field("round_id", "no round has this id"))?;
    let (report_id, budget, grade, light) = store::report_of(conn, new.round_id, new.project_id)?
        .ok_or_else(|| {
        AppError::invalid_field("round_id", "the project has no report in this round")
    })?;
    let decision = decision(
        conn,
        new.project_id,
        &new.measures,
        &new.text,
        new.next_year_budget_change.clone(),
        new.adjustment_id,
    )?;
    let settings = crate::lights::service::effective(conn, &project.row.region_path)?.settings;
    let suggestion = suggest(
        &settings.result_suggestions,
        grade.as_deref().and_then(grade_of),
        light.as_deref().and_then(Light::parse),
        &budget,
    );
    let row = store::insert(
        conn,
        NewApplication {
            project: &project.row,
            round_id: new.round_id,
            report_id,
            decision: &decision,
            suggested: Suggested {
                measures: suggestion.measures.iter().map(|m| m.as_str().to_owned()).collect(),
                change_percent: suggestion.change_percent.clone(),
                change: suggestion.change_amount.clone(),
                rule: &suggestion.rule,
                grade: grade.as_deref(),
                overall_light: light.as_deref(),
            },
            by: (caller.user_id, &caller.username),
        },
    )?
    .ok_or_else(|| {
        AppError::Conflict(
            "The project's results application for this round is recorded already: change it instead."
                .to_owned(),
        )
    })?;
    store::link_next_year(conn, &row)?;
    let dto = ResultApplication::from(row.clone());
    audit::record(
        conn,
        AuditEntry::by(caller, "result_application.recorded", "result_application")
            .object(row.id, Some(&row.region_path))
            .project(row.project_id)
            .department(Some(project.row.department_id))
            .classified(project.classified())
            .change(None::<&ResultApplication>, Some(&dto)),
    )?;
    Ok(dto)
}
