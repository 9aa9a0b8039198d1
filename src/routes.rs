//! Every service of the API, registered in one place so the app and the OpenAPI document can
//! never disagree about which operations exist.

use actix_web::dev::{ServiceFactory, ServiceRequest};
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, UtoipaApp};

use crate::openapi::ApiDoc;
use crate::system;

pub fn collect<T>(app: actix_web::App<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    app.into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(system::routes::healthz)
        .service(system::routes::readyz)
        .service(system::routes::metrics)
}
