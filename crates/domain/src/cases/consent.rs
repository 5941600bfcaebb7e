//! Consent: what may be shared with whom, given by the person or, for a child or a person
//! deprived of legal capacity, by the guardian. Sharing follows it; going without it needs a
//! permission and a written reason.

use super::access::Part;
use super::child_protocol::ConsentGiver;
use super::ids::ConsentId;
use crate::ids::InstitutionId;
use std::collections::BTreeSet;

/// A recorded consent, as far as sharing goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentScope {
    pub id: ConsentId,
    pub given_by: ConsentGiver,
    pub parts: BTreeSet<Part>,
    pub institutions: BTreeSet<InstitutionId>,
    pub withdrawn: bool,
}

/// The consent that allows sharing `parts` with `to`, given by whom it must be; none when
/// no live consent covers all of it.
pub fn covering(
    scopes: &[ConsentScope],
    to: InstitutionId,
    parts: &BTreeSet<Part>,
    needed_from: ConsentGiver,
) -> Option<ConsentId> {
    scopes
        .iter()
        .filter(|s| !s.withdrawn && s.given_by == needed_from && s.institutions.contains(&to))
        .find(|s| parts.is_subset(&s.parts))
        .map(|s| s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(
        id: i64,
        by: ConsentGiver,
        parts: &[Part],
        to: &[i64],
        withdrawn: bool,
    ) -> ConsentScope {
        ConsentScope {
            id: ConsentId(id),
            given_by: by,
            parts: parts.iter().copied().collect(),
            institutions: to.iter().map(|i| InstitutionId(*i)).collect(),
            withdrawn,
        }
    }

    #[test]
    fn sharing_follows_a_live_consent_that_covers_everything_asked() {
        let both: BTreeSet<Part> = [Part::Identity, Part::Contact].into_iter().collect();
        let only_identity: BTreeSet<Part> = [Part::Identity].into_iter().collect();
        let scopes = [
            scope(1, ConsentGiver::Person, &[Part::Identity], &[7], false),
            scope(
                2,
                ConsentGiver::Person,
                &[Part::Identity, Part::Contact],
                &[8],
                true,
            ),
        ];
        assert_eq!(
            covering(
                &scopes,
                InstitutionId(7),
                &only_identity,
                ConsentGiver::Person
            ),
            Some(ConsentId(1))
        );
        assert_eq!(
            covering(&scopes, InstitutionId(7), &both, ConsentGiver::Person),
            None,
            "not the contact"
        );
        assert_eq!(
            covering(
                &scopes,
                InstitutionId(8),
                &only_identity,
                ConsentGiver::Person
            ),
            None,
            "withdrawn"
        );
        assert_eq!(
            covering(
                &scopes,
                InstitutionId(9),
                &only_identity,
                ConsentGiver::Person
            ),
            None,
            "not to them"
        );
        assert_eq!(
            covering(
                &scopes,
                InstitutionId(7),
                &only_identity,
                ConsentGiver::Guardian
            ),
            None,
            "a child's or a person without capacity needs the guardian's"
        );
    }
}
