//! The message ids that name a report's case tables and their rows, shared by the page,
//! the PDF and the workbook so that all three say the same.

use super::cases::CASE_TABLES;

/// The dimension a case table counts (`sex`, `receiver`, …).
pub fn dimension_of(table: &str) -> &'static str {
    CASE_TABLES
        .iter()
        .find(|(name, _, _)| *name == table)
        .map(|(_, d, _)| *d)
        .unwrap_or("")
}

/// The message id of a case table's title.
pub fn table_message(table: &str) -> String {
    format!("case-table-{table}")
}

/// The message id of a row of a dimension; receivers are named by the registry instead.
pub fn row_message(dimension: &str, code: &str) -> String {
    match (dimension, code) {
        ("sex", c) => format!("sex-{c}"),
        ("age", c) => format!("age-band-{c}"),
        ("exploitation", "none") => "stat-exploitation-none".into(),
        ("exploitation", c) => format!("exploitation-{c}"),
        (d, c) => format!("stat-{d}-{c}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_every_table_has_a_message_in_every_locale() {
        let catalog = spona_i18n::Catalog::load().unwrap();
        for (table, dimension, _) in CASE_TABLES {
            for locale in &spona_i18n::Locale::ALL {
                let title = catalog.text(*locale, &table_message(table));
                assert!(!title.starts_with("case-table"), "{table} in {locale:?}");
                if dimension == "receiver" {
                    continue;
                }
                for code in super::super::rows_of(dimension) {
                    let id = row_message(dimension, &code);
                    assert_ne!(catalog.text(*locale, &id), id, "{id} in {locale:?}");
                }
            }
        }
    }
}
