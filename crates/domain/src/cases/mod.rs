//! Cases of potential victims of trafficking: the report, the child protocol, screening with
//! indicators, the case's state machine with its parallel proceedings track, referrals between
//! institutions, and the check that nothing printed for a person stigmatises them.
//!
//! The local team detects and refers; it never identifies. Identification is an outcome that
//! the identifying body (the national Centre for adults, the Centre for Social Work for
//! children) decides and the team records. Nothing here turns indicators, or anything else,
//! into the label "victim".

mod access;
pub mod attachment;
mod catalogue_choice;
mod catalogues;
mod child_protocol;
pub mod closing;
mod code;
mod consent;
pub mod data_request;
mod identification;
mod ids;
mod indicators;
mod proceedings;
mod reason;
mod referral;
pub mod referral_message;
mod report;
mod screening;
mod state;
mod stigma;
mod transfer;

pub use access::{
    case_access, emergency_allowed, with_assignment, CaseAccess, EmergencyRefusal, Ownership, Part,
    SharedWith,
};
pub use catalogue_choice::{default_sector, preferred_sectors, sector_of};
pub use catalogues::{
    ExploitationForm, ReferralSource, ReporterKind, ServiceStatus, ServiceType, Sex,
};
pub use child_protocol::{
    age_band, age_in_years, child_protocol, consent_needed_from, AgeBand, ConsentGiver,
    GuardianTask, ProtectionNeed, ProtocolStart, ProtocolTask,
};
pub use code::{CaseCode, CaseCodeError};
pub use consent::{covering, ConsentScope};
pub use data_request::{RequestKind, RequestOutcome};
pub use identification::{moves_for, CentreDecision};
pub use ids::{
    AttachmentId, CaseId, CatalogueId, ConsentId, DataRequestId, DuplicateId, GuardianId, NoteId,
    ReferralId, ServiceId, TaskId, TransferId,
};
pub use indicators::{
    CatalogueError, CatalogueErrors, CatalogueProblem, Indicator, IndicatorCatalogue,
    IndicatorDomain, LocalisedText, Sector,
};
pub use proceedings::{
    ProceedingsError, ProceedingsMove, ProceedingsStage, VictimWitness, WitnessMeasure,
};
pub use reason::Reason;
pub use referral::{
    is_overdue, AcknowledgementPolicy, ReferralAction, ReferralStatus, ReferralTransitionError,
    ReferralUrgency,
};
pub use report::{
    Detection, PersonDraft, ReportDraft, ReportForm, Reporter, AGE_MAX, DESCRIPTION_MAX,
    LANGUAGES_MAX, NAME_MAX, NARRATIVE_MAX, SHORT_MAX, WHEREABOUTS_MAX,
};
pub use screening::{Screening, ScreeningError};
pub use state::{
    allowed, apply, CaseState, CaseTransition, IdentificationOutcome, TransitionError,
};
pub use stigma::{is_stigmatising, stigmatising_phrases_in, FORBIDDEN_PHRASES};
pub use transfer::{TransferAnswer, TransferAnswered, TransferStatus};
