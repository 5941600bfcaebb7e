//! Typed identifiers of case records, so that a referral id can never be passed for a case id.

use crate::ids::id_type;

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
    /// A file attached to a case.
    AttachmentId,
    /// A recorded guardian of the person of a case.
    GuardianId,
    /// A pair of cases that may be about the same person, waiting for or past its review.
    DuplicateId,
    /// An offer to transfer a case's ownership to another institution.
    TransferId,
    /// A person's request about their data in a case (rectification, restriction, erasure).
    DataRequestId,
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
