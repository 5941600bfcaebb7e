//! The auditor's view of the trail: who did what, when and from where, filtered by person,
//! institution, case code, action and period; alerts of unusual access; exports. The
//! auditor reads codes and actions, never a case's personal data: entries about a case show
//! its code, and a reason written about a case (which may name someone) is withheld, only
//! its presence shown. Every read of the trail is itself written to it.

mod alerts;
mod period;

pub use alerts::{AccessAlerts, AlertPeriod, BurstLine, LateLine};
pub use period::{local_day, Period};

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError, Page};
use spona_domain::access::{section, Action, Actor};
use spona_domain::cases::CaseCode;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::trail::{self, TrailFilter, TrailLine};
use spona_store::Connection;

/// Entries per page of the trail (the pages of every list have one size).
pub const TRAIL_PAGE: i64 = crate::registry::PAGE_SIZE;
/// The trail's total is counted up to this (the pager says "more than" beyond).
pub const TRAIL_COUNT_LIMIT: i64 = 10_000;

/// What the auditor asks of the trail, as typed in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct TrailQuery {
    /// An account's id, from the filter's choices.
    #[serde(default)]
    pub user: String,
    /// An institution's id, from the filter's choices.
    #[serde(default)]
    pub institution: String,
    /// A case code as people write it (ЛЕ-2026-0007 or LE-2026-0007).
    #[serde(default)]
    pub case: String,
    #[serde(default)]
    pub action: String,
    /// Local days, ISO (2026-12-01), both included.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(skip_serializing)]
    pub page: Option<i64>,
}

impl TrailQuery {
    /// Whether any filter is given.
    pub fn narrowed(&self) -> bool {
        [
            &self.user,
            &self.institution,
            &self.case,
            &self.action,
            &self.from,
            &self.to,
        ]
        .iter()
        .any(|v| !v.trim().is_empty())
    }
}

/// One entry as the auditor sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrailEntry {
    pub seq: i64,
    pub at: i64,
    /// The account's name and username, or the label of a console or link action.
    pub who: String,
    pub institution_cyrl: String,
    pub institution_latn: String,
    /// The team's code, where the entry belongs to a team.
    pub team: String,
    pub action: String,
    /// What it was about: a case's code, or the kind of record and its number.
    pub subject: String,
    pub address: String,
    pub reason: Reason,
}

/// The reason of an entry, as far as the auditor may read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    None,
    /// A code or a reason about the deployment's own work.
    Shown(String),
    /// A reason written about a case: it may name the person, so only the owning
    /// institution reads it (in the case's access log).
    Withheld,
}

impl TrailEntry {
    pub(crate) fn of(l: TrailLine) -> TrailEntry {
        let case_code = match (&l.case_city, l.case_year, l.case_seq) {
            (Some(city), Some(year), Some(seq)) => {
                crate::cases::code_of(city, year, seq).map(|c| c.to_string())
            }
            _ => None,
        };
        let subject = match (case_code, l.subject_id) {
            (Some(code), _) => code,
            (None, Some(id)) => format!("{} {id}", l.subject),
            (None, None) => l.subject.clone(),
        };
        let who = match (l.display_name, l.username) {
            (Some(name), Some(username)) => format!("{name} ({username})"),
            _ => l.actor_label,
        };
        let reason = if l.reason.is_empty() {
            Reason::None
        } else if l.subject == "case" {
            Reason::Withheld
        } else {
            Reason::Shown(l.reason)
        };
        TrailEntry {
            seq: l.seq,
            at: l.at,
            who,
            institution_cyrl: l.institution_cyrl.unwrap_or_default(),
            institution_latn: l.institution_latn.unwrap_or_default(),
            team: l.team_code.unwrap_or_default(),
            action: l.action,
            subject,
            address: l.address,
            reason,
        }
    }
}

/// A choice of the trail's filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label_cyrl: String,
    pub label_latn: String,
}

/// A page of the trail with the filter's choices.
#[derive(Clone, Debug)]
pub struct TrailPage {
    pub entries: Page<TrailEntry>,
    pub people: Vec<Choice>,
    pub institutions: Vec<Choice>,
    pub actions: Vec<String>,
    /// The filter's faults, at their fields; the trail is empty while there are any.
    pub errors: FieldErrors,
}

impl App {
    /// The refusal, if any, of the audit trail to the actor: only the auditor reads it.
    pub(crate) fn auditor(actor: &Actor) -> Result<(), AppError> {
        Ok(section(actor, Action::ReadAuditTrail)?)
    }

    /// A page of the trail, newest first, as the filter picks it. The read is audited.
    pub async fn audit_trail(&self, actor: &Actor, q: &TrailQuery) -> Result<TrailPage, AppError> {
        Self::auditor(actor)?;
        let mut c = self.db.conn().await?;
        let people = trail::people(&mut c)
            .await?
            .into_iter()
            .map(|p| Choice {
                value: p.id.to_string(),
                label_cyrl: format!("{} ({})", p.display_name, p.username),
                label_latn: format!("{} ({})", p.display_name, p.username),
            })
            .collect();
        let institutions = trail::institutions(&mut c)
            .await?
            .into_iter()
            .map(|i| Choice {
                value: i.id.to_string(),
                label_cyrl: format!("{} — {}", i.team_code, i.name_cyrl),
                label_latn: format!("{} — {}", i.team_code, i.name_latn),
            })
            .collect();
        let actions = trail::actions(&mut c).await?;
        let (filter, errors) = self.trail_filter(&mut c, q).await?;
        let entries = match &filter {
            Some(f) => {
                let page = q.page.unwrap_or(1).clamp(1, TRAIL_COUNT_LIMIT / TRAIL_PAGE);
                let total = trail::count(&mut c, f, TRAIL_COUNT_LIMIT).await?;
                let lines = trail::page(&mut c, f, TRAIL_PAGE, (page - 1) * TRAIL_PAGE).await?;
                Page {
                    items: lines.into_iter().map(TrailEntry::of).collect(),
                    total,
                }
            }
            None => Page {
                items: Vec::new(),
                total: 0,
            },
        };
        drop(c);
        self.audit_read(actor, "audit-trail-read", &describe(q))
            .await?;
        Ok(TrailPage {
            entries,
            people,
            institutions,
            actions,
            errors,
        })
    }

    /// The filter the query asks for, or its faults at their fields.
    pub(crate) async fn trail_filter(
        &self,
        c: &mut Connection,
        q: &TrailQuery,
    ) -> Result<(Option<TrailFilter>, FieldErrors), AppError> {
        let mut e = FieldErrors::new();
        let id = |raw: &str| -> Result<Option<i64>, FieldError> {
            match raw.trim() {
                "" => Ok(None),
                v => v.parse().map(Some).map_err(|_| FieldError::Invalid),
            }
        };
        let actor = e.check("user", id(&q.user)).flatten();
        let institution = e.check("institution", id(&q.institution)).flatten();
        let action = match q.action.trim() {
            "" => None,
            a if a.len() <= 60 && a.chars().all(|c| c.is_ascii_lowercase() || c == '-') => {
                Some(a.to_string())
            }
            _ => {
                e.add("action", FieldError::Invalid);
                None
            }
        };
        let period = e.check("from", Period::parse(&q.from, &q.to, self.zone()));
        let case = match q.case.trim() {
            "" => None,
            raw => match CaseCode::parse(raw) {
                Err(_) => {
                    e.add("case", FieldError::Invalid);
                    None
                }
                Ok(code) => {
                    let found =
                        trail::cases_numbered(c, i64::from(code.year()), i64::from(code.seq()))
                            .await?
                            .into_iter()
                            .find(|(_, city)| {
                                crate::cases::code_of(
                                    city,
                                    i64::from(code.year()),
                                    i64::from(code.seq()),
                                )
                                .is_some_and(|ours| ours.prefix() == code.prefix())
                            });
                    match found {
                        Some((id, _)) => Some(id),
                        None => {
                            e.add("case", FieldError::NoSuchRecord);
                            None
                        }
                    }
                }
            },
        };
        if !e.is_empty() {
            return Ok((None, e));
        }
        let (from, until) = period.map(|p| p.bounds()).unwrap_or((None, None));
        Ok((
            Some(TrailFilter {
                actor,
                institution,
                case,
                action,
                from,
                until,
            }),
            e,
        ))
    }

    /// Writes the auditor's read of the trail to the trail, with what was asked (codes and
    /// numbers only: the filter holds no personal data of a case).
    pub(crate) async fn audit_read(
        &self,
        actor: &Actor,
        action: &str,
        asked: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let event = AuditEvent {
            team: None,
            action,
            subject: "audit-trail",
            subject_id: None,
            reason: asked,
        };
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The filter in words for the trail: `user=5 case=ЛЕ-2026-0007 from=2026-11-01`.
pub(crate) fn describe(q: &TrailQuery) -> String {
    [
        ("user", &q.user),
        ("institution", &q.institution),
        ("case", &q.case),
        ("action", &q.action),
        ("from", &q.from),
        ("to", &q.to),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}={}", v.trim().chars().take(40).collect::<String>()))
    .collect::<Vec<_>>()
    .join(" ")
}
