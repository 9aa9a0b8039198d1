//! Every authorization rule of the service, in one place.
//!
//! Two questions, always in this order:
//! 1. May this role ever do this action? If not: 403 (saying so reveals nothing about objects).
//! 2. Is the object inside the caller's scope? If not: 404, as if it did not exist, so a city
//!    cannot probe another city's departments.
//!
//! Lists ask `Caller::list_scope` and filter in SQL with it (`visible!`, see `visibility`), so
//! they can never return rows the caller could not read one by one.
//!
//! Secret-related (classified) projects and departments are visible only to admins and to
//! officers of their own department. Whether something is secret-related is always read from the
//! *current* flags of its project and department: a project classified after its reports,
//! inspections or audit events were written hides all of them at once. A single-object check
//! builds a `Place` whose `classified` its store selected from those flags in the same query.

mod visibility;

pub use visibility::{
    classified_department_ids, classified_departments, classified_departments_nullable,
    department_is_classified, hidden_project_ids, hidden_projects, hidden_projects_nullable,
    project_is_hidden,
};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users, roles, regions and departments everywhere.
    Admin,
    /// Runs monitoring for one region's subtree.
    FinanceOfficer,
    /// Reads everything in one region's subtree, changes nothing.
    Auditor,
    /// Maintains one department's (and its units') projects and reports.
    DepartmentOfficer,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::FinanceOfficer,
        Role::Auditor,
        Role::DepartmentOfficer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::FinanceOfficer => "finance_officer",
            Role::Auditor => "auditor",
            Role::DepartmentOfficer => "department_officer",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// What a caller can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// A region and everything below it; `path` is the region's materialized path.
    Region {
        region_id: Uuid,
        path: String,
    },
    /// A department and its units.
    Department {
        department_id: Uuid,
        region_id: Uuid,
        region_path: String,
        path: String,
    },
}

/// Everything a caller could ask to do. Object-level conditions live in `Caller::authorize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Read,
    ManageRegions,
    ManageDepartments,
    /// Set or clear a department's `classified` flag.
    ClassifyDepartments,
    ReadUsers,
    ManageUsers,
    /// Create, delete and import projects; change budgets, status and key monitoring.
    ManageProjects,
    /// Change a project's descriptive fields (name, dates, goal, function class, category).
    EditProjects,
    /// Set or clear a project's `classified` flag.
    ClassifyProjects,
    /// Create, change and delete a project's performance indicators.
    EditIndicators,
    ReadAudit,
    /// Create, open and close monitoring rounds.
    ManageRounds,
    /// Send spending records from treasury or city systems.
    FeedExecution,
    /// Fill in and submit reports (the department's side of monitoring).
    EditReports,
    /// Return or approve submitted reports (the finance department's side).
    ReviewReports,
    /// Inspections, findings, opinions, rectification orders and fund adjustments.
    KeyMonitoring,
    /// Answer a rectification task (the responsible department).
    AnswerRectifications,
    /// Ask for a change of a project's performance targets during the year.
    RequestTargetAdjustments,
    /// Approve or reject a target adjustment; record results application.
    DecideResults,
    /// Say whether a policy named by a policy-revision opinion has been revised.
    ReportPolicyRevisions,
}

/// The roles that may perform an action somewhere; the OpenAPI `x-roles` of each operation
/// say the same.
pub fn roles_for(action: Action) -> &'static [Role] {
    use Role::*;
    match action {
        Action::Read => &[Admin, FinanceOfficer, Auditor, DepartmentOfficer],
        Action::ManageRegions | Action::ClassifyDepartments | Action::ClassifyProjects => &[Admin],
        Action::ManageDepartments | Action::ManageUsers | Action::ManageProjects => {
            &[Admin, FinanceOfficer]
        }
        Action::ReadUsers | Action::ReadAudit => &[Admin, FinanceOfficer, Auditor],
        Action::EditProjects | Action::EditIndicators => {
            &[Admin, FinanceOfficer, DepartmentOfficer]
        }
        Action::ManageRounds | Action::FeedExecution | Action::ReviewReports => {
            &[Admin, FinanceOfficer]
        }
        Action::EditReports | Action::AnswerRectifications => &[DepartmentOfficer],
        Action::KeyMonitoring | Action::DecideResults => &[Admin, FinanceOfficer],
        Action::RequestTargetAdjustments | Action::ReportPolicyRevisions => {
            &[Admin, FinanceOfficer, DepartmentOfficer]
        }
    }
}

/// Where an object lives.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub region_path: &'a str,
    /// (region id, department path) for objects that belong to a department.
    pub department: Option<(Uuid, &'a str)>,
    /// Whether the object is secret-related now: its own flag, or its project's or department's
    /// current one. Classified objects are hidden from everyone but admins and their own
    /// department.
    pub classified: bool,
}

impl<'a> Place<'a> {
    pub fn region(region_path: &'a str) -> Place<'a> {
        Place {
            region_path,
            department: None,
            classified: false,
        }
    }
}

/// The SQL-side view of a scope, applied by each store to its own table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListScope {
    All,
    /// Rows whose region path starts with this path; classified rows excluded.
    RegionSubtree(String),
    /// Rows of this department subtree (classified included); for regions, only `region_path`.
    Department {
        region_id: Uuid,
        region_path: String,
        path: String,
    },
}

/// The authenticated user making the request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: Uuid,
    pub username: String,
    pub role: Role,
    pub scope: Scope,
    pub request_id: Option<String>,
}

impl Caller {
    pub fn is(&self, role: Role) -> bool {
        self.role == role
    }

    /// 403 unless this role may ever perform `action`.
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        if roles_for(action).contains(&self.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "The {} role may not do this.",
                self.role.as_str()
            )))
        }
    }

    pub fn sees(&self, place: &Place<'_>) -> bool {
        match &self.scope {
            Scope::All => true,
            Scope::Region { path, .. } => {
                !place.classified && place.region_path.starts_with(path.as_str())
            }
            Scope::Department {
                region_id,
                region_path,
                path,
                ..
            } => match place.department {
                Some((place_region, place_path)) => {
                    place_region == *region_id && place_path.starts_with(path.as_str())
                }
                // A department officer sees its own region, not its neighbours.
                None => !place.classified && place.region_path == region_path,
            },
        }
    }

    /// 403 when the role may never do `action`, 404 when the object is out of scope.
    pub fn authorize(&self, action: Action, place: &Place<'_>) -> Result<(), AppError> {
        self.require(action)?;
        if self.sees(place) {
            Ok(())
        } else {
            Err(not_found())
        }
    }

    /// Whether something of the region at `region_path` covers the caller's area: a provincial
    /// round covers a city officer's projects although the province is above its scope.
    pub fn covered_by(&self, region_path: &str) -> bool {
        match &self.scope {
            Scope::All => true,
            Scope::Region { path, .. } => {
                path.starts_with(region_path) || region_path.starts_with(path.as_str())
            }
            Scope::Department {
                region_path: own, ..
            } => own.starts_with(region_path),
        }
    }

    /// The part of the subtree at `region_path` whose figures the caller may read: the subtree
    /// itself, or the caller's own region when `region_path` lies above it; `None` when the two
    /// do not meet. (A department officer is further limited to its department by `list_scope`.)
    pub fn readable_subtree(&self, region_path: &str) -> Option<String> {
        match &self.scope {
            Scope::All => Some(region_path.to_owned()),
            Scope::Region { path, .. } if region_path.starts_with(path.as_str()) => {
                Some(region_path.to_owned())
            }
            Scope::Region { path, .. } => path.starts_with(region_path).then(|| path.clone()),
            Scope::Department {
                region_path: own, ..
            } => own.starts_with(region_path).then(|| region_path.to_owned()),
        }
    }

    pub fn list_scope(&self) -> ListScope {
        match &self.scope {
            Scope::All => ListScope::All,
            Scope::Region { path, .. } => ListScope::RegionSubtree(path.clone()),
            Scope::Department {
                region_id,
                region_path,
                path,
                ..
            } => ListScope::Department {
                region_id: *region_id,
                region_path: region_path.clone(),
                path: path.clone(),
            },
        }
    }

    /// Whether secret-related objects count in the totals the caller is told about a region's
    /// subtree as a whole (how many reports a rule change or a recompute touched): only for
    /// admins. A region officer must not learn even how many there are; a department officer,
    /// who sees its own, never starts such work.
    pub fn counts_secret_related(&self) -> bool {
        matches!(self.scope, Scope::All)
    }

    /// Whether a finance officer (or admin) may manage a user with `target_role`: officers may
    /// only manage department officers and auditors, never admins or other finance officers.
    pub fn may_manage_role(&self, target_role: Role) -> bool {
        match self.role {
            Role::Admin => true,
            Role::FinanceOfficer => {
                matches!(target_role, Role::DepartmentOfficer | Role::Auditor)
            }
            Role::Auditor | Role::DepartmentOfficer => false,
        }
    }
}

impl ListScope {
    /// The caller's own region path and every path above it ("370000/", "370000/370100/").
    pub fn ancestor_paths(&self) -> Vec<String> {
        let own = match self {
            ListScope::All => return Vec::new(),
            ListScope::RegionSubtree(path) => path,
            ListScope::Department { region_path, .. } => region_path,
        };
        let mut paths = Vec::new();
        let mut acc = String::new();
        for code in own.split('/').filter(|c| !c.is_empty()) {
            acc.push_str(code);
            acc.push('/');
            paths.push(acc.clone());
        }
        paths
    }
}

/// The answer for anything out of scope: the same as for something that does not exist.
pub fn not_found() -> AppError {
    AppError::NotFound("The resource does not exist.".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(role: Role, scope: Scope) -> Caller {
        Caller {
            user_id: Uuid::now_v7(),
            username: "u".into(),
            role,
            scope,
            request_id: None,
        }
    }

    fn jinan_officer() -> Caller {
        caller(
            Role::FinanceOfficer,
            Scope::Region {
                region_id: Uuid::nil(),
                path: "370000/370100/".into(),
            },
        )
    }

    #[test]
    fn region_scope_covers_the_subtree_only() {
        let c = jinan_officer();
        assert!(c.sees(&Place::region("370000/370100/")));
        assert!(c.sees(&Place::region("370000/370100/370102/")));
        assert!(!c.sees(&Place::region("370000/370200/")));
        assert!(!c.sees(&Place::region("370000/")));
    }

    #[test]
    fn classified_objects_are_hidden_from_region_scopes() {
        let c = jinan_officer();
        let place = Place {
            region_path: "370000/370100/",
            department: Some((Uuid::nil(), "SECRET/")),
            classified: true,
        };
        assert!(!c.sees(&place));
        assert!(caller(Role::Admin, Scope::All).sees(&place));
    }

    #[test]
    fn department_scope_covers_its_units_not_siblings() {
        let region = Uuid::now_v7();
        let c = caller(
            Role::DepartmentOfficer,
            Scope::Department {
                department_id: Uuid::now_v7(),
                region_id: region,
                region_path: "370000/370100/".into(),
                path: "KJ/".into(),
            },
        );
        let dept = |path: &'static str, classified| Place {
            region_path: "370000/370100/",
            department: Some((region, path)),
            classified,
        };
        assert!(c.sees(&dept("KJ/", true)));
        assert!(c.sees(&dept("KJ/KJ-01/", false)));
        assert!(!c.sees(&dept("KJX/", false)));
        assert!(!c.sees(&dept("JY/", false)));
        assert!(c.sees(&Place::region("370000/370100/")));
        assert!(!c.sees(&Place::region("370000/370100/370102/")));
    }

    #[test]
    fn forbidden_roles_get_403_before_scope_is_checked() {
        let auditor = caller(
            Role::Auditor,
            Scope::Region {
                region_id: Uuid::nil(),
                path: "370000/".into(),
            },
        );
        let err = auditor
            .authorize(Action::ManageDepartments, &Place::region("370000/370200/"))
            .unwrap_err();
        assert_eq!(actix_web::ResponseError::status_code(&err).as_u16(), 403);
        let err = jinan_officer()
            .authorize(Action::ManageDepartments, &Place::region("370000/370200/"))
            .unwrap_err();
        assert_eq!(actix_web::ResponseError::status_code(&err).as_u16(), 404);
    }

    #[test]
    fn rounds_above_cover_the_callers_area() {
        let c = jinan_officer();
        assert!(c.covered_by("370000/"));
        assert!(c.covered_by("370000/370100/"));
        assert!(c.covered_by("370000/370100/370102/"));
        assert!(!c.covered_by("370000/370200/"));
        assert_eq!(
            c.list_scope().ancestor_paths(),
            ["370000/".to_owned(), "370000/370100/".to_owned()]
        );
    }

    #[test]
    fn finance_officers_manage_only_lower_roles() {
        let c = jinan_officer();
        assert!(c.may_manage_role(Role::DepartmentOfficer));
        assert!(c.may_manage_role(Role::Auditor));
        assert!(!c.may_manage_role(Role::FinanceOfficer));
        assert!(!c.may_manage_role(Role::Admin));
    }
}
