//! The in-app notifications of a team user: new referrals, overdue ones, emergency access to
//! the institution's cases, recovery periods ending. A notification names a kind and at most a
//! case to open, never anything about the person.

mod notifications;

use crate::routes::Routes;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/notifications", notifications::list)
        .post("/notifications/read", notifications::mark_read)
}
