//! Every form the app parses, fed bodies as the web layer decodes them (`ValidForm`: the
//! strict decoder, which keeps only what `serde_html_form` reads the same, as the web's own
//! `strict` target checks; here `serde_html_form` directly): any bytes are answered
//! without a panic; a refusal names only fields the form has; a valid form, filled again from
//! what it parsed to (as an edit page does), parses to the same draft; and field values come
//! through the URL encoding a browser uses unchanged.

use crate::fields;
use crate::harness::{self, CYRILLIC, LATIN};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use spona_app::activities::ActivityForm;
use spona_app::forms::{
    FoundingForm, InstitutionForm, MemberForm, PasswordForm, TeamDraft, TeamForm, UserForm,
};
use spona_app::plan::{
    AdoptionForm, FrameworkDocumentForm, FrameworkItemForm, ObjectiveForm, PlanActivityForm,
    PlanForm,
};
use spona_app::practices::PracticeForm;
use spona_app::reports::{NarrativeForm, PeriodForm};
use spona_app::trainings::{StaffForm, TrainingForm};
use spona_domain::activities::{Activity, ActivityId};
use spona_domain::ids::{InstitutionId, MemberId, TeamId};
use spona_domain::plan::{Adoption, FrameworkItemKind, PlanDraft};
use spona_domain::practices::PracticeDraft;
use spona_domain::registry::{FoundingDecision, Institution, Member};
use spona_domain::reports::{Narrative, ReportPeriod};
use spona_domain::text::iso_date;
use spona_domain::validation::FieldErrors;
use std::collections::BTreeSet;
use std::fmt::Debug;
use time::macros::date;
use time::Date;

/// The day the forms are parsed on (dates after it are "in the future").
const TODAY: Date = date!(2026 - 11 - 28);

/// One form: its name, its fields, and the whole check of one body.
struct Form {
    name: &'static str,
    fields: &'static [&'static str],
    /// The fields that take any text (the others are numbers or lists of numbers).
    text_fields: Vec<&'static str>,
    check: Box<CheckBody>,
    decode_debug: Box<DecodeDebug>,
}

/// The whole check of one body against a form.
type CheckBody = dyn Fn(&[u8]) -> Result<Checked, TestCaseError>;
/// A body decoded into a form, shown with `Debug`; none when it does not decode.
type DecodeDebug = dyn Fn(&[u8]) -> Option<String>;

/// What became of a body.
#[derive(Debug, PartialEq, Eq)]
enum Checked {
    /// The web layer would answer 400: not a form of this kind.
    Undecodable,
    Refused,
    Valid,
}

/// The form `F`, parsed by `parse`, filled again from its draft by `back` (none where the app
/// has no such way).
fn form<F, D>(
    name: &'static str,
    parse: fn(&F) -> Result<D, FieldErrors>,
    back: Option<fn(&D) -> F>,
) -> Form
where
    F: DeserializeOwned + Debug + 'static,
    D: PartialEq + Debug + 'static,
{
    let fields = fields::of::<F>();
    assert!(!fields.is_empty(), "{name}: no fields found");
    let text_fields = fields
        .iter()
        .copied()
        .filter(|f| serde_html_form::from_bytes::<F>(format!("{f}=x%C3%A9%20").as_bytes()).is_ok())
        .collect();
    let check = move |body: &[u8]| -> Result<Checked, TestCaseError> {
        let Ok(form) = serde_html_form::from_bytes::<F>(body) else {
            return Ok(Checked::Undecodable);
        };
        match parse(&form) {
            Err(errors) => {
                prop_assert!(!errors.is_empty(), "{}: refused without a reason", name);
                for (field, _) in errors.iter() {
                    prop_assert!(
                        fields.contains(field),
                        "{}: refusal at `{}`, which is not a field of the form {:?}",
                        name,
                        field,
                        fields
                    );
                }
                Ok(Checked::Refused)
            }
            Ok(draft) => {
                if let Some(back) = back {
                    let again = back(&draft);
                    prop_assert_eq!(
                        parse(&again),
                        Ok(draft),
                        "{}: filled again as {:?}",
                        name,
                        again
                    );
                }
                Ok(Checked::Valid)
            }
        }
    };
    let decode_debug = |body: &[u8]| {
        serde_html_form::from_bytes::<F>(body)
            .ok()
            .map(|f| format!("{f:?}"))
    };
    Form {
        name,
        fields,
        text_fields,
        check: Box::new(check),
        decode_debug: Box::new(decode_debug),
    }
}

fn institution_back(d: &spona_domain::registry::InstitutionDraft) -> InstitutionForm {
    InstitutionForm::from_institution(&Institution {
        id: InstitutionId(1),
        team_id: TeamId(1),
        code: d.code.clone(),
        standing: d.standing,
        kind: d.kind,
        name_cyrl: d.name_cyrl.clone(),
        name_latn: d.name_latn.clone(),
        short_name: d.short_name.clone(),
        is_lead: d.is_lead,
        is_donor: d.is_donor,
        cooperation: d.cooperation.clone(),
        address: d.address.clone(),
        phone: d.phone.clone(),
        email: d.email.clone(),
        active: true,
        version: 1,
    })
}

fn member_back(d: &spona_domain::registry::MemberDraft) -> MemberForm {
    MemberForm::from_member(&Member {
        id: MemberId(1),
        team_id: TeamId(1),
        institution_id: d.institution_id,
        full_name: d.full_name.clone(),
        position: d.position.clone(),
        team_role: d.team_role,
        email: d.email.clone(),
        phone: d.phone.clone(),
        from_date: d.from_date,
        to_date: d.to_date,
        active: true,
        version: 1,
    })
}

fn activity_back(d: &spona_domain::activities::ActivityDraft) -> ActivityForm {
    ActivityForm::from_activity(&Activity {
        id: ActivityId(1),
        team_id: TeamId(1),
        title: d.title.clone(),
        kind: d.kind,
        medium: d.medium,
        held_on: d.held_on,
        venue_id: d.venue_id,
        place: d.place.clone(),
        partners: d.partners.clone(),
        audience: d.audience,
        description: d.description.clone(),
        materials: d.materials.clone(),
        plan_activity_id: d.plan_activity_id,
        version: 1,
    })
}

fn training_back(d: &spona_domain::trainings::TrainingDraft) -> TrainingForm {
    let score = |s: Option<i64>| s.map(|n| n.to_string()).unwrap_or_default();
    TrainingForm {
        topic: d.topic.clone(),
        trainer: d.trainer.clone(),
        held_on: iso_date(d.held_on),
        hours: d.duration.hours_text(),
        score_before: score(d.score_before),
        score_after: score(d.score_after),
        plan_activity_id: d
            .plan_activity_id
            .map(|n| n.to_string())
            .unwrap_or_default(),
        institution: d.attendance.iter().map(|a| a.institution.0).collect(),
        participants: d
            .attendance
            .iter()
            .map(|a| a.participants.to_string())
            .collect(),
        names: d
            .attendance
            .iter()
            .map(|a| {
                a.names
                    .iter()
                    .map(|n| {
                        format!(
                            "{};{};{}",
                            n.name,
                            score(n.score_before),
                            score(n.score_after)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\r\n")
            })
            .collect(),
    }
}

/// An account form as parsed: username, display name, role, team and institution codes.
type UserRow = (String, String, &'static str, Option<String>, Option<String>);
/// A national document as parsed: title, first and last year, parent, reference.
type DocumentRow = (String, i64, i64, Option<i64>, String);

/// Every form the app parses without the database.
fn all_forms() -> Vec<Form> {
    vec![
        form(
            "institution",
            InstitutionForm::parse,
            Some(institution_back),
        ),
        form("member", |f: &MemberForm| f.parse(TODAY), Some(member_back)),
        form(
            "founding",
            |f: &FoundingForm| f.parse(TODAY),
            Some(|d: &FoundingDecision| FoundingForm {
                number: d.number.clone(),
                date: d.date.map(iso_date).unwrap_or_default(),
                body: d.body.clone(),
                version: Some(1),
            }),
        ),
        form(
            "team",
            TeamForm::parse,
            Some(|d: &TeamDraft| TeamForm {
                code: d.code.clone(),
                name_cyrl: d.name_cyrl.clone(),
                name_latn: d.name_latn.clone(),
                city: d.city.clone(),
            }),
        ),
        form(
            "user",
            |f: &UserForm| {
                f.parse().map(|d| {
                    let username = d.username.as_str().to_owned();
                    (
                        username,
                        d.display_name,
                        d.role.code(),
                        d.team,
                        d.institution,
                    )
                })
            },
            Some(
                |(username, display_name, role, team, institution): &UserRow| UserForm {
                    username: username.clone(),
                    display_name: display_name.clone(),
                    role: (*role).to_owned(),
                    team: team.clone().unwrap_or_default(),
                    institution: institution.clone().unwrap_or_default(),
                },
            ),
        ),
        form(
            "password",
            PasswordForm::parse,
            Some(|p: &String| PasswordForm {
                password: p.clone(),
                password_repeat: p.clone(),
            }),
        ),
        form(
            "framework-document",
            |f: &FrameworkDocumentForm| {
                f.parse()
                    .map(|d| (d.title, d.first_year, d.last_year, d.part_of, d.reference))
            },
            Some(
                |(title, first, last, part_of, reference): &DocumentRow| FrameworkDocumentForm {
                    title: title.clone(),
                    first_year: first.to_string(),
                    last_year: last.to_string(),
                    part_of: part_of.map(|p| p.to_string()).unwrap_or_default(),
                    reference: reference.clone(),
                },
            ),
        ),
        form(
            "framework-item",
            FrameworkItemForm::parse,
            Some(
                |(kind, code, title): &(FrameworkItemKind, String, String)| FrameworkItemForm {
                    kind: kind.code().to_owned(),
                    code: code.clone(),
                    title: title.clone(),
                },
            ),
        ),
        form(
            "plan",
            PlanForm::parse,
            Some(|d: &PlanDraft| PlanForm {
                title: d.title.clone(),
                starts_on: iso_date(d.starts_on),
                ends_on: iso_date(d.ends_on),
            }),
        ),
        form(
            "adoption",
            |f: &AdoptionForm| f.parse(TODAY),
            Some(|d: &Adoption| AdoptionForm {
                meeting_on: iso_date(d.meeting_on),
                decision: d.decision.clone(),
            }),
        ),
        form(
            "objective",
            ObjectiveForm::parse,
            Some(|t: &String| ObjectiveForm { title: t.clone() }),
        ),
        form(
            "plan-activity",
            PlanActivityForm::parse,
            Some(PlanActivityForm::from_draft),
        ),
        form("activity", ActivityForm::parse, Some(activity_back)),
        form(
            "training",
            |f: &TrainingForm| f.parse(TODAY),
            Some(training_back),
        ),
        form(
            "staff",
            StaffForm::parse,
            Some(|rows: &Vec<(InstitutionId, Option<i64>)>| StaffForm {
                institution: rows.iter().map(|(i, _)| i.0).collect(),
                staff: rows
                    .iter()
                    .map(|(_, s)| s.map(|n| n.to_string()).unwrap_or_default())
                    .collect(),
            }),
        ),
        form(
            "period",
            PeriodForm::parse,
            Some(|p: &ReportPeriod| PeriodForm { period: p.code() }),
        ),
        form(
            "narrative",
            NarrativeForm::parse,
            Some(|n: &Narrative| NarrativeForm::from_narrative(n, 1)),
        ),
        form(
            "practice",
            PracticeForm::parse,
            Some(|d: &PracticeDraft| PracticeForm {
                title: d.title.clone(),
                summary: d.summary.clone(),
                materials: d.materials.clone(),
                results: d.results.clone(),
            }),
        ),
    ]
}

/// The bodies of the `forms` corpus.
fn bodies() -> Vec<Vec<u8>> {
    harness::corpus("forms")
        .into_iter()
        .map(|s| s.bytes)
        .collect()
}

/// The pairs of the corpus bodies: the names and values real forms send.
fn corpus_pairs() -> Vec<(String, String)> {
    bodies()
        .iter()
        .flat_map(|b| serde_urlencoded::from_bytes::<Vec<(String, String)>>(b).unwrap_or_default())
        .collect()
}

/// Checks one body against every form.
fn check_all(forms: &[Form], body: &[u8]) -> Result<Vec<Checked>, TestCaseError> {
    forms.iter().map(|f| (f.check)(body)).collect()
}

#[test]
fn every_corpus_body_is_valid_for_its_own_form() {
    let forms = all_forms();
    let seeds = harness::corpus("forms");
    harness::replay(&seeds, |seed| {
        let outcomes = check_all(&forms, &seed.bytes)?;
        // A body named after a form (`activity-talk.txt`) is a valid one of that form; the
        // others (`odd-*.txt`) are made to be refused or undecodable.
        let file = seed.name.rsplit('/').next().unwrap_or_default();
        let own = forms
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                file.starts_with(&format!("{}-", f.name)) || file == format!("{}.txt", f.name)
            })
            .max_by_key(|(_, f)| f.name.len());
        prop_assert!(
            own.is_some() || file.starts_with("odd-"),
            "{} names no form",
            file
        );
        if let Some((i, form)) = own {
            prop_assert_eq!(
                &outcomes[i],
                &Checked::Valid,
                "{} as {}",
                seed.name,
                form.name
            );
        }
        Ok(())
    });
}

#[test]
fn any_bytes_are_answered_and_refusals_name_real_fields() {
    let forms = all_forms();
    let bodies = harness::byte_mutations(&bodies(), b"&=%+;\r\n0123456789abcdefABCDEF", 8);
    harness::check("forms/bytes", 800, bodies, |body| {
        check_all(&forms, &body).map(drop)
    });
}

/// Bodies of pairs: names of every form's fields (and some that are none), values that real
/// forms send, changed here and there, or made up; encoded as a browser encodes them.
fn pair_bodies() -> BoxedStrategy<Vec<u8>> {
    let forms = all_forms();
    let mut names: BTreeSet<&'static str> = forms
        .iter()
        .flat_map(|f| f.fields.iter().copied())
        .collect();
    names.extend(["csrf", "", "unknown", "title[]"]);
    let names: Vec<&'static str> = names.into_iter().collect();
    let values: Vec<String> = corpus_pairs().into_iter().map(|(_, v)| v).collect();
    let unit = harness::char_from(&[CYRILLIC, LATIN, "0123456789-.,;:%+&= \r\n"]);
    let value = prop_oneof![
        4 => proptest::sample::select(values.clone()),
        2 => harness::text_mutations(&values, unit, 3),
        1 => harness::text_from(&[CYRILLIC, LATIN, "0123456789-. "], 12),
        1 => Just(String::new()),
    ];
    let pair = (proptest::sample::select(names), value);
    // Mostly the pairs of one corpus body with a few changed, so that many forms are valid.
    let seeds: Vec<Vec<(String, String)>> = bodies()
        .iter()
        .map(|b| serde_urlencoded::from_bytes(b).unwrap_or_default())
        .collect();
    let pair = pair.prop_map(|(n, v)| (n.to_owned(), v)).boxed();
    prop_oneof![
        3 => harness::mutations(seeds, pair.clone(), 4),
        1 => proptest::collection::vec(pair, 0..16),
    ]
    .prop_map(|pairs| {
        serde_urlencoded::to_string(&pairs)
            .unwrap_or_default()
            .into_bytes()
    })
    .boxed()
}

#[test]
fn any_fields_are_answered_and_valid_forms_fill_again_to_the_same() {
    let forms = all_forms();
    harness::check("forms/pairs", 1500, pair_bodies(), |body| {
        check_all(&forms, &body).map(drop)
    });
}

#[test]
fn field_values_come_through_the_browsers_encoding_unchanged() {
    let forms = all_forms();
    let strategy = (
        0..forms.len(),
        proptest::collection::vec(
            harness::text_from(&[CYRILLIC, LATIN, "&=+%;#?/ \r\n\"'"], 16),
            20,
        ),
    );
    harness::check("forms/encoding", 600, strategy, |(i, values)| {
        let form = &forms[i];
        let pairs: Vec<(&str, &str)> = form
            .text_fields
            .iter()
            .copied()
            .zip(values.iter().map(String::as_str))
            .collect();
        let body = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        let debug = (form.decode_debug)(body.as_bytes());
        prop_assert!(debug.is_some(), "{}: {:?} does not decode", form.name, body);
        let debug = debug.unwrap_or_default();
        for (field, value) in pairs {
            let plain = format!("{field}: {value:?}");
            let some = format!("{field}: Some({value:?})");
            let list = format!("{field}: [{value:?}]");
            let none = format!("{field}: None");
            prop_assert!(
                debug.contains(&plain)
                    || debug.contains(&some)
                    || debug.contains(&list)
                    || (value.is_empty() && debug.contains(&none)),
                "{}: `{}` = {:?} became {}",
                form.name,
                field,
                value,
                debug
            );
        }
        Ok(())
    });
}
