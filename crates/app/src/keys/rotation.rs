//! The rotation under way: beginning one (recording the next key's check value, never the
//! key), telling how far it is, and abandoning it (its next values dropped; the current ones
//! were never touched).

use crate::{App, AppError};
use spona_crypto::keys::MasterKey;
use spona_store::rotation::{self, SweepCount};

/// A rotation under way and how far its sweep is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RotationStatus {
    /// The check value of the next master key.
    pub next_check: String,
    pub started_at: i64,
    pub cases: i64,
    pub swept: i64,
}

impl App {
    /// The rotation under way, if any.
    pub async fn rotation_status(&self) -> Result<Option<RotationStatus>, AppError> {
        let mut c = self.db.conn().await?;
        let Some(r) = rotation::under_way(&mut c).await? else {
            return Ok(None);
        };
        let SweepCount { cases, swept } = rotation::count(&mut c).await?;
        Ok(Some(RotationStatus {
            next_check: r.next_check,
            started_at: r.started_at,
            cases,
            swept,
        }))
    }

    /// Records a rotation to `next`, or finds the one recorded to be to `next` (a rotation run
    /// again continues). Refused as a conflict when a rotation to another key is under way, or
    /// when `next` is the key in force.
    pub async fn begin_rotation(&self, next: &MasterKey) -> Result<RotationStatus, AppError> {
        let next_check = next.check_value();
        if next_check == self.keys().check() {
            return Err(AppError::Conflict);
        }
        let mut tx = self.db.begin().await?;
        match rotation::under_way(&mut tx).await? {
            Some(r) if r.next_check != next_check => return Err(AppError::Conflict),
            Some(_) => {}
            None => rotation::begin(&mut tx, &next_check, self.now()).await?,
        }
        tx.commit().await?;
        self.rotation_status().await?.ok_or(AppError::Conflict)
    }

    /// Drops the rotation under way and its next values. The data stays under the key in
    /// force; the next key may then be thrown away.
    pub async fn abandon_rotation(&self) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        rotation::abandon(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}
