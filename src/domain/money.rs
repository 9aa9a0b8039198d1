//! Money and other decimals travel as strings ("1234.50"), never as floating point.
//!
//! The OpenAPI document gives every such string a `pattern` (utoipa takes only literals, so the
//! `#[schema(pattern = ...)]` attributes repeat these; `tests/openapi.rs` checks that every
//! decimal property uses one of them). A field that is read patterns what is accepted, which also
//! matches what is written back (`parse_money` takes "300" or "2.5", `format_money` writes
//! "300.00"); a field that is only written patterns exactly what is written.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use serde::{Deserialize, Deserializer, Serializer};

/// Amounts in yuan as accepted (`parse_money`): up to 16 digits and 2 decimals, also what a
/// NUMERIC(18,2) column is written as.
pub const MONEY_PATTERN: &str = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$";
/// Non-negative amounts.
pub const AMOUNT_PATTERN: &str = r"^[0-9]{1,16}(\.[0-9]{1,2})?$";
/// Targets, actual and expected values: up to 4 decimals, in and out (`format_decimal`).
pub const DECIMAL_PATTERN: &str = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$";
/// Indicator weights (NUMERIC(5,2), at most 90).
pub const WEIGHT_PATTERN: &str = r"^[0-9]{1,2}(\.[0-9]{1,2})?$";
/// Points or percent from 0 to 100 as accepted (`budget_share`, grade edges).
pub const POINTS_PATTERN: &str = r"^[0-9]{1,3}(\.[0-9]{1,2})?$";
/// Money, signed rates and sums only written (`format_money`): always two decimals.
pub const WRITTEN_MONEY_PATTERN: &str = r"^-?[0-9]+\.[0-9]{2}$";
/// Non-negative percentages, scores and amounts only written: always two decimals.
pub const WRITTEN_PERCENT_PATTERN: &str = r"^[0-9]+\.[0-9]{2}$";

/// Parses a decimal string with at most `max_scale` decimals and 16 integer digits.
pub fn parse_decimal(text: &str, max_scale: usize) -> Result<BigDecimal, String> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let ok = !int.is_empty()
        && int.len() <= 16
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.len() <= max_scale
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(body.contains('.') && frac.is_empty());
    if !ok {
        return Err(format!(
            "must be a decimal string with at most 16 digits before and {max_scale} after the point, like \"1234.5\""
        ));
    }
    BigDecimal::from_str(text).map_err(|e| e.to_string())
}

pub fn parse_money(text: &str) -> Result<BigDecimal, String> {
    parse_decimal(text, 2)
}

/// Two decimals, as money is shown everywhere.
pub fn format_money(amount: &BigDecimal) -> String {
    fixed(amount, 2)
}

/// Exactly `scale` decimals, spelled out (BigDecimal's Display abbreviates zero and may use
/// exponents for small or large values).
fn fixed(value: &BigDecimal, scale: i64) -> String {
    let scaled = value.with_scale_round(scale, bigdecimal::RoundingMode::HalfEven);
    let (digits, _) = scaled.as_bigint_and_exponent();
    let negative = digits.sign() == bigdecimal::num_bigint::Sign::Minus;
    let mut text = digits.magnitude().to_string();
    let scale = usize::try_from(scale).unwrap_or(0);
    if text.len() <= scale {
        text = format!("{}{text}", "0".repeat(scale + 1 - text.len()));
    }
    let (int, frac) = text.split_at(text.len() - scale);
    let sign = if negative { "-" } else { "" };
    if scale == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// A decimal without trailing zeros beyond what it needs (targets and weights).
pub fn format_decimal(value: &BigDecimal) -> String {
    let scale = value.normalized().fractional_digit_count().max(0);
    fixed(value, scale)
}

pub fn zero() -> BigDecimal {
    BigDecimal::from(0)
}

/// serde for money fields: a string in, a two-decimal string out; numbers are refused, because
/// a JSON number may already have lost cents in the client's floating point.
pub mod serde_money {
    use super::*;

    pub fn serialize<S: Serializer>(value: &BigDecimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_money(value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BigDecimal, D::Error> {
        let text = String::deserialize(d)?;
        parse_money(&text).map_err(serde::de::Error::custom)
    }
}

pub mod serde_money_opt {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<BigDecimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&format_money(v)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<BigDecimal>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| parse_money(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Targets and weights: strings with up to 4 decimals.
pub mod serde_decimal_opt {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<BigDecimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&format_decimal(v)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<BigDecimal>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| parse_decimal(&t, 4).map_err(serde::de::Error::custom))
            .transpose()
    }
}

pub mod serde_decimal {
    use super::*;

    pub fn serialize<S: Serializer>(value: &BigDecimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_decimal(value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BigDecimal, D::Error> {
        let text = String::deserialize(d)?;
        parse_decimal(&text, 4).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_exactly_and_prints_two_decimals() {
        let m = parse_money("41770000000.10").unwrap();
        assert_eq!(format_money(&m), "41770000000.10");
        assert_eq!(format_money(&parse_money("300").unwrap()), "300.00");
        assert_eq!(format_money(&parse_money("-2.5").unwrap()), "-2.50");
        assert_eq!(format_money(&zero()), "0.00");
        assert_eq!(format_money(&parse_money("0.05").unwrap()), "0.05");
        assert_eq!(format_money(&parse_money("-0.05").unwrap()), "-0.05");
        assert_eq!(
            format_money(&parse_money("3370000000").unwrap()),
            "3370000000.00"
        );
        let sum = parse_money("0.10").unwrap() + parse_money("0.20").unwrap();
        assert_eq!(format_money(&sum), "0.30");
    }

    #[test]
    fn malformed_amounts_are_refused() {
        for bad in [
            "",
            "1.234",
            "1e5",
            "abc",
            "1.",
            ".5",
            "12345678901234567",
            "+1",
            "1,000",
        ] {
            assert!(parse_money(bad).is_err(), "{bad}");
        }
        assert!(parse_decimal("95.1234", 4).is_ok());
        assert!(parse_decimal("95.12345", 4).is_err());
    }

    #[test]
    fn decimals_print_without_needless_zeros() {
        assert_eq!(
            format_decimal(&parse_decimal("95.5000", 4).unwrap()),
            "95.5"
        );
        assert_eq!(format_decimal(&parse_decimal("100", 4).unwrap()), "100");
        assert_eq!(format_decimal(&parse_decimal("20.00", 4).unwrap()), "20");
        assert_eq!(format_decimal(&parse_decimal("0", 4).unwrap()), "0");
        assert_eq!(
            format_decimal(&parse_decimal("0.0005", 4).unwrap()),
            "0.0005"
        );
        assert_eq!(format_decimal(&parse_decimal("1200", 4).unwrap()), "1200");
    }
}
