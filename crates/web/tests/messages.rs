//! Every message the interface asks for exists (in every locale: the catalog refuses to load
//! otherwise), so no page ever shows a raw message id.

use spona_domain::registry::{ChangeKind, InstitutionKind, Standing, TeamRole};
use spona_i18n::Catalog;
use std::path::Path;

/// Message ids written literally in templates and handlers: `t("id")`, `ts("id", …)` and the like.
fn literal_ids(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in [".t(\"", ".ts(\"", ".tn(\"", ".with(\"", ".text(\""] {
        let mut rest = text;
        while let Some(i) = rest.find(call) {
            rest = &rest[i + call.len()..];
            if let Some(end) = rest.find('"') {
                let id = &rest[..end];
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    ids.push(id.to_string());
                }
            }
        }
    }
    ids
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_message_used_by_the_interface_exists() {
    let catalog = Catalog::load().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("templates"), &mut all);
    files(&root.join("src"), &mut all);
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in all {
        let text = std::fs::read_to_string(&file).unwrap();
        for id in literal_ids(&text) {
            seen += 1;
            if !catalog.has(&id) {
                missing.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(seen > 50, "the scan found the messages ({seen})");
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_catalogue_value_has_a_name() {
    let catalog = Catalog::load().unwrap();
    let mut ids: Vec<String> = InstitutionKind::ALL
        .iter()
        .map(|k| format!("kind-{}", k.code()))
        .collect();
    ids.extend(
        [Standing::Member, Standing::Partner]
            .iter()
            .map(|s| format!("standing-{}", s.code())),
    );
    ids.extend(
        [
            ChangeKind::Created,
            ChangeKind::Edited,
            ChangeKind::Deactivated,
            ChangeKind::Reactivated,
        ]
        .iter()
        .map(|c| format!("change-{}", c.code())),
    );
    ids.extend(
        TeamRole::ALL
            .iter()
            .map(|r| format!("team-role-{}", r.code())),
    );
    for id in ids {
        assert!(catalog.has(&id), "{id}");
    }
}
