//! Reporting a potential victim. One transaction saves the case, seals its parts, and, when
//! the person is or may be a child or is deprived of legal capacity, sends the urgent referral
//! to the Centre for Social Work and opens the guardian task: the protocol cannot be forgotten.

use super::parts::{self, key_place, CircumstancesPart, ContactPart, IdentityPart, ScreeningPart};
use crate::audit::{AuditEvent, Author};
use crate::catalogues::ReportCatalogue;
use crate::{App, AppError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::keyring::Keyring;
use spona_domain::access::Actor;
use spona_domain::access::TeamCases;
use spona_domain::cases::{
    CaseId, CaseState, Part, ProtectionNeed, ProtocolStart, ReportDraft, ReportForm,
};
use spona_domain::ids::InstitutionId;
use spona_domain::registry::{Institution, InstitutionKind};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::cases::{self, NewCase, Sealed};
use spona_store::{alerts, institutions, referrals, tasks, teams};

/// A report just saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    pub case_id: CaseId,
    /// The code shown to people (Cyrillic; the Latin form is derived).
    pub code: String,
    /// The child protocol fired: an urgent referral went to the Centre for Social Work.
    pub protocol_referral: bool,
    /// The child protocol fired for a report of the Centre for Social Work itself: instead of
    /// a referral to itself, the Centre got the protocol's task on the case.
    pub protocol_task: bool,
    // Deliberately nothing about possible duplicates: the reporter must not learn whether
    // the person is already known to another institution (see `duplicates`).
}

impl App {
    /// Saves a report of a potential victim made by a case worker of the actor's institution.
    pub async fn report_case(
        &self,
        actor: &Actor,
        form: &ReportForm,
    ) -> Result<Reported, AppError> {
        spona_domain::access::cases_section(actor)?;
        let (desk, institution_id) = Self::case_worker_scope(actor)?;
        let team_id = desk.team();
        let today = self.today();
        let owner = {
            let mut c = self.db.conn().await?;
            institutions::find(&mut c, team_id, institution_id)
                .await?
                .ok_or(AppError::Forbidden)?
        };
        // Screened with the list the form showed, or the one that fits what was typed (the
        // child list for a child); the report keeps its version.
        let list = {
            let mut c = self.db.conn().await?;
            crate::catalogues::report_catalogue_on(&mut c, Some(owner.kind), form, today, false)
                .await?
        };
        refuse_replaced_list(&list, form)?;
        let draft = form.parse(today, list.catalogue.as_ref())?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let team = teams::find(&mut tx, team_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let need = draft.protection_need(today);
        let guardian_authority = match need {
            Some(_) => Some(social_work(
                &institutions::list_active(&mut tx, team_id).await?,
            )?),
            None => None,
        };

        let year = i64::from(today.year());
        let seq = cases::next_seq(&mut tx, &desk, year).await?;
        let exploitation: Vec<&str> = draft.exploitation_forms.iter().map(|f| f.code()).collect();
        let detected_on = spona_domain::text::iso_date(draft.detection.on);
        let id = cases::insert(
            &mut tx,
            &NewCase {
                team: desk,
                year,
                seq,
                owner: institution_id,
                reported_by: actor.user_id,
                state: CaseState::Reported.code(),
                may_be_child: draft.may_be_child || need.is_some_and(|n| n.is_child()),
                lacks_capacity: draft.lacks_legal_capacity,
                immediate_danger: draft.immediate_danger,
                age_band: draft.age_band(today).code(),
                sex: draft.person.sex.code(),
                citizenship: draft.person.citizenship.as_deref().unwrap_or(""),
                reporter_kind: draft.reporter.kind.code(),
                referral_source: draft.referral_source(Some(owner.kind)).code(),
                exploitation: &exploitation.join(","),
                detected_on: &detected_on,
                reported_at: now,
            },
        )
        .await?;
        // One snapshot of the keys for the whole transaction: the audit entry is refused if
        // the database moved to another key meanwhile (a rotation switched).
        let keys = self.keys();
        let sealed = self.seal_report(&keys, id, &draft)?;
        let index = sealed.person_index.clone();
        cases::seal(&mut tx, id, &sealed).await?;

        let started = match (need, guardian_authority) {
            (Some(need), Some(csw)) => Some(
                self.fire_protocol(&mut tx, actor, &desk, id, need, csw)
                    .await?,
            ),
            _ => None,
        };
        self.raise_duplicates(&mut tx, &desk, id, index.as_deref())
            .await?;
        let event = AuditEvent::about(Some(team_id), "case-reported", "case", id.0);
        self.audit_under(&mut tx, &keys, Author::of(actor), event)
            .await?;
        tx.commit().await?;
        let code = super::code_of(&team.city, year, seq)
            .map(|c| c.to_cyrillic())
            .unwrap_or_else(|| format!("{year}-{seq:04}"));
        Ok(Reported {
            case_id: id,
            code,
            protocol_referral: started == Some(ProtocolStart::UrgentReferral),
            protocol_task: matches!(started, Some(ProtocolStart::OwnTask(_))),
        })
    }

    /// The child protocol: the urgent referral to the Centre for Social Work (sharing the whole
    /// record, as guardianship authority) with its notice, or, when the Centre reported the
    /// person itself, the protocol's task for it; and the guardian task — in the caller's
    /// transaction, so it happens with the report or not at all.
    pub(crate) async fn fire_protocol(
        &self,
        tx: &mut spona_store::Tx,
        actor: &Actor,
        desk: &TeamCases,
        id: CaseId,
        need: ProtectionNeed,
        csw: InstitutionId,
    ) -> Result<ProtocolStart, AppError> {
        let now = self.now();
        let from = actor.institution_id.ok_or(AppError::Forbidden)?;
        let start = need.start(from == csw);
        match start {
            ProtocolStart::UrgentReferral => {
                let policy = self.answer_within;
                let shared = Part::ALL.iter().copied().collect();
                referrals::insert(
                    tx,
                    &referrals::NewReferral {
                        team: *desk,
                        case_id: id,
                        from,
                        to: csw,
                        shared_parts: &Part::list(&shared),
                        urgency: need.urgency().code(),
                        protocol: true,
                        sent_by: actor.user_id,
                        sent_at: now,
                        deadline_at: policy
                            .deadline_in(self.clock.now(), need.urgency(), &self.zone)
                            .unix_timestamp(),
                    },
                )
                .await?;
                let to = alerts::Recipient::Institution(csw);
                self.notify(tx, desk.team(), to, "urgent-referral-received", Some(id))
                    .await?;
            }
            ProtocolStart::OwnTask(task) => {
                tasks::insert(tx, desk, id, task.code(), csw, now).await?;
            }
        }
        tasks::insert(tx, desk, id, need.guardian_task().code(), csw, now).await?;
        Ok(start)
    }

    /// A fresh data key for the case and its parts sealed under it.
    fn seal_report(&self, keys: &Keyring, id: CaseId, d: &ReportDraft) -> Result<Sealed, AppError> {
        let (key, wrapped) = keys.wrapper.new_data_key(key_place(id));
        let mut sealed = self.seal_parts(keys, &key, id, d)?;
        sealed.data_key = STANDARD.encode(wrapped);
        Ok(sealed)
    }

    /// The report's parts sealed under the case's key (the wrapped key itself left empty).
    pub(crate) fn seal_parts(
        &self,
        keys: &Keyring,
        key: &spona_crypto::fields::DataKey,
        id: CaseId,
        d: &ReportDraft,
    ) -> Result<Sealed, AppError> {
        let p = &d.person;
        let identity = IdentityPart {
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            other_names: p.other_names.clone(),
            description: p.description.clone(),
            birth_date: p.birth_date.map(spona_domain::text::iso_date),
            estimated_age: p.estimated_age,
            languages: p.languages.clone(),
        };
        let contact = ContactPart {
            whereabouts: p.whereabouts.clone(),
            contact: p.contact.clone(),
        };
        let circumstances = CircumstancesPart {
            reporter_detail: d.reporter.detail.clone(),
            detected_place: d.detection.place.clone(),
            detected_how: d.detection.how.clone(),
            narrative: d.narrative.clone(),
        };
        let screening = ScreeningPart {
            catalogue: d
                .screening
                .as_ref()
                .map(|s| format!("{}/{}", s.catalogue_sector.code(), s.catalogue_version)),
            indicators: d
                .screening
                .as_ref()
                .map(|s| s.present.clone())
                .unwrap_or_default(),
            exploitation_forms: d
                .exploitation_forms
                .iter()
                .map(|f| f.code().to_string())
                .collect(),
        };
        Ok(Sealed {
            data_key: String::new(),
            identity: parts::seal(key, Part::Identity, id, &identity)?,
            contact: parts::seal(key, Part::Contact, id, &contact)?,
            circumstances: parts::seal(key, Part::Circumstances, id, &circumstances)?,
            screening: parts::seal(key, Part::Screening, id, &screening)?,
            person_index: identity.person_index(&keys.blind),
        })
    }
}

/// Indicators ticked on a list that no longer fits what was typed (the form showed the
/// police list, then the person turned out to be a child) are not saved against another
/// list: the form is shown again with the fitting one. With nothing ticked, the report is
/// saved with the fitting list at once: an urgent protocol never waits for a checklist.
pub(crate) fn refuse_replaced_list(
    list: &ReportCatalogue,
    form: &ReportForm,
) -> Result<(), AppError> {
    if list.replaced && form.has_indicators() {
        let mut e = FieldErrors::new();
        e.add("indicators", FieldError::Mismatch);
        return Err(AppError::Invalid(e));
    }
    Ok(())
}

/// The team's Centre for Social Work (the lead one, if several); without one the child
/// protocol cannot run, and the report is refused with the reason rather than saved without it.
pub(crate) fn social_work(active: &[Institution]) -> Result<InstitutionId, AppError> {
    let mut csw: Vec<&Institution> = active
        .iter()
        .filter(|i| i.kind == InstitutionKind::SocialWork)
        .collect();
    csw.sort_by_key(|i| !i.is_lead);
    csw.first().map(|i| i.id).ok_or_else(|| {
        let mut e = FieldErrors::new();
        e.add("may_be_child", FieldError::Unknown);
        AppError::Invalid(e)
    })
}
