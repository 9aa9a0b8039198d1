use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::domain::money::{format_money, parse_money};
use crate::error::AppError;
use crate::export::{Cell, Column, Kind, XlsxFile};
use crate::http::etag::IfMatch;
use crate::http::respond::{created, ok_with_etag};
use crate::listing::{Export, Listing, RegionFilter};
use crate::pagination::{self, Page};
use crate::projects::dto::{
    LedgerEntry, LedgerQuery, NewProject, Project, ProjectChanges, ProjectOrder, ProjectQuery,
};
use crate::projects::service;
use crate::projects::store::{self, ProjectAfter, ProjectFilter, ProjectSort};

/// The filter of a project list; `None` when `region` names no region (nothing matches).
fn project_filter(
    conn: &mut PgConnection,
    query: &ProjectQuery,
) -> Result<Option<ProjectFilter>, AppError> {
    let mut filter = ProjectFilter {
        fiscal_year: crate::validation::fiscal_year_filter(query.fiscal_year)?,
        department_id: query.department,
        status: query.status.map(|s| s.as_str()),
        key_monitoring: query.key_monitoring,
        function_class: query.function_class.clone().filter(|c| !c.is_empty()),
        q: query.q.clone().filter(|q| !q.trim().is_empty()),
        ..ProjectFilter::default()
    };
    match RegionFilter::resolve(conn, query.region.as_deref())?.path() {
        Some(path) => filter.region_path = path,
        None => return Ok(None),
    }
    Ok(Some(filter))
}

/// The keyset position after a row with this sort key.
fn project_after(sort: ProjectSort, key: String, id: Uuid) -> Result<ProjectAfter, AppError> {
    match sort {
        ProjectSort::Budget => parse_money(&key)
            .map(|k| ProjectAfter::Money(k, id))
            .map_err(|_| AppError::BadRequest("Invalid query parameters: bad cursor".into())),
        _ => Ok(ProjectAfter::Text(key, id)),
    }
}

fn project_key(sort: ProjectSort, p: &Project) -> (String, Uuid) {
    let key = match sort {
        ProjectSort::Code => p.code.clone(),
        ProjectSort::Name => p.name.clone(),
        ProjectSort::Budget => format_money(&p.adjusted_budget),
    };
    (key, p.id)
}

const PROJECT_COLUMNS: &[Column] = &[
    Column::new("id", Kind::Text),
    Column::new("code", Kind::Text),
    Column::new("name", Kind::Text),
    Column::new("department_id", Kind::Text),
    Column::new("department_code", Kind::Text),
    Column::new("region_code", Kind::Text),
    Column::new("fiscal_year", Kind::Integer),
    Column::new("function_class", Kind::Text),
    Column::new("category", Kind::Text),
    Column::new("start_date", Kind::Date),
    Column::new("end_date", Kind::Date),
    Column::new("annual_goal", Kind::Text),
    Column::new("fund_central", Kind::Money),
    Column::new("fund_provincial", Kind::Money),
    Column::new("fund_municipal", Kind::Money),
    Column::new("fund_county", Kind::Money),
    Column::new("fund_self_raised", Kind::Money),
    Column::new("fund_other", Kind::Money),
    Column::new("initial_budget", Kind::Money),
    Column::new("adjusted_budget", Kind::Money),
    Column::new("status", Kind::Text),
    Column::new("key_monitoring", Kind::Bool),
    Column::new("classified", Kind::Bool),
    Column::new("ready", Kind::Bool),
    Column::new("not_ready_reasons", Kind::Text),
    Column::new("created_at", Kind::DateTime),
    Column::new("updated_at", Kind::DateTime),
];

fn project_cells(p: &Project) -> Vec<Cell> {
    let f = &p.fund_sources;
    vec![
        p.id.into(),
        (&p.code).into(),
        (&p.name).into(),
        p.department_id.into(),
        (&p.department_code).into(),
        (&p.region_code).into(),
        p.fiscal_year.into(),
        (&p.function_class).into(),
        (&p.category).into(),
        p.start_date.into(),
        p.end_date.into(),
        (&p.annual_goal).into(),
        Cell::money(&f.central),
        Cell::money(&f.provincial),
        Cell::money(&f.municipal),
        Cell::money(&f.county),
        Cell::money(&f.self_raised),
        Cell::money(&f.other),
        Cell::money(&p.initial_budget),
        Cell::money(&p.adjusted_budget),
        p.status.as_str().into(),
        p.key_monitoring.into(),
        p.classified.into(),
        p.readiness.ready.into(),
        p.readiness.reasons.join("; ").into(),
        p.created_at.into(),
        p.updated_at.into(),
    ]
}

/// List projects in the caller's scope.
#[utoipa::path(
    tag = "projects",
    operation_id = "list_projects",
    summary = "List projects",
    description = "Projects the caller may see: all for an admin; the region subtree's projects for a \
                   finance officer or auditor, never classified ones or those of classified \
                   departments; its department's and units' projects for a department officer. \
                   `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every matching \
                   project as a file, in the list's order. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(ProjectQuery),
    responses((status = 200, description = "A page of projects, or all of them as a file", content(
        (Page<Project> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects")]
pub async fn list_projects(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ProjectQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let query = query.into_inner();
    let sort = pagination::sort(
        query.sort.map(ProjectOrder::as_str),
        &[
            ("code", ProjectSort::Code),
            ("name", ProjectSort::Name),
            ("budget", ProjectSort::Budget),
        ],
        ProjectSort::Code,
    )?;
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), &sort.label)?;
    let (field, descending) = (sort.field, sort.descending);
    // A cursor's key must fit the sort (a money key for the budget) before anything is read.
    if let Some((key, id)) = listing.after() {
        project_after(field, key.clone(), *id)?;
    }
    let scope = caller.list_scope();
    let export = Export {
        filename: "projects".to_owned(),
        columns: PROJECT_COLUMNS,
        cells: project_cells,
    };
    listing
        .respond(
            &state.db,
            Some(export),
            move |conn, after, limit| {
                let Some(filter) = project_filter(conn, &query)? else {
                    return Ok(Vec::new());
                };
                let after = after
                    .map(|(key, id)| project_after(field, key, id))
                    .transpose()?;
                let rows = store::list(conn, &scope, &filter, field, descending, after, limit)?;
                Ok(rows
                    .into_iter()
                    .map(|(view, weights)| service::project_dto_with(view, &weights))
                    .collect())
            },
            move |p: &Project| project_key(field, p),
        )
        .await
}

/// Read one project.
#[utoipa::path(
    tag = "projects",
    operation_id = "get_project",
    summary = "Get a project",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope; \
                   anything else, and classified projects for others, answers 404).",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The project", body = Project,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}")]
pub async fn get_project(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let project = state
        .db
        .run(move |conn| {
            let (view, weights) = store::find_with_weights(conn, id)?.ok_or_else(not_found)?;
            caller.authorize(Action::Read, &view.place())?;
            Ok(service::project_dto_with(view, &weights))
        })
        .await?;
    let version = project.version;
    Ok(ok_with_etag(&project, version))
}

/// Register a project.
#[utoipa::path(
    tag = "projects",
    operation_id = "create_project",
    summary = "Create a project",
    description = "For a department in the caller's scope. The fund sources must add up to the \
                   initial budget, which opens the project's budget ledger. Codes are unique per \
                   region and fiscal year. Only admins create classified projects. Roles: admin, \
                   finance_officer.",
    request_body = NewProject,
    responses((status = 201, description = "Created", body = Project,
               headers(("Location" = String, description = "URL of the new project"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/projects")]
pub async fn create_project(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewProject>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageProjects)?;
    let new = body.into_inner();
    let project = state
        .db
        .run(move |conn| conn.transaction(|conn| service::create(conn, &caller, &new, &[], "api")))
        .await?;
    let location = format!("/api/v1/projects/{}", project.id);
    let version = project.version;
    Ok(created(&project, &location, version))
}

/// Change a project.
#[utoipa::path(
    tag = "projects",
    operation_id = "update_project",
    summary = "Update a project",
    description = "Send `If-Match` with the ETag you read (428 without it, 412 when someone changed \
                   the project since). Department officers may change name, function class, \
                   category, dates and goal of their projects; fund sources, initial budget \
                   (booked in the ledger as a correction), status and key monitoring are for \
                   finance officers and admins; `classified` for admins. Roles: admin, \
                   finance_officer, department_officer.",
    params(
        ("id" = Uuid, Path, description = "Project id"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = ProjectChanges,
    responses((status = 200, description = "Updated", body = Project,
               headers(("ETag" = String, description = "New version")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "department_officer"])))
)]
#[patch("/projects/{id}")]
pub async fn update_project(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<ProjectChanges>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditProjects)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let (_, project) = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                service::update(conn, &caller, id, Some(if_match.0), &changes, "api")
            })
        })
        .await?;
    let version = project.version;
    Ok(ok_with_etag(&project, version))
}

/// Delete a project nothing refers to.
#[utoipa::path(
    tag = "projects",
    operation_id = "delete_project",
    summary = "Delete a project",
    description = "Removes the project with its indicators and ledger, only while no monitoring \
                   record refers to it (409 otherwise). Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[delete("/projects/{id}")]
pub async fn delete_project(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageProjects)?;
    let id = id.into_inner();
    state
        .db
        .run(move |conn| conn.transaction(|conn| service::delete(conn, &caller, id)))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The project's budget ledger.
#[utoipa::path(
    tag = "projects",
    operation_id = "list_budget_history",
    summary = "Budget history",
    description = "Every entry of the budget ledger, oldest first: the initial budget and each later \
                   change; the adjusted budget is their sum. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(("id" = Uuid, Path, description = "Project id"), LedgerQuery),
    responses((status = 200, description = "A page of ledger entries", body = Page<LedgerEntry>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}/budget-history")]
pub async fn budget_history(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<LedgerQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let query = query.into_inner();
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), "id")?;
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let view = store::find(conn, id)?.ok_or_else(not_found)?;
                caller.authorize(Action::Read, &view.place())?;
                let rows = store::ledger(conn, id, after.map(|(_, a)| a), limit)?;
                let counterparts: Vec<Uuid> = rows
                    .iter()
                    .filter_map(|r| r.counterpart_project_id)
                    .collect();
                let visible = service::visible_ids(conn, &caller, &counterparts)?;
                Ok(rows
                    .into_iter()
                    .map(|r| {
                        let shown = r
                            .counterpart_project_id
                            .is_some_and(|c| visible.contains(&c));
                        LedgerEntry::of(r, shown)
                    })
                    .collect())
            },
            |e: &LedgerEntry| (String::new(), e.id),
        )
        .await
}
