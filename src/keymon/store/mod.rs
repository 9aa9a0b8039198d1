//! SQL of key monitoring, one file per record kind; every record copies its project's place.

mod adjustments;
mod inspections;
mod rectifications;

use uuid::Uuid;

use crate::auth::Place;

pub use adjustments::*;
pub use inspections::*;
pub use rectifications::*;

/// Where a key-monitoring record lives, copied from its project.
pub struct Home<'a> {
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
}

/// A key-monitoring record: it belongs to a project and copies the project's place.
pub trait ProjectRecord {
    fn project_id(&self) -> Uuid;
    /// Where the record lives; `classified` is whether its project is secret-related now
    /// (`projects::store::secret_related`), which region-scoped readers may not see.
    fn place(&self, classified: bool) -> Place<'_>;
}

macro_rules! place_of {
    ($row:ty) => {
        impl ProjectRecord for $row {
            fn project_id(&self) -> Uuid {
                self.project_id
            }

            fn place(&self, classified: bool) -> $crate::auth::Place<'_> {
                $crate::auth::Place {
                    region_path: &self.region_path,
                    department: Some((self.region_id, &self.department_path)),
                    classified,
                }
            }
        }
    };
}

pub(crate) use place_of;
