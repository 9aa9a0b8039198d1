//! Business rules with no IO: pure functions over plain values, unit-tested next to the code.

pub mod adjustments;
pub mod assessment;
pub mod checks;
pub mod drafts;
pub mod evaluation;
pub mod fields;
pub mod indicators;
pub mod lights;
pub mod money;
pub mod monitoring;
pub mod projects;
pub mod proposals;
pub mod regions;
pub mod results;
pub mod scoring;
