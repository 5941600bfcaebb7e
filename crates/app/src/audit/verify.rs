//! Walking the audit chain: the first altered, inserted or deleted entry is reported. Each
//! entry is checked with the chain key of its epoch: the key in force for entries since the
//! last key rotation, the sealed keys of ended epochs for those before. The walk is fed entry
//! by entry, so the same check runs over the database (`verify_audit`) and over a backup's
//! rows before a restore keeps them.

use super::checkpoint::Checkpoint;
use super::hashed_fields;
use super::retention::{anchor_seal, erasure_seal};
use crate::keys::epoch_place;
use crate::{App, AppError, Keyring};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::chain::ChainKey;
use spona_store::audit::{self, Entry, Head};
use spona_store::audit_pruning::AnchorRow;
use spona_store::rotation;
use std::collections::HashMap;

/// Where the chain breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The entry's content or hash does not match its place in the chain.
    Altered { seq: i64 },
    /// An entry is missing before this one (deleted).
    Missing { seq: i64 },
    /// Entries at the end were removed: the chain ends before its recorded head.
    Truncated { last_seq: i64, head_seq: i64 },
    /// The chain ends before an entry a checkpoint saw: entries at the end were removed and
    /// the head moved back with them (or the database was rolled back to an older copy).
    BehindCheckpoint {
        checkpoint_seq: i64,
        checkpoint_at: i64,
        last_seq: i64,
    },
    /// An entry differs from the one a checkpoint saw at its place: the end of the trail was
    /// replaced (rolled back, then written anew).
    DiffersFromCheckpoint { seq: i64, checkpoint_at: i64 },
    /// A checkpoint that this deployment's keys did not seal (made up, or another's).
    UnsealedCheckpoint { seq: i64, checkpoint_at: i64 },
    /// The trail is empty, though the database holds records (every one of them was made
    /// with an entry).
    Emptied,
    /// The chain starts at an anchor this deployment's keys did not seal: its oldest entries
    /// were cut off by someone other than the retention schedule.
    UnsealedAnchor { seq: i64 },
}

/// A break in words, for the operator (`spona audit verify`, a refused restore).
impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let when = |at: &i64| {
            time::OffsetDateTime::from_unix_timestamp(*at)
                .ok()
                .and_then(|t| {
                    t.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                })
                .unwrap_or_else(|| at.to_string())
        };
        match self {
            Break::Altered { seq } => write!(f, "entry {seq} was altered or inserted"),
            Break::Missing { seq } => write!(f, "entry {seq} is missing (deleted)"),
            Break::Truncated { last_seq, head_seq } => write!(
                f,
                "entries {} to {head_seq} are missing (deleted at the end)",
                last_seq + 1
            ),
            Break::BehindCheckpoint {
                checkpoint_seq,
                checkpoint_at,
                last_seq,
            } => write!(
                f,
                "the trail ends at entry {last_seq}, but the checkpoint of {} saw entry \
                 {checkpoint_seq}: entries at the end were removed and the head moved back, or \
                 the database was rolled back to an older copy",
                when(checkpoint_at)
            ),
            Break::DiffersFromCheckpoint { seq, checkpoint_at } => write!(
                f,
                "entry {seq} is not the one the checkpoint of {} saw: the end of the trail was \
                 rolled back and written anew",
                when(checkpoint_at)
            ),
            Break::UnsealedCheckpoint { seq, checkpoint_at } => write!(
                f,
                "the checkpoint of {} (entry {seq}) was not sealed by this deployment's keys: it \
                 was made up or belongs to another deployment",
                when(checkpoint_at)
            ),
            Break::Emptied => write!(
                f,
                "the trail is empty, though the database holds records: it was emptied"
            ),
            Break::UnsealedAnchor { seq } => write!(
                f,
                "the trail starts after entry {seq}, but that start was not sealed by this \
                 deployment's keys: its oldest entries were cut off outside the retention schedule"
            ),
        }
    }
}

/// The outcome of a verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditReport {
    /// Entries checked.
    pub entries: i64,
    /// Checkpoints the trail was held against.
    pub checkpoints: usize,
    /// The first break, if any.
    pub first_break: Option<Break>,
}

/// A walk along the chain, one entry at a time in sequence order.
pub(crate) struct ChainWalk<'k> {
    current: &'k ChainKey,
    /// Ended epochs, oldest first: the last entry of each and its chain key.
    ended: Vec<(i64, ChainKey)>,
    epoch: usize,
    expected_seq: i64,
    prev: String,
    entries: i64,
    /// Checkpoints to hold the trail against, each with the hash found at its place.
    checkpoints: Vec<(Checkpoint, Option<String>)>,
    /// Where the chain starts once the retention schedule removed its oldest entries.
    anchor: Option<AnchorRow>,
    /// Entries whose who and where the retention schedule erased, with their seals.
    erased: HashMap<i64, String>,
}

impl<'k> ChainWalk<'k> {
    /// A walk from the chain's start, with the chain key in force.
    pub(crate) fn new(current: &'k ChainKey) -> Self {
        ChainWalk {
            current,
            ended: Vec::new(),
            epoch: 0,
            expected_seq: 1,
            prev: String::new(),
            entries: 0,
            checkpoints: Vec::new(),
            anchor: None,
            erased: HashMap::new(),
        }
    }

    /// The chain starts after the anchor's entry (the older ones were removed); given before
    /// the first entry. Its seal is checked at the end, once every epoch is known.
    pub(crate) fn anchor(&mut self, anchor: AnchorRow) {
        self.expected_seq = anchor.until_seq + 1;
        self.prev = anchor.last_hash.clone();
        self.anchor = Some(anchor);
    }

    /// An entry whose who and where were erased, vouched for by its seal; given before it.
    pub(crate) fn erased(&mut self, seq: i64, seal: String) {
        self.erased.insert(seq, seal);
    }

    /// A checkpoint the trail must agree with; given before the first entry.
    pub(crate) fn checkpoint(&mut self, checkpoint: Checkpoint) {
        self.checkpoints.push((checkpoint, None));
    }

    /// The chain key entry `seq` was (or would be) linked with.
    fn key_for(&self, seq: i64) -> &ChainKey {
        self.ended
            .iter()
            .find(|(until, _)| seq <= *until)
            .map_or(self.current, |(_, key)| key)
    }

    /// An ended epoch: entries up to `until_seq` (after the previous epoch's) were linked
    /// with `key`. Epochs are given before the first entry.
    pub(crate) fn ended_epoch(&mut self, until_seq: i64, key: ChainKey) {
        self.ended.push((until_seq, key));
        self.ended.sort_by_key(|(until, _)| *until);
    }

    /// Checks the next entry; the first break ends the walk.
    pub(crate) fn step(&mut self, e: &Entry) -> Result<(), Break> {
        if e.seq != self.expected_seq {
            return Err(Break::Missing {
                seq: self.expected_seq,
            });
        }
        while self
            .ended
            .get(self.epoch)
            .is_some_and(|(until, _)| *until < e.seq)
        {
            self.epoch += 1;
        }
        let chain = self
            .ended
            .get(self.epoch)
            .map_or(self.current, |(_, key)| key);
        let linked = match self.erased.get(&e.seq) {
            // An erased entry cannot be recomputed; its seal covers what it keeps.
            Some(seal) => *seal == erasure_seal(chain, e),
            None => {
                let fields = hashed_fields(e);
                let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
                chain.links(&self.prev, &refs, &e.hash)
            }
        };
        if e.prev_hash != self.prev || !linked {
            return Err(Break::Altered { seq: e.seq });
        }
        for (checkpoint, found) in &mut self.checkpoints {
            if checkpoint.seq == e.seq {
                *found = Some(e.hash.clone());
            }
        }
        self.prev = e.hash.clone();
        self.expected_seq += 1;
        self.entries += 1;
        Ok(())
    }

    /// Checks a page of entries; the first break, if any.
    fn steps(&mut self, page: &[Entry]) -> Option<Break> {
        page.iter().find_map(|e| self.step(e).err())
    }

    /// The report of a walk that ended at `first_break`.
    fn report(&self, checkpoints: usize, first_break: Break) -> AuditReport {
        AuditReport {
            entries: self.entries,
            checkpoints,
            first_break: Some(first_break),
        }
    }

    /// Entries checked so far.
    pub(crate) fn entries(&self) -> i64 {
        self.entries
    }

    /// The report once every entry was fed: the chain must end at its recorded head and
    /// agree with every checkpoint.
    pub(crate) fn end(self, head: &Head) -> AuditReport {
        let last_seq = self.expected_seq - 1;
        let first_break = if let Some(seq) = self.unsealed_anchor() {
            Some(Break::UnsealedAnchor { seq })
        } else if head.last_seq != last_seq || head.last_hash != self.prev {
            Some(Break::Truncated {
                last_seq,
                head_seq: head.last_seq,
            })
        } else {
            self.checkpoint_break(last_seq)
        };
        AuditReport {
            entries: self.entries,
            checkpoints: self.checkpoints.len(),
            first_break,
        }
    }

    /// The anchor's entry, when its seal is not this deployment's.
    fn unsealed_anchor(&self) -> Option<i64> {
        let a = self.anchor.as_ref()?;
        let chain = self.key_for(a.until_seq);
        (anchor_seal(chain, a.until_seq, &a.last_hash, a.removed_at) != a.seal)
            .then_some(a.until_seq)
    }

    /// The first checkpoint the walked trail disagrees with, oldest first.
    fn checkpoint_break(&self, last_seq: i64) -> Option<Break> {
        let mut checkpoints: Vec<&(Checkpoint, Option<String>)> = self.checkpoints.iter().collect();
        checkpoints.sort_by_key(|(c, _)| (c.seq, c.at));
        for (checkpoint, found) in checkpoints {
            let (seq, checkpoint_at) = (checkpoint.seq, checkpoint.at);
            if !checkpoint.sealed_by(self.key_for(seq)) {
                return Some(Break::UnsealedCheckpoint { seq, checkpoint_at });
            }
            if seq == 0 {
                continue;
            }
            // Entries the retention schedule removed: the anchor keeps the last one's hash.
            if let Some(a) = self.anchor.as_ref().filter(|a| seq <= a.until_seq) {
                if seq == a.until_seq && a.last_hash != checkpoint.hash {
                    return Some(Break::DiffersFromCheckpoint { seq, checkpoint_at });
                }
                continue;
            }
            if seq > last_seq {
                return Some(Break::BehindCheckpoint {
                    checkpoint_seq: seq,
                    checkpoint_at,
                    last_seq,
                });
            }
            if found.as_deref() != Some(checkpoint.hash.as_str()) {
                return Some(Break::DiffersFromCheckpoint { seq, checkpoint_at });
            }
        }
        None
    }
}

/// The chain key of an ended epoch, opened from its sealed form with the master key in
/// force; the message says why it does not open.
pub(crate) fn open_epoch_key(
    keys: &Keyring,
    until_seq: i64,
    sealed: &str,
) -> Result<ChainKey, String> {
    STANDARD
        .decode(sealed)
        .ok()
        .and_then(|bytes| ChainKey::open_under(&keys.wrapper, &bytes, epoch_place(until_seq)).ok())
        .ok_or_else(|| {
            format!(
                "the audit chain key of entries up to {until_seq} does not open with the master \
                 key in force (altered, or the key is not the database's)"
            )
        })
}

/// Entries checked a page at a time.
const VERIFY_PAGE: i64 = 5_000;
/// Connections reading pages side by side: reading a page costs about what checking it does,
/// and on two cores two readers keep the walk busy.
const READERS: i64 = 2;

/// Sends the pages of entries after `first_after` up to `until` that fall to reader `nth` of
/// [`READERS`] (pages `nth`, `nth + READERS`, ...), each as its seq range holds it, until the
/// last or until the walk stops listening (it found a break); a failed read is sent last.
async fn read_pages(
    db: spona_store::Db,
    nth: i64,
    first_after: i64,
    until: i64,
    pages: tokio::sync::mpsc::Sender<Result<Vec<Entry>, AppError>>,
) {
    let read = async {
        let mut c = db.conn().await?;
        let mut page_no = nth;
        loop {
            let after = first_after + page_no * VERIFY_PAGE;
            if after >= until {
                return Ok(());
            }
            let upto = (after + VERIFY_PAGE).min(until);
            let page = audit::page_after(&mut c, db.backend(), after, upto, VERIFY_PAGE).await?;
            if pages.send(Ok(page)).await.is_err() {
                return Ok(());
            }
            page_no += READERS;
        }
    };
    let done: Result<(), AppError> = read.await;
    if let Err(e) = done {
        let _ = pages.send(Err(e)).await;
    }
}

impl App {
    /// Recomputes the whole chain, page by page, and reports the first break.
    pub async fn verify_audit(&self) -> Result<AuditReport, AppError> {
        self.verify_audit_against(&[]).await
    }

    /// Recomputes the whole chain and holds it against checkpoints kept outside the
    /// database: a trail cut or rolled back behind one of them, or emptied, is a break.
    pub async fn verify_audit_against(
        &self,
        checkpoints: &[Checkpoint],
    ) -> Result<AuditReport, AppError> {
        let keys = self.keys();
        let mut c = self.db().conn().await?;
        let mut walk = ChainWalk::new(&keys.chain);
        for checkpoint in checkpoints {
            walk.checkpoint(checkpoint.clone());
        }
        for epoch in rotation::epochs(&mut c).await? {
            let key = open_epoch_key(&keys, epoch.until_seq, &epoch.chain_key)
                .map_err(AppError::Internal)?;
            walk.ended_epoch(epoch.until_seq, key);
        }
        super::retention::prepare_walk(&mut c, &mut walk).await?;
        let until = audit::last_written_seq(&mut c).await?;
        drop(c);
        // Pages are read on connections of their own while earlier ones are checked, each
        // reader taking every other page; the walk takes them back in order.
        let first_after = walk.expected_seq - 1;
        let mut readers = Vec::new();
        let mut arriving = Vec::new();
        for nth in 0..READERS {
            let (pages, arrive) = tokio::sync::mpsc::channel(2);
            readers.push(tokio::spawn(read_pages(
                self.db().clone(),
                nth,
                first_after,
                until,
                pages,
            )));
            arriving.push(arrive);
        }
        let stop = |readers: &[tokio::task::JoinHandle<()>]| readers.iter().for_each(|r| r.abort());
        let mut nth = 0;
        while let Some(page) = arriving[nth % READERS as usize].recv().await {
            nth += 1;
            let page = page.inspect_err(|_| stop(&readers))?;
            if let Some(first_break) = walk.steps(&page) {
                stop(&readers);
                return Ok(walk.report(checkpoints.len(), first_break));
            }
        }
        // Entries appended since the walk began (the server may be running).
        let mut c = self.db().conn().await?;
        loop {
            let after = walk.expected_seq - 1;
            let page = audit::page_after(&mut c, self.db().backend(), after, i64::MAX, VERIFY_PAGE)
                .await?;
            if page.is_empty() {
                break;
            }
            if let Some(first_break) = walk.steps(&page) {
                return Ok(walk.report(checkpoints.len(), first_break));
            }
        }
        drop(c);
        let mut c = self.db().conn().await?;
        let head = audit::head(&mut c).await?;
        drop(c);
        let mut report = walk.end(&head);
        if report.first_break.is_none() && report.entries == 0 && self.db.holds_data().await? {
            report.first_break = Some(Break::Emptied);
        }
        Ok(report)
    }
}
