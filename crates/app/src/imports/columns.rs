//! The columns an import reads and how a header names them: in any of the three scripts and
//! languages, in any case, with or without the `*` the template puts after a required one,
//! or by the form field's own name. Closed vocabularies (a kind, a role) are read the same
//! way, by their label in any language or by their code.

use spona_domain::script::fold;
use spona_i18n::{Catalog, Locale};

/// One column of an import: the form field it fills and the message that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The form field (and the key of its errors).
    pub field: &'static str,
    /// The message id of its header.
    pub header: &'static str,
    /// Whether the form requires it (the template marks it).
    pub required: bool,
}

/// A column (for the kinds' tables of columns).
pub(super) const fn column(field: &'static str, header: &'static str, required: bool) -> Column {
    Column {
        field,
        header,
        required,
    }
}

/// The cell of a row (cells in the order of `columns`) that fills `field`; empty if none.
pub(super) fn cell_of(columns: &[Column], cells: &[String], field: &str) -> String {
    columns
        .iter()
        .position(|c| c.field == field)
        .and_then(|i| cells.get(i))
        .cloned()
        .unwrap_or_default()
}

/// Why a header row cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderProblem {
    /// A header that names no column (the text as written).
    Unknown(String),
    /// A required column that is not there (its header's message id).
    Missing(&'static str),
    /// A column named twice (its header's message id).
    Repeated(&'static str),
}

/// A name folded for comparison: script, case and diacritics set aside, the required mark
/// and spaces trimmed.
fn key(name: &str) -> String {
    fold(name.trim().trim_end_matches('*').trim())
}

/// Every name a header may have in any locale, folded.
fn names(catalog: &Catalog, column: &Column) -> Vec<String> {
    let mut all: Vec<String> = Locale::ALL
        .iter()
        .map(|l| key(&catalog.text(*l, column.header)))
        .collect();
    all.push(key(column.field));
    all
}

/// For each column of the sheet, the index of the import's column it holds; or every
/// problem of the header.
pub fn layout(
    catalog: &Catalog,
    columns: &[Column],
    header: &[String],
) -> Result<Vec<Option<usize>>, Vec<HeaderProblem>> {
    let names: Vec<Vec<String>> = columns.iter().map(|c| names(catalog, c)).collect();
    let mut problems = Vec::new();
    let mut seen = vec![false; columns.len()];
    let mut layout = Vec::with_capacity(header.len());
    for written in header {
        if written.trim().is_empty() {
            layout.push(None);
            continue;
        }
        let k = key(written);
        match names.iter().position(|n| n.contains(&k)) {
            Some(i) if seen[i] => {
                problems.push(HeaderProblem::Repeated(columns[i].header));
                layout.push(None);
            }
            Some(i) => {
                seen[i] = true;
                layout.push(Some(i));
            }
            None => {
                problems.push(HeaderProblem::Unknown(
                    written.trim().chars().take(80).collect(),
                ));
                layout.push(None);
            }
        }
    }
    for (i, column) in columns.iter().enumerate() {
        if column.required && !seen[i] {
            problems.push(HeaderProblem::Missing(column.header));
        }
    }
    if problems.is_empty() {
        Ok(layout)
    } else {
        Err(problems)
    }
}

/// The code of a closed vocabulary's value written as its code or as its label (message
/// `{prefix}{code}`) in any locale; anything else is returned as written, for the form's
/// parser to refuse.
pub fn term(catalog: &Catalog, written: &str, prefix: &str, codes: &[&'static str]) -> String {
    let k = key(written);
    if k.is_empty() {
        return String::new();
    }
    codes
        .iter()
        .find(|code| {
            key(code) == k
                || Locale::ALL
                    .iter()
                    .any(|l| key(&catalog.text(*l, &format!("{prefix}{code}"))) == k)
        })
        .map(|code| code.to_string())
        .unwrap_or_else(|| written.trim().to_string())
}

/// The institution a cell names among the team's: by its code, short or full name, in
/// either script and any case.
pub fn institution_named<'a>(
    institutions: &'a [spona_domain::registry::Institution],
    written: &str,
) -> Option<&'a spona_domain::registry::Institution> {
    let k = fold(written.trim());
    if k.is_empty() {
        return None;
    }
    institutions.iter().find(|i| {
        [&i.code, &i.short_name, &i.name_cyrl, &i.name_latn]
            .iter()
            .any(|n| !n.is_empty() && fold(n.trim()) == k)
    })
}

/// A box ticked or not, written as yes or no in any language (or 1/0, x): `Ok(None)` when
/// empty, an error at anything else, which a form's checkbox cannot say.
pub fn yes_no(written: &str) -> Result<Option<bool>, spona_domain::validation::FieldError> {
    match key(written).as_str() {
        "" => Ok(None),
        "da" | "yes" | "y" | "true" | "1" | "x" | "on" => Ok(Some(true)),
        "ne" | "no" | "n" | "false" | "0" | "off" => Ok(Some(false)),
        _ => Err(spona_domain::validation::FieldError::Invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column {
            field: "title",
            header: "import-col-title",
            required: true,
        },
        Column {
            field: "held_on",
            header: "import-col-date",
            required: true,
        },
        Column {
            field: "partners",
            header: "import-col-partners",
            required: false,
        },
    ];

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn headers_are_read_in_every_script_and_language_in_any_case() {
        let catalog = Catalog::load().unwrap();
        let cyrillic = catalog.text(Locale::SrCyrl, "import-col-title");
        let latin = catalog
            .text(Locale::SrLatn, "import-col-date")
            .to_uppercase();
        let english = catalog.text(Locale::En, "import-col-partners");
        let got = layout(
            &catalog,
            COLUMNS,
            &header(&[&format!("{cyrillic} *"), &latin, "", &english]),
        )
        .unwrap();
        assert_eq!(got, vec![Some(0), Some(1), None, Some(2)]);
        assert_eq!(
            layout(&catalog, COLUMNS, &header(&["title", "held_on"])).unwrap(),
            vec![Some(0), Some(1)]
        );
    }

    #[test]
    fn an_unknown_repeated_or_missing_column_is_named() {
        let catalog = Catalog::load().unwrap();
        let e = layout(&catalog, COLUMNS, &header(&["title", "title", "Budget"])).unwrap_err();
        assert_eq!(
            e,
            vec![
                HeaderProblem::Repeated("import-col-title"),
                HeaderProblem::Unknown("Budget".into()),
                HeaderProblem::Missing("import-col-date"),
            ]
        );
    }

    #[test]
    fn yes_and_no_are_read_in_every_script() {
        assert_eq!(yes_no("Да"), Ok(Some(true)));
        assert_eq!(yes_no(" ne "), Ok(Some(false)));
        assert_eq!(yes_no("YES"), Ok(Some(true)));
        assert_eq!(yes_no(""), Ok(None));
        assert!(yes_no("можда").is_err());
    }

    #[test]
    fn a_term_is_read_by_its_label_in_any_language_or_its_code() {
        let catalog = Catalog::load().unwrap();
        let codes = ["public-talk", "workshop"];
        for written in ["Трибина", "tribina", "public-talk", " Workshop "] {
            let code = term(&catalog, written, "activity-kind-", &codes);
            assert!(codes.contains(&code.as_str()), "{written}");
        }
        assert_eq!(
            term(&catalog, "Трибина", "activity-kind-", &codes),
            "public-talk"
        );
        assert_eq!(term(&catalog, "dance", "activity-kind-", &codes), "dance");
    }
}
