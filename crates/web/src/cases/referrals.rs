//! A referral as the case page, the inbox and the dashboard show it, with what its answer
//! forms need: which answers the reader may give, and what went wrong with the last one.

use super::{labels, Choice};
use crate::shell::form::Errors;
use crate::shell::tr::Tr;
use spona_app::cases::ReferralView;
use spona_domain::cases::{CaseId, CentreDecision, ReferralId, ReferralStatus, ReferralUrgency};
use spona_domain::validation::{FieldError, FieldErrors};

/// One referral, ready to show.
pub struct ReferralLine {
    pub id: ReferralId,
    pub case_id: CaseId,
    pub case_code: String,
    /// The case is (or may be) a child's.
    pub child: bool,
    pub protocol: bool,
    /// The protection protocol's name: the child protocol for a child, the protocol for a
    /// person without legal capacity otherwise (an adult is never labelled a child).
    pub protocol_label: String,
    pub from: String,
    pub to: String,
    /// The purpose, for a reader the referral shares with; none otherwise (the line then
    /// says it is not shared).
    pub purpose: Option<String>,
    pub parts: String,
    pub urgency: String,
    pub urgent: bool,
    pub status: String,
    pub sent_at: String,
    pub deadline: String,
    pub overdue: bool,
    pub decline_reason: String,
    pub version: i64,
    /// The reader may accept or decline it now.
    pub can_respond: bool,
    /// The reader may mark it completed now.
    pub can_complete: bool,
    /// The case whose page shows the line: the answer comes back to it.
    pub from_case: Option<CaseId>,
    /// The reason as typed, kept when the answer was refused.
    pub reason: String,
    pub reason_error: Option<String>,
    pub reason_aria: String,
    /// Why the answer could not be given (not tied to the reason).
    pub error: Option<String>,
    /// The reader is the Centre and completes the referral with its decision on formal
    /// identification: the decisions to choose from, the day, and what went wrong.
    pub decides: bool,
    pub decisions: Vec<Choice>,
    pub decided_on: String,
    pub decision_error: Option<String>,
    pub decided_on_error: Option<String>,
    /// The Centre's decision, once taken, in words, with its day.
    pub decision: Option<String>,
    /// Questions, answers and the Centre's plan, for the referral's two sides.
    pub messages: Vec<MessageLine>,
    /// The messages the reader may write now: (kind, the button's words).
    pub may_write: Vec<(String, String)>,
}

/// A message on a referral, ready to show.
pub struct MessageLine {
    /// "Question", "Answer" or "Protection and assistance plan".
    pub kind: String,
    pub from: String,
    pub at: String,
    pub text: String,
}

/// An answer that was refused: to which referral, what was typed, and why.
pub struct AnswerTrouble {
    pub referral: ReferralId,
    pub reason: String,
    pub errors: Errors,
    /// The Centre's decision and its day as typed.
    pub decision: String,
    pub decided_on: String,
}

impl AnswerTrouble {
    /// The app's field errors of an answer in words.
    pub fn new(tr: &Tr, referral: ReferralId, reason: String, e: &FieldErrors) -> AnswerTrouble {
        let errors = Errors::explained(tr, e, |field, err| match (field, err) {
            ("reason", FieldError::Required) => Some("referral-reason-required"),
            ("action", FieldError::Invalid) => Some("referral-answer-invalid"),
            ("decision", _) => Some("referral-decision-required"),
            _ => None,
        });
        AnswerTrouble {
            referral,
            reason,
            errors,
            decision: String::new(),
            decided_on: String::new(),
        }
    }

    /// The same, keeping the decision and its day as typed.
    pub fn with_decision(mut self, decision: String, decided_on: String) -> AnswerTrouble {
        self.decision = decision;
        self.decided_on = decided_on;
        self
    }
}

impl ReferralLine {
    /// The line for a referral; `from_case` when it is shown on its case's page.
    pub fn new(
        tr: &Tr,
        r: &ReferralView,
        from_case: Option<CaseId>,
        trouble: Option<&AnswerTrouble>,
    ) -> ReferralLine {
        let status = ReferralStatus::from_code(&r.status);
        // The protocol's purpose is the protocol itself, said in words to everyone who sees
        // the referral; a purpose written by a person only to those it is shared with.
        let purpose = if r.protocol {
            Some(if r.case_is_child {
                tr.t("referral-purpose-child-protocol")
            } else {
                tr.t("referral-purpose-capacity-protocol")
            })
        } else {
            r.purpose.clone()
        };
        let trouble = trouble.filter(|t| t.referral == r.id);
        let field = format!("reason-{}", r.id);
        ReferralLine {
            id: r.id,
            case_id: r.case_id,
            case_code: labels::in_script(tr, &r.case_code),
            child: r.case_is_child,
            protocol: r.protocol,
            protocol_label: if r.case_is_child {
                tr.t("badge-protocol")
            } else {
                tr.t("badge-protocol-capacity")
            },
            from: labels::in_script(tr, &r.from_short),
            to: labels::in_script(tr, &r.to_short),
            purpose,
            parts: labels::parts(tr, &r.parts),
            urgency: labels::label(tr, "urgency", &r.urgency),
            urgent: ReferralUrgency::from_code(&r.urgency) == Some(ReferralUrgency::Urgent),
            status: labels::label(tr, "referral-status", &r.status),
            sent_at: tr.instant(&r.sent_at),
            deadline: tr.instant(&r.deadline_at),
            overdue: r.overdue,
            decline_reason: r.decline_reason.clone(),
            version: r.version,
            can_respond: r.can_answer && status == Some(ReferralStatus::Sent),
            can_complete: r.can_answer && status == Some(ReferralStatus::Accepted),
            from_case,
            reason: trouble.map(|t| t.reason.clone()).unwrap_or_default(),
            reason_error: trouble.and_then(|t| t.errors.get("reason").cloned()),
            reason_aria: trouble
                .filter(|t| t.errors.get("reason").is_some())
                .map(|_| format!("aria-invalid=true aria-describedby={field}-error"))
                .unwrap_or_default(),
            error: trouble.and_then(|t| t.errors.get("action").cloned()),
            decides: r.can_answer && r.to_centre && status == Some(ReferralStatus::Accepted),
            decisions: CentreDecision::ALL
                .iter()
                .map(|d| Choice {
                    value: d.code().into(),
                    label: labels::label(tr, "centre-decision", d.code()),
                    selected: trouble.is_some_and(|t| t.decision == d.code()),
                })
                .collect(),
            decided_on: trouble.map(|t| t.decided_on.clone()).unwrap_or_default(),
            decision_error: trouble.and_then(|t| t.errors.get("decision").cloned()),
            decided_on_error: trouble.and_then(|t| t.errors.get("decided_on").cloned()),
            decision: r.decision.map(|d| {
                let day = r
                    .decided_on
                    .as_deref()
                    .and_then(|d| spona_domain::text::date(d).ok())
                    .map(|d| tr.date(&d))
                    .unwrap_or_default();
                format!("{} ({day})", labels::label(tr, "centre-decision", d.code()))
            }),
            messages: r
                .messages
                .iter()
                .map(|m| MessageLine {
                    kind: tr.t(&format!("referral-message-{}", m.kind.code())),
                    from: labels::in_script(tr, &m.from_short),
                    at: tr.instant(&m.written_at),
                    text: m.text.clone(),
                })
                .collect(),
            may_write: r
                .may_write
                .iter()
                .map(|k| {
                    let label = tr.t(&format!("referral-message-write-{}", k.code()));
                    (k.code().to_string(), label)
                })
                .collect(),
        }
    }
}

/// The referrals still waiting for the reader's answer: children's and the protocol's first,
/// then overdue ones, then by deadline.
pub fn awaiting_answer(
    tr: &Tr,
    inbox: &[ReferralView],
    trouble: Option<&AnswerTrouble>,
) -> Vec<ReferralLine> {
    let mut waiting: Vec<&ReferralView> = inbox
        .iter()
        .filter(|r| r.can_answer && r.status == ReferralStatus::Sent.code())
        .collect();
    waiting.sort_by_key(|r| (!(r.protocol || r.case_is_child), !r.overdue, r.deadline_at));
    waiting
        .into_iter()
        .map(|r| ReferralLine::new(tr, r, None, trouble))
        .collect()
}
