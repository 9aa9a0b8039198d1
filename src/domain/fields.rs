//! Which fields of a report apply to it, and how many of those the system generated: the rule
//! behind `generated_fields`, `applicable_fields` and the share of generated data.
//!
//! Every report has its budget fields (adjusted budget, executed amount, execution rate, time
//! progress, full-year forecast) and its narrative fields (goal progress, construction,
//! management, financial management, problems, corrective measures, whether targets need
//! adjusting). Each indicator row adds its expected value (numeric indicators only), its actual
//! value, its forecast and its likelihood; the deviation reasons, their note and the corrective
//! measures apply only to a row behind its expected value or unlikely to reach its target. A
//! field counts as generated while the system filled it and nobody changed it since.

use uuid::Uuid;

use crate::domain::indicators::Comparator;

/// The report-level fields, in the order the API shows them.
pub const REPORT_FIELDS: [&str; 12] = [
    "adjusted_budget",
    "executed_amount",
    "execution_rate",
    "time_progress",
    "forecast_execution",
    "goal_progress",
    "construction",
    "management",
    "financial_management",
    "problems",
    "corrective_measures",
    "targets_need_adjusting",
];

/// The name of one field of an indicator row, as `system_filled` lists it.
pub fn indicator_field(indicator_id: Uuid, field: &str) -> String {
    format!("indicators.{indicator_id}.{field}")
}

/// What decides which fields of an indicator row apply.
#[derive(Debug, Clone, Copy)]
pub struct RowState {
    pub indicator_id: Uuid,
    pub comparator: Comparator,
    /// Behind its expected value at the cut-off.
    pub behind: bool,
    /// Its likelihood of reaching the target is `impossible`.
    pub unlikely: bool,
}

/// The names of every field that applies to a report with these rows.
pub fn applicable(rows: &[RowState]) -> Vec<String> {
    let mut names: Vec<String> = REPORT_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    for row in rows {
        let mut fields = Vec::with_capacity(7);
        if row.comparator != Comparator::Qualitative {
            fields.push("expected_value");
        }
        fields.extend(["actual", "forecast", "likelihood"]);
        if row.behind || row.unlikely {
            fields.extend(["deviation_reasons", "deviation_note", "corrective_measures"]);
        }
        names.extend(
            fields
                .into_iter()
                .map(|f| indicator_field(row.indicator_id, f)),
        );
    }
    names
}

/// (generated, applicable): how many of the applicable fields the system filled.
pub fn count(applicable: &[String], system_filled: &[String]) -> (usize, usize) {
    let filled: std::collections::HashSet<&str> =
        system_filled.iter().map(String::as_str).collect();
    let generated = applicable
        .iter()
        .filter(|name| filled.contains(name.as_str()))
        .count();
    (generated, applicable.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(comparator: Comparator, behind: bool, unlikely: bool) -> RowState {
        RowState {
            indicator_id: Uuid::from_u128(7),
            comparator,
            behind,
            unlikely,
        }
    }

    #[test]
    fn a_numeric_row_on_schedule_has_four_fields_and_a_behind_one_seven() {
        assert_eq!(applicable(&[]).len(), 12);
        assert_eq!(
            applicable(&[row(Comparator::AtLeast, false, false)]).len(),
            16
        );
        assert_eq!(
            applicable(&[row(Comparator::AtLeast, true, false)]).len(),
            19
        );
        assert_eq!(
            applicable(&[row(Comparator::AtMost, false, true)]).len(),
            19
        );
    }

    #[test]
    fn a_qualitative_row_has_no_expected_value() {
        let names = applicable(&[row(Comparator::Qualitative, false, false)]);
        assert_eq!(names.len(), 15);
        assert!(!names.iter().any(|n| n.ends_with(".expected_value")));
        assert_eq!(
            applicable(&[row(Comparator::Qualitative, true, false)]).len(),
            18
        );
    }

    #[test]
    fn only_applicable_system_fields_count() {
        let names = applicable(&[row(Comparator::AtLeast, false, false)]);
        let id = Uuid::from_u128(7);
        let filled = vec![
            "adjusted_budget".to_owned(),
            indicator_field(id, "forecast"),
            // No longer applies once the row is back on schedule.
            indicator_field(id, "deviation_reasons"),
        ];
        assert_eq!(count(&names, &filled), (2, 16));
    }
}
