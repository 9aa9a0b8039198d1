//! Turns `validator` results into 422 problems naming each invalid field.

use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::{AppError, FieldErrors};

pub fn validate<T: Validate>(value: &T) -> Result<(), AppError> {
    value.validate().map_err(|errors| {
        let mut fields = FieldErrors::new();
        collect(&errors, "", &mut fields);
        AppError::validation("The request has invalid fields.", fields)
    })
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut FieldErrors) {
    for (field, kind) in errors.errors() {
        let name = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                let messages = list.iter().map(|e| {
                    e.message
                        .as_ref()
                        .map_or_else(|| format!("is invalid ({})", e.code), ToString::to_string)
                });
                out.entry(name).or_default().extend(messages);
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &name, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{name}[{index}]"), out);
                }
            }
        }
    }
}

/// A name with surrounding whitespace and no other content is not a name.
pub fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() {
        let mut err = validator::ValidationError::new("blank");
        err.message = Some("must not be blank".into());
        return Err(err);
    }
    Ok(())
}

/// The fiscal years the service keeps; the OpenAPI document states the same bounds.
pub const FISCAL_YEARS: std::ops::RangeInclusive<i16> = 2000..=2100;

/// A `fiscal_year` list filter outside the kept years is a mistake in the request, not a filter
/// that matches nothing: the document bounds it, so the server refuses it too.
pub fn fiscal_year_filter(year: Option<i16>) -> Result<Option<i16>, AppError> {
    match year {
        Some(y) if !FISCAL_YEARS.contains(&y) => Err(AppError::BadRequest(format!(
            "Invalid query parameters: fiscal_year must be from {} to {}, got {y}",
            FISCAL_YEARS.start(),
            FISCAL_YEARS.end()
        ))),
        other => Ok(other),
    }
}

/// Integer body fields that also take a JSON number with a zero fraction (`2021.0`): JSON Schema
/// calls that an integer, and clients whose numbers are all floating point send it so.
pub mod integral {
    use serde::de::{Deserialize, Deserializer, Error};

    /// The number as an integer when it is one, written `2021` or `2021.0`.
    pub fn exact_i64(number: &serde_json::Number) -> Option<i64> {
        number.as_i64().or_else(|| {
            number
                .as_f64()
                // Beyond ±2^53 a float is not an exact integer, and no field here is that wide.
                .filter(|f| f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0)
                .map(|f| f as i64)
        })
    }

    fn whole<'de, D: Deserializer<'de>, T: TryFrom<i64>>(
        number: serde_json::Number,
    ) -> Result<T, D::Error> {
        let Some(value) = exact_i64(&number) else {
            return Err(D::Error::custom(format!(
                "expected an integer, got {number}"
            )));
        };
        T::try_from(value)
            .map_err(|_| D::Error::custom(format!("{value} is out of range for this field")))
    }

    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: TryFrom<i64>,
    {
        whole::<D, T>(serde_json::Number::deserialize(deserializer)?)
    }

    pub mod option {
        use super::*;

        pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
        where
            D: Deserializer<'de>,
            T: TryFrom<i64>,
        {
            Option::<serde_json::Number>::deserialize(deserializer)?
                .map(whole::<D, T>)
                .transpose()
        }
    }
}
