//! Walks the operations of the OpenAPI document, so a test covers every endpoint the service
//! advertises, including ones added after the test was written.

use std::io::Cursor;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service, read_body};
use calamine::{Reader, Xlsx};
use serde_json::Value;

/// One operation of the document.
#[derive(Debug, Clone)]
pub struct Operation {
    pub method: String,
    pub path: String,
    pub id: String,
    pub roles: Vec<String>,
    pub params: Vec<Param>,
    /// The example of its JSON request body, if it has one.
    pub body_example: Option<Value>,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub location: String,
    pub required: bool,
    /// `uuid` for ids, `integer`, `boolean`, or the referenced schema's name.
    pub kind: String,
}

impl Operation {
    pub fn allows(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    pub fn query(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| p.location == "query")
    }

    pub fn takes(&self, name: &str) -> bool {
        self.query().any(|p| p.name == name)
    }

    pub fn path_params(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|p| p.location == "path")
            .map(|p| p.name.clone())
            .collect()
    }

    pub fn has_header(&self, name: &str) -> bool {
        self.params
            .iter()
            .any(|p| p.location == "header" && p.name.eq_ignore_ascii_case(name))
    }
}

fn schema_kind(schema: &Value) -> String {
    if let Some(r) = schema["$ref"].as_str() {
        return r.rsplit('/').next().unwrap_or("").to_owned();
    }
    if schema["format"] == "uuid" {
        return "uuid".to_owned();
    }
    // `Option<T>` fields appear as `oneOf [null, T]`.
    if let Some(alts) = schema["oneOf"].as_array() {
        for alt in alts {
            if alt["type"] != "null" {
                return schema_kind(alt);
            }
        }
    }
    match &schema["type"] {
        Value::String(t) => t.clone(),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("")
            .to_owned(),
        _ => String::new(),
    }
}

/// Every operation of the service's document.
pub fn operations() -> Vec<Operation> {
    let doc = serde_json::to_value(budget_monitor::openapi::document()).unwrap();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            let params = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| Param {
                    name: p["name"].as_str().unwrap().to_owned(),
                    location: p["in"].as_str().unwrap().to_owned(),
                    required: p["required"].as_bool().unwrap_or(false),
                    kind: schema_kind(&p["schema"]),
                })
                .collect();
            let body = &op["requestBody"]["content"]["application/json"];
            let body_example = body["example"]
                .as_object()
                .map(|_| body["example"].clone())
                .or_else(|| {
                    // A body given by reference carries its example on the component.
                    let name = body["schema"]["$ref"].as_str()?.rsplit('/').next()?;
                    let example = &doc["components"]["schemas"][name]["example"];
                    (!example.is_null()).then(|| example.clone())
                });
            out.push(Operation {
                method: method.to_uppercase(),
                path: path.clone(),
                id: op["operationId"].as_str().unwrap_or("").to_owned(),
                roles: op["x-roles"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.as_str().map(str::to_owned))
                    .collect(),
                params,
                body_example,
            });
        }
    }
    out
}

/// An answer, with its body as text: JSON and CSV as they are, XLSX as the text of its cells.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub etag: Option<String>,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }
}

fn xlsx_text(bytes: &[u8]) -> String {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable workbook");
    let mut text = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("a sheet");
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\t');
            }
            text.push('\n');
        }
    }
    text
}

/// Sends a request as `token`; `body` as JSON, `if_match` as the header.
pub async fn call<S>(
    app: &S,
    token: &str,
    method: &str,
    uri: &str,
    body: Option<&Value>,
    if_match: Option<&str>,
) -> Answer
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let method = actix_web::http::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = TestRequest::default()
        .method(method)
        .uri(uri)
        .insert_header(("authorization", format!("Bearer {token}")));
    if let Some(tag) = if_match {
        req = req.insert_header(("if-match", tag));
    }
    if let Some(body) = body {
        req = req.set_json(body);
    }
    let res = call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type").unwrap_or_default();
    let etag = header("etag");
    let bytes = read_body(res).await.to_vec();
    let text = if content_type.starts_with("application/vnd.openxmlformats") {
        xlsx_text(&bytes)
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Answer {
        status,
        content_type,
        etag,
        text,
    }
}

/// `path` with each `{name}` replaced by `values(name)`.
pub fn fill_path(path: &str, value: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').unwrap() + start;
        out.push_str(&rest[..start]);
        out.push_str(&value(&rest[start + 1..end]));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `uri` with `name=value` appended.
pub fn with_query(uri: &str, name: &str, value: &str) -> String {
    let sep = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{sep}{name}={value}")
}
