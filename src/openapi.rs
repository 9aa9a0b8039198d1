//! The OpenAPI document: the base (info, security scheme, shared schemas) plus every path that
//! utoipa-actix-web collects from the services registered in `crate::routes`.

use std::collections::BTreeMap;

use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{ArrayItems, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, RefOr, Required};
use utoipa::{Modify, OpenApi};

use crate::departments::dto::DepartmentOrder;
use crate::error::Problem;
use crate::export::ExportFormat;
use crate::projects::dto::ProjectOrder;
use crate::regions::dto::RegionOrder;
use crate::users::dto::UserOrder;

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
        license(name = "Proprietary", identifier = "LicenseRef-Proprietary")
    ),
    servers((url = "/", description = "The server that serves this document")),
    // Types only query parameters use: utoipa collects the schemas of bodies, not of `IntoParams`.
    components(schemas(Problem, ExportFormat, RegionOrder, DepartmentOrder, UserOrder, ProjectOrder)),
    modifiers(&SecurityAddon),
    tags(
        (name = "system", description = "Liveness, readiness and metrics"),
        (name = "auth", description = "Log in, refresh and end sessions; who am I"),
        (name = "regions", description = "The province → city → county tree"),
        (name = "departments", description = "Spending departments and their units"),
        (name = "users", description = "Users, roles and scopes"),
        (name = "projects", description = "Projects, fund sources, budget ledger and batch import"),
        (name = "indicators", description = "Performance indicators of projects"),
        (name = "audit", description = "The audit trail of every write"),
        (name = "execution", description = "Spending records from treasury and city systems"),
        (name = "indicator-values", description = "Measured indicator values from business systems"),
        (name = "rounds", description = "Monitoring rounds"),
        (name = "reports", description = "Project and department monitoring reports and their workflow"),
        (name = "lights", description = "Early-warning rules, lights, scores and rankings"),
        (name = "key-monitoring", description = "Inspections, findings, rectification and fund adjustments"),
        (name = "target-adjustments", description = "Requests to change a project's targets during the year, their decisions and the indicator-set versions they make"),
        (name = "results", description = "Results application: what monitoring led to, the measures the rules suggest, and policy revisions"),
        (name = "statistics", description = "Figures per region, department, problem and round, as JSON, CSV or XLSX"),
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
    crate::routes::build(actix_web::App::new()).1
}

/// Problem responses shared by operations: (status, component name, description).
const PROBLEMS: &[(&str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "Malformed JSON, or an invalid path or query parameter",
    ),
    (
        "401",
        "Unauthorized",
        "Missing, invalid or expired credentials",
    ),
    ("403", "Forbidden", "The caller's role may never do this"),
    ("404", "NotFound", "No such resource in the caller's scope"),
    (
        "409",
        "Conflict",
        "Conflicts with existing data (a duplicate, or rows that refer to it)",
    ),
    (
        "412",
        "PreconditionFailed",
        "If-Match does not match the current version",
    ),
    (
        "413",
        "PayloadTooLarge",
        "The body is larger than MAX_BODY_BYTES",
    ),
    (
        "415",
        "UnsupportedMediaType",
        "The body is not application/json",
    ),
    (
        "422",
        "ValidationFailed",
        "The body is well-formed but invalid; `errors` names each field",
    ),
    ("428", "PreconditionRequired", "If-Match is missing"),
    (
        "500",
        "InternalError",
        "An unexpected failure, logged with the request id",
    ),
    (
        "503",
        "ServiceUnavailable",
        "The database is unreachable or busy; retry after Retry-After",
    ),
];

/// Adds what every operation shares: the problem responses it can answer with and its security
/// requirement (the bearer token, or none for public operations). Derived from each operation's
/// shape so a new endpoint cannot forget them. Also makes every `Page_X` refer to `X`.
pub fn finalize(api: &mut OpenApiDoc) {
    let components = api.components.get_or_insert_with(Default::default);
    reference_page_items(&mut components.schemas);
    name_sort_values(&mut components.schemas);
    for (_, name, description) in PROBLEMS {
        let mut response = ResponseBuilder::new().description(*description).content(
            crate::error::PROBLEM_CONTENT_TYPE,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        );
        if *name == "ServiceUnavailable" {
            response = response.header(
                "Retry-After",
                HeaderBuilder::new()
                    .description(Some("Seconds to wait before retrying"))
                    .build(),
            );
        }
        components
            .responses
            .insert((*name).to_owned(), RefOr::T(response.build()));
    }
    for (path, item) in api.paths.paths.iter_mut() {
        let ops = [
            ("get", item.get.as_mut()),
            ("post", item.post.as_mut()),
            ("put", item.put.as_mut()),
            ("patch", item.patch.as_mut()),
            ("delete", item.delete.as_mut()),
        ];
        for (method, op) in ops {
            if let Some(op) = op {
                decorate(path, method, op);
            }
        }
    }
}

/// utoipa inlines a generic parameter, so `Page<Project>` becomes `Page_Project` with a full copy
/// of `Project` as its item schema (juhaku/utoipa#1586). Where `X` is itself a component, the
/// copy is replaced by a `$ref` to it: one model per resource in generated clients, and no
/// component that only a copy uses. The page's example is a last page holding `X`'s example.
fn reference_page_items(schemas: &mut BTreeMap<String, RefOr<Schema>>) {
    let names: Vec<String> = schemas
        .keys()
        .filter_map(|name| name.strip_prefix("Page_"))
        .filter(|item| schemas.contains_key(*item))
        .map(str::to_owned)
        .collect();
    for item in names {
        let example = match schemas.get(&item) {
            Some(RefOr::T(Schema::Object(object))) => object.example.clone(),
            _ => None,
        };
        let Some(RefOr::T(Schema::Object(page))) = schemas.get_mut(&format!("Page_{item}")) else {
            continue;
        };
        if let Some(RefOr::T(Schema::Array(items))) = page.properties.get_mut("items") {
            items.items = ArrayItems::RefOrSchema(Box::new(Ref::from_schema_name(item).into()));
        }
        if let Some(example) = example {
            page.example = Some(serde_json::json!({"items": [example], "next_cursor": null}));
        }
    }
}

/// A `sort` enum (`code`, `-code`, ...) gets `x-enum-varnames` (`CODE`, `CODE_DESC`, ...):
/// without them openapi-python-client names the `-` values `VALUE_1`, `VALUE_3`, ...
fn name_sort_values(schemas: &mut BTreeMap<String, RefOr<Schema>>) {
    for schema in schemas.values_mut() {
        let RefOr::T(Schema::Object(object)) = schema else {
            continue;
        };
        let Some(values) = &object.enum_values else {
            continue;
        };
        let values: Vec<&str> = values.iter().filter_map(|v| v.as_str()).collect();
        if !values.iter().any(|v| v.starts_with('-')) {
            continue;
        }
        let names: Vec<String> = values
            .iter()
            .map(|v| match v.strip_prefix('-') {
                Some(field) => format!("{}_DESC", field.to_uppercase()),
                None => v.to_uppercase(),
            })
            .collect();
        object
            .extensions
            .get_or_insert_with(Default::default)
            .insert("x-enum-varnames".to_owned(), serde_json::json!(names));
    }
}

/// The optional `Read-Consistency` header of a read.
fn read_consistency() -> Parameter {
    ParameterBuilder::new()
        .name("Read-Consistency")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "`strong` reads from the primary even when the read replica (`DATABASE_READ_URL`) \
             could serve the read: for reading, through any instance, a write made through \
             another. Without it the read sees every write this instance committed before it \
             began, and writes made through others within `DATABASE_READ_MAX_LAG`. Any other \
             value is refused with 400.",
        ))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(["strong"])),
        ))
        .build()
}

/// Operations whose JSON body may be left out (see `http::extractors::OptionalJson`).
const OPTIONAL_BODIES: &[&str] = &["approve_report"];

fn decorate(path: &str, method: &str, op: &mut Operation) {
    let public = op
        .extensions
        .as_ref()
        .and_then(|e| e.get("x-roles"))
        .is_some_and(|roles| roles == &serde_json::json!(["public"]));
    let api = path.starts_with("/api/");
    let mut wanted: Vec<&str> = Vec::new();
    if !public {
        op.security = Some(vec![SecurityRequirement::new(
            BEARER_SCHEME,
            Vec::<String>::new(),
        )]);
        wanted.extend(["401", "403"]);
    } else {
        // `[]` states "no authentication"; `[{}]` would mean "optional" and make generated
        // clients demand an authenticated client for login, refresh and logout.
        op.security = Some(Vec::new());
    }
    if api {
        wanted.extend(["401", "500", "503"]);
    }
    // Every API operation refuses query parameters it does not document (`http::query_guard`).
    if api || op.parameters.as_ref().is_some_and(|p| !p.is_empty()) {
        wanted.push("400");
    }
    if path.contains('{') {
        wanted.push("404");
    }
    // Statistics name their region and round in the query: an unknown or unreachable region is
    // 404, a round of another year or outside the caller's reach 422.
    if path.starts_with("/api/v1/stats/") {
        wanted.extend(["404", "422"]);
    }
    if op.request_body.is_some() {
        wanted.extend(["400", "413", "415", "422"]);
    }
    // Bodies read with `OptionalJson`: utoipa marks a body required unless its type is an
    // Option, and an Option would make the schema `oneOf [T, null]`, which generated clients
    // cannot leave out. The body is T, and not required.
    if let (Some(RefOr::T(body)), Some(id)) = (op.request_body.as_mut(), op.operation_id.as_deref())
        && OPTIONAL_BODIES.contains(&id)
    {
        body.required = Some(Required::False);
    }
    // A submission has no body; what it checks is the stored report's completeness, and 422
    // lists each field still to fill.
    if method == "post" && path.ends_with("/submit") {
        wanted.push("422");
    }
    let creates = method == "post" && api && !path.contains('{') && !path.contains("/auth/");
    // A POST under a record is a state transition or a child of it (submit, approve, close, a
    // finding of an inspection): the record's state may forbid it. PUT and PATCH change a
    // record whose state (an approved report, a closed round) may forbid the change.
    let transition = method == "post" && api && path.contains('{');
    match method {
        _ if creates || transition => wanted.push("409"),
        "patch" | "put" | "delete" => wanted.push("409"),
        _ => {}
    }
    // Conditional updates: a stale or foreign ETag is 412, a missing one 428.
    let conditional = op.parameters.iter().flatten().any(|p| {
        matches!(p, RefOr::T(p)
            if p.parameter_in == ParameterIn::Header && p.name.eq_ignore_ascii_case("If-Match"))
    });
    if conditional {
        wanted.extend(["412", "428"]);
    }
    // Every API read may ask for the primary (`http::request_context`); any other value of the
    // header is refused with 400 rather than silently read from the replica.
    if method == "get" && api {
        op.parameters
            .get_or_insert_with(Vec::new)
            .push(RefOr::T(read_consistency()));
    }
    // An optional header is absent or has a value; `null` has no spelling in HTTP, and a
    // nullable header type makes generators send the text "None".
    for param in op.parameters.iter_mut().flatten() {
        if let RefOr::T(param) = param
            && param.parameter_in == ParameterIn::Header
            && let Some(RefOr::T(Schema::Object(schema))) = param.schema.as_mut()
            && let SchemaType::Array(types) = &schema.schema_type
        {
            let kept: Vec<Type> = types
                .iter()
                .filter(|t| **t != Type::Null)
                .cloned()
                .collect();
            schema.schema_type = match kept.as_slice() {
                [one] => SchemaType::Type(one.clone()),
                _ => SchemaType::Array(kept),
            };
        }
    }
    if path == "/readyz" {
        wanted.push("503");
    }
    for status in wanted {
        let Some((_, name, _)) = PROBLEMS.iter().find(|(s, _, _)| *s == status) else {
            continue;
        };
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::from_response_name(*name)));
    }
}

/// Pretty JSON with a trailing newline: the exact bytes committed at `openapi/openapi.json`.
pub fn document_json() -> String {
    let mut text = serde_json::to_string_pretty(&document()).expect("OpenAPI serializes");
    text.push('\n');
    text
}
