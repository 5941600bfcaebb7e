//! Lists on standard output: a header and tab-separated columns, easy to read and to `cut`.

use anyhow::{Context, Result};
use std::io::Write;

/// Prints the header and the rows. A closed pipe (`spona user list | head`) is not an error.
pub fn print<I>(header: &[&str], rows: I) -> Result<()>
where
    I: IntoIterator<Item = Vec<String>>,
{
    let mut out = std::io::stdout().lock();
    let written = write_table(&mut out, header, rows).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

fn write_table<I>(out: &mut impl Write, header: &[&str], rows: I) -> std::io::Result<()>
where
    I: IntoIterator<Item = Vec<String>>,
{
    writeln!(out, "{}", header.join("\t"))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}

/// A value as one cell: control characters (tabs, line breaks) would break the columns.
fn cell(value: &str) -> String {
    if value.is_empty() {
        return "-".into();
    }
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// "yes" or "no".
pub fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_stay_in_their_columns() {
        let mut out = Vec::new();
        write_table(
            &mut out,
            &["code", "name"],
            [
                vec!["a\tb".to_string(), "line\none".to_string()],
                vec!["c".into(), String::new()],
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "code\tname\na b\tline one\nc\t-\n"
        );
    }
}
