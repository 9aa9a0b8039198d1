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
