//! Reading an import's body, JSON or CSV, into items that are typed one by one, so a bad item
//! is reported in its turn instead of sinking the batch.

use std::collections::HashMap;

use std::ops::Range;

use actix_web::web::Bytes;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::{CSV_COLUMNS, ImportItemResult, ImportProject, ImportStatus};
use crate::error::{AppError, FieldErrors};

/// An item as received, before it is typed: bad items must not sink the whole batch.
pub(super) struct RawItem {
    value: Value,
    rows: Option<Vec<usize>>,
}

/// An import's items as received, given out a chunk at a time. A JSON body keeps only where
/// each item lies in it: a tree of `Value`s for 5,000 items took tens of megabytes at once,
/// which the allocator kept after the import (the server's RSS budget); an item becomes a
/// `Value` when its chunk is written.
pub(super) enum RawItems {
    Json {
        body: Bytes,
        spans: std::vec::IntoIter<Range<usize>>,
    },
    Csv(std::vec::IntoIter<RawItem>),
}

impl RawItems {
    pub(super) fn len(&self) -> usize {
        match self {
            RawItems::Json { spans, .. } => spans.len(),
            RawItems::Csv(items) => items.len(),
        }
    }

    /// The next `n` items (fewer at the end).
    pub(super) fn next_chunk(&mut self, n: usize) -> Vec<RawItem> {
        match self {
            RawItems::Json { body, spans } => spans
                .by_ref()
                .take(n)
                .map(|span| RawItem {
                    // The envelope's parse found each span to be one whole JSON value.
                    value: serde_json::from_slice(&body[span]).unwrap_or(Value::Null),
                    rows: None,
                })
                .collect(),
            RawItems::Csv(items) => items.by_ref().take(n).collect(),
        }
    }
}

pub(super) fn parse_json(body: Bytes) -> Result<RawItems, AppError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Envelope<'a> {
        #[serde(borrow)]
        items: Vec<&'a RawValue>,
    }
    let envelope: Envelope = serde_json::from_slice(&body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            AppError::invalid_field("items", "the body must be an object with an `items` array")
        }
        _ => AppError::BadRequest(format!("The request body is not valid JSON: {e}")),
    })?;
    let base = body.as_ptr() as usize;
    let spans: Vec<Range<usize>> = envelope
        .items
        .iter()
        .map(|raw| {
            let start = raw.get().as_ptr() as usize - base;
            start..start + raw.get().len()
        })
        .collect();
    drop(envelope);
    Ok(RawItems::Json {
        body,
        spans: spans.into_iter(),
    })
}

const PROJECT_COLUMNS: usize = 19;
const CONFLICT_FIELD: &str = "_rows_disagree";

/// A project being assembled from CSV rows: its columns, its indicators, its row numbers and the
/// first disagreement between its rows, if any.
type CsvGroup = (Map<String, Value>, Vec<Value>, Vec<usize>, Option<String>);

fn csv_field(name: &str, value: &str) -> Option<(String, Value)> {
    if value.is_empty() {
        return None;
    }
    let json_value = match name {
        "fiscal_year" => value
            .parse::<i64>()
            .map_or_else(|_| Value::String(value.to_owned()), Value::from),
        "key_monitoring" | "accrues" => match value.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" => Value::Bool(true),
            "false" | "0" | "no" | "n" => Value::Bool(false),
            _ => Value::String(value.to_owned()),
        },
        _ => Value::String(value.to_owned()),
    };
    let key = match name {
        "project_code" => "code",
        "project_name" => "name",
        "indicator_level1" => "level1",
        "indicator_level2" => "level2",
        "indicator_name" => "name",
        other => other,
    };
    Some((key.to_owned(), json_value))
}

pub(super) fn parse_csv(body: &[u8]) -> Result<RawItems, AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(body);
    let headers = reader
        .headers()
        .map_err(|e| AppError::BadRequest(format!("The CSV header cannot be read: {e}")))?
        .clone();
    let index: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    let missing: Vec<&str> = CSV_COLUMNS
        .iter()
        .copied()
        .filter(|c| !index.contains_key(c))
        .collect();
    let unknown: Vec<&str> = headers
        .iter()
        .filter(|h| !CSV_COLUMNS.contains(h))
        .collect();
    if !missing.is_empty() || !unknown.is_empty() {
        let mut errors = FieldErrors::new();
        if !missing.is_empty() {
            errors.insert(
                "header".into(),
                vec![format!("missing columns: {}", missing.join(", "))],
            );
        }
        if !unknown.is_empty() {
            errors
                .entry("header".into())
                .or_default()
                .push(format!("unknown columns: {}", unknown.join(", ")));
        }
        return Err(AppError::validation(
            "The CSV header does not match the template (GET /api/v1/projects/import/template.csv).",
            errors,
        ));
    }
    // Projects in order of first appearance, keyed by region, year and code.
    let mut order: Vec<(String, String, String)> = Vec::new();
    let mut groups: HashMap<(String, String, String), CsvGroup> = HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let row = n + 1;
        let record = record
            .map_err(|e| AppError::BadRequest(format!("CSV row {row} cannot be read: {e}")))?;
        let get = |c: &str| record.get(index[c]).unwrap_or("");
        let key = (
            get("region_code").to_owned(),
            get("fiscal_year").to_owned(),
            get("project_code").to_owned(),
        );
        let mut project = Map::new();
        let mut indicator = Map::new();
        for (i, column) in CSV_COLUMNS.iter().enumerate() {
            let Some((name, value)) = csv_field(column, get(column)) else {
                continue;
            };
            if i >= PROJECT_COLUMNS {
                indicator.insert(name, value);
            } else if let Some(source) = name.strip_prefix("fund_") {
                let sources = project
                    .entry("fund_sources")
                    .or_insert_with(|| Value::Object(Map::new()));
                sources[source] = value;
            } else {
                project.insert(name, value);
            }
        }
        let entry = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            (project.clone(), Vec::new(), Vec::new(), None)
        });
        if entry.0 != project && entry.3.is_none() {
            entry.3 = Some(format!(
                "row {row} repeats the project with different project columns than row {}",
                entry.2.first().copied().unwrap_or(row)
            ));
        }
        if !indicator.is_empty() {
            entry.1.push(Value::Object(indicator));
        }
        entry.2.push(row);
    }
    let items: Vec<RawItem> = order
        .into_iter()
        .map(|key| {
            let (mut project, indicators, rows, conflict) = groups.remove(&key).expect("grouped");
            project.insert("indicators".into(), Value::Array(indicators));
            if let Some(message) = conflict {
                // Carried with the item so it is rejected, with this reason, in its turn.
                project.insert(CONFLICT_FIELD.into(), Value::String(message));
            }
            RawItem {
                value: Value::Object(project),
                rows: Some(rows),
            }
        })
        .collect();
    Ok(RawItems::Csv(items.into_iter()))
}

/// An item's result as far as its body tells (its identity and rows, `rejected` until written)
/// and the item typed, or why it cannot be.
pub(super) fn typed(
    index: usize,
    raw: RawItem,
) -> (ImportItemResult, Result<ImportProject, FieldErrors>) {
    let ident = |field: &str| raw.value.get(field).cloned();
    let result = ImportItemResult {
        index,
        status: ImportStatus::Rejected,
        region_code: ident("region_code").and_then(|v| v.as_str().map(str::to_owned)),
        // Read as `ImportProject` reads it, so `2021.0` is named too.
        fiscal_year: ident("fiscal_year").and_then(|v| {
            v.as_number()
                .and_then(crate::validation::integral::exact_i64)
        }),
        code: ident("code").and_then(|v| v.as_str().map(str::to_owned)),
        project_id: None,
        rows: raw.rows.clone(),
        errors: None,
    };
    if let Some(conflict) = raw.value.get(CONFLICT_FIELD).and_then(Value::as_str) {
        let mut errors = FieldErrors::new();
        errors.insert("rows".into(), vec![conflict.to_owned()]);
        return (result, Err(errors));
    }
    let item = serde_json::from_value::<ImportProject>(raw.value).map_err(|e| {
        let text = e.to_string();
        let message = text.split(" at line ").next().unwrap_or(&text).to_owned();
        let field = ["unknown field `", "missing field `"]
            .iter()
            .find_map(|m| message.split(m).nth(1).and_then(|r| r.split('`').next()))
            .map_or("item", |f| f)
            .to_owned();
        let mut errors = FieldErrors::new();
        errors.insert(field, vec![message]);
        errors
    });
    (result, item)
}
