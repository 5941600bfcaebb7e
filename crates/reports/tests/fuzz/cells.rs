//! The cell texts every writer is fed: the `cells` corpus (formula starters, quotes, line
//! breaks, control characters, Cyrillic, Office escapes, markup), changed, or anything.

use crate::harness::{self, CYRILLIC, LATIN};
use proptest::prelude::*;

/// Characters that mean something to one of the formats.
pub const SPECIALS: &str = "=+-@\t\r\n,;\"'\\_x000D<>&]";

/// The texts of the `cells` corpus.
pub fn corpus() -> Vec<String> {
    harness::corpus("cells")
        .iter()
        .map(|seed| seed.text().to_owned())
        .collect()
}

/// A cell's text.
pub fn text() -> BoxedStrategy<String> {
    let unit = harness::char_from(&[CYRILLIC, LATIN, SPECIALS, SPECIALS]);
    prop_oneof![
        4 => harness::text_mutations(&corpus(), unit.clone(), 6),
        2 => proptest::collection::vec(unit, 0..12).prop_map(|v| v.into_iter().collect()),
        1 => any::<String>(),
    ]
    .boxed()
}
