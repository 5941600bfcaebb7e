//! Where a report is in its life. A submitted report is frozen: its figures and text never
//! change again; a correction is a new version of the same period, drafted anew.

coded_enum! {
    /// Draft (editable), submitted (frozen, awaiting the National Coordinator), acknowledged.
    pub enum ReportStatus {
        Draft => "draft",
        Submitted => "submitted",
        Acknowledged => "acknowledged",
    }
}

impl ReportStatus {
    /// Only a draft's text may change.
    pub fn editable(self) -> bool {
        self == ReportStatus::Draft
    }

    /// The status after submitting, if a report in this status can be submitted.
    pub fn submit(self) -> Option<ReportStatus> {
        (self == ReportStatus::Draft).then_some(ReportStatus::Submitted)
    }

    /// The status after the National Coordinator's office acknowledges it.
    pub fn acknowledge(self) -> Option<ReportStatus> {
        (self == ReportStatus::Submitted).then_some(ReportStatus::Acknowledged)
    }

    /// Whether a correction (a new version) may be opened from a report in this status.
    pub fn correctable(self) -> bool {
        self != ReportStatus::Draft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_draft_is_submitted_and_only_a_submitted_one_acknowledged() {
        use ReportStatus::*;
        assert_eq!(Draft.submit(), Some(Submitted));
        assert_eq!(Submitted.submit(), None);
        assert_eq!(Acknowledged.submit(), None);
        assert_eq!(Submitted.acknowledge(), Some(Acknowledged));
        assert_eq!(Draft.acknowledge(), None);
        assert_eq!(Acknowledged.acknowledge(), None);
        assert!(Draft.editable() && !Submitted.editable() && !Acknowledged.editable());
        assert!(!Draft.correctable() && Submitted.correctable() && Acknowledged.correctable());
        for s in [Draft, Submitted, Acknowledged] {
            assert_eq!(ReportStatus::from_code(s.code()), Some(s));
        }
    }
}
