//! The SQL side of visibility: which rows a scope may see, decided from the *current*
//! classified flags of their project or department, never from a flag copied when the row was
//! written. Stores apply it with [`visible!`](crate::visible); a store selecting one row for an
//! authorization check selects `project_hidden`/`department_hidden` beside it and hands the
//! answer to `Place::classified`.
//!
//! The two views (migration 7) are the one definition of secret-related: `hidden_projects` holds
//! the projects classified themselves or through their department, `classified_departments` the
//! classified departments (units of a classified department are classified with it). Both are
//! small, and PostgreSQL evaluates them once per query as a hashed set.

use diesel::dsl;
use diesel::prelude::*;

diesel::table! {
    /// View: projects that are classified or belong to a classified department.
    #[sql_name = "hidden_projects"]
    hidden_project_ids (id) {
        id -> Uuid,
    }
}

diesel::table! {
    /// View: classified departments.
    #[sql_name = "classified_departments"]
    classified_department_ids (id) {
        id -> Uuid,
    }
}

/// The views appear as subselects in queries over any table.
macro_rules! beside_every_table {
    ($($view:ident),+) => {
        $(beside_every_table!(@one $view);)+
    };
    (@one $view:ident) => {
        beside_every_table!(@pairs $view: adjustments, audit_events, budget_ledger,
            department_reports, departments, execution_records, findings, idempotency_keys,
            indicator_set_versions, indicator_values, indicators, inspection_opinions, inspections, login_throttle, project_light_changes,
            projects, rectification_events, rectifications, refresh_tokens, regions,
            report_evaluations, report_indicators, report_transitions, reports,
            result_applications, rounds, target_adjustments, users, warning_rule_sets);
    };
    (@pairs $view:ident: $($table:ident),+) => {
        $(diesel::allow_tables_to_appear_in_same_query!($view, $table);)+
    };
}

use crate::schema::*;

beside_every_table!(hidden_project_ids, classified_department_ids);
diesel::allow_tables_to_appear_in_same_query!(hidden_project_ids, classified_department_ids);

/// The ids of secret-related projects, as a subselect.
#[dsl::auto_type]
pub fn hidden_projects() -> _ {
    hidden_project_ids::table.select(hidden_project_ids::id)
}

/// The same ids typed as nullable, for columns that may name no project.
#[dsl::auto_type]
pub fn hidden_projects_nullable() -> _ {
    hidden_project_ids::table.select(hidden_project_ids::id.nullable())
}

/// Whether this project is secret-related now.
#[dsl::auto_type]
pub fn project_is_hidden(project_id: uuid::Uuid) -> _ {
    dsl::exists(hidden_project_ids::table.filter(hidden_project_ids::id.eq(project_id)))
}

/// Whether this department is classified now.
#[dsl::auto_type]
pub fn department_is_classified(department_id: uuid::Uuid) -> _ {
    dsl::exists(
        classified_department_ids::table.filter(classified_department_ids::id.eq(department_id)),
    )
}

/// The ids of classified departments, as a subselect.
#[dsl::auto_type]
pub fn classified_departments() -> _ {
    classified_department_ids::table.select(classified_department_ids::id)
}

/// The same ids typed as nullable.
#[dsl::auto_type]
pub fn classified_departments_nullable() -> _ {
    classified_department_ids::table.select(classified_department_ids::id.nullable())
}

/// Narrows a boxed query over `$table` to the rows `$scope` (a `&ListScope`) may see.
///
/// `$table` copies its owner's `region_path`, `region_id` and `department_path`, and names its
/// owner in `$owner`: `project_id` (reports, key-monitoring records, spending records) or
/// `department_id` (department reports). Region scopes see their subtree without rows of
/// secret-related owners; a department officer sees its department's subtree, its own
/// classified rows included; admins see everything.
#[macro_export]
macro_rules! visible {
    // NOT EXISTS rather than NOT (x = ANY(subquery)): the planner estimates the latter at half
    // the rows whatever the data, which chose nested loops over 100,000 reports for a province's
    // round (0.6-0.9 s); as an anti-join it is estimated from the view and takes under 1 ms.
    ($query:expr, $scope:expr, $table:ident, project_id) => {
        $crate::visible!(@apply $query, $scope, $table,
            diesel::dsl::not(diesel::dsl::exists(
                $crate::auth::scope::hidden_project_ids::table
                    .filter($crate::auth::scope::hidden_project_ids::id.eq($table::project_id)),
            )))
    };
    ($query:expr, $scope:expr, $table:ident, department_id) => {
        $crate::visible!(@apply $query, $scope, $table,
            diesel::dsl::not(diesel::dsl::exists(
                $crate::auth::scope::classified_department_ids::table.filter(
                    $crate::auth::scope::classified_department_ids::id.eq($table::department_id),
                ),
            )))
    };
    // Audit events name their project, a related project and their department (each may be
    // absent) and whether the entity was secret when the event was written. Department officers
    // never read the audit trail: their scope matches nothing.
    ($query:expr, $scope:expr, $table:ident, audit) => {{
        use diesel::prelude::*;
        match $scope {
            $crate::auth::ListScope::All => $query,
            $crate::auth::ListScope::RegionSubtree(path) => $query
                .filter($table::region_path.like($crate::pagination::like_prefix(path)))
                .filter($table::classified.eq(false))
                .filter($table::project_id.is_null().or(diesel::dsl::not(
                    $table::project_id.eq_any($crate::auth::scope::hidden_projects_nullable()),
                )))
                .filter($table::related_project_id.is_null().or(diesel::dsl::not(
                    $table::related_project_id
                        .eq_any($crate::auth::scope::hidden_projects_nullable()),
                )))
                .filter($table::department_id.is_null().or(diesel::dsl::not(
                    $table::department_id
                        .eq_any($crate::auth::scope::classified_departments_nullable()),
                ))),
            $crate::auth::ListScope::Department { .. } => $query.filter($table::id.is_null()),
        }
    }};
    (@apply $query:expr, $scope:expr, $table:ident, $not_secret:expr) => {{
        use diesel::prelude::*;
        match $scope {
            $crate::auth::ListScope::All => $query,
            $crate::auth::ListScope::RegionSubtree(path) => $query
                .filter($table::region_path.like($crate::pagination::like_prefix(path)))
                .filter($not_secret),
            $crate::auth::ListScope::Department {
                region_id, path, ..
            } => $query
                .filter($table::region_id.eq(*region_id))
                .filter($table::department_path.like($crate::pagination::like_prefix(path))),
        }
    }};
}
