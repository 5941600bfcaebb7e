//! Opening a record's data key (a case's, a sealed official file's). With the key in force
//! first; when that fails, the database may have switched to a new master key since this
//! instance last looked, so the keys at hand are tried, and one that opens the wrapped key is
//! taken up (only the key a value was wrapped under opens it: the wrapping is authenticated
//! and bound to its record).

use super::KeyHealth;
use crate::cases::parts;
use crate::{App, AppError};
use spona_crypto::fields::{DataKey, KeyWrapper};
use spona_domain::cases::CaseId;

impl App {
    /// The data key of a case from its stored wrapped form. A case without one had its
    /// personal data removed under the retention schedule: nothing personal is left to read
    /// or write, which is refused rather than reported as damage.
    pub(crate) fn case_key(&self, case_id: CaseId, wrapped: &str) -> Result<DataKey, AppError> {
        if wrapped.is_empty() {
            return Err(AppError::Forbidden);
        }
        self.record_key(|wrapper| parts::data_key(wrapper, case_id, wrapped))
    }

    /// A record's data key, unwrapped by `open` under the key in force or, when the database
    /// has moved on, under a key at hand (which is then taken up).
    pub(crate) fn record_key(
        &self,
        open: impl Fn(&KeyWrapper) -> Result<DataKey, AppError>,
    ) -> Result<DataKey, AppError> {
        let refused = match open(&self.keys().wrapper) {
            Ok(key) => return Ok(key),
            Err(refused) => refused,
        };
        for other in self.keys.others_at_hand() {
            if let Ok(key) = open(&other.wrapper) {
                tracing::info!("the database moved to a new master key; this instance now uses it");
                self.keys.install(other);
                return Ok(key);
            }
        }
        if self.keys.health() == KeyHealth::Fits {
            // The key is the database's, yet this value does not open: it was altered.
            Err(refused)
        } else {
            Err(AppError::KeysUnavailable)
        }
    }
}
