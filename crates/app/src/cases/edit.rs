//! Editing a report. Two officials editing one case: the second save is refused as a conflict
//! and keeps what they typed (the form is shown again with the current version). If the edit
//! reveals that the person is or may be a child, the child protocol fires now.

use super::parts::{self, CircumstancesPart, ContactPart, IdentityPart, ScreeningPart};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, Part, ProtocolTask, ReportForm};
use spona_domain::ids::InstitutionId;
use spona_domain::text;
use spona_store::cases::{self, ReportUpdate};
use spona_store::{institutions, tasks};

impl App {
    /// The report of a case as a form, for editing (the owning institution only), with the
    /// version it was read at.
    pub async fn report_form(
        &self,
        actor: &Actor,
        id: CaseId,
    ) -> Result<(ReportForm, i64), AppError> {
        let mut c = self.db.conn().await?;
        let (_, row, _) = super::owned_case(&mut c, actor, id).await?;
        let key = self.case_key(id, &row.data_key)?;
        let identity: IdentityPart = parts::open(&key, Part::Identity, id, &row.identity)?;
        let contact: ContactPart = parts::open(&key, Part::Contact, id, &row.contact)?;
        let circumstances: CircumstancesPart =
            parts::open(&key, Part::Circumstances, id, &row.circumstances)?;
        let screening: ScreeningPart = parts::open(&key, Part::Screening, id, &row.screening)?;
        let on = |b: bool| b.then(|| "on".to_string());
        let form = ReportForm {
            reporter_kind: row.reporter_kind.clone(),
            reporter_detail: circumstances.reporter_detail,
            detected_on: row.detected_on.clone(),
            detected_place: circumstances.detected_place,
            detected_how: circumstances.detected_how,
            given_name: identity.given_name,
            family_name: identity.family_name,
            other_names: identity.other_names,
            description: identity.description,
            sex: row.sex.clone(),
            birth_date: identity.birth_date.unwrap_or_default(),
            estimated_age: identity
                .estimated_age
                .map(|a| a.to_string())
                .unwrap_or_default(),
            citizenship: row.citizenship.clone(),
            languages: identity.languages.join(", "),
            whereabouts: contact.whereabouts,
            contact: contact.contact,
            may_be_child: on(row.may_be_child != 0),
            lacks_legal_capacity: on(row.lacks_capacity != 0),
            immediate_danger: on(row.immediate_danger != 0),
            exploitation_forms: screening.exploitation_forms,
            indicators: screening.indicators,
            narrative: circumstances.narrative,
            // The case keeps the list it was screened with until its owner switches.
            catalogue_chosen: on(screening.catalogue.is_some()),
            catalogue: screening.catalogue.unwrap_or_default(),
            switch_to: String::new(),
        };
        Ok((form, row.version))
    }

    /// Saves an edited report if nobody changed the case since `version`.
    pub async fn edit_report(
        &self,
        actor: &Actor,
        id: CaseId,
        form: &ReportForm,
        version: i64,
    ) -> Result<(), AppError> {
        let today = self.today();
        let now = self.now();
        let mut tx = self.db.begin().await?;
        // Access is decided first, in the transaction that does the work, before the report
        // is judged.
        let (desk, row, case_referrals) = super::owned_case(&mut tx, actor, id).await?;
        let team_id = desk.team();
        let institution = actor.institution_id.unwrap_or(InstitutionId(0));
        let owner_kind = institutions::find(&mut tx, team_id, institution)
            .await?
            .map(|i| i.kind);
        let list =
            crate::catalogues::report_catalogue_on(&mut tx, owner_kind, form, today, false).await?;
        super::report::refuse_replaced_list(&list, form)?;
        let draft = form.parse(today, list.catalogue.as_ref())?;
        let key = self.case_key(id, &row.data_key)?;
        // One snapshot of the keys for the index, confirmed when the entry is appended.
        let keys = self.keys();
        let sealed = self.seal_parts(&keys, &key, id, &draft)?;
        let need = draft.protection_need(today);
        let exploitation: Vec<&str> = draft.exploitation_forms.iter().map(|f| f.code()).collect();
        cases::update_report(
            &mut tx,
            &desk,
            id,
            version,
            &ReportUpdate {
                may_be_child: draft.may_be_child || need.is_some_and(|n| n.is_child()),
                lacks_capacity: draft.lacks_legal_capacity,
                immediate_danger: draft.immediate_danger,
                age_band: draft.age_band(today).code(),
                sex: draft.person.sex.code(),
                citizenship: draft.person.citizenship.as_deref().unwrap_or(""),
                reporter_kind: draft.reporter.kind.code(),
                exploitation: &exploitation.join(","),
                detected_on: &text::iso_date(draft.detection.on),
            },
            &sealed,
            now,
        )
        .await?;
        // A corrected name or birth year may match another case now.
        self.raise_duplicates(&mut tx, &desk, id, sealed.person_index.as_deref())
            .await?;
        // The protocol fires once per case: when the edit first reveals a child. It has fired
        // when it sent its referral, or gave the Centre (which reported) its task.
        let protocol_sent = case_referrals.iter().any(|r| r.protocol != 0)
            || tasks::for_case(&mut tx, &desk, id)
                .await?
                .iter()
                .any(|t| ProtocolTask::from_code(&t.kind).is_some());
        if let (Some(need), false) = (need, protocol_sent) {
            let csw =
                super::report::social_work(&institutions::list_active(&mut tx, team_id).await?)?;
            self.fire_protocol(&mut tx, actor, &desk, id, need, csw)
                .await?;
        }
        let event = AuditEvent::about(Some(team_id), "case-edited", "case", id.0);
        self.audit_under(&mut tx, &keys, Author::of(actor), event)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
