//! Lists and statistics as CSV or XLSX with the same filters and scope as their JSON form.
//!
//! A handler asks [`Format::of`] first. For JSON it answers as it always did; otherwise it hands
//! the rows to [`table`] (small, already loaded: statistics) or to [`paged`] (lists of any size,
//! read in keyset pages of about a thousand rows, each written out before the next is read, so a
//! province-wide export never holds its rows in memory at once).
//!
//! In the OpenAPI document an export-capable operation lists three contents for its 200 answer
//! and a `format` query parameter in its params struct:
//!
//! ```text
//! responses((status = 200, description = "...", content(
//!     (Page<Item> = "application/json"),
//!     (String = "text/csv"),
//!     (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
//! ))),
//!
//! /// `csv` or `xlsx` for every matching row as a file (also `Accept: text/csv`); default `json`.
//! #[param(value_type = Option<ExportFormat>)]
//! pub format: Option<String>,
//! ```
//!
//! The field is only for the document: [`Format::of`] reads the parameter itself, so one message
//! answers a bad value everywhere.

mod csv;
mod stream;
mod xlsx;

use std::sync::atomic::{AtomicI64, Ordering};

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;

use self::csv::CsvOut;
use self::stream::Sink;
use self::xlsx::Sheet;

pub const CSV_MEDIA_TYPE: &str = "text/csv";
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How a list or statistic is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

/// `json` (the default), or `csv` or `xlsx` for every matching row as a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Json,
    Csv,
    Xlsx,
}

/// An XLSX workbook in the OpenAPI document (a binary string).
pub struct XlsxFile;

impl utoipa::PartialSchema for XlsxFile {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .description(Some(
                "An XLSX workbook: one sheet, a bold and frozen header row with filters, then \
                 one row per item.",
            ))
            .into()
    }
}

impl ToSchema for XlsxFile {}

#[derive(Deserialize)]
struct FormatParam {
    format: Option<String>,
}

impl Format {
    /// `?format=json|csv|xlsx` wins; otherwise the `Accept` header (`text/csv` or the XLSX media
    /// type, by their q-values against JSON); otherwise JSON. An unknown `format` is a 400.
    pub fn of(req: &HttpRequest) -> Result<Format, AppError> {
        let param = web::Query::<FormatParam>::from_query(req.query_string())
            .map_err(|e| AppError::BadRequest(format!("Invalid query parameters: {e}")))?
            .into_inner()
            .format;
        // Exactly the document's enum: an empty or differently spelt value is a mistake to
        // report, not a request for the default.
        if let Some(raw) = param {
            return match raw.as_str() {
                "json" => Ok(Format::Json),
                "csv" => Ok(Format::Csv),
                "xlsx" => Ok(Format::Xlsx),
                _ => Err(AppError::BadRequest(format!(
                    "Invalid query parameters: format must be one of json, csv, xlsx, got {raw:?}"
                ))),
            };
        }
        let accept = req
            .headers()
            .get_all(header::ACCEPT)
            .filter_map(|v| v.to_str().ok());
        Ok(from_accept(accept))
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => XLSX_MEDIA_TYPE,
        }
    }
}

/// The best format an `Accept` header asks for: highest q first, then an exact type over a
/// wildcard, then the order in the header.
fn from_accept<'a>(values: impl Iterator<Item = &'a str>) -> Format {
    let mut best: Option<(f32, bool, Format)> = None;
    for range in values.flat_map(|v| v.split(',')) {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| {
                let (name, value) = p.split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("q")
                    .then(|| value.trim().parse::<f32>().ok())?
            })
            .next()
            .unwrap_or(1.0);
        let (format, exact) = match media.as_str() {
            "text/csv" => (Format::Csv, true),
            XLSX_MEDIA_TYPE => (Format::Xlsx, true),
            "application/json" => (Format::Json, true),
            "*/*" | "application/*" => (Format::Json, false),
            _ => continue,
        };
        if q <= 0.0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((best_q, best_exact, _)) => q > best_q || (q == best_q && exact && !best_exact),
        };
        if better {
            best = Some((q, exact, format));
        }
    }
    best.map_or(Format::Json, |(_, _, f)| f)
}

/// What a column holds; decides its number format in XLSX (CSV writes every value exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    /// Yuan with two decimals ("#,##0.00").
    Money,
    /// Two-decimal figures such as rates in percent and scores ("0.00").
    Percent,
    Decimal,
    Bool,
    /// "yyyy-mm-dd".
    Date,
    /// "yyyy-mm-dd hh:mm:ss", in UTC as the API's timestamps are.
    DateTime,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

impl Column {
    pub const fn new(name: &'static str, kind: Kind) -> Column {
        Column { name, kind }
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Money(BigDecimal),
    Percent(BigDecimal),
    Decimal(BigDecimal),
    Bool(bool),
    Date(NaiveDate),
    DateTime(DateTime<Utc>),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    pub fn money(value: &BigDecimal) -> Cell {
        Cell::Money(value.clone())
    }

    /// Empty for `None`.
    pub fn opt<T>(value: Option<T>, cell: impl FnOnce(T) -> Cell) -> Cell {
        value.map_or(Cell::Empty, cell)
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Text(v.to_owned())
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Text(v)
    }
}

impl From<&String> for Cell {
    fn from(v: &String) -> Cell {
        Cell::Text(v.clone())
    }
}

impl From<Uuid> for Cell {
    fn from(v: Uuid) -> Cell {
        Cell::Text(v.to_string())
    }
}

impl From<bool> for Cell {
    fn from(v: bool) -> Cell {
        Cell::Bool(v)
    }
}

impl From<i64> for Cell {
    fn from(v: i64) -> Cell {
        Cell::Int(v)
    }
}

impl From<i32> for Cell {
    fn from(v: i32) -> Cell {
        Cell::Int(i64::from(v))
    }
}

impl From<i16> for Cell {
    fn from(v: i16) -> Cell {
        Cell::Int(i64::from(v))
    }
}

impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<NaiveDate> for Cell {
    fn from(v: NaiveDate) -> Cell {
        Cell::Date(v)
    }
}

impl From<DateTime<Utc>> for Cell {
    fn from(v: DateTime<Utc>) -> Cell {
        Cell::DateTime(v)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, Into::into)
    }
}

/// Rows per internal page of `paged`.
const PAGE_ROWS: i64 = 1000;
static PAGE_ROWS_SETTING: AtomicI64 = AtomicI64::new(PAGE_ROWS);

/// Lets tests cross page boundaries with a handful of rows.
#[doc(hidden)]
pub fn set_page_rows(rows: i64) {
    PAGE_ROWS_SETTING.store(rows.max(1), Ordering::Relaxed);
}

fn page_rows() -> i64 {
    PAGE_ROWS_SETTING.load(Ordering::Relaxed)
}

fn not_an_export() -> AppError {
    AppError::Internal("an export was asked to answer JSON; the handler answers JSON".to_owned())
}

/// `Content-Type` and `Content-Disposition: attachment` for a file named `filename` plus the
/// format's extension (reduced to characters every client accepts in the header).
fn attachment(format: Format, filename: &str) -> actix_web::HttpResponseBuilder {
    let mut name: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() {
        name.push_str("export");
    }
    let mut builder = HttpResponse::Ok();
    builder
        .insert_header((header::CONTENT_TYPE, format.content_type()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{}\"", format.extension()),
        ));
    builder
}

/// A small, already loaded table (statistics) as CSV or XLSX. `filename` is without extension,
/// e.g. "overview-370000-2021". Callers answer JSON themselves: `Format::Json` is an internal
/// error here. The file is written on the blocking pool while the response streams.
pub fn table(
    format: Format,
    filename: &str,
    columns: &[Column],
    rows: Vec<Vec<Cell>>,
) -> Result<HttpResponse, AppError> {
    let columns = columns.to_vec();
    let sheet_name = filename.to_owned();
    let body = match format {
        Format::Json => return Err(not_an_export()),
        Format::Csv => stream::spawn(move |sink| {
            let written = CsvOut::new(&columns).and_then(|mut out| {
                for row in &rows {
                    out.row(row)?;
                }
                out.take()
            });
            match written {
                Ok(bytes) => {
                    sink.send(bytes);
                }
                Err(e) => sink.fail(e),
            }
        }),
        Format::Xlsx => stream::spawn(move |sink| {
            let finished = Sheet::new(&columns, &sheet_name).and_then(|mut sheet| {
                for row in &rows {
                    sheet.row(row)?;
                }
                sheet.finish()
            });
            match finished {
                Ok((file, _)) => sink.send_file(file),
                Err(e) => sink.fail(e),
            }
        }),
    };
    Ok(attachment(format, filename).body(body))
}

/// Pages of a list read by keyset: each page on its own pooled connection, given back before
/// the page is written out, so a slow download does not hold a connection.
struct Pages<T, F, K> {
    db: Db,
    fetch: F,
    key_of: K,
    rows: i64,
    after: Option<(String, Uuid)>,
    done: bool,
    /// The request's pool-wait budget: later pages are read after the handler has returned,
    /// outside the request's scope, and must not wait longer than it allows.
    budget: Option<std::sync::Arc<crate::db::WaitBudget>>,
    _rows: std::marker::PhantomData<fn() -> T>,
}

impl<T, F, K> Pages<T, F, K>
where
    F: FnMut(&mut PgConnection, Option<(String, Uuid)>, i64) -> Result<Vec<T>, AppError>,
    K: Fn(&T) -> (String, Uuid),
{
    /// The next page; the first is always there (maybe empty), `None` after the last.
    fn next(&mut self) -> Result<Option<Vec<T>>, AppError> {
        if self.done {
            return Ok(None);
        }
        let after = self.after.take();
        let (fetch, rows) = (&mut self.fetch, self.rows);
        let mut rows = self
            .db
            .with_conn(self.budget.as_deref(), |conn| fetch(conn, after, rows))?;
        // The stores fetch one row more than asked to tell whether another page follows.
        let limit = usize::try_from(self.rows).unwrap_or(usize::MAX);
        rows.truncate(limit);
        if rows.len() < limit {
            self.done = true;
        } else {
            self.after = rows.last().map(&self.key_of);
        }
        Ok(Some(rows))
    }
}

/// A list of any size as CSV or XLSX. On the blocking pool, `fetch(conn, after, limit)` reads
/// pages of about a thousand rows by keyset (`after` is `key_of` the last row of the previous
/// page, `None` for the first; returning up to `limit + 1` rows is fine) and `cells` turns each
/// row into a row of the file.
///
/// CSV streams: the first page is read before the response starts, so a failure there (a
/// database error, a 404 from a scope check inside `fetch`) is still a problem response; later
/// pages go out as they are read. XLSX is finished into a temporary file before the response
/// starts (a workbook is a zip whose directory comes last), so every failure is a problem
/// response, and then the file streams. Callers answer JSON themselves: `Format::Json` is an
/// internal error here.
pub async fn paged<T, K, F, C>(
    db: &Db,
    format: Format,
    filename: &str,
    columns: &'static [Column],
    fetch: F,
    key_of: K,
    cells: C,
) -> Result<HttpResponse, AppError>
where
    F: FnMut(&mut PgConnection, Option<(String, Uuid)>, i64) -> Result<Vec<T>, AppError>
        + Send
        + 'static,
    K: Fn(&T) -> (String, Uuid) + Send + 'static,
    C: Fn(&T) -> Vec<Cell> + Send + 'static,
    T: Send + 'static,
{
    let mut pages = Pages {
        db: db.clone(),
        fetch,
        key_of,
        rows: page_rows(),
        after: None,
        done: false,
        budget: crate::db::budget::current(),
        _rows: std::marker::PhantomData,
    };
    let sheet_name = filename.to_owned();
    let body = match format {
        Format::Json => return Err(not_an_export()),
        Format::Csv => {
            stream::start(move |sink| {
                if let Err(e) = stream_csv(sink, &mut pages, columns, &cells) {
                    sink.fail(e);
                }
            })
            .await?
        }
        Format::Xlsx => {
            stream::start(move |sink| {
                let finished = Sheet::new(columns, &sheet_name).and_then(|mut sheet| {
                    while let Some(page) = pages.next()? {
                        for row in &page {
                            sheet.row(&cells(row))?;
                        }
                    }
                    sheet.finish()
                });
                match finished {
                    Ok((file, length)) => {
                        sink.ready(Some(length));
                        sink.send_file(file);
                    }
                    Err(e) => sink.fail(e),
                }
            })
            .await?
        }
    };
    Ok(attachment(format, filename).body(body))
}

fn stream_csv<T, F, K, C>(
    sink: &mut Sink,
    pages: &mut Pages<T, F, K>,
    columns: &[Column],
    cells: &C,
) -> Result<(), AppError>
where
    F: FnMut(&mut PgConnection, Option<(String, Uuid)>, i64) -> Result<Vec<T>, AppError>,
    K: Fn(&T) -> (String, Uuid),
    C: Fn(&T) -> Vec<Cell>,
{
    let mut out = CsvOut::new(columns)?;
    while let Some(page) = pages.next()? {
        for row in &page {
            out.row(&cells(row))?;
        }
        // The header goes out with the first page, so nothing is sent before it was read.
        if !sink.send(out.take()?) {
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn format_of(uri: &str, accept: Option<&str>) -> Result<Format, AppError> {
        let mut req = TestRequest::get().uri(uri);
        if let Some(accept) = accept {
            req = req.insert_header((header::ACCEPT, accept));
        }
        Format::of(&req.to_http_request())
    }

    #[test]
    fn the_format_parameter_wins_over_accept() {
        assert_eq!(format_of("/x?format=xlsx", None).unwrap(), Format::Xlsx);
        assert_eq!(
            format_of("/x?format=json", Some("text/csv")).unwrap(),
            Format::Json
        );
        assert_eq!(
            format_of("/x?status=open&format=csv", Some("application/json")).unwrap(),
            Format::Csv
        );
    }

    #[test]
    fn only_the_documented_spellings_are_formats() {
        // The document's enum is lowercase and has no empty value; anything else is refused
        // rather than read as the default, so a typo never returns JSON where CSV was meant.
        for uri in ["/x?format=CSV", "/x?format=", "/x?format=Xlsx"] {
            assert!(
                matches!(
                    format_of(uri, Some("text/csv")),
                    Err(AppError::BadRequest(_))
                ),
                "{uri}"
            );
        }
    }

    #[test]
    fn an_unknown_format_is_a_bad_request_naming_the_choices() {
        let err = format_of("/x?format=pdf", None).unwrap_err();
        let AppError::BadRequest(detail) = err else {
            panic!("expected a bad request, got {err:?}");
        };
        assert!(
            detail.contains("json, csv, xlsx") && detail.contains("pdf"),
            "{detail}"
        );
    }

    #[test]
    fn accept_chooses_by_quality_then_exactness() {
        assert_eq!(format_of("/x", None).unwrap(), Format::Json);
        assert_eq!(format_of("/x", Some("text/csv")).unwrap(), Format::Csv);
        assert_eq!(
            format_of("/x", Some(XLSX_MEDIA_TYPE)).unwrap(),
            Format::Xlsx
        );
        assert_eq!(format_of("/x", Some("*/*")).unwrap(), Format::Json);
        assert_eq!(
            format_of("/x", Some("text/csv, */*;q=0.1")).unwrap(),
            Format::Csv
        );
        assert_eq!(
            format_of("/x", Some("application/json;q=0.5, text/csv")).unwrap(),
            Format::Csv
        );
        assert_eq!(
            format_of("/x", Some("text/csv;q=0.4, application/json")).unwrap(),
            Format::Json
        );
        assert_eq!(
            format_of("/x", Some("*/*, text/csv")).unwrap(),
            Format::Csv,
            "an exact type beats a wildcard of the same quality"
        );
        assert_eq!(format_of("/x", Some("text/csv;q=0")).unwrap(), Format::Json);
        assert_eq!(
            format_of("/x", Some("text/html, application/pdf")).unwrap(),
            Format::Json
        );
    }

    #[test]
    fn file_names_are_safe_in_the_header() {
        let res = attachment(Format::Csv, "reports \"2021\"/济南").finish();
        assert_eq!(
            res.headers().get(header::CONTENT_DISPOSITION).unwrap(),
            "attachment; filename=\"reports__2021____.csv\""
        );
        assert_eq!(
            res.headers().get(header::CONTENT_TYPE).unwrap(),
            "text/csv; charset=utf-8"
        );
    }
}
