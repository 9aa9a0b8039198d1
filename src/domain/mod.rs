//! Business rules with no IO: pure functions over plain values, unit-tested next to the code.

pub mod regions;
