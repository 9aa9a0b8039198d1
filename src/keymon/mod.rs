//! Key monitoring (重点监控): inspections of selected projects, findings, opinions and
//! suggestions, rectification within deadlines, and fund adjustments (results application).

pub mod adjustments;
pub mod dto;
pub mod history;
pub mod inspections;
pub mod rectifications;
pub mod store;
