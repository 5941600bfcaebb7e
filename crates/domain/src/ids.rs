//! Typed identifiers, so that a team id can never be passed where a user id is meant.

/// Declares id newtypes over the database's `i64`: shown and serialised as the bare number.
/// Shared by every module with ids of its own (see `cases::ids`), so all ids behave alike.
macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        // What the store decodes a row's column with (`#[sqlx(try_from = "i64")]`).
        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                $name(id)
            }
        }
    )*};
}
pub(crate) use id_type;

id_type!(
    /// A local coordination team (the unit of tenancy).
    TeamId,
    /// An institution or partner organisation of a team.
    InstitutionId,
    /// A person's membership in a team.
    MemberId,
    /// A user account.
    UserId,
);
