//! Typed identifiers of case records, so that a referral id can never be passed for a case id.

// A local copy of the pattern in `crate::ids`, whose macro is private to that module.
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
    )*};
}

id_type!(
    /// A case of a potential victim.
    CaseId,
    /// A referral from a case to an institution or outside body.
    ReferralId,
    /// A recorded consent (or its withdrawal) for a case.
    ConsentId,
    /// A service provided to the person of a case.
    ServiceId,
    /// A note on a case.
    NoteId,
    /// A task on a case (for example: record the temporary guardian).
    TaskId,
    /// An imported version of an indicator catalogue.
    CatalogueId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_show_their_number_and_serialise_as_it() {
        assert_eq!(CaseId(7).to_string(), "7");
        assert!(ReferralId(1) < ReferralId(2));
    }
}
