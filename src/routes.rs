//! Every service of the API, registered in one place so the app and the OpenAPI document can
//! never disagree about which operations exist.

use actix_web::dev::{ServiceFactory, ServiceRequest};
use actix_web::web;
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_actix_web::AppExt;
use utoipa_actix_web::scope::scope;

use crate::http::fallback;
use crate::openapi::{ApiDoc, finalize};
use crate::{
    audit, auth, changes, departments, execution, indicator_values, indicators, keymon, lights,
    projects, regions, reports, results, rounds, stats, system, targets, tasks, users,
};

/// Registers every service on `app` and returns it with the finished OpenAPI document.
pub fn build<T>(app: actix_web::App<T>) -> (actix_web::App<T>, OpenApiDoc)
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    let (app, mut api) = app
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(system::routes::healthz)
        .service(system::routes::readyz)
        .service(system::routes::metrics)
        .service(
            scope("/api/v1")
                .service(auth::routes::login)
                .service(auth::routes::refresh)
                .service(auth::routes::logout)
                .service(auth::routes::me)
                .service(tasks::routes::my_tasks)
                .service(auth::routes::change_password)
                .service(regions::routes::list_regions)
                .service(regions::routes::create_region)
                .service(regions::routes::get_region)
                .service(regions::routes::update_region)
                .service(regions::routes::delete_region)
                .service(departments::routes::list_departments)
                .service(departments::routes::create_department)
                .service(departments::routes::get_department)
                .service(departments::routes::update_department)
                .service(departments::routes::delete_department)
                .service(users::routes::list_users)
                .service(users::routes::create_user)
                .service(users::routes::get_user)
                .service(users::routes::update_user)
                .service(users::routes::reset_password)
                .service(projects::import::import_template)
                .service(projects::import::import_projects)
                // Other methods on the import path would fall through to `/projects/{id}` and
                // fail there as a bad id; they are 405 with `Allow: POST`.
                .route("/projects/import", web::route().to(fallback::not_routed))
                .service(projects::routes::list_projects)
                .service(projects::routes::create_project)
                .service(projects::routes::get_project)
                .service(projects::routes::update_project)
                .service(projects::routes::delete_project)
                .service(projects::routes::budget_history)
                .service(indicators::routes::list_indicators)
                .service(indicators::routes::create_indicator)
                .service(indicators::routes::get_indicator)
                .service(indicators::routes::update_indicator)
                .service(indicators::routes::delete_indicator)
                .service(audit::routes::list_audit_events)
                .service(changes::routes::list_changes)
                .service(execution::routes::create_records)
                .service(execution::routes::list_records)
                .service(indicator_values::routes::create_values)
                .service(indicator_values::routes::list_values)
                .service(rounds::routes::list_rounds)
                .service(rounds::routes::create_round)
                .service(rounds::routes::get_round)
                .service(rounds::routes::open_round)
                .service(rounds::routes::close_round)
                .service(reports::routes::list_round_reports)
                .service(reports::routes::get_report)
                .service(reports::routes::update_report)
                .service(reports::routes::submit_report)
                .service(reports::routes::return_report)
                .service(reports::routes::approve_report)
                .service(reports::department::list_department_reports)
                .service(reports::department::get_department_report)
                .service(reports::department::update_department_report)
                .service(reports::department::submit_department_report)
                .service(reports::department::return_department_report)
                .service(reports::department::approve_department_report)
                .service(lights::routes::get_warning_rules)
                .service(lights::routes::set_warning_rules)
                .service(lights::routes::recompute_round)
                .service(lights::routes::project_lights)
                .service(lights::rankings::rankings)
                .service(keymon::inspections::create_inspection)
                .service(keymon::inspections::list_inspections)
                .service(keymon::inspections::get_inspection)
                .service(keymon::inspections::update_inspection)
                .service(keymon::inspections::create_finding)
                .service(keymon::inspections::list_findings)
                .service(keymon::inspections::get_finding)
                .service(keymon::inspections::create_opinion)
                .service(keymon::policies::set_policy_revision)
                .service(keymon::policies::list_policy_revisions)
                .service(keymon::rectifications::create_rectification)
                .service(keymon::rectifications::list_rectifications)
                .service(keymon::rectifications::get_rectification)
                .service(keymon::rectifications::answer_rectification)
                .service(keymon::rectifications::verify_rectification)
                .service(keymon::history::project_history)
                .service(keymon::adjustments::create_adjustment)
                .service(keymon::adjustments::list_adjustments)
                .service(keymon::adjustments::get_adjustment)
                .service(targets::routes::create_target_adjustment)
                .service(targets::routes::list_target_adjustments)
                .service(targets::routes::get_target_adjustment)
                .service(targets::routes::approve_target_adjustment)
                .service(targets::routes::reject_target_adjustment)
                .service(targets::routes::list_indicator_set_versions)
                .service(results::routes::create_result_application)
                .service(results::routes::list_result_applications)
                .service(results::routes::get_result_application)
                .service(results::routes::update_result_application)
                .service(results::routes::list_round_results)
                .service(results::stats::results_stats)
                .service(stats::routes::overview)
                .service(stats::routes::by_region)
                .service(stats::routes::by_department)
                .service(stats::routes::problems)
                .service(stats::routes::trend)
                .service(stats::assessment::routes::department_assessment),
        )
        .split_for_parts();
    finalize(&mut api);
    (app, api)
}
