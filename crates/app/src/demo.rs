//! The demonstration deployment: the Leskovac team as its own founding document describes it,
//! and a clearly fictional second team (Niš) to show that teams do not see each other.

mod materials;
pub mod scale;

use crate::{App, AppError};
use spona_crypto::passwords;
use spona_domain::accounts::Role;
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::registry::{
    FoundingDecision, InstitutionDraft, InstitutionKind, MemberDraft, Standing, TeamRole,
};
use spona_domain::script::to_latin;
use spona_store::{institutions, members, teams, users, Tx};
use time::macros::date;

/// The password of every demo account (printed at start; never used outside the demo).
pub const DEMO_PASSWORD: &str = "spona-demo-2026";

/// The authenticator secret of every demo account whose role signs in with a second factor
/// (printed at start, with the password; an authenticator app takes it as typed).
pub const DEMO_TOTP_SECRET: &str = "SPONADEMOKEYFORTHEDEMOACCOUNTS22";

/// A demo sign-in, as printed at start.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    pub username: &'static str,
    pub role: Role,
    pub team: Option<&'static str>,
}

/// The demo accounts, one per role and a second team's.
pub const DEMO_ACCOUNTS: [DemoAccount; 11] = [
    DemoAccount {
        username: "admin",
        role: Role::Admin,
        team: None,
    },
    DemoAccount {
        username: "national",
        role: Role::National,
        team: None,
    },
    DemoAccount {
        username: "auditor",
        role: Role::Auditor,
        team: None,
    },
    DemoAccount {
        username: "le-coordinator",
        role: Role::Coordinator,
        team: Some("leskovac"),
    },
    DemoAccount {
        username: "le-police",
        role: Role::CaseWorker,
        team: Some("leskovac"),
    },
    DemoAccount {
        username: "le-social",
        role: Role::CaseWorker,
        team: Some("leskovac"),
    },
    DemoAccount {
        username: "le-member",
        role: Role::Member,
        team: Some("leskovac"),
    },
    DemoAccount {
        username: "nis-coordinator",
        role: Role::Coordinator,
        team: Some("nis"),
    },
    DemoAccount {
        username: "nis-member",
        role: Role::Member,
        team: Some("nis"),
    },
    DemoAccount {
        username: "nis-police",
        role: Role::CaseWorker,
        team: Some("nis"),
    },
    DemoAccount {
        username: "centre",
        role: Role::CaseWorker,
        team: Some(NATIONAL_TEAM),
    },
];

/// The code of the team that holds the deployment's national institutions.
pub const NATIONAL_TEAM: &str = "national";

struct Org {
    code: &'static str,
    standing: Standing,
    kind: InstitutionKind,
    name: &'static str,
    short: &'static str,
    lead: bool,
    donor: bool,
    cooperation: &'static str,
    address: &'static str,
    phone: &'static str,
}

const fn member(
    code: &'static str,
    kind: InstitutionKind,
    name: &'static str,
    short: &'static str,
    lead: bool,
    address: &'static str,
) -> Org {
    Org {
        code,
        standing: Standing::Member,
        kind,
        name,
        short,
        lead,
        donor: false,
        cooperation: "",
        address,
        phone: "",
    }
}

const fn partner(
    code: &'static str,
    kind: InstitutionKind,
    name: &'static str,
    short: &'static str,
    donor: bool,
    cooperation: &'static str,
) -> Org {
    Org {
        code,
        standing: Standing::Partner,
        kind,
        name,
        short,
        lead: false,
        donor,
        cooperation,
        address: "Лесковац",
        phone: "",
    }
}

const LESKOVAC: [Org; 14] = [
    member("pu", InstitutionKind::Police, "Полицијска управа Лесковац", "ПУ Лесковац", true, "Лесковац"),
    member("dz", InstitutionKind::Health, "Дом здравља Лесковац", "ДЗ Лесковац", false, "Лесковац"),
    member("ck", InstitutionKind::RedCross, "Црвени крст Лесковац", "ЦК Лесковац", false, "Лесковац"),
    member("vjt", InstitutionKind::Prosecution, "Више јавно тужилаштво у Лесковцу", "ВЈТ Лесковац", false, "Лесковац"),
    member("vs", InstitutionKind::Court, "Виши суд у Лесковцу", "ВС Лесковац", false, "Лесковац"),
    member("km", InstitutionKind::YouthOffice, "Канцеларија за младе Лесковац", "КЗМ Лесковац", false, "Лесковац"),
    member("csr", InstitutionKind::SocialWork, "Центар за социјални рад Лесковац", "ЦСР Лесковац", true, "Лесковац"),
    partner("su", InstitutionKind::Education, "Школска управа Лесковац", "ШУ Лесковац", false,
        "Трибине о борби против трговине људима у готово свим средњим и основним школама у граду."),
    partner("lkc", InstitutionKind::Culture, "Лесковачки културни центар", "ЛКЦ", false,
        "Фото-изложба „Живот у оковима“ и пројекција филма „Сестре“."),
    partner("np", InstitutionKind::Culture, "Народно позориште у Лесковцу", "Народно позориште", false,
        "Трибина „Лесковац против трговине људима“ поводом Европског дана борбе против трговине људима."),
    partner("csu", InstitutionKind::Education, "Центар за стручно усавршавање у образовању", "ЦСУ", false,
        "Трибина о улози Центра за социјални рад у заштити жртава трговине људима."),
    partner("tv", InstitutionKind::Media, "Локалне телевизијске станице", "Локалне ТВ", false,
        "Бројна гостовања у програмима о борби против трговине људима."),
    partner("iom", InstitutionKind::International, "Међународна организација за миграције", "IOM", true,
        "Донатор; са Министарством унутрашњих послова спроводи пројекат „Оснаживање системског партнерства у спровођењу Националне стратегије за борбу против трговине људима“, у оквиру кога је тим основан; о њеном трошку израђен промотивни материјал."),
    partner("mup", InstitutionKind::Police, "Министарство унутрашњих послова", "МУП", false,
        "Са Међународном организацијом за миграције спроводи пројекат „Оснаживање системског партнерства у спровођењу Националне стратегије за борбу против трговине људима“, у оквиру кога је тим основан."),
];

const NIS: [Org; 3] = [
    member(
        "pu",
        InstitutionKind::Police,
        "Полицијска управа Ниш (демо)",
        "ПУ Ниш",
        true,
        "Ниш",
    ),
    member(
        "csr",
        InstitutionKind::SocialWork,
        "Центар за социјални рад Ниш (демо)",
        "ЦСР Ниш",
        true,
        "Ниш",
    ),
    member(
        "ck",
        InstitutionKind::RedCross,
        "Црвени крст Ниш (демо)",
        "ЦК Ниш",
        false,
        "Ниш",
    ),
];

/// The national institutions: the Centre for Protection of Victims of Trafficking, which
/// formally identifies victims, and its urgent reception unit.
const NATIONAL: [Org; 2] = [
    member(
        "czzztlj",
        InstitutionKind::IdentificationCentre,
        // The official abbreviation (ЦЗЖТЉ) spelt out only in part: pages about a person
        // never carry the words that would label them.
        "Центар за заштиту ЖТЉ",
        "ЦЗЖТЉ",
        true,
        "Београд",
    ),
    member(
        "prihvat",
        InstitutionKind::Other,
        "Служба за хитан прихват (демо)",
        "Хитан прихват",
        false,
        "Београд",
    ),
];

impl App {
    /// Seeds the demo if it is not there yet; returns false when it already was.
    pub async fn seed_demo(&self) -> Result<bool, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        if teams::find_by_code(&mut tx, "leskovac").await?.is_some() {
            return Ok(false);
        }
        let hash = passwords::hash(DEMO_PASSWORD).map_err(|e| AppError::Internal(e.to_string()))?;
        let le = add_team(
            &mut tx,
            "leskovac",
            "Локални координациони тим за борбу против трговине људима града Лесковца",
            "Лесковац",
            FoundingDecision {
                number: "061-25/13 II".into(),
                date: Some(date!(2013 - 11 - 30)),
                body: "Градско веће града Лесковца".into(),
            },
            now,
        )
        .await?;
        let le_orgs = add_orgs(&mut tx, le, &LESKOVAC, now).await?;
        let nis = add_team(
            &mut tx,
            "nis",
            "Локални тим за борбу против трговине људима Ниш (измишљени демо тим)",
            "Ниш",
            FoundingDecision {
                number: "ДЕМО-1/20".into(),
                date: Some(date!(2020 - 01 - 15)),
                body: "Градско веће (демо)".into(),
            },
            now,
        )
        .await?;
        let nis_orgs = add_orgs(&mut tx, nis, &NIS, now).await?;
        let national = add_team(
            &mut tx,
            NATIONAL_TEAM,
            "Национални ниво: Центар за заштиту ЖТЉ (демо)",
            "Београд",
            FoundingDecision::default(),
            now,
        )
        .await?;
        teams::mark_national(&mut tx, national).await?;
        let national_orgs = add_orgs(&mut tx, national, &NATIONAL, now).await?;

        let le_people: [(&str, &str, &str, TeamRole); 7] = [
            (
                "csr",
                "Милена Стојановић (демо)",
                "руководилац службе",
                TeamRole::Coordinator,
            ),
            (
                "pu",
                "Дејан Илић (демо)",
                "инспектор",
                TeamRole::DeputyCoordinator,
            ),
            (
                "dz",
                "Снежана Митић (демо)",
                "лекар",
                TeamRole::Representative,
            ),
            (
                "ck",
                "Ивана Петковић (демо)",
                "секретар",
                TeamRole::Representative,
            ),
            (
                "vjt",
                "Марко Ђорђевић (демо)",
                "заменик јавног тужиоца",
                TeamRole::Representative,
            ),
            (
                "vs",
                "Јасмина Николић (демо)",
                "судија",
                TeamRole::Representative,
            ),
            (
                "km",
                "Никола Стаменковић (демо)",
                "координатор Канцеларије",
                TeamRole::Representative,
            ),
        ];
        for (org, name, position, role) in le_people {
            add_member(&mut tx, le, &le_orgs, org, name, position, role, now).await?;
        }
        add_member(
            &mut tx,
            nis,
            &nis_orgs,
            "csr",
            "Координатор Ниш (демо)",
            "",
            TeamRole::Coordinator,
            now,
        )
        .await?;

        for account in DEMO_ACCOUNTS {
            let (team, orgs, org) = match (account.username, account.team) {
                ("le-police", _) => (Some(le), Some(&le_orgs), "pu"),
                ("le-member", _) => (Some(le), Some(&le_orgs), "ck"),
                ("nis-police", _) => (Some(nis), Some(&nis_orgs), "pu"),
                ("centre", _) => (Some(national), Some(&national_orgs), "czzztlj"),
                (_, Some("leskovac")) => (Some(le), Some(&le_orgs), "csr"),
                (_, Some(_)) => (Some(nis), Some(&nis_orgs), "csr"),
                (_, None) => (None, None, ""),
            };
            let institution =
                orgs.and_then(|o| o.iter().find(|(c, _)| *c == org).map(|(_, id)| *id));
            let id = users::insert(
                &mut tx,
                &users::NewUser {
                    username: account.username,
                    display_name: display_name(account.username),
                    role: account.role,
                    team_id: team,
                    institution_id: institution,
                    password_hash: Some(&hash),
                    locale: "sr-Cyrl",
                },
                now,
            )
            .await?;
            if self.auth.second_factor.required_for(account.role) {
                let secret = spona_crypto::totp::TotpSecret::from_base32(DEMO_TOTP_SECRET)
                    .ok_or_else(|| AppError::Internal("the demo's secret".into()))?;
                self.enrol_known_secret(&mut tx, id, &secret).await?;
            }
        }
        crate::demo_plan::seed(&mut tx, le, &le_orgs, now).await?;
        tx.commit().await?;
        self.import_bundled_catalogues().await?;
        self.seed_demo_activities().await?;
        self.seed_demo_trainings().await?;
        self.seed_demo_practices().await?;
        self.seed_demo_materials().await?;
        Ok(true)
    }
}

fn display_name(username: &str) -> &'static str {
    match username {
        "admin" => "Администратор система (демо)",
        "national" => {
            "Канцеларија за координацију активности у борби против трговине људима (демо)"
        }
        "auditor" => "Лице за заштиту података (демо)",
        "le-coordinator" => "Милена Стојановић (демо)",
        "le-police" => "Дејан Илић (демо)",
        "le-social" => "Весна Јовановић (демо)",
        "le-member" => "Ивана Петковић (демо)",
        "nis-coordinator" => "Координатор Ниш (демо)",
        "nis-police" => "Полицајац Ниш (демо)",
        "centre" => "Саветница Центра (демо)",
        _ => "Члан Ниш (демо)",
    }
}

/// The display names the demo accounts get, for checking that each carries the mark.
pub fn demo_display_names() -> Vec<&'static str> {
    DEMO_ACCOUNTS
        .iter()
        .map(|a| display_name(a.username))
        .collect()
}

async fn add_team(
    tx: &mut Tx,
    code: &str,
    name: &str,
    city: &str,
    founding: FoundingDecision,
    now: i64,
) -> Result<TeamId, AppError> {
    Ok(teams::insert(
        tx,
        &teams::NewTeam {
            code,
            name_cyrl: name,
            name_latn: &to_latin(name),
            city,
            founding: &founding,
        },
        now,
    )
    .await?)
}

async fn add_orgs(
    tx: &mut Tx,
    team: TeamId,
    orgs: &[Org],
    now: i64,
) -> Result<Vec<(&'static str, InstitutionId)>, AppError> {
    let mut ids = Vec::new();
    for o in orgs {
        let draft = InstitutionDraft {
            code: o.code.into(),
            standing: o.standing,
            kind: o.kind,
            name_cyrl: o.name.into(),
            name_latn: to_latin(o.name),
            short_name: o.short.into(),
            is_lead: o.lead,
            is_donor: o.donor,
            cooperation: if demo_phone(o).is_empty() {
                o.cooperation.into()
            } else {
                DEMO_PHONE_NOTE.into()
            },
            address: o.address.into(),
            phone: demo_phone(o).into(),
            email: String::new(),
        };
        ids.push((o.code, institutions::insert(tx, team, &draft, now).await?));
    }
    Ok(ids)
}

/// The founding project, named as the team's founding document names it.
pub const FOUNDING_PROJECT: &str =
    "Оснаживање системског партнерства у спровођењу Националне стратегије за борбу против \
     трговине људима";

/// The mark every invented person and account of the demo carries.
pub const FICTIONAL_MARK: &str = "(демо)";

/// The team members' invented phone numbers: Leskovac's area code (016) followed by a
/// number that starts with 0, which no Serbian subscriber number does, so that the printed
/// card and the public page show where a local number goes without dialling anyone real.
const DEMO_PHONES: [(&str, &str); 7] = [
    ("pu", "016/000-001"),
    ("dz", "016/000-002"),
    ("ck", "016/000-003"),
    ("vjt", "016/000-004"),
    ("vs", "016/000-005"),
    ("km", "016/000-006"),
    ("csr", "016/000-007"),
];

/// The note on every institution with an invented number, so nobody takes it for real.
pub const DEMO_PHONE_NOTE: &str = "Телефон 016/000-… је измишљен (демо); упишите прави број.";

fn demo_phone(o: &Org) -> &'static str {
    if o.standing != Standing::Member || o.address != "Лесковац" {
        return o.phone;
    }
    DEMO_PHONES
        .iter()
        .find(|(code, _)| *code == o.code)
        .map_or(o.phone, |(_, phone)| phone)
}

#[allow(clippy::too_many_arguments)]
async fn add_member(
    tx: &mut Tx,
    team: TeamId,
    orgs: &[(&'static str, InstitutionId)],
    org: &str,
    name: &str,
    position: &str,
    role: TeamRole,
    now: i64,
) -> Result<(), AppError> {
    let institution_id = orgs
        .iter()
        .find(|(c, _)| *c == org)
        .map(|(_, id)| *id)
        .ok_or_else(|| AppError::Internal(format!("demo institution {org}")))?;
    members::insert(
        tx,
        team,
        &MemberDraft {
            institution_id,
            full_name: name.into(),
            position: position.into(),
            team_role: role,
            email: String::new(),
            phone: String::new(),
            from_date: date!(2013 - 11 - 30),
            to_date: None,
        },
        now,
    )
    .await?;
    Ok(())
}
