//! A project's whole key-monitoring history on one page.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, ListScope};
use crate::error::AppError;
use crate::keymon::adjustments::{Adjustment, adjustment_dtos};
use crate::keymon::dto::*;
use crate::keymon::inspections::inspection_dtos;
use crate::keymon::rectifications::rectification_dtos;
use crate::keymon::store;
use crate::projects::service::visible_ids;
use crate::projects::store as projects;
use crate::results::dto::ResultApplication;
use crate::targets::dto::TargetAdjustment;

/// At most this many of each kind of record: a project's history is small.
const MAX_RECORDS: i64 = 10_000;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = key_monitoring_history_example)]
pub struct KeyMonitoringHistory {
    pub project_id: Uuid,
    pub key_monitoring: bool,
    pub inspections: Vec<Inspection>,
    pub rectifications: Vec<Rectification>,
    /// Adjustments of the project, and those moving money to it from projects the caller may
    /// see.
    pub adjustments: Vec<Adjustment>,
    /// Requests to change the project's targets, oldest first.
    pub target_adjustments: Vec<TargetAdjustment>,
    /// What each round's results led to, oldest first.
    pub result_applications: Vec<ResultApplication>,
}

fn key_monitoring_history_example() -> serde_json::Value {
    serde_json::json!({
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "key_monitoring": true,
        "inspections": [crate::keymon::dto::inspection_example()],
        "rectifications": [crate::keymon::dto::rectification_example()],
        "adjustments": [crate::keymon::adjustments::adjustment_example()],
        "target_adjustments": [], "result_applications": []
    })
}

/// Everything key monitoring did to a project.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "get_key_monitoring_history",
    summary = "A project's key-monitoring history",
    description = "Inspections with findings and opinions, rectifications, fund adjustments, \
                   target adjustments and results applications of the project (at most 10,000 of \
                   each), and reallocations into it from projects the caller may see. Roles: admin, finance_officer, auditor, department_officer \
                   (within scope).",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The history", body = KeyMonitoringHistory)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}/key-monitoring")]
pub async fn project_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<KeyMonitoringHistory>, AppError> {
    let id = id.into_inner();
    let history = state
        .db
        .run(move |conn| {
            let project = projects::find(conn, id)?.ok_or_else(not_found)?;
            caller.authorize(Action::Read, &project.place())?;
            // Records of this project are visible with it; a reallocation into it belongs to
            // the project the money came from, and is shown only to who may see that one.
            let all = ListScope::All;
            let inspections = store::list_inspections(
                conn,
                &all,
                &store::InspectionFilter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                MAX_RECORDS,
            )?;
            let inspections = inspection_dtos(conn, inspections)?;
            let rectifications = store::list_rectifications(
                conn,
                &all,
                &store::RectificationFilter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                MAX_RECORDS,
            )?;
            let rectifications = rectification_dtos(conn, rectifications)?;
            let mut adjustments = store::list_adjustments(
                conn,
                &all,
                &store::AdjustmentFilter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                MAX_RECORDS,
            )?;
            let sources: Vec<Uuid> = adjustments
                .iter()
                .map(|a| a.project_id)
                .filter(|p| *p != id)
                .collect();
            let visible = visible_ids(conn, &caller, &sources)?;
            adjustments.retain(|a| a.project_id == id || visible.contains(&a.project_id));
            let adjustments = adjustment_dtos(conn, &caller, adjustments)?;
            let target_adjustments = crate::targets::store::list(
                conn,
                &all,
                &crate::targets::store::Filter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                MAX_RECORDS,
            )?
            .into_iter()
            .map(TargetAdjustment::from)
            .collect();
            let result_applications = crate::results::store::list(
                conn,
                &all,
                &crate::results::store::Filter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                MAX_RECORDS,
            )?
            .into_iter()
            .map(ResultApplication::from)
            .collect();
            Ok(KeyMonitoringHistory {
                project_id: id,
                key_monitoring: project.row.key_monitoring,
                inspections,
                rectifications,
                adjustments,
                target_adjustments,
                result_applications,
            })
        })
        .await?;
    Ok(web::Json(history))
}
