//! Every service of the API, registered in one place so the app and the OpenAPI document can
//! never disagree about which operations exist.

use actix_web::dev::{ServiceFactory, ServiceRequest};
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_actix_web::AppExt;
use utoipa_actix_web::scope::scope;

use crate::openapi::{ApiDoc, finalize};
use crate::{auth, departments, regions, system, users};

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
                .service(users::routes::reset_password),
        )
        .split_for_parts();
    finalize(&mut api);
    (app, api)
}
