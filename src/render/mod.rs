//! Rendering: view types to text, one module per output format.

pub mod table;
