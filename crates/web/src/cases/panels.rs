//! The protection sections of a case page: guardian, consent, services, the recovery and
//! reflection period, follow-ups, notes and the proceedings track. Each is built only when the
//! app gave the reader something to see there; forms only where the reader may act (the app
//! decides again when the form comes back).

use super::labels;
use super::show::date;
use super::Choice;
use crate::shell::form::Errors;
use crate::shell::tr::Tr;
use serde::Deserialize;
use spona_app::cases::{
    CaseView, ConsentForm, FollowUpForm, GuardianForm, NoteForm, RecoveryForm, ReferralForm,
    ServiceForm, RECOVERY_DEFAULT_DAYS, RECOVERY_MIN_DAYS,
};
use spona_app::registry::DirectoryEntry;
use spona_domain::cases::{
    CaseAccess, ConsentGiver, ConsentId, Part, ProceedingsStage, ServiceId, ServiceStatus,
    ServiceType,
};
use spona_domain::ids::InstitutionId;
use spona_domain::registry::Standing;
use spona_i18n::Arg;

/// The task kind the app gives follow-ups.
pub const FOLLOW_UP: &str = "follow-up";

/// A change of the proceedings stage as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProceedingsPost {
    pub stage: String,
    pub correction: String,
    pub version: i64,
}

/// A protection form the app refused, as typed, with its errors: the page shows it again.
pub enum Refused {
    Guardian(GuardianForm, Errors),
    Consent(ConsentForm, Errors),
    Service(ServiceForm, Errors),
    /// The status change of one service.
    ServiceStatus(ServiceId, Errors),
    Recovery(RecoveryForm, Errors),
    FollowUp(FollowUpForm, Errors),
    Note(NoteForm, Errors),
    Proceedings(ProceedingsPost, Errors),
}

impl Refused {
    /// The form's errors for the summary at the top of the page, each linking to the place
    /// of its message beside the field (or to the section for one above the form).
    pub fn problems(&self) -> Vec<super::show::Problem> {
        let errors = match self {
            Refused::Guardian(_, e)
            | Refused::Consent(_, e)
            | Refused::Service(_, e)
            | Refused::ServiceStatus(_, e)
            | Refused::Recovery(_, e)
            | Refused::FollowUp(_, e)
            | Refused::Note(_, e)
            | Refused::Proceedings(_, e) => e,
        };
        let section = self.section();
        errors
            .iter()
            .map(|(field, message)| super::show::Problem {
                message: message.clone(),
                href: match (self, field) {
                    (_, "") => format!("#{section}"),
                    (Refused::Consent(..), f) => format!("#consent-{f}"),
                    (Refused::ServiceStatus(id, _), _) => format!("#status-{id}"),
                    (_, f) => format!("#{f}-error"),
                },
            })
            .collect()
    }

    /// The id of the heading of the section whose form was refused (its form posts to the
    /// page at it, so a refusal opens there).
    pub fn section(&self) -> &'static str {
        match self {
            Refused::Guardian(..) => "guardians-h",
            Refused::Consent(..) => "consent-h",
            Refused::Service(..) | Refused::ServiceStatus(..) => "services-h",
            Refused::Recovery(..) => "recovery-h",
            Refused::FollowUp(..) => "follow-ups-h",
            Refused::Note(..) => "notes-h",
            Refused::Proceedings(..) => "proceedings-h",
        }
    }
}

/// A recorded guardian.
pub struct GuardianLine {
    pub name: String,
    pub contact: String,
    pub appointed_on: String,
}

/// Guardians and, for those working on the case, the form to record one.
pub struct GuardianPanel {
    pub list: Vec<GuardianLine>,
    /// A child or a person deprived of legal capacity: the guardian comes first.
    pub protected: bool,
    /// The reader may record a guardian: the form below is shown.
    pub may_record: bool,
    pub form: GuardianForm,
    pub errors: Errors,
}

/// A recorded consent.
pub struct ConsentLine {
    pub id: ConsentId,
    pub given_by: String,
    pub explained: String,
    pub parts: String,
    pub institutions: String,
    pub given_on: String,
    pub withdrawn: bool,
}

/// Consents, and for the owning institution the form to record one; an institution the case
/// was referred to sees the consents that name it, to read.
pub struct ConsentPanel {
    pub list: Vec<ConsentLine>,
    /// The reader owns the case: may record and withdraw consents.
    pub may_record: bool,
    /// The form is shown: it was asked for or refused, or a referral waits for it (else a
    /// link asks for it).
    pub open: bool,
    /// Who must give consent, in words.
    pub needed_from: String,
    /// A guardian must give it and none is recorded yet.
    pub guardian_missing: bool,
    pub givers: Vec<Choice>,
    pub parts: Vec<Choice>,
    pub institutions: Vec<Choice>,
    pub explained: String,
    pub given_on: String,
    pub errors: Errors,
}

/// A service with its status form.
pub struct ServiceLine {
    pub id: ServiceId,
    pub service_type: String,
    pub provider: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: String,
    pub statuses: Vec<Choice>,
    pub version: i64,
    pub error: Option<String>,
}

/// Services and the form to add one.
pub struct ServicePanel {
    pub list: Vec<ServiceLine>,
    pub types: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub form: ServiceForm,
    pub errors: Errors,
}

/// A period's first and last day, in words.
pub struct Period {
    pub from: String,
    pub to: String,
}

/// The recovery and reflection period, and for the owner its form.
pub struct RecoveryPanel {
    pub period: Option<Period>,
    /// The reader may set the period (the owning institution): the form below is shown.
    pub may_set: bool,
    pub form: RecoveryForm,
    pub errors: Errors,
    pub min_days: i64,
    /// The shortest and the usual length, in words.
    pub hint: String,
}

/// A follow-up.
pub struct FollowUpLine {
    pub id: spona_domain::cases::TaskId,
    pub due_on: String,
    pub note: String,
    pub done: bool,
    /// The reader may mark it done.
    pub may_complete: bool,
}

/// Follow-ups and the form to add one.
pub struct FollowUpPanel {
    pub list: Vec<FollowUpLine>,
    pub form: FollowUpForm,
    pub errors: Errors,
}

/// A note.
pub struct NoteLine {
    pub text: String,
    pub shared: bool,
    pub at: String,
}

/// Notes the reader's institution sees, and the form to add one.
pub struct NotePanel {
    pub list: Vec<NoteLine>,
    pub text: String,
    pub shared: bool,
    pub errors: Errors,
}

/// The proceedings stage and, for the owner, the form to change it.
pub struct ProceedingsPanel {
    pub stage: String,
    pub form: Option<ProceedingsForm>,
}

/// The proceedings form.
pub struct ProceedingsForm {
    pub stages: Vec<Choice>,
    pub correction: String,
    pub errors: Errors,
}

/// Every protection section of the page; `None` where the reader has nothing there.
#[derive(Default)]
pub struct Panels {
    pub guardians: Option<GuardianPanel>,
    pub consent: Option<ConsentPanel>,
    pub services: Option<ServicePanel>,
    pub recovery: Option<RecoveryPanel>,
    pub follow_ups: Option<FollowUpPanel>,
    pub notes: Option<NotePanel>,
    pub proceedings: Option<ProceedingsPanel>,
    /// The owning institution may read the case's access log.
    pub access_log: bool,
}

/// What the panels are built from besides the case.
pub struct Context<'a> {
    pub tr: &'a Tr,
    /// The deployment's directory, the own team's institutions first (for the receivers of
    /// referrals and consents, and short names).
    pub institutions: &'a [DirectoryEntry],
    pub own: Option<InstitutionId>,
    /// Today as an ISO date (the default and latest date of date fields).
    pub today: &'a str,
}

/// The panels for the reader of `v`, with a refused form shown as typed; a referral being
/// typed (`referral`) fills a fresh consent form with its receiver and parts, and opens it,
/// as `consent_asked` does.
pub fn build(
    cx: &Context<'_>,
    v: &CaseView,
    refused: Option<Refused>,
    referral: Option<&ReferralForm>,
    consent_asked: bool,
) -> Panels {
    let working = matches!(v.access, CaseAccess::Full | CaseAccess::Shared(_));
    let owner = v.access.works_on();
    // A receiver of the case (not a coordinator reading it by assignment): the app gave it
    // the consents that concern it, if any.
    let receiver = v.reads_consents && !owner;
    let mut refused = refused;
    let mut take = |f: fn(&Refused) -> bool| match refused.take() {
        Some(r) if f(&r) => Some(r),
        other => {
            refused = other;
            None
        }
    };
    let guardian = take(|r| matches!(r, Refused::Guardian(..)));
    let consent = take(|r| matches!(r, Refused::Consent(..)));
    let service = take(|r| matches!(r, Refused::Service(..) | Refused::ServiceStatus(..)));
    let recovery = take(|r| matches!(r, Refused::Recovery(..)));
    let follow_up = take(|r| matches!(r, Refused::FollowUp(..)));
    let note = take(|r| matches!(r, Refused::Note(..)));
    let proceedings = take(|r| matches!(r, Refused::Proceedings(..)));
    Panels {
        guardians: guardians(cx, v, guardian),
        consent: (owner || receiver)
            .then(|| consent_panel(cx, v, owner, consent, referral, consent_asked)),
        services: working.then(|| services(cx, v, service)),
        recovery: working.then(|| recovery_panel(cx, v, owner, recovery)),
        follow_ups: working.then(|| follow_ups(cx, v, follow_up)),
        notes: working.then(|| notes(cx, v, note)),
        proceedings: v
            .proceedings
            .map(|stage| proceedings_panel(cx, stage, owner, proceedings)),
        access_log: owner,
    }
}

fn guardians(cx: &Context<'_>, v: &CaseView, refused: Option<Refused>) -> Option<GuardianPanel> {
    // The owner, or an institution the identity was shared with (the Centre for Social Work
    // by the child protocol), records the guardian.
    let may_record = v.access.works_on()
        || (matches!(v.access, CaseAccess::Shared(_)) && v.access.sees(Part::Identity));
    if v.guardians.is_empty() && !may_record {
        return None;
    }
    let (form, errors) = match refused {
        Some(Refused::Guardian(f, e)) => (f, e),
        _ => (
            GuardianForm {
                appointed_on: cx.today.to_string(),
                ..GuardianForm::default()
            },
            Errors::none(),
        ),
    };
    Some(GuardianPanel {
        list: v
            .guardians
            .iter()
            .map(|g| GuardianLine {
                name: g.name.clone(),
                contact: g.contact.clone(),
                appointed_on: date(cx.tr, &g.appointed_on),
            })
            .collect(),
        protected: v.summary.is_child || v.summary.lacks_capacity,
        may_record,
        form,
        errors,
    })
}

/// An institution's short name in the reader's script, or its number if it is gone.
fn short_name(cx: &Context<'_>, id: InstitutionId) -> String {
    cx.institutions
        .iter()
        .find(|e| e.institution.id == id)
        .map(|e| labels::in_script(cx.tr, &e.institution.short_name))
        .unwrap_or_else(|| format!("#{}", id.0))
}

/// The institutions a referral or a consent may name: the directory's active members but the
/// reader's own, in the reader's script, another team's with its team's name.
pub fn receivers(
    tr: &Tr,
    directory: &[DirectoryEntry],
    own: Option<InstitutionId>,
    selected: impl Fn(&str) -> bool,
) -> Vec<Choice> {
    directory
        .iter()
        .filter(|e| {
            let i = &e.institution;
            i.active && i.standing == Standing::Member && Some(i.id) != own
        })
        .map(|e| {
            let i = &e.institution;
            let name = tr.pick(&i.name_cyrl, &i.name_latn);
            let value = i.id.0.to_string();
            Choice {
                label: match &e.team {
                    Some((cyrl, latn)) => format!("{name} — {}", tr.pick(cyrl, latn)),
                    None => name.to_string(),
                },
                selected: selected(&value),
                value,
            }
        })
        .collect()
}

fn consent_panel(
    cx: &Context<'_>,
    v: &CaseView,
    owner: bool,
    refused: Option<Refused>,
    referral: Option<&ReferralForm>,
    asked: bool,
) -> ConsentPanel {
    let tr = cx.tr;
    // The form lists the directory's institutions: it is built only when shown.
    let open = owner && (asked || refused.is_some() || referral.is_some());
    let (form, errors) = match refused {
        Some(Refused::Consent(f, e)) => (f, e),
        _ => (
            ConsentForm {
                given_by: v.consent_from.code().into(),
                given_on: cx.today.to_string(),
                parts: referral.map(|r| r.parts.clone()).unwrap_or_default(),
                institutions: referral
                    .map(|r| vec![r.to_institution.clone()])
                    .unwrap_or_default(),
                ..ConsentForm::default()
            },
            Errors::none(),
        ),
    };
    let list = v
        .consents
        .iter()
        .map(|c| ConsentLine {
            id: c.id,
            given_by: labels::label(tr, "consent-giver", c.given_by.code()),
            explained: c.explained.clone(),
            parts: labels::parts(tr, &c.parts),
            institutions: c
                .institutions
                .iter()
                .map(|i| short_name(cx, *i))
                .collect::<Vec<_>>()
                .join(", "),
            given_on: date(tr, &c.given_on),
            withdrawn: c.withdrawn,
        })
        .collect();
    let needed_from = match v.consent_from {
        ConsentGiver::Guardian => tr.t("consent-from-guardian"),
        ConsentGiver::Person => tr.t("consent-from-person"),
    };
    ConsentPanel {
        list,
        may_record: owner,
        open,
        needed_from,
        guardian_missing: v.consent_from == ConsentGiver::Guardian && v.guardians.is_empty(),
        givers: ConsentGiver::ALL
            .iter()
            .map(|g| Choice {
                value: g.code().into(),
                label: labels::label(tr, "consent-giver", g.code()),
                selected: g.code() == form.given_by,
            })
            .collect(),
        parts: Part::ALL
            .iter()
            .map(|p| Choice {
                value: p.code().into(),
                label: labels::label(tr, "part", p.code()),
                selected: form.parts.iter().any(|c| c == p.code()),
            })
            .collect(),
        institutions: if open {
            receivers(tr, cx.institutions, cx.own, |id| {
                form.institutions.iter().any(|c| c.trim() == id)
            })
        } else {
            Vec::new()
        },
        explained: form.explained,
        given_on: form.given_on,
        errors,
    }
}

fn status_choices(tr: &Tr, current: &str) -> Vec<Choice> {
    ServiceStatus::ALL
        .iter()
        .map(|s| Choice {
            value: s.code().into(),
            label: labels::label(tr, "service-status", s.code()),
            selected: s.code() == current,
        })
        .collect()
}

fn services(cx: &Context<'_>, v: &CaseView, refused: Option<Refused>) -> ServicePanel {
    let tr = cx.tr;
    let (form, errors, status_trouble) = match refused {
        Some(Refused::Service(f, e)) => (f, e, None),
        Some(Refused::ServiceStatus(id, e)) => (fresh_service(cx), Errors::none(), Some((id, e))),
        _ => (fresh_service(cx), Errors::none(), None),
    };
    let list = v
        .services
        .iter()
        .map(|s| ServiceLine {
            id: s.id,
            service_type: labels::label(tr, "service-type", &s.service_type),
            provider: s.provider.clone(),
            starts_on: date(tr, &s.starts_on),
            ends_on: s
                .ends_on
                .as_deref()
                .map(|d| date(tr, d))
                .unwrap_or_default(),
            status: labels::label(tr, "service-status", &s.status),
            statuses: status_choices(tr, &s.status),
            version: s.version,
            error: status_trouble
                .as_ref()
                .filter(|(id, _)| *id == s.id)
                .and_then(|(_, e)| e.get("status").or(e.general_message()).cloned()),
        })
        .collect();
    ServicePanel {
        list,
        types: ServiceType::ALL
            .iter()
            .map(|t| Choice {
                value: t.code().into(),
                label: labels::label(tr, "service-type", t.code()),
                selected: t.code() == form.service_type,
            })
            .collect(),
        statuses: status_choices(tr, &form.status),
        form,
        errors,
    }
}

fn fresh_service(cx: &Context<'_>) -> ServiceForm {
    ServiceForm {
        starts_on: cx.today.to_string(),
        status: ServiceStatus::Planned.code().into(),
        ..ServiceForm::default()
    }
}

fn recovery_panel(
    cx: &Context<'_>,
    v: &CaseView,
    owner: bool,
    refused: Option<Refused>,
) -> RecoveryPanel {
    let (form, errors) = match refused {
        Some(Refused::Recovery(f, e)) => (f, e),
        _ => (
            RecoveryForm {
                starts_on: v
                    .recovery
                    .as_ref()
                    .map(|(from, _)| from.clone())
                    .unwrap_or_else(|| cx.today.to_string()),
                days: RECOVERY_DEFAULT_DAYS.to_string(),
            },
            Errors::none(),
        ),
    };
    RecoveryPanel {
        period: v.recovery.as_ref().map(|(from, to)| Period {
            from: date(cx.tr, from),
            to: date(cx.tr, to),
        }),
        may_set: owner,
        form,
        errors,
        min_days: RECOVERY_MIN_DAYS,
        hint: cx.tr.with(
            "recovery-days-hint",
            &[
                ("min", Arg::from(RECOVERY_MIN_DAYS)),
                ("usual", Arg::from(RECOVERY_DEFAULT_DAYS)),
            ],
        ),
    }
}

fn follow_ups(cx: &Context<'_>, v: &CaseView, refused: Option<Refused>) -> FollowUpPanel {
    let (form, errors) = match refused {
        Some(Refused::FollowUp(f, e)) => (f, e),
        _ => (FollowUpForm::default(), Errors::none()),
    };
    FollowUpPanel {
        list: v
            .tasks
            .iter()
            .filter(|t| t.kind == FOLLOW_UP)
            .map(|t| FollowUpLine {
                id: t.id,
                may_complete: t.may_complete,
                due_on: t
                    .due_on
                    .as_deref()
                    .map(|d| date(cx.tr, d))
                    .unwrap_or_default(),
                note: t.note.clone(),
                done: t.done,
            })
            .collect(),
        form,
        errors,
    }
}

fn notes(cx: &Context<'_>, v: &CaseView, refused: Option<Refused>) -> NotePanel {
    let (form, errors) = match refused {
        Some(Refused::Note(f, e)) => (f, e),
        _ => (NoteForm::default(), Errors::none()),
    };
    NotePanel {
        list: v
            .notes
            .iter()
            .map(|n| NoteLine {
                text: n.text.clone(),
                shared: n.shared,
                at: cx.tr.instant(&n.created_at),
            })
            .collect(),
        shared: form.shared.is_some(),
        text: form.text,
        errors,
    }
}

fn proceedings_panel(
    cx: &Context<'_>,
    stage: ProceedingsStage,
    owner: bool,
    refused: Option<Refused>,
) -> ProceedingsPanel {
    let tr = cx.tr;
    let form = owner.then(|| {
        let (post, errors) = match refused {
            Some(Refused::Proceedings(p, e)) => (p, e),
            _ => (ProceedingsPost::default(), Errors::none()),
        };
        let chosen = if post.stage.is_empty() {
            stage.code()
        } else {
            post.stage.as_str()
        };
        ProceedingsForm {
            stages: ProceedingsStage::ALL
                .iter()
                .map(|s| Choice {
                    value: s.code().into(),
                    label: labels::label(tr, "proceedings", s.code()),
                    selected: s.code() == chosen,
                })
                .collect(),
            correction: post.correction,
            errors,
        }
    });
    ProceedingsPanel {
        stage: labels::label(tr, "proceedings", stage.code()),
        form,
    }
}
