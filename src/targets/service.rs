//! What a target adjustment does to a project's indicator set: checked when it is requested,
//! applied when it is approved.

use std::collections::HashSet;

use chrono::Utc;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::domain::indicators::{Level1, MAX_INDICATORS, readiness};
use crate::error::{AppError, FieldErrors};
use crate::indicators::dto::check_fields;
use crate::indicators::store::{self as indicators, IndicatorFields, IndicatorRow};
use crate::targets::dto::TargetChange;
use crate::targets::store::{self, VersionRow};
use crate::targets::versions;

/// The set after the changes: indicators kept (changed or not), added and retired.
pub struct Plan {
    pub changed: Vec<(Uuid, IndicatorFields)>,
    pub added: Vec<IndicatorFields>,
    pub retired: Vec<Uuid>,
}

/// Checks the changes against the current set: every named indicator in it and named once,
/// every resulting indicator valid, and the resulting set still ready (an output indicator,
/// weights of 90). Field errors name `changes[i]....`; readiness answers 422 naming the rule.
pub fn plan(current: &[IndicatorRow], changes: &[TargetChange]) -> Result<Plan, AppError> {
    let mut errors = FieldErrors::new();
    let mut push = |field: String, msg: String| errors.entry(field).or_default().push(msg);
    if changes.is_empty() || changes.len() > MAX_INDICATORS {
        push(
            "changes".to_owned(),
            format!("must hold 1 to {MAX_INDICATORS} changes"),
        );
    }
    let mut named = HashSet::new();
    let mut plan = Plan {
        changed: Vec::new(),
        added: Vec::new(),
        retired: Vec::new(),
    };
    for (i, change) in changes.iter().enumerate() {
        // The indicator a change or retirement names, once, in the current set.
        let row = match change {
            TargetChange::Change { indicator_id, .. } | TargetChange::Retire { indicator_id } => {
                let field = format!("changes[{i}].indicator_id");
                let Some(row) = current.iter().find(|r| r.id == *indicator_id) else {
                    push(
                        field,
                        "is not an indicator of the project's current set".to_owned(),
                    );
                    continue;
                };
                if !named.insert(row.id) {
                    push(
                        field,
                        "is named by an earlier change: one change per indicator".to_owned(),
                    );
                    continue;
                }
                Some(row)
            }
            TargetChange::Add { .. } => None,
        };
        let checked = match (change, row) {
            (TargetChange::Change { set, .. }, Some(row)) => {
                let fields = set.apply(row);
                if fields == IndicatorFields::of(row) {
                    push(
                        format!("changes[{i}].set"),
                        "changes nothing of the indicator".to_owned(),
                    );
                    continue;
                }
                check_fields(&fields, &format!("changes[{i}].set."))
                    .map(|()| plan.changed.push((row.id, fields)))
            }
            (TargetChange::Add { indicator }, _) => indicator
                .fields(&format!("changes[{i}].indicator."))
                .map(|fields| plan.added.push(fields)),
            (TargetChange::Retire { .. }, Some(row)) => {
                plan.retired.push(row.id);
                Ok(())
            }
            (_, None) => Ok(()),
        };
        if let Err(e) = checked {
            for (field, messages) in e {
                for m in messages {
                    push(field.clone(), m);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The target adjustment has invalid changes.",
            errors,
        ));
    }
    let after = plan.resulting(current);
    if after.len() > MAX_INDICATORS {
        return Err(AppError::invalid_field(
            "changes",
            format!("the set would hold more than {MAX_INDICATORS} indicators"),
        ));
    }
    let ready = readiness(
        after
            .iter()
            .filter_map(|f| Level1::parse(&f.level1).map(|l| (l, &f.weight))),
    );
    if !ready.ready {
        return Err(AppError::validation(
            format!(
                "After these changes the project could not be monitored: {}.",
                ready.reasons.join("; ")
            ),
            FieldErrors::from([("changes".to_owned(), ready.reasons)]),
        ));
    }
    Ok(plan)
}

impl Plan {
    /// The fields of every indicator of the set after the changes.
    fn resulting(&self, current: &[IndicatorRow]) -> Vec<IndicatorFields> {
        let mut out: Vec<IndicatorFields> = current
            .iter()
            .filter(|r| !self.retired.contains(&r.id))
            .map(|r| {
                self.changed
                    .iter()
                    .find(|(id, _)| *id == r.id)
                    .map_or_else(|| IndicatorFields::of(r), |(_, f)| f.clone())
            })
            .collect();
        out.extend(self.added.iter().cloned());
        out
    }
}

/// Applies an approved request to the project's indicators and moves the project to the next
/// version, keeping the version it leaves (dated from `since`, when it began) and the new one.
/// The caller holds the project's row lock. Returns the new version number.
pub fn apply(
    conn: &mut PgConnection,
    project_id: Uuid,
    from_version: i32,
    since: chrono::DateTime<Utc>,
    adjustment_id: Uuid,
    plan: &Plan,
) -> Result<i32, AppError> {
    let current = indicators::for_project(conn, project_id)?;
    store::save_version(
        conn,
        &VersionRow {
            project_id,
            version: from_version,
            indicators: versions::keep(&current),
            adjustment_id: None,
            valid_from: since,
        },
    )?;
    let to_version = from_version + 1;
    for (id, fields) in &plan.changed {
        indicators::update(conn, *id, None, fields)?;
    }
    for id in &plan.retired {
        store::retire_indicator(conn, *id, to_version)?;
    }
    indicators::insert_many(conn, project_id, &plan.added)?;
    store::set_project_version(conn, project_id, to_version)?;
    let after = indicators::for_project(conn, project_id)?;
    store::save_version(
        conn,
        &VersionRow {
            project_id,
            version: to_version,
            indicators: versions::keep(&after),
            adjustment_id: Some(adjustment_id),
            valid_from: Utc::now(),
        },
    )?;
    Ok(to_version)
}
