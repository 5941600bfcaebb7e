//! Charts for reports: a bar chart (counts by month, by kind) and a progress chart (how far
//! each plan activity has come). A chart is laid out once into a [`Geometry`] in abstract
//! units, and the same geometry is drawn as SVG for the HTML page and into the PDF, so both
//! show the same picture.
//!
//! A value withheld by disclosure control (`None`) is never drawn as zero: it gets an empty
//! dashed marker and the caller's word for "suppressed".

mod bars;
mod geometry;
mod model;
mod palette;
pub(crate) mod pdf;
mod progress;
mod svg;
mod text;
mod ticks;

pub use geometry::{Anchor, Geometry, Ink, Line, Mark, Shape, TextRun};
pub use model::{BarChart, Chart, ChartTable, ProgressChart, Series};
pub use ticks::Ticks;
