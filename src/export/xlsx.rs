//! One worksheet in constant-memory mode: each row goes to a temporary file as soon as the next
//! one starts, so the size of an export does not show in the memory of the service.

use std::fs::File;
use std::io::{Seek, SeekFrom};

use bigdecimal::{BigDecimal, ToPrimitive};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook, XlsxError};

use super::{Cell, Column, Kind};
use crate::error::AppError;

/// Excel's limits.
const MAX_ROWS: u32 = 1_048_576;
const MAX_TEXT: usize = 32_767;
const MAX_SHEET_NAME: usize = 31;
/// Column widths come from the header and the first rows; measuring every row of a large
/// export would cost time for a cosmetic detail.
const MEASURED_ROWS: u32 = 1000;
const MAX_WIDTH: usize = 60;

fn failed(e: XlsxError) -> AppError {
    AppError::Internal(format!("writing XLSX: {e}"))
}

struct Formats {
    header: CellFormat,
    money: CellFormat,
    percent: CellFormat,
    integer: CellFormat,
    date: CellFormat,
    datetime: CellFormat,
    plain: CellFormat,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: CellFormat::new().set_bold(),
            money: CellFormat::new().set_num_format("#,##0.00"),
            percent: CellFormat::new().set_num_format("0.00"),
            integer: CellFormat::new().set_num_format("0"),
            date: CellFormat::new().set_num_format("yyyy-mm-dd"),
            datetime: CellFormat::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            plain: CellFormat::new(),
        }
    }

    fn number(&self, kind: Kind) -> &CellFormat {
        match kind {
            Kind::Money => &self.money,
            Kind::Percent => &self.percent,
            Kind::Integer => &self.integer,
            _ => &self.plain,
        }
    }
}

pub(crate) struct Sheet {
    workbook: Workbook,
    columns: Vec<Column>,
    formats: Formats,
    /// The next row to write (0 is the header).
    row: u32,
    widths: Vec<usize>,
}

/// A valid worksheet name from a file name.
fn sheet_name(filename: &str) -> String {
    let name: String = filename
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(MAX_SHEET_NAME)
        .collect();
    let name = name.trim_matches('\'');
    if name.is_empty() {
        "Export".to_owned()
    } else {
        name.to_owned()
    }
}

/// Roughly how many character widths a text takes (CJK characters take two).
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn kind_width(kind: Kind) -> usize {
    match kind {
        Kind::Text => 10,
        Kind::Integer | Kind::Percent | Kind::Bool => 8,
        Kind::Decimal => 12,
        Kind::Money => 18,
        Kind::Date => 12,
        Kind::DateTime => 20,
    }
}

fn to_f64(value: &BigDecimal) -> Option<f64> {
    value.to_f64().filter(|f| f.is_finite())
}

fn truncated(text: &str) -> &str {
    match text.char_indices().nth(MAX_TEXT) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

impl Sheet {
    pub(crate) fn new(columns: &[Column], filename: &str) -> Result<Sheet, AppError> {
        let mut workbook = Workbook::new();
        let formats = Formats::new();
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(failed)?;
        sheet.set_name(sheet_name(filename)).map_err(failed)?;
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        for (i, column) in columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, col(i)?, column.name, &formats.header)
                .map_err(failed)?;
        }
        let widths = columns
            .iter()
            // Room for the autofilter button beside the name.
            .map(|c| (c.name.len() + 3).max(kind_width(c.kind)))
            .collect();
        Ok(Sheet {
            workbook,
            columns: columns.to_vec(),
            formats,
            row: 1,
            widths,
        })
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) -> Result<(), AppError> {
        if cells.len() != self.columns.len() {
            return Err(AppError::Internal(format!(
                "export row has {} cells for {} columns",
                cells.len(),
                self.columns.len()
            )));
        }
        if self.row >= MAX_ROWS {
            return Err(AppError::BadRequest(format!(
                "The export has more rows than a spreadsheet can hold ({}); narrow the filters \
                 or ask for CSV.",
                MAX_ROWS - 1
            )));
        }
        let row = self.row;
        let measure = row <= MEASURED_ROWS;
        let sheet = self.workbook.worksheet_from_index(0).map_err(failed)?;
        for (i, (cell, column)) in cells.iter().zip(&self.columns).enumerate() {
            let c = col(i)?;
            let f = &self.formats;
            let written = match cell {
                Cell::Empty => Ok(()),
                Cell::Text(t) => {
                    if measure {
                        let w = display_width(t).min(MAX_WIDTH);
                        self.widths[i] = self.widths[i].max(w + 1);
                    }
                    sheet.write_string(row, c, truncated(t)).map(|_| ())
                }
                Cell::Int(n) => sheet
                    .write_number_with_format(row, c, *n as f64, f.number(column.kind))
                    .map(|_| ()),
                Cell::Money(v) | Cell::Percent(v) | Cell::Decimal(v) => {
                    let kind = match (cell, column.kind) {
                        (Cell::Money(_), Kind::Text) => Kind::Money,
                        (Cell::Percent(_), Kind::Text) => Kind::Percent,
                        (_, kind) => kind,
                    };
                    match to_f64(v) {
                        Some(number) => sheet
                            .write_number_with_format(row, c, number, f.number(kind))
                            .map(|_| ()),
                        None => sheet.write_string(row, c, v.to_string()).map(|_| ()),
                    }
                }
                Cell::Bool(b) => sheet.write_boolean(row, c, *b).map(|_| ()),
                Cell::Date(d) => {
                    match ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(0),
                        d.month() as u8,
                        d.day() as u8,
                    ) {
                        Ok(date) => sheet
                            .write_datetime_with_format(row, c, &date, &f.date)
                            .map(|_| ()),
                        // Outside Excel's calendar (before 1900): keep the value as text.
                        Err(_) => sheet.write_string(row, c, d.to_string()).map(|_| ()),
                    }
                }
                Cell::DateTime(t) => match ExcelDateTime::from_timestamp(t.timestamp()) {
                    Ok(time) => sheet
                        .write_datetime_with_format(row, c, &time, &f.datetime)
                        .map(|_| ()),
                    Err(_) => sheet.write_string(row, c, t.to_rfc3339()).map(|_| ()),
                },
            };
            written.map_err(failed)?;
        }
        self.row += 1;
        Ok(())
    }

    /// Finishes the workbook into an anonymous temporary file, rewound; returns it and its size.
    pub(crate) fn finish(mut self) -> Result<(File, u64), AppError> {
        let last_row = self.row - 1;
        let last_col = col(self.columns.len().saturating_sub(1))?;
        let sheet = self.workbook.worksheet_from_index(0).map_err(failed)?;
        for (i, width) in self.widths.iter().enumerate() {
            sheet
                .set_column_width(col(i)?, (*width).min(MAX_WIDTH) as f64)
                .map_err(failed)?;
        }
        sheet.autofilter(0, 0, last_row, last_col).map_err(failed)?;
        let io = |e: std::io::Error| AppError::Internal(format!("export file: {e}"));
        let mut file = tempfile::tempfile().map_err(io)?;
        self.workbook.save_to_writer(&mut file).map_err(failed)?;
        let length = file.seek(SeekFrom::End(0)).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        Ok((file, length))
    }
}

fn col(i: usize) -> Result<u16, AppError> {
    u16::try_from(i).map_err(|_| AppError::Internal("too many export columns".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("projects"), "projects");
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name("''"), "Export");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn long_texts_are_cut_at_excels_limit() {
        let long = "长".repeat(MAX_TEXT + 5);
        assert_eq!(truncated(&long).chars().count(), MAX_TEXT);
        assert_eq!(truncated("short"), "short");
    }
}
