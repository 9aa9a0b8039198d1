//! The region tree: GB/T 2260 codes and levels (province → city → county).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    Province,
    City,
    County,
}

impl RegionLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionLevel::Province => "province",
            RegionLevel::City => "city",
            RegionLevel::County => "county",
        }
    }

    pub fn parse(text: &str) -> Option<RegionLevel> {
        [
            RegionLevel::Province,
            RegionLevel::City,
            RegionLevel::County,
        ]
        .into_iter()
        .find(|l| l.as_str() == text)
    }

    /// The level a parent of this level must have.
    pub fn parent_level(self) -> Option<RegionLevel> {
        match self {
            RegionLevel::Province => None,
            RegionLevel::City => Some(RegionLevel::Province),
            RegionLevel::County => Some(RegionLevel::City),
        }
    }
}

pub fn is_region_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && !code.starts_with('0')
}

/// Checks a new region's code and level against its parent (code and level), per GB/T 2260:
/// a province is `XX0000`; a city `XXYY00` under province `XX0000`; a county `XXYYZZ` under
/// city `XXYY00`. Returns the field and what is wrong with it.
pub fn check_new_region(
    code: &str,
    level: RegionLevel,
    parent: Option<(&str, RegionLevel)>,
) -> Result<(), (&'static str, String)> {
    if !is_region_code(code) {
        return Err(("code", "must be a 6-digit GB/T 2260 code".to_owned()));
    }
    match (level.parent_level(), parent) {
        (None, Some(_)) => {
            return Err(("parent_code", "a province has no parent region".to_owned()));
        }
        (Some(expected), None) => {
            return Err((
                "parent_code",
                format!("a {} needs a parent {}", level.as_str(), expected.as_str()),
            ));
        }
        (Some(expected), Some((_, actual))) if expected != actual => {
            return Err((
                "parent_code",
                format!(
                    "a {} must be under a {}, not a {}",
                    level.as_str(),
                    expected.as_str(),
                    actual.as_str()
                ),
            ));
        }
        _ => {}
    }
    let shape_ok = match level {
        RegionLevel::Province => code.ends_with("0000"),
        RegionLevel::City => code.ends_with("00") && &code[2..4] != "00",
        RegionLevel::County => &code[4..6] != "00",
    };
    if !shape_ok {
        let shape = match level {
            RegionLevel::Province => "XX0000",
            RegionLevel::City => "XXYY00 with YY not 00",
            RegionLevel::County => "XXYYZZ with ZZ not 00",
        };
        return Err((
            "code",
            format!("a {} code has the form {shape}", level.as_str()),
        ));
    }
    if let Some((parent_code, parent_level)) = parent {
        let shared = match parent_level {
            RegionLevel::Province => 2,
            RegionLevel::City | RegionLevel::County => 4,
        };
        if code[..shared] != parent_code[..shared] {
            return Err((
                "code",
                format!(
                    "must start with {} like its parent {parent_code}",
                    &parent_code[..shared]
                ),
            ));
        }
    }
    Ok(())
}

/// The materialized path of a region: its parent's path plus its own code.
pub fn child_path(parent_path: Option<&str>, code: &str) -> String {
    format!("{}{code}/", parent_path.unwrap_or(""))
}

/// The parent's code, read from a path such as `370000/370100/`.
pub fn parent_code_of(path: &str) -> Option<&str> {
    let mut segments = path.trim_end_matches('/').rsplit('/');
    segments.next()?;
    segments.next()
}

/// The last code of a path (the region itself).
pub fn code_of(path: &str) -> &str {
    path.trim_end_matches('/').rsplit('/').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::RegionLevel::*;
    use super::*;

    #[test]
    fn shandong_tree_codes_are_accepted() {
        assert!(check_new_region("370000", Province, None).is_ok());
        assert!(check_new_region("370100", City, Some(("370000", Province))).is_ok());
        assert!(check_new_region("371100", City, Some(("370000", Province))).is_ok());
        assert!(check_new_region("370102", County, Some(("370100", City))).is_ok());
    }

    #[test]
    fn codes_must_fit_level_and_parent() {
        fn err(r: Result<(), (&'static str, String)>) -> &'static str {
            r.unwrap_err().0
        }
        assert_eq!(err(check_new_region("37000", Province, None)), "code");
        assert_eq!(err(check_new_region("370100", Province, None)), "code");
        assert_eq!(
            err(check_new_region(
                "370000",
                Province,
                Some(("370000", Province))
            )),
            "parent_code"
        );
        assert_eq!(err(check_new_region("370100", City, None)), "parent_code");
        assert_eq!(
            err(check_new_region(
                "370102",
                County,
                Some(("370000", Province))
            )),
            "parent_code"
        );
        assert_eq!(
            err(check_new_region("440100", City, Some(("370000", Province)))),
            "code"
        );
        assert_eq!(
            err(check_new_region("370000", City, Some(("370000", Province)))),
            "code"
        );
        assert_eq!(
            err(check_new_region("370202", County, Some(("370100", City)))),
            "code"
        );
        assert_eq!(
            err(check_new_region("370100", County, Some(("370100", City)))),
            "code"
        );
    }

    #[test]
    fn paths_name_their_codes() {
        let p = child_path(Some("370000/370100/"), "370102");
        assert_eq!(p, "370000/370100/370102/");
        assert_eq!(parent_code_of(&p), Some("370100"));
        assert_eq!(code_of(&p), "370102");
        assert_eq!(parent_code_of("370000/"), None);
    }
}
