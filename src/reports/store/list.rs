//! The list of a round's project reports, with its filters and keyset pages.

use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::ReportRow;
use crate::auth::ListScope;
use crate::error::AppError;
use crate::keyset;
use crate::pagination::{like_contains, like_prefix};
use crate::schema::{departments, projects, report_evaluations, reports};

/// A report in a list, with its project's code, name and selection.
#[derive(Debug, Clone, Queryable)]
pub struct ReportListRow {
    pub report: ReportRow,
    pub project_code: String,
    pub project_name: String,
    pub key_monitoring: bool,
    pub department_code: String,
    pub light: Option<String>,
    pub budget_light: Option<String>,
}

#[derive(Debug, Default)]
pub struct ReportFilter {
    pub department_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub region_path: Option<String>,
    pub status: Option<String>,
    pub late: Option<bool>,
    pub key_monitoring: Option<bool>,
    pub light: Option<&'static str>,
    pub budget_light: Option<&'static str>,
    pub q: Option<String>,
}

pub fn list_for_round(
    conn: &mut PgConnection,
    round_id: Uuid,
    scope: &ListScope,
    filter: &ReportFilter,
    after: Option<(String, Uuid)>,
    limit: Option<i64>,
) -> Result<Vec<ReportListRow>, AppError> {
    let mut q = reports::table
        .inner_join(projects::table)
        .inner_join(departments::table.on(departments::id.eq(reports::department_id)))
        .left_join(report_evaluations::table)
        .filter(reports::round_id.eq(round_id))
        .select((
            ReportRow::as_select(),
            projects::code,
            projects::name,
            projects::key_monitoring,
            departments::code,
            report_evaluations::light_overall.nullable(),
            report_evaluations::light_budget.nullable(),
        ))
        .into_boxed();
    q = crate::visible!(q, scope, reports, project_id);
    if let Some(d) = filter.department_id {
        q = q.filter(reports::department_id.eq(d));
    }
    if let Some(p) = filter.project_id {
        q = q.filter(reports::project_id.eq(p));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(reports::region_path.like(like_prefix(path)));
    }
    if let Some(s) = &filter.status {
        q = q.filter(reports::status.eq(s.clone()));
    }
    if let Some(late) = filter.late {
        q = q.filter(reports::late.eq(late));
    }
    if let Some(k) = filter.key_monitoring {
        q = q.filter(projects::key_monitoring.eq(k));
    }
    if let Some(l) = filter.light {
        q = q.filter(report_evaluations::light_overall.nullable().eq(l));
    }
    if let Some(l) = filter.budget_light {
        q = q.filter(report_evaluations::light_budget.nullable().eq(l));
    }
    if let Some(text) = &filter.q {
        q = q.filter(
            projects::code
                .ilike(like_prefix(text))
                .or(projects::name.ilike(like_contains(text))),
        );
    }
    let q = keyset!(q, projects::code, reports::id, false, after);
    let q = match limit {
        Some(limit) => q.limit(limit + 1),
        None => q,
    };
    q.load::<ReportListRow>(conn).map_err(AppError::from)
}
