//! Checkpoints of the audit chain kept outside the database: the chain's head (its last
//! entry's number and hash) at a moment, sealed with the chain key. The head in the database
//! moves with the entries, so an intruder who deletes the last entries and moves the head
//! back, or empties the trail, leaves a chain that verifies; a checkpoint written earlier
//! beside the key, or handed to someone else, still names the entry that is gone.

use crate::{App, AppError};
use spona_crypto::chain::ChainKey;
use spona_store::audit;

/// The first word of a checkpoint line, with the format's version.
const PREFIX: &str = "spona-audit-checkpoint/1";

/// The chain's head at a moment, with its seal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// The last entry's number (0 for an empty trail).
    pub seq: i64,
    /// The last entry's hash (empty for an empty trail).
    pub hash: String,
    /// When (Unix seconds).
    pub at: i64,
    /// The keyed hash of the three, under the chain key of the entry's epoch.
    pub seal: String,
}

impl Checkpoint {
    /// The checkpoint as one line of text, for a file or a message.
    pub fn line(&self) -> String {
        format!(
            "{PREFIX} seq={} at={} hash={} seal={}",
            self.seq, self.at, self.hash, self.seal
        )
    }

    /// Reads a line written by [`Checkpoint::line`].
    pub fn parse(line: &str) -> Option<Checkpoint> {
        let mut words = line.split_whitespace();
        if words.next()? != PREFIX {
            return None;
        }
        let mut field = |name: &str| {
            words
                .next()
                .and_then(|w| w.strip_prefix(name))
                .and_then(|w| w.strip_prefix('='))
                .map(str::to_string)
        };
        let seq = field("seq")?.parse().ok()?;
        let at = field("at")?.parse().ok()?;
        let hash = field("hash")?;
        let seal = field("seal")?;
        let hex = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
        let hash_ok = (seq == 0 && hash.is_empty()) || hex(&hash, 64);
        (seq >= 0 && hash_ok && hex(&seal, 64) && words.next().is_none()).then_some(Checkpoint {
            seq,
            hash,
            at,
            seal,
        })
    }

    /// Whether the seal is this checkpoint's under `chain`.
    pub(crate) fn sealed_by(&self, chain: &ChainKey) -> bool {
        seal(chain, self.seq, &self.hash, self.at) == self.seal
    }
}

/// The seal of a head: a link of the chain under a name no entry has as its predecessor.
fn seal(chain: &ChainKey, seq: i64, hash: &str, at: i64) -> String {
    chain.link(
        "audit-checkpoint",
        &[&seq.to_string(), &at.to_string(), hash],
    )
}

impl App {
    /// The chain's head now, sealed with the chain key in force.
    pub async fn audit_checkpoint(&self) -> Result<Checkpoint, AppError> {
        let mut c = self.db.conn().await?;
        self.checkpoint_in(&mut c).await
    }

    /// The same, read on a connection or in a transaction (a submitted report carries the
    /// head as its transaction sees it).
    pub(crate) async fn checkpoint_in(
        &self,
        c: &mut spona_store::Connection,
    ) -> Result<Checkpoint, AppError> {
        let head = audit::head(c).await?;
        let at = self.now();
        let keys = self.keys();
        Ok(Checkpoint {
            seq: head.last_seq,
            seal: seal(&keys.chain, head.last_seq, &head.last_hash, at),
            hash: head.last_hash,
            at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spona_crypto::keys::MasterKey;

    #[test]
    fn a_line_reads_back_and_anything_else_is_refused() {
        let chain = ChainKey::new(&MasterKey::generate());
        let hash = "ab".repeat(32);
        let cp = Checkpoint {
            seq: 42,
            at: 1_800_000_000,
            seal: seal(&chain, 42, &hash, 1_800_000_000),
            hash,
        };
        assert_eq!(Checkpoint::parse(&cp.line()), Some(cp.clone()));
        assert!(cp.sealed_by(&chain));
        assert!(!cp.sealed_by(&ChainKey::new(&MasterKey::generate())));
        let moved = Checkpoint {
            seq: 41,
            ..cp.clone()
        };
        assert!(!moved.sealed_by(&chain), "the seal covers the number");
        for bad in [
            String::new(),
            cp.line().replace("seq=42", "seq=x"),
            cp.line().replace(PREFIX, "spona-audit-checkpoint/9"),
            format!("{} extra", cp.line()),
            cp.line().replace("hash=", "hash=zz"),
        ] {
            assert_eq!(Checkpoint::parse(&bad), None, "{bad}");
        }
    }
}
