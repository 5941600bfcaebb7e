//! The master key at run time, and its rotation.
//!
//! Every purpose key (key wrapping, blind index, audit chain, key check) is derived from the
//! one master key. A rotation to a new master key goes in three steps, each of which can be
//! interrupted and run again:
//!
//! 1. **Begin**: the next key's check value is recorded as the rotation under way.
//! 2. **Sweep**: case by case, in small transactions, each case gets its data key wrapped under
//!    the next key and its blind index under the next blind key, *beside* its current values;
//!    instances holding only the current key keep reading and writing as before.
//! 3. **Switch**: one transaction moves the next values into place, keeps the ending epoch's
//!    audit chain key sealed under the next key, records the next key's check value and
//!    appends "keys rotated". Instances notice and take up the new key (see `watch`).
//!
//! The data itself is never re-encrypted: it stays sealed under each case's data key, and only
//! the wrapping of that key changes.

mod case_key;
mod held;
mod rotation;
mod source;
mod sweep;
mod switch;
mod watch;

pub(crate) use held::HeldKeys;
pub use held::KeyHealth;
pub use rotation::RotationStatus;
pub use source::KeySource;
pub use sweep::{SweepControl, SweepOutcome};
pub use switch::Switched;

use spona_crypto::fields::Place;

/// Where an ended audit epoch's sealed chain key lives (bound into its sealing).
pub(crate) fn epoch_place(until_seq: i64) -> Place<'static> {
    Place {
        table: "audit_epochs",
        column: "chain_key",
        row: until_seq,
    }
}
