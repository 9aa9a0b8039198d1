//! SQL of monitoring reports. Project reports: the report row and its lookups in `report`, the
//! round's list in `list`, indicator rows in `indicators`, the workflow history in
//! `transitions`, the batched queries of the figure refresh in `figures`, report creation (a
//! round's pre-filled reports) in `creation`, the system's proposals in `proposals`; department
//! reports in `department`. All of it is re-exported here, so callers name
//! `reports::store::…` whichever file an item lives in.

mod creation;
mod department;
mod figures;
mod indicators;
mod list;
mod proposals;
mod report;
mod transitions;

pub use creation::*;
pub use department::*;
pub use figures::*;
pub use indicators::*;
pub use list::*;
pub use proposals::*;
pub use report::*;
pub use transitions::*;
