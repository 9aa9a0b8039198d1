//! RFC 4180 CSV: a header row of column names, then one record per row, CRLF line ends.

use std::borrow::Cow;

use chrono::SecondsFormat;

use super::{Cell, Column};
use crate::domain::money::{format_decimal, format_money};
use crate::error::AppError;

/// Writes records into a buffer that the caller takes page by page.
pub(crate) struct CsvOut {
    width: usize,
    writer: ::csv::Writer<Vec<u8>>,
}

fn failed(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("writing CSV: {e}"))
}

fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

impl CsvOut {
    pub(crate) fn new(columns: &[Column]) -> Result<CsvOut, AppError> {
        let mut writer = writer();
        writer
            .write_record(columns.iter().map(|c| c.name))
            .map_err(failed)?;
        Ok(CsvOut {
            width: columns.len(),
            writer,
        })
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) -> Result<(), AppError> {
        // A row with the wrong number of cells would shift every value after it.
        if cells.len() != self.width {
            return Err(failed(format!(
                "a row has {} cells for {} columns",
                cells.len(),
                self.width
            )));
        }
        for cell in cells {
            self.writer
                .write_field(cell.csv_text().as_bytes())
                .map_err(failed)?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(failed)
    }

    /// What was written since the last call.
    pub(crate) fn take(&mut self) -> Result<Vec<u8>, AppError> {
        std::mem::replace(&mut self.writer, writer())
            .into_inner()
            .map_err(failed)
    }
}

/// Spreadsheet programs run a field starting with one of these as a formula when they open a
/// CSV file; a leading apostrophe makes them show it as text (OWASP "CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

impl Cell {
    /// The value as CSV shows it: exact decimals, ISO dates, timestamps as in the JSON.
    pub(crate) fn csv_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) if t.starts_with(FORMULA_STARTS) => Cow::Owned(format!("'{t}")),
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Money(v) | Cell::Percent(v) => Cow::Owned(format_money(v)),
            Cell::Decimal(v) => Cow::Owned(format_decimal(v)),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Date(d) => Cow::Owned(d.format("%Y-%m-%d").to_string()),
            Cell::DateTime(t) => Cow::Owned(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use bigdecimal::BigDecimal;
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::export::Kind;

    const COLUMNS: &[Column] = &[
        Column::new("name", Kind::Text),
        Column::new("amount", Kind::Money),
    ];

    fn written(rows: &[Vec<Cell>]) -> String {
        let mut out = CsvOut::new(COLUMNS).unwrap();
        for row in rows {
            out.row(row).unwrap();
        }
        String::from_utf8(out.take().unwrap()).unwrap()
    }

    fn money(text: &str) -> Cell {
        Cell::Money(BigDecimal::from_str(text).unwrap())
    }

    #[test]
    fn quotes_only_fields_that_need_it() {
        let csv = written(&[
            vec![Cell::text("plain"), money("1")],
            vec![Cell::text("a, b"), money("-2.5")],
            vec![Cell::text("say \"hi\""), Cell::Empty],
            vec![Cell::text("two\nlines"), money("1234567890123456.78")],
            vec![Cell::text("济南市科学技术局"), money("0.005")],
        ]);
        assert_eq!(
            csv,
            "name,amount\r\n\
             plain,1.00\r\n\
             \"a, b\",-2.50\r\n\
             \"say \"\"hi\"\"\",\r\n\
             \"two\nlines\",1234567890123456.78\r\n\
             济南市科学技术局,0.00\r\n"
        );
    }

    #[test]
    fn formulas_are_shown_as_text_but_negative_amounts_stay_numbers() {
        let csv = written(&[
            vec![Cell::text("=HYPERLINK(\"x\")"), money("-1")],
            vec![Cell::text("@SUM(A1)"), money("2")],
        ]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[1], "\"'=HYPERLINK(\"\"x\"\")\",-1.00");
        assert_eq!(lines[2], "'@SUM(A1),2.00");
    }

    #[test]
    fn values_are_exact_and_dates_iso() {
        let cells = [
            Cell::Int(-7),
            Cell::Percent(BigDecimal::from_str("46.666").unwrap()),
            Cell::Decimal(BigDecimal::from_str("120.5000").unwrap()),
            Cell::Bool(true),
            Cell::Date(NaiveDate::from_ymd_opt(2021, 7, 31).unwrap()),
            Cell::DateTime(Utc.with_ymd_and_hms(2021, 8, 1, 9, 30, 0).unwrap()),
        ];
        let texts: Vec<String> = cells.iter().map(|c| c.csv_text().into_owned()).collect();
        assert_eq!(
            texts,
            [
                "-7",
                "46.67",
                "120.5",
                "true",
                "2021-07-31",
                "2021-08-01T09:30:00Z"
            ]
        );
    }

    #[test]
    fn a_row_of_the_wrong_width_is_refused() {
        let mut out = CsvOut::new(COLUMNS).unwrap();
        assert!(out.row(&[Cell::text("only one")]).is_err());
    }
}
