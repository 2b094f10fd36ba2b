//! Rendering: view types to output, one module per format. Tabular formats render
//! [`grid::Grid`]s, which [`grid`] builds from the views; JSON serialises the views themselves.
//! Every interface word any of them prints is a [`words::Word`].

pub mod archimate;
pub mod chart;
pub mod csv;
pub mod dot;
pub mod engine;
pub mod font;
pub mod graphml;
pub mod grid;
pub mod html;
pub mod layout;
pub mod legend;
pub mod markup;
pub mod md;
pub mod operations;
pub mod profile;
pub mod report;
pub mod sentences;
pub mod style;
pub mod svg;
pub mod table;
pub mod words;
pub mod xlsx;
