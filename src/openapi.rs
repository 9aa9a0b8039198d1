//! The OpenAPI document: the base (info, security scheme, shared schemas) plus every path that
//! utoipa-actix-web collects from the services registered in `crate::routes`.

use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::Problem;

/// The security scheme name operations reference once authentication exists.
pub const BEARER_SCHEME: &str = "bearer_jwt";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "budget-monitor",
        description = "Budget performance monitoring for finance departments: dual monitoring of \
                       budget execution and performance targets, early-warning lights, scoring, key \
                       monitoring, rectification and fund adjustments.\n\nErrors are RFC 9457 \
                       `application/problem+json` documents (`Problem`).",
        license(name = "Proprietary")
    ),
    components(schemas(Problem)),
    modifiers(&SecurityAddon),
    tags(
        (name = "system", description = "Liveness, readiness and metrics"),
    )
)]
pub struct ApiDoc;

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from `POST /api/v1/auth/login`, sent as `Authorization: Bearer <token>`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as the running service serves it, built without any state or database.
pub fn document() -> OpenApiDoc {
    let (_, api) = crate::routes::collect(actix_web::App::new()).split_for_parts();
    api
}

/// Pretty JSON with a trailing newline: the exact bytes committed at `openapi/openapi.json`.
pub fn document_json() -> String {
    let mut text = serde_json::to_string_pretty(&document()).expect("OpenAPI serializes");
    text.push('\n');
    text
}
