//! A registry change as its reader reads it. The history stores each edit's changed fields as
//! `field: old → new` lines under the field's name in code (the stored text stays as it was
//! written, so old entries read like new ones); here the name becomes the form's label in
//! the reader's language, codes become their words, flags yes or no, and dates the reader's
//! format. Values that are ids (the institution of a membership) are not shown: the label says
//! what changed.

use crate::shell::tr::Tr;

/// How a field is shown: its label, and how its values read.
struct Field {
    label: &'static str,
    values: Values,
}

/// What a field's stored values are.
#[derive(Clone, Copy)]
enum Values {
    /// Text as typed.
    Typed,
    /// A code whose word is the message `prefix` + code.
    Coded(&'static str),
    /// `true` or `false`.
    Flag,
    /// An ISO date.
    Date,
    /// An id, or nothing to show: the label alone.
    Hidden,
}

/// The fields of members' and institutions' histories.
fn field(name: &str) -> Option<Field> {
    use Values::{Coded, Date, Flag, Hidden, Typed};
    let (label, values) = match name {
        "full_name" => ("member-full-name", Typed),
        "position" => ("member-position", Typed),
        "team_role" => ("member-team-role", Coded("team-role-")),
        "institution" => ("member-institution", Hidden),
        "from_date" => ("member-from-date", Date),
        "to_date" => ("member-to-date", Date),
        "email" => ("member-email", Typed),
        "phone" => ("member-phone", Typed),
        "code" => ("institution-code", Typed),
        "standing" => ("institution-standing", Coded("standing-")),
        "kind" => ("institution-kind", Coded("kind-")),
        "name_cyrl" => ("institution-name-cyrl", Typed),
        "name_latn" => ("institution-name-latn", Typed),
        "short_name" => ("institution-short-name", Typed),
        "is_lead" => ("institution-lead-hint", Flag),
        "is_donor" => ("institution-donor-hint", Flag),
        "address" => ("institution-address", Typed),
        "cooperation" => ("institution-cooperation", Hidden),
        _ => return None,
    };
    Some(Field { label, values })
}

/// The details of a history entry in the reader's words, one line per changed field.
pub fn readable(tr: &Tr, details: &str) -> String {
    details
        .lines()
        .map(|line| readable_line(tr, line))
        .collect::<Vec<_>>()
        .join("\n")
}

fn readable_line(tr: &Tr, line: &str) -> String {
    let (name, change) = line.split_once(": ").unwrap_or((line, ""));
    let Some(f) = field(name.trim()) else {
        // Not a field line (the founding decision's number and date): as written.
        return line.to_string();
    };
    let label = tr.t(f.label);
    let Some((old, new)) = change.split_once(" → ") else {
        return label;
    };
    match f.values {
        Values::Hidden => label,
        v => format!("{label}: {} → {}", value(tr, v, old), value(tr, v, new)),
    }
}

fn value(tr: &Tr, values: Values, raw: &str) -> String {
    let raw = raw.trim();
    if raw.is_empty() {
        return "—".into();
    }
    match values {
        Values::Typed | Values::Hidden => raw.to_string(),
        Values::Coded(prefix) => tr.t(&format!("{prefix}{raw}")),
        Values::Flag => tr.t(if raw == "true" { "yes" } else { "no" }),
        Values::Date => spona_domain::text::date(raw)
            .map(|d| tr.date(&d))
            .unwrap_or_else(|_| raw.to_string()),
    }
}
