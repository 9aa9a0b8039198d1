//! `budget-monitor seed-demo`: Shandong's 2021 budget performance monitoring as a data set that
//! the statistics endpoints turn back into the published figures. Development only.
//!
//! Organisation, projects, indicators and spending records are written in bulk; the round is
//! opened, reports evaluated and fund adjustments booked through the same code the API uses, so
//! the pre-filled figures, lights, ledger and audit trail are what users would have produced.

mod entries;
pub mod plan;
mod results;
mod rng;
mod store;

use bigdecimal::BigDecimal;
use chrono::{NaiveDate, TimeZone, Utc};
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::auth::password;
use crate::auth::{Caller, Role, Scope};
use crate::error::AppError;
use crate::keymon::adjustments::{NewAdjustment, create as create_adjustment};
use crate::keymon::store::{self as keymon, Home, InspectionFields, NewRectificationRow};
use crate::lights::store as lights;
use crate::rounds::store::{self as rounds, NewRoundRow};
use crate::users::store::{self as users, NewUserRow};
use plan::{Plan, ReportState};
use store::{
    DepartmentInsert, IndicatorInsert, PaymentInsert, ProjectInsert, RegionInsert, ReportStep,
};

pub const FISCAL_YEAR: i16 = 2021;
/// One password for every demo user: the data set is for development machines only.
pub const DEMO_PASSWORD: &str = "Demo-Monitor-2021";

/// The demo users: (username, role, region code or department code, what they are for).
pub const USERS: [(&str, Role, &str, &str); 7] = [
    ("demo.admin", Role::Admin, "", "administrator"),
    (
        "sd.finance",
        Role::FinanceOfficer,
        "370000",
        "Shandong provincial finance officer",
    ),
    (
        "jn.finance",
        Role::FinanceOfficer,
        "370100",
        "Jinan finance officer",
    ),
    (
        "qd.finance",
        Role::FinanceOfficer,
        "370200",
        "Qingdao finance officer",
    ),
    (
        "jn.kj.officer",
        Role::DepartmentOfficer,
        "JN-KJ",
        "Jinan science and technology bureau",
    ),
    ("sd.auditor", Role::Auditor, "370000", "provincial auditor"),
    ("jn.auditor", Role::Auditor, "370100", "Jinan auditor"),
];

pub struct Options {
    pub scale: u32,
}

pub enum Outcome {
    Loaded(Summary),
    /// The demo data set is there already (its admin exists); nothing was written.
    AlreadyLoaded,
}

#[derive(Debug)]
pub struct Summary {
    pub regions: usize,
    pub departments: usize,
    pub projects: usize,
    pub reports: usize,
    pub key_monitored: usize,
    pub adjustments: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(
        "the database already holds regions that are not the demo data set; seed-demo only \
         loads into an empty database"
    )]
    NotEmpty,
    #[error("{0}")]
    Failed(String),
}

impl From<diesel::result::Error> for SeedError {
    fn from(err: diesel::result::Error) -> Self {
        SeedError::Failed(err.to_string())
    }
}

impl From<AppError> for SeedError {
    fn from(err: AppError) -> Self {
        SeedError::Failed(format!("{err:?}"))
    }
}

struct Ids {
    regions: Vec<Uuid>,
    region_paths: Vec<String>,
    departments: Vec<Uuid>,
    projects: Vec<Uuid>,
}

/// Loads the data set in one transaction: either all of it is there afterwards or none.
pub fn seed(
    conn: &mut PgConnection,
    options: &Options,
    progress: &mut dyn FnMut(&str),
) -> Result<Outcome, SeedError> {
    if users::username_taken(conn, USERS[0].0)? {
        return Ok(Outcome::AlreadyLoaded);
    }
    if !store::is_empty(conn)? {
        return Err(SeedError::NotEmpty);
    }
    let plan = plan::build(options.scale);
    progress(&format!(
        "planned {} regions, {} departments, {} projects",
        plan.regions.len(),
        plan.departments.len(),
        plan.projects.len()
    ));
    conn.transaction(|conn| load(conn, &plan, progress))
        .map(Outcome::Loaded)
}

fn load(
    conn: &mut PgConnection,
    plan: &Plan,
    progress: &mut dyn FnMut(&str),
) -> Result<Summary, SeedError> {
    let mut ids = organisation(conn, plan)?;
    let people = demo_users(conn, plan, &ids)?;
    progress("regions, departments and users written");
    let officer = people.caller("sd.finance");
    let (projects, indicators) =
        projects_and_spending(conn, plan, &ids, (officer.user_id, &officer.username))?;
    ids.projects = projects;
    progress("projects, indicators and spending records written");
    let fed = entries::feed(conn, plan, &ids, &indicators, officer.user_id)?;
    progress(&format!("{fed} indicator values fed by business systems"));
    qingdao_rules(conn, &ids, plan, &officer)?;

    let due = date(8, 20);
    let round = rounds::insert(
        conn,
        NewRoundRow {
            region_id: ids.regions[0],
            region_path: &ids.region_paths[0],
            fiscal_year: FISCAL_YEAR,
            name: "2021 mid-year monitoring (cut-off 31 July)",
            cutoff_date: date(7, 31),
            open_date: date(8, 1),
            due_date: due,
            warning_days: 7,
        },
    )?;
    let round = rounds::set_status(conn, round.id, "open")?;
    let (created, _, not_ready) =
        crate::reports::service::create_for_round(conn, &officer, &round)?;
    if !not_ready.is_empty() {
        return Err(SeedError::Failed(format!(
            "{} demo projects were not ready for monitoring",
            not_ready.len()
        )));
    }
    progress(&format!("round opened: {created} reports pre-filled"));
    let reports = fill_reports(conn, plan, &ids, round.id, due, &people)?;
    progress("reports filled, submitted, returned and approved");
    let changed = crate::lights::service::recompute(conn, &reports)?;
    progress(&format!("lights and scores computed ({changed} reports)"));
    let first_findings = key_monitoring(conn, plan, &ids, round.id, &people)?;
    let key_monitored = plan.key_projects().count();
    progress(&format!("{key_monitored} projects under key monitoring"));
    let adjustments = adjustments(conn, plan, &ids, &first_findings, &officer)?;
    progress(&format!("{adjustments} fund adjustments booked"));
    let (applied, cuts) = results::record(conn, plan, &ids, round.id, &officer)?;
    progress(&format!(
        "{applied} results applications recorded, {cuts} cutting next year's budget"
    ));
    store::analyze(conn)?;
    Ok(Summary {
        regions: plan.regions.len(),
        departments: plan.departments.len(),
        projects: plan.projects.len(),
        reports: created,
        key_monitored,
        adjustments,
    })
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(FISCAL_YEAR), month, day).expect("a valid date")
}

fn organisation(conn: &mut PgConnection, plan: &Plan) -> Result<Ids, SeedError> {
    let mut region_ids = Vec::new();
    let mut region_paths: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for r in &plan.regions {
        let id = Uuid::now_v7();
        let path = match r.parent {
            Some(p) => format!("{}{}/", region_paths[p], r.code),
            None => format!("{}/", r.code),
        };
        rows.push(RegionInsert {
            id,
            code: r.code.clone(),
            name: r.name.clone(),
            level: r.level,
            parent_id: r.parent.map(|p| region_ids[p]),
            path: path.clone(),
        });
        region_ids.push(id);
        region_paths.push(path);
    }
    store::insert_regions(conn, &rows)?;
    let departments: Vec<DepartmentInsert> = plan
        .departments
        .iter()
        .map(|d| DepartmentInsert {
            id: Uuid::now_v7(),
            region_id: region_ids[d.region],
            region_path: region_paths[d.region].clone(),
            code: d.code.clone(),
            name: d.name.clone(),
            classified: d.classified,
        })
        .collect();
    store::insert_departments(conn, &departments)?;
    Ok(Ids {
        regions: region_ids,
        region_paths,
        departments: departments.iter().map(|d| d.id).collect(),
        projects: Vec::new(),
    })
}

struct People {
    /// Username → (id, role, scope).
    users: Vec<(String, Uuid, Role, Scope)>,
}

impl People {
    fn caller(&self, username: &str) -> Caller {
        let (name, id, role, scope) = self
            .users
            .iter()
            .find(|u| u.0 == username)
            .expect("a demo user")
            .clone();
        Caller {
            user_id: id,
            username: name,
            role,
            scope,
            request_id: None,
        }
    }
}

fn demo_users(conn: &mut PgConnection, plan: &Plan, ids: &Ids) -> Result<People, SeedError> {
    let hash = password::hash(DEMO_PASSWORD)?;
    let mut people = Vec::new();
    for (username, role, place, what) in USERS {
        let region = plan.regions.iter().position(|r| r.code == place);
        let department = plan.departments.iter().position(|d| d.code == place);
        let (region_id, department_id, scope_path, scope) = match role {
            Role::Admin => (None, None, None, Scope::All),
            Role::DepartmentOfficer => {
                let d = department.ok_or_else(|| SeedError::Failed(format!("no {place}")))?;
                let r = plan.departments[d].region;
                (
                    None,
                    Some(ids.departments[d]),
                    Some(ids.region_paths[r].clone()),
                    Scope::Department {
                        department_id: ids.departments[d],
                        region_id: ids.regions[r],
                        region_path: ids.region_paths[r].clone(),
                        path: format!("{place}/"),
                    },
                )
            }
            Role::FinanceOfficer | Role::Auditor => {
                let r = region.ok_or_else(|| SeedError::Failed(format!("no {place}")))?;
                (
                    Some(ids.regions[r]),
                    None,
                    Some(ids.region_paths[r].clone()),
                    Scope::Region {
                        region_id: ids.regions[r],
                        path: ids.region_paths[r].clone(),
                    },
                )
            }
        };
        let id = users::insert(
            conn,
            NewUserRow {
                username,
                display_name: what,
                email: None,
                phone: None,
                password_hash: &hash,
                role: role.as_str(),
                region_id,
                department_id,
                scope_path: scope_path.as_deref(),
            },
        )?;
        people.push((username.to_owned(), id, role, scope));
    }
    Ok(People { users: people })
}

/// Six indicators per project, weights adding up to 90: (level 1, level 2, name, comparator,
/// target, text target, unit, weight, accrues).
type IndicatorTemplate = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    Option<&'static str>,
    &'static str,
    i64,
    bool,
);
const INDICATORS: [IndicatorTemplate; 6] = [
    (
        "output",
        "quantity",
        "Tasks completed",
        ">=",
        Some(120),
        None,
        "items",
        25,
        true,
    ),
    (
        "output",
        "quality",
        "Acceptance pass rate",
        ">=",
        Some(95),
        None,
        "%",
        15,
        false,
    ),
    (
        "output",
        "timeliness",
        "Milestones met on schedule",
        "qualitative",
        None,
        Some("achieved"),
        "",
        10,
        false,
    ),
    (
        "output",
        "cost",
        "Unit cost",
        "<=",
        Some(80),
        None,
        "10k yuan",
        10,
        false,
    ),
    (
        "effect",
        "social",
        "People benefiting",
        ">=",
        Some(5000),
        None,
        "people",
        20,
        true,
    ),
    (
        "satisfaction",
        "beneficiary_satisfaction",
        "Beneficiary satisfaction",
        ">=",
        Some(90),
        None,
        "%",
        10,
        false,
    ),
];

fn projects_and_spending(
    conn: &mut PgConnection,
    plan: &Plan,
    ids: &Ids,
    actor: (Uuid, &str),
) -> Result<(Vec<Uuid>, Vec<Uuid>), SeedError> {
    let mut projects = Vec::with_capacity(plan.projects.len());
    let mut indicators = Vec::with_capacity(plan.projects.len() * INDICATORS.len());
    let mut payments = Vec::with_capacity(plan.projects.len() * 3);
    for p in &plan.projects {
        let dept = &plan.departments[p.department];
        let region = &plan.regions[dept.region];
        let id = Uuid::now_v7();
        // Who pays: the province's own projects are partly central transfers; cities and
        // counties get a share from the level above.
        let share = |percent: i64| p.budget * percent / 100;
        let funds = match region.level {
            "province" => [share(30), p.budget - share(30), 0, 0],
            "city" => [0, share(20), p.budget - share(20), 0],
            _ => [0, 0, share(20), p.budget - share(20)],
        };
        let region_path = ids.region_paths[dept.region].clone();
        let department_path = format!("{}/", dept.code);
        projects.push(ProjectInsert {
            id,
            department_id: ids.departments[p.department],
            region_id: ids.regions[dept.region],
            region_path: region_path.clone(),
            department_path: department_path.clone(),
            code: p.code.clone(),
            name: p.name.clone(),
            function_class: p.function_class,
            annual_goal: format!(
                "Deliver {} within the year's budget.",
                p.name.to_lowercase()
            ),
            funds: funds.map(BigDecimal::from),
            budget: BigDecimal::from(p.budget),
            classified: dept.classified,
        });
        for (level1, level2, name, comparator, target, text, unit, weight, accrues) in INDICATORS {
            indicators.push(IndicatorInsert {
                id: Uuid::now_v7(),
                project_id: id,
                level1,
                level2,
                name,
                comparator,
                target_value: target.map(BigDecimal::from),
                target_text: text,
                unit,
                weight: BigDecimal::from(weight),
                accrues,
            });
        }
        // Three payments by the cut-off adding up to the planned execution.
        let executed = p.budget * p.executed_permille / 1000;
        let parts = [executed / 5, executed * 3 / 10];
        let amounts = [parts[0], parts[1], executed - parts[0] - parts[1]];
        for (n, (amount, month)) in amounts.iter().zip([3, 5, 7]).enumerate() {
            if *amount > 0 {
                payments.push(PaymentInsert {
                    project_id: id,
                    region_id: ids.regions[dept.region],
                    region_path: region_path.clone(),
                    department_path: department_path.clone(),
                    date: date(month, 10 + u32::try_from(n).unwrap_or(0)),
                    amount: BigDecimal::from(*amount),
                    external_ref: format!("TRE-{}-{}", p.code, n + 1),
                });
            }
        }
    }
    store::insert_projects(conn, &projects, FISCAL_YEAR, actor)?;
    store::insert_indicators(conn, &indicators)?;
    store::insert_payments(conn, &payments)?;
    let ids: Vec<Uuid> = projects.iter().map(|p| p.id).collect();
    let indicator_ids = indicators.iter().map(|i| i.id).collect();
    Ok((ids, indicator_ids))
}

/// Qingdao's own stricter budget-execution bands (one city override over the defaults).
fn qingdao_rules(
    conn: &mut PgConnection,
    ids: &Ids,
    plan: &Plan,
    officer: &Caller,
) -> Result<(), SeedError> {
    let qingdao = plan
        .regions
        .iter()
        .position(|r| r.code == "370200")
        .ok_or_else(|| SeedError::Failed("no Qingdao".to_owned()))?;
    let overrides = serde_json::json!({
        "rules": {
            "budget_execution": {
                "metric": "ratio_to_prorated",
                "bands": [
                    {"below": "70", "light": "red"},
                    {"below": "85", "light": "yellow"},
                    {"light": "green"}
                ]
            }
        }
    });
    lights::insert_rule_set(
        conn,
        ids.regions[qingdao],
        &ids.region_paths[qingdao],
        &overrides,
        (officer.user_id, &officer.username),
    )?;
    Ok(())
}

fn fill_reports(
    conn: &mut PgConnection,
    plan: &Plan,
    ids: &Ids,
    round_id: Uuid,
    due: NaiveDate,
    people: &People,
) -> Result<Vec<Uuid>, SeedError> {
    let project_index: std::collections::HashMap<Uuid, usize> = ids
        .projects
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    let reports = store::report_ids_of_round(conn, round_id)?;
    let department_user = people.caller("jn.kj.officer");
    let finance = people.caller("sd.finance");
    let at = |day: u32, hour: u32| {
        Utc.from_utc_datetime(&date(8, day).and_hms_opt(hour, 0, 0).expect("a valid time"))
    };
    let mut fills = Vec::new();
    let mut steps = Vec::new();
    for (report_id, project_id) in &reports {
        let Some(&i) = project_index.get(project_id) else {
            continue;
        };
        let p = &plan.projects[i];
        if p.report == ReportState::Untouched {
            continue;
        }
        fills.push(entries::Filled {
            report_id: *report_id,
            project: i,
            full: p.report != ReportState::Draft,
        });
        // Departments other than the demo one act through a nameless department clerk.
        let clerk = (department_user.user_id, "department clerk".to_owned());
        let day = 10 + u32::try_from(i % 9).unwrap_or(0);
        let submitted = if p.late { at(25, 9) } else { at(day, 9) };
        let step = |from, to, by: (Uuid, String), comment, at| ReportStep {
            report_id: *report_id,
            from,
            to,
            by,
            comment,
            at,
        };
        let by_finance = (finance.user_id, finance.username.clone());
        match p.report {
            ReportState::Submitted => {
                steps.push(step("draft", "submitted", clerk, "", submitted));
            }
            ReportState::Approved => {
                steps.push(step("draft", "submitted", clerk, "", submitted));
                steps.push(step(
                    "submitted",
                    "approved",
                    by_finance,
                    "",
                    submitted + chrono::Duration::days(3),
                ));
            }
            ReportState::Returned => {
                steps.push(step("draft", "submitted", clerk, "", submitted));
                steps.push(step(
                    "submitted",
                    "returned",
                    by_finance,
                    "Deviation reasons are missing for the lagging indicators.",
                    submitted + chrono::Duration::days(2),
                ));
            }
            ReportState::Draft | ReportState::Untouched => {}
        }
    }
    entries::department_entries(conn, plan, &fills)?;
    // While the reports are still drafts, the service proposes around what was typed: the
    // forecasts, likelihoods and drafted texts submitted with them.
    let all: Vec<Uuid> = reports.iter().map(|(r, _)| *r).collect();
    crate::lights::service::recompute(conn, &all)?;
    let due_end = Utc.from_utc_datetime(&due.and_hms_opt(23, 59, 59).expect("a valid time"));
    store::apply_steps(conn, &steps, due_end)?;
    Ok(reports.into_iter().map(|(r, _)| r).collect())
}

const FINDING_TEXT: [(&str, &str); 6] = [
    (
        "slow_progress",
        "Work lags the plan: tendering finished two months late.",
    ),
    (
        "idle_funds",
        "Funds received in the spring have not been paid out.",
    ),
    (
        "non_standard_management",
        "Acceptance records are incomplete for several contracts.",
    ),
    (
        "unreasonable_targets",
        "The quantity target is far above what the budget can deliver.",
    ),
    (
        "unclear_objectives",
        "The annual goal does not say what is to be delivered.",
    ),
    (
        "other",
        "Spending is booked under the wrong function class.",
    ),
];

/// Who inspects: the city's own finance officer where the demo has one, else the province's.
fn inspector<'a>(people: &'a [(String, Caller)], region_path: &str) -> &'a Caller {
    people
        .iter()
        .filter(|(path, _)| region_path.starts_with(path.as_str()))
        .max_by_key(|(path, _)| path.len())
        .map(|(_, c)| c)
        .expect("the provincial officer covers everything")
}

/// Inspections, findings, opinions and rectification tasks; returns each key-monitored
/// project's first finding (adjustments refer to it).
fn key_monitoring(
    conn: &mut PgConnection,
    plan: &Plan,
    ids: &Ids,
    round_id: Uuid,
    people: &People,
) -> Result<std::collections::HashMap<usize, Uuid>, SeedError> {
    let officers: Vec<(String, Caller)> = ["sd.finance", "jn.finance", "qd.finance"]
        .iter()
        .map(|u| {
            let c = people.caller(u);
            let path = match &c.scope {
                Scope::Region { path, .. } => path.clone(),
                _ => String::new(),
            };
            (path, c)
        })
        .collect();
    let clerk = people.caller("jn.kj.officer");
    let mut first_findings = std::collections::HashMap::new();
    let mut marked = Vec::new();
    for (i, p) in plan.projects.iter().enumerate() {
        let Some(key) = &p.key else { continue };
        let dept = &plan.departments[p.department];
        let region_path = &ids.region_paths[dept.region];
        let department_path = format!("{}/", dept.code);
        let officer = inspector(&officers, region_path);
        let by = (officer.user_id, officer.username.as_str());
        let inspection = keymon::insert_inspection(
            conn,
            Home {
                project_id: ids.projects[i],
                region_id: ids.regions[dept.region],
                region_path,
                department_path: &department_path,
            },
            Some(round_id),
            by,
            (Some(date(8, 23)), None),
        )?;
        let (status, conclusion, end) = if key.concluded {
            (
                "concluded",
                "Problems found and rectification ordered; funds adjusted where targets cannot be met.",
                Some(date(9, 30)),
            )
        } else {
            ("in_progress", "", None)
        };
        keymon::update_inspection(
            conn,
            inspection.id,
            inspection.version,
            &InspectionFields {
                status: status.to_owned(),
                conclusion: conclusion.to_owned(),
                start_date: Some(date(8, 23)),
                end_date: end,
            },
        )?;
        for (n, (category, severity)) in key.findings.iter().enumerate() {
            let text = FINDING_TEXT
                .iter()
                .find(|(c, _)| c == category)
                .map_or("See the inspection notes.", |(_, t)| t);
            let amount = (*category == "idle_funds")
                .then(|| BigDecimal::from(p.budget * (p.executed_permille.min(500)) / 2000));
            let finding = keymon::insert_finding(
                conn,
                &inspection,
                category,
                text,
                severity,
                amount.as_ref(),
                officer.user_id,
            )?;
            if n > 0 {
                continue;
            }
            first_findings.insert(i, finding.id);
            let Some(state) = key.rectification else {
                continue;
            };
            let task = keymon::insert_rectification(
                conn,
                NewRectificationRow {
                    finding: &finding,
                    department_id: ids.departments[p.department],
                    region_id: ids.regions[dept.region],
                    region_path,
                    department_path: &department_path,
                    requirement: "Rectify the finding and report the measures taken.",
                    deadline: date(10 + u32::try_from(i % 3).unwrap_or(0), 15),
                    warning_days: 7,
                    by: officer.user_id,
                },
            )?;
            if state == "open" {
                continue;
            }
            keymon::set_rectification(
                conn,
                task.id,
                "answered",
                Some("Contracts re-scheduled and payments made against accepted work."),
                false,
            )?;
            keymon::record_event(
                conn,
                task.id,
                "open",
                "answered",
                (clerk.user_id, "department clerk"),
                "",
            )?;
            if state == "accepted" {
                keymon::set_rectification(conn, task.id, "accepted", None, true)?;
                keymon::record_event(conn, task.id, "answered", "accepted", by, "")?;
            }
        }
        let opinions = [
            (
                "opinion",
                key.opinions,
                "Speed up payments against the accepted milestones.",
            ),
            (
                "suggestion",
                key.suggestions,
                "Tie next year's budget to this year's results.",
            ),
            (
                "policy_revision",
                key.policy_revisions,
                "Revise the fund management rules to require milestone-based payment.",
            ),
        ];
        // Rizhao's departments revised the policies its monitoring named (20+ in the seed);
        // elsewhere the revisions are still suggested.
        let rizhao = region_path.contains("/371100/");
        for (kind, count, text) in opinions {
            for n in 0..count {
                let policy = (kind == "policy_revision").then(|| {
                    let name = POLICY_NAMES[(i + n as usize) % POLICY_NAMES.len()];
                    format!("{} · {}", p.name, name)
                });
                let opinion = keymon::insert_opinion(
                    conn,
                    inspection.id,
                    kind,
                    text,
                    policy.as_deref(),
                    officer.user_id,
                )?;
                if rizhao && policy.is_some() {
                    keymon::set_revision(
                        conn,
                        opinion.id,
                        opinion.version,
                        true,
                        "Revised and published by the department.",
                    )?;
                }
            }
        }
        marked.push(ids.projects[i]);
    }
    store::mark_key_monitored(conn, &marked)?;
    Ok(first_findings)
}

/// Kinds of policy a key-monitoring inspection asks a department to revise.
const POLICY_NAMES: [&str; 6] = [
    "fund management measures",
    "project approval procedure",
    "subsidy disbursement rules",
    "milestone payment rules",
    "performance target setting guidelines",
    "procurement and acceptance rules",
];

fn adjustments(
    conn: &mut PgConnection,
    plan: &Plan,
    ids: &Ids,
    first_findings: &std::collections::HashMap<usize, Uuid>,
    officer: &Caller,
) -> Result<usize, SeedError> {
    for a in &plan.adjustments {
        let kind = crate::domain::adjustments::AdjustmentKind::parse(a.kind)
            .ok_or_else(|| SeedError::Failed(format!("unknown kind {}", a.kind)))?;
        create_adjustment(
            conn,
            officer,
            &NewAdjustment {
                project_id: ids.projects[a.project],
                kind,
                amount: a.amount.map(BigDecimal::from),
                document_number: a.document.clone(),
                finding_id: first_findings.get(&a.project).copied(),
                report_id: None,
                destination_project_id: None,
                destination_text: a.destination.map(|(t, _)| t.to_owned()),
                destination_function_class: a.destination.map(|(_, c)| c.to_owned()),
                reverses_id: None,
                note: String::new(),
            },
        )?;
    }
    Ok(plan.adjustments.len())
}
