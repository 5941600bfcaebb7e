//! The referral letter (упут): one referral on paper, for sending where the receiver is not
//! on Spona. It says from which institution (and team) to which, when, about which case, how
//! urgently, until when, why, on what basis (the child protocol, a consent, or neither), and
//! carries the content of exactly the parts the referral shares, with lines for a signature
//! and a stamp. The owner's case workers print any referral's letter; the receiving
//! institution's case workers print theirs while it is live; anyone else who reads the case
//! is refused, and whoever may not know of the referral finds nothing.

use super::offered::prints_letter;
use super::record::{self, facts_table};
use super::wording::{self, date};
use super::{file_name, footer, pdf, Named, REFERRAL_LETTER_PRINTED};
use crate::cases::{CaseView, ReferralView};
use crate::reports::Words;
use crate::{App, AppError, DocumentFile};
use spona_domain::access::{receiving, team_cases, Actor};
use spona_domain::cases::{CaseId, IndicatorCatalogue, ReferralId};
use spona_i18n::{Arg, Catalog, Locale};
use spona_reports::document::{Block, Document};

impl App {
    /// The letter of one referral in `locale`; audited.
    pub async fn referral_letter(
        &self,
        actor: &Actor,
        id: ReferralId,
        catalog: &Catalog,
        locale: Locale,
    ) -> Result<DocumentFile, AppError> {
        let case = self.case_of_referral(actor, id).await?;
        let (view, team) = self.case_for_document(actor, case).await?;
        // Only a referral the case page shows the reader exists for them.
        let referral = view
            .referrals
            .iter()
            .find(|r| r.id == id)
            .ok_or(AppError::NotFound)?;
        if !prints_letter(&view, actor, referral) {
            return Err(AppError::Forbidden);
        }
        let w = Words::new(catalog, locale, self.zone());
        let catalogue = self.screened_with(&view).await?;
        let named = self.named(team).await?;
        let reader = self.reader_name(actor).await?;
        let doc = document(
            &w,
            &view,
            referral,
            catalogue.as_ref(),
            &named,
            &reader,
            self.now(),
        );
        let bytes = pdf(&doc)?;
        let reason = id.0.to_string();
        self.audit_document(actor, team, REFERRAL_LETTER_PRINTED, case, &reason)
            .await?;
        Ok(DocumentFile {
            file_name: file_name(&format!("referral-{}", id.0), &view),
            bytes,
        })
    }

    /// The case a referral is about, if the actor's team holds it or it was sent to the
    /// actor's institution; nothing otherwise.
    async fn case_of_referral(&self, actor: &Actor, id: ReferralId) -> Result<CaseId, AppError> {
        let mut c = self.db.conn().await?;
        if let Ok(own) = team_cases(actor) {
            if let Some(r) = spona_store::referrals::find(&mut c, &own, id).await? {
                return Ok(r.case_id);
            }
        }
        if let Ok(receiver) = receiving(actor) {
            if let Some(r) = spona_store::referrals::find_received(&mut c, &receiver, id).await? {
                return Ok(r.case_id);
            }
        }
        Err(AppError::NotFound)
    }
}

/// A referral's purpose as the reader may see it; the child protocol's says what it is.
pub(crate) fn purpose(w: &Words, r: &ReferralView) -> String {
    match &r.purpose {
        Some(p) if !p.trim().is_empty() => w.typed(p),
        _ if r.protocol && r.case_is_child => w.t("referral-purpose-child-protocol"),
        _ if r.protocol => w.t("referral-purpose-capacity-protocol"),
        Some(_) => String::new(),
        None => w.t("referral-purpose-withheld"),
    }
}

/// On what the sharing rests: the protection protocol, a consent (and whose), or a reason
/// written in the case instead of one.
fn basis(w: &Words, view: &CaseView, r: &ReferralView) -> String {
    if r.protocol && r.case_is_child {
        return w.t("document-letter-basis-child-protocol");
    }
    if r.protocol {
        return w.t("document-letter-basis-capacity-protocol");
    }
    match r.consent {
        Some(id) => match view.consents.iter().find(|c| c.id == id) {
            Some(c) => w.with(
                "document-letter-basis-consent",
                &[
                    (
                        "name",
                        Arg::from(wording::label(w, "consent-giver", c.given_by.code()).as_str()),
                    ),
                    ("date", Arg::from(date(w, &c.given_on).as_str())),
                ],
            ),
            None => w.t("document-letter-basis-consent-recorded"),
        },
        None => w.t("document-letter-basis-without-consent"),
    }
}

/// An institution with its team: "Центар за социјални рад Лесковац (Локални тим …)".
fn with_team(
    w: &Words,
    named: &Named,
    id: spona_domain::ids::InstitutionId,
    short: &str,
) -> String {
    let name = named.institution(w, id, short);
    match named.team_of(w, id) {
        Some(team) => format!("{name} ({team})"),
        None => name,
    }
}

/// The letter's text.
pub(crate) fn document(
    w: &Words,
    view: &CaseView,
    r: &ReferralView,
    catalogue: Option<&IndicatorCatalogue>,
    named: &Named,
    reader: &str,
    now: i64,
) -> Document {
    let code = wording::code(w, view);
    let mut facts = vec![
        (
            w.t("document-letter-from"),
            with_team(w, named, r.from_institution, &r.from_short),
        ),
        (
            w.t("document-letter-to"),
            with_team(w, named, r.to_institution, &r.to_short),
        ),
        (w.t("referral-sent-at"), w.instant(r.sent_at)),
        (w.t("case-code"), code.clone()),
        (
            w.t("referral-urgency"),
            wording::label(w, "urgency", &r.urgency),
        ),
        (w.t("referral-deadline"), w.instant(r.deadline_at)),
        (w.t("referral-purpose"), purpose(w, r)),
        (w.t("document-letter-basis"), basis(w, view, r)),
        (w.t("referral-parts"), wording::parts(w, &r.parts)),
    ];
    if view.summary.is_child {
        facts.push((w.t("case-marks"), w.t("badge-child")));
    }
    let mut blocks = vec![
        facts_table(w, facts),
        Block::Heading {
            level: 1,
            text: w.t("document-letter-shared"),
        },
    ];
    for part in &r.parts {
        record::part_blocks(w, view, *part, catalogue, &mut blocks);
    }
    blocks.push(Block::Paragraph(w.t("document-letter-confidential")));
    blocks.push(Block::Paragraph(format!(
        "\n{}: ______________________________\n\n{}: ______________________________\n\n{}",
        w.t("document-letter-place-date"),
        w.t("document-letter-signature"),
        w.t("document-letter-stamp"),
    )));
    Document {
        title: w.with(
            "document-letter-title",
            &[("code", Arg::from(code.as_str()))],
        ),
        meta: vec![w.t("document-letter-meta")],
        blocks,
        page_label: footer(w, reader, now),
        lang: Some(w.locale.code().to_string()),
        watermark: None,
    }
}
