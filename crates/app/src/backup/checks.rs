//! What a restore proves about the rows as they pass, before it keeps any: the audit chain
//! verifies with the deployment's key from its first entry to the recorded head (the same
//! walk as `spona audit verify`), every case's data key unwraps with that key and opens
//! its sealed parts, and every sealed official file's data key unwraps with it.

use super::manifest::Manifest;
use super::BackupError;
use crate::audit::{open_epoch_key, ChainWalk};
use crate::Keyring;
use spona_crypto::fields::Place;
use spona_domain::cases::Part;
use spona_store::audit::{Entry, Head};
use spona_store::audit_pruning::AnchorRow;
use spona_store::backup::{Row, Value};

/// The checks of one restore.
pub(crate) struct Checks<'k> {
    keys: &'k Keyring,
    walk: ChainWalk<'k>,
    head: Option<Head>,
    cases: u64,
}

/// What the checks found.
pub(crate) struct Checked {
    pub audit_entries: i64,
    pub cases: u64,
}

impl<'k> Checks<'k> {
    pub(crate) fn new(keys: &'k Keyring) -> Self {
        Checks {
            keys,
            walk: ChainWalk::new(&keys.chain),
            head: None,
            cases: 0,
        }
    }

    /// Checks a batch of a table's rows; the first failure ends the restore.
    pub(crate) fn rows(
        &mut self,
        table: &str,
        columns: &[String],
        rows: &[Row],
    ) -> Result<(), BackupError> {
        let at = Columns(columns);
        match table {
            // Ended epochs of the chain (after a key rotation) come before the entries:
            // the backup orders tables by their foreign keys, and these have none.
            "audit_epochs" => {
                for row in rows {
                    if self.walk.entries() > 0 {
                        return Err(BackupError::AuditBroken(
                            "the chain's ended epochs come after its entries".into(),
                        ));
                    }
                    let until = at.int(row, "until_seq")?;
                    let key = open_epoch_key(self.keys, until, &at.text(row, "chain_key")?)
                        .map_err(BackupError::WrongKey)?;
                    self.walk.ended_epoch(until, key);
                }
            }
            // The chain's start after the retention schedule removed its oldest entries, and
            // the sign-in entries it erased: both come before the entries (alphabetically,
            // having no foreign keys).
            "audit_anchor" => {
                for row in rows {
                    self.before_entries("anchor")?;
                    self.walk.anchor(AnchorRow {
                        until_seq: at.int(row, "until_seq")?,
                        last_hash: at.text(row, "last_hash")?,
                        removed_at: at.int(row, "removed_at")?,
                        seal: at.text(row, "seal")?,
                    });
                }
            }
            "audit_erasures" => {
                for row in rows {
                    self.before_entries("erasures")?;
                    self.walk.erased(at.int(row, "seq")?, at.text(row, "seal")?);
                }
            }
            "audit_log" => {
                for row in rows {
                    let entry = at.entry(row)?;
                    self.walk
                        .step(&entry)
                        .map_err(|b| BackupError::AuditBroken(b.to_string()))?;
                }
            }
            "audit_head" => {
                for row in rows {
                    self.head = Some(Head {
                        last_seq: at.int(row, "last_seq")?,
                        last_hash: at.text(row, "last_hash")?,
                    });
                }
            }
            "cases" => {
                for row in rows {
                    self.case(&at, row)?;
                }
            }
            "official_files" => {
                for row in rows {
                    self.official_file(&at, row)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Refuses a table of the chain's make-up that comes after its entries.
    fn before_entries(&self, what: &str) -> Result<(), BackupError> {
        if self.walk.entries() > 0 {
            return Err(BackupError::AuditBroken(format!(
                "the chain's {what} come after its entries"
            )));
        }
        Ok(())
    }

    /// A case's key unwraps and its parts open.
    fn case(&mut self, at: &Columns<'_>, row: &Row) -> Result<(), BackupError> {
        let id = at.int(row, "id")?;
        let wrapped = at.text(row, "data_key")?;
        if wrapped.is_empty() {
            return Ok(());
        }
        let unopened = || BackupError::WrongKey(format!("the data key of case {id} does not open"));
        let bytes = base64_decode(&wrapped).ok_or_else(unopened)?;
        let key = self
            .keys
            .wrapper
            .unwrap_key(
                &bytes,
                Place {
                    table: "cases",
                    column: "data_key",
                    row: id,
                },
            )
            .map_err(|_| unopened())?;
        for part in Part::ALL {
            let sealed = at.text(row, part.code())?;
            if sealed.is_empty() {
                continue;
            }
            let place = Place {
                table: "cases",
                column: part.code(),
                row: id,
            };
            let opened = base64_decode(&sealed).and_then(|b| key.open(&b, place).ok());
            if opened.is_none() {
                return Err(BackupError::WrongKey(format!(
                    "the {} part of case {id} does not open",
                    part.code()
                )));
            }
        }
        self.cases += 1;
        Ok(())
    }

    /// A sealed official file's key unwraps (its content opens with it, as a case's parts do;
    /// the key is what a wrong deployment key would fail on).
    fn official_file(&self, at: &Columns<'_>, row: &Row) -> Result<(), BackupError> {
        let id = at.int(row, "id")?;
        let wrapped = at.text(row, "data_key")?;
        if wrapped.is_empty() {
            return Ok(());
        }
        let place = Place {
            table: "official_files",
            column: "data_key",
            row: id,
        };
        let opens = base64_decode(&wrapped)
            .is_some_and(|bytes| self.keys.wrapper.unwrap_key(&bytes, place).is_ok());
        if opens {
            Ok(())
        } else {
            Err(BackupError::WrongKey(format!(
                "the data key of official file {id} does not open"
            )))
        }
    }

    /// After the last row: the chain ends at the head the backup recorded, which is the
    /// head its manifest names.
    pub(crate) fn finish(self, manifest: &Manifest) -> Result<Checked, BackupError> {
        let head = self
            .head
            .ok_or_else(|| BackupError::AuditBroken("the backup holds no chain head".into()))?;
        if head.last_seq != manifest.audit_head.last_seq
            || head.last_hash != manifest.audit_head.last_hash
        {
            return Err(BackupError::Damaged(
                "its chain head differs from its manifest's".into(),
            ));
        }
        let report = self.walk.end(&head);
        if let Some(b) = report.first_break {
            return Err(BackupError::AuditBroken(b.to_string()));
        }
        Ok(Checked {
            audit_entries: report.entries,
            cases: self.cases,
        })
    }
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// A row's values found by column name.
struct Columns<'a>(&'a [String]);

impl Columns<'_> {
    fn value<'r>(&self, row: &'r Row, name: &str) -> Result<&'r Value, BackupError> {
        self.0
            .iter()
            .position(|c| c == name)
            .and_then(|i| row.get(i))
            .ok_or_else(|| BackupError::Damaged(format!("a row lacks the column {name}")))
    }

    fn int(&self, row: &Row, name: &str) -> Result<i64, BackupError> {
        match self.value(row, name)? {
            Value::Integer(v) => Ok(*v),
            _ => Err(BackupError::Damaged(format!("{name} is not an integer"))),
        }
    }

    fn opt_int(&self, row: &Row, name: &str) -> Result<Option<i64>, BackupError> {
        match self.value(row, name)? {
            Value::Null => Ok(None),
            Value::Integer(v) => Ok(Some(*v)),
            Value::Text(_) => Err(BackupError::Damaged(format!("{name} is not an integer"))),
        }
    }

    fn text(&self, row: &Row, name: &str) -> Result<String, BackupError> {
        match self.value(row, name)? {
            Value::Text(v) => Ok(v.clone()),
            _ => Err(BackupError::Damaged(format!("{name} is not text"))),
        }
    }

    fn entry(&self, row: &Row) -> Result<Entry, BackupError> {
        Ok(Entry {
            seq: self.int(row, "seq")?,
            at: self.int(row, "at")?,
            team_id: self.opt_int(row, "team_id")?,
            actor_id: self.opt_int(row, "actor_id")?,
            actor_label: self.text(row, "actor_label")?,
            action: self.text(row, "action")?,
            subject: self.text(row, "subject")?,
            subject_id: self.opt_int(row, "subject_id")?,
            reason: self.text(row, "reason")?,
            address: self.text(row, "address")?,
            prev_hash: self.text(row, "prev_hash")?,
            hash: self.text(row, "hash")?,
        })
    }
}
