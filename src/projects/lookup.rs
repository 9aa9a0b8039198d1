//! The projects a batch names (by id, or by region code, fiscal year and code), looked up once
//! for the whole batch: one query per kind of name.

use std::collections::HashMap;

use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::batch::{self, ItemError};
use crate::error::{AppError, FieldErrors};
use crate::projects::store::{self as projects, ProjectView};
use crate::regions::store as regions;

/// How a batch item names its project.
#[derive(Debug, Clone, Copy)]
pub struct ProjectKey<'a> {
    pub project_id: Option<Uuid>,
    pub region_code: Option<&'a str>,
    pub fiscal_year: Option<i16>,
    pub project_code: Option<&'a str>,
}

#[derive(Default)]
pub struct Projects {
    by_id: HashMap<Uuid, ProjectView>,
    regions: HashMap<String, Option<Uuid>>,
    by_code: HashMap<(Uuid, i16, String), ProjectView>,
}

impl Projects {
    /// One query for the projects named by id, one for the regions named by code and one for
    /// the projects named by code. Codes holding U+0000 are left out (PostgreSQL would refuse
    /// the whole query); `resolve` refuses them one by one.
    pub fn load(conn: &mut PgConnection, keys: &[ProjectKey<'_>]) -> Result<Projects, AppError> {
        let mut found = Projects::default();
        let ids: Vec<Uuid> = keys.iter().filter_map(|k| k.project_id).collect();
        if !ids.is_empty() {
            for view in projects::find_many(conn, &ids)? {
                found.by_id.insert(view.row.id, view);
            }
        }
        let by_code: Vec<(&str, i16, &str)> = keys
            .iter()
            .filter(|k| k.project_id.is_none())
            .filter_map(|k| Some((k.region_code?, k.fiscal_year?, k.project_code?)))
            .filter(|(region, _, _)| !region.contains('\0'))
            .collect();
        let mut codes: Vec<&str> = by_code.iter().map(|k| k.0).collect();
        codes.sort_unstable();
        codes.dedup();
        if !codes.is_empty() {
            for code in &codes {
                found.regions.insert((*code).to_owned(), None);
            }
            for region in regions::find_by_codes(conn, &codes)? {
                found.regions.insert(region.code.clone(), Some(region.id));
            }
        }
        let keys: Vec<(Uuid, i16, &str)> = by_code
            .iter()
            .filter(|(_, _, code)| !code.contains('\0'))
            .filter_map(|(region, year, code)| {
                Some(((*found.regions.get(*region)?)?, *year, *code))
            })
            .collect();
        for view in projects::find_many_by_code(conn, &keys)? {
            let key = (
                view.row.region_id,
                view.row.fiscal_year,
                view.row.code.clone(),
            );
            found.by_code.insert(key, view);
        }
        Ok(found)
    }

    /// The project an item names, if it exists; `Err` when the item names none properly.
    pub fn resolve(&self, key: &ProjectKey<'_>) -> Result<Option<&ProjectView>, ItemError> {
        if let Some(id) = key.project_id {
            return Ok(self.by_id.get(&id));
        }
        let (Some(region_code), Some(year), Some(code)) =
            (key.region_code, key.fiscal_year, key.project_code)
        else {
            let mut errors = FieldErrors::new();
            errors.insert(
                "project_id".to_owned(),
                vec![
                    "name the project by project_id, or by region_code, fiscal_year and \
                     project_code"
                        .to_owned(),
                ],
            );
            return Err(errors.into());
        };
        // What the lookups by code would have met one by one.
        AppError::refuse_nul(region_code).map_err(batch::refused_by_database)?;
        let Some(region) = self.regions.get(region_code).copied().flatten() else {
            return Ok(None);
        };
        AppError::refuse_nul(code).map_err(batch::refused_by_database)?;
        Ok(self.by_code.get(&(region, year, code.to_owned())))
    }
}
