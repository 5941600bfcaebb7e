//! The demo users the pages are measured as, each signed in once (a code of the second
//! factor is taken once per account and step, so one sign-in each needs no waiting).

use crate::browser::Browser;

/// The police officer of the Leskovac team (a case worker with a second factor).
pub const POLICE: &str = "le-police";
/// The Leskovac team's coordinator.
pub const COORDINATOR: &str = "le-coordinator";
/// The Leskovac Centre for Social Work (receives referrals).
pub const SOCIAL: &str = "le-social";
/// The Centre for Protection of Victims of Trafficking (the national team).
pub const CENTRE: &str = "centre";
/// The National Coordinator's office (no second factor).
pub const NATIONAL: &str = "national";

/// The signed-in users, and why the others are not.
pub struct People {
    signed: Vec<(String, Result<Browser, String>)>,
}

impl People {
    /// Signs everyone in at `base`, telling each failure on standard error as it happens.
    pub async fn sign_in(base: &str, users: &[&str]) -> People {
        let mut signed = Vec::new();
        for user in users {
            let outcome = Browser::sign_in(base, user)
                .await
                .map_err(|e| format!("{e:#}"));
            if let Err(why) = &outcome {
                eprintln!("SIGN-IN FAILED: {why}");
            }
            signed.push((user.to_string(), outcome));
        }
        People { signed }
    }

    /// The browser of `user`, or why there is none.
    pub fn browser(&self, user: &str) -> Result<&Browser, String> {
        match self.signed.iter().find(|(u, _)| u == user) {
            Some((_, Ok(b))) => Ok(b),
            Some((_, Err(why))) => Err(format!("could not sign in: {why}")),
            None => Err(format!("{user} was not signed in")),
        }
    }

    /// The sign-ins that failed.
    pub fn failures(&self) -> Vec<String> {
        self.signed
            .iter()
            .filter_map(|(_, o)| o.as_ref().err().cloned())
            .collect()
    }
}
