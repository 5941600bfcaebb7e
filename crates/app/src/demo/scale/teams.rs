//! The teams of a generated deployment and the people who work in them: the demo's Leskovac
//! and Niš teams, given a case worker in each institution that takes referrals, and
//! generated teams of fictional towns, each with its police, centre for social work, health
//! centre, Red Cross, prosecutor's office and youth office, a coordinator and four case
//! workers. Every account has the demo's password and, where its role needs one, the demo's
//! authenticator key.

use super::names;
use crate::demo::{add_member, add_team, DEMO_TOTP_SECRET, NATIONAL_TEAM};
use crate::{App, AppError};
use spona_crypto::totp::TotpSecret;
use spona_domain::access::Actor;
use spona_domain::accounts::Role;
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::registry::{
    FoundingDecision, InstitutionDraft, InstitutionKind, Standing, TeamRole,
};
use spona_domain::script::to_latin;
use spona_store::{institutions, teams, users, Tx};

/// A team of the generated deployment, as the generator works in it.
#[derive(Clone, Debug)]
pub struct Crew {
    pub team: TeamId,
    pub coordinator: Actor,
    /// Case workers, one per institution: police first, then the centre for social work,
    /// then the others that take referrals.
    pub workers: Vec<Actor>,
}

/// The institutions of a generated team, by the demo's codes.
const GENERATED: [(&str, InstitutionKind, &str, bool); 6] = [
    ("pu", InstitutionKind::Police, "Полицијска управа", true),
    (
        "csr",
        InstitutionKind::SocialWork,
        "Центар за социјални рад",
        true,
    ),
    ("dz", InstitutionKind::Health, "Дом здравља", false),
    ("ck", InstitutionKind::RedCross, "Црвени крст", false),
    (
        "vjt",
        InstitutionKind::Prosecution,
        "Више јавно тужилаштво",
        false,
    ),
    (
        "km",
        InstitutionKind::YouthOffice,
        "Канцеларија за младе",
        false,
    ),
];

/// The institutions whose case workers report and answer referrals, in the crew's order.
const WORKING: [&str; 4] = ["pu", "csr", "dz", "ck"];

impl App {
    /// Adds `count` generated teams with their institutions and accounts (in one
    /// transaction), then gathers the crews of every local team, Leskovac's first.
    pub(super) async fn generate_teams(
        &self,
        count: usize,
        now: i64,
    ) -> Result<(Vec<Crew>, Actor), AppError> {
        let hash = spona_crypto::passwords::hash(crate::demo::DEMO_PASSWORD)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let mut tx = self.db.begin().await?;
        let mut codes = vec!["leskovac".to_string(), "nis".to_string()];
        // The demo teams get case workers where they have none, so that every referral
        // can be answered.
        for (team_code, prefix) in [("leskovac", "le"), ("nis", "nis")] {
            let team = teams::find_by_code(&mut tx, team_code)
                .await?
                .ok_or_else(|| AppError::Internal(format!("the demo team {team_code}")))?;
            for org in WORKING {
                let Some(inst) = institutions::find_by_code(&mut tx, team.id, org).await? else {
                    continue;
                };
                let username = format!("{prefix}-{org}");
                let taken = users::find_by_username(&mut tx, &username).await?.is_some();
                let has_worker = match (team_code, org) {
                    ("leskovac", "pu" | "csr") | ("nis", "pu") => true,
                    _ => taken,
                };
                if !has_worker {
                    let name = format!("Радник {} (демо)", inst.short_name);
                    self.add_account(
                        &mut tx,
                        &username,
                        &name,
                        Role::CaseWorker,
                        team.id,
                        inst.id,
                        &hash,
                        now,
                    )
                    .await?;
                }
            }
        }
        for i in 0..count {
            let (code, town) = names::town(i);
            if teams::find_by_code(&mut tx, &code).await?.is_none() {
                self.add_generated_team(&mut tx, &code, &town, &hash, now)
                    .await?;
            }
            codes.push(code);
        }
        tx.commit().await?;

        let mut crews = Vec::with_capacity(codes.len());
        let mut c = self.db.conn().await?;
        for code in &codes {
            crews.push(crew_of(&mut c, code).await?);
        }
        let centre = users::find_by_username(&mut c, "centre")
            .await?
            .ok_or_else(|| AppError::Internal("the demo account centre".into()))?;
        let centre = actor_of(&centre);
        Ok((crews, centre))
    }

    async fn add_generated_team(
        &self,
        tx: &mut Tx,
        code: &str,
        town: &str,
        hash: &str,
        now: i64,
    ) -> Result<(), AppError> {
        let name = format!("Локални тим за борбу против трговине људима {town} (измишљени тим)");
        let team = add_team(
            tx,
            code,
            &name,
            town,
            FoundingDecision {
                number: format!("ГЕН-{code}"),
                date: None,
                body: "Градско веће (измишљено)".into(),
            },
            now,
        )
        .await?;
        let mut orgs = Vec::with_capacity(GENERATED.len());
        for (org, kind, kind_name, lead) in GENERATED {
            let full = format!("{kind_name} {town} (демо)");
            let draft = InstitutionDraft {
                code: org.into(),
                standing: Standing::Member,
                kind,
                name_latn: to_latin(&full),
                name_cyrl: full,
                short_name: format!("{kind_name} {town}"),
                is_lead: lead,
                is_donor: false,
                cooperation: String::new(),
                address: town.into(),
                phone: String::new(),
                email: String::new(),
            };
            orgs.push((org, institutions::insert(tx, team, &draft, now).await?));
        }
        add_member(
            tx,
            team,
            &orgs,
            "csr",
            &format!("Координатор {town} (демо)"),
            "",
            TeamRole::Coordinator,
            now,
        )
        .await?;
        let institution = |org: &str| {
            orgs.iter()
                .find(|(c, _)| *c == org)
                .map(|(_, id)| *id)
                .ok_or_else(|| AppError::Internal(format!("generated institution {org}")))
        };
        self.add_account(
            tx,
            &format!("{code}-coordinator"),
            &format!("Координатор {town} (демо)"),
            Role::Coordinator,
            team,
            institution("csr")?,
            hash,
            now,
        )
        .await?;
        for org in WORKING {
            self.add_account(
                tx,
                &format!("{code}-{org}"),
                &format!("Радник {org} {town} (демо)"),
                Role::CaseWorker,
                team,
                institution(org)?,
                hash,
                now,
            )
            .await?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn add_account(
        &self,
        tx: &mut Tx,
        username: &str,
        display_name: &str,
        role: Role,
        team: TeamId,
        institution: InstitutionId,
        hash: &str,
        now: i64,
    ) -> Result<(), AppError> {
        let id = users::insert(
            tx,
            &users::NewUser {
                username,
                display_name,
                role,
                team_id: Some(team),
                institution_id: Some(institution),
                password_hash: Some(hash),
                locale: "sr-Cyrl",
            },
            now,
        )
        .await?;
        if self.auth.second_factor.required_for(role) {
            let secret = TotpSecret::from_base32(DEMO_TOTP_SECRET)
                .ok_or_else(|| AppError::Internal("the demo's secret".into()))?;
            self.enrol_known_secret(tx, id, &secret).await?;
        }
        Ok(())
    }
}

/// The crew of a local team: its coordinator and one case worker per working institution.
async fn crew_of(c: &mut spona_store::Connection, code: &str) -> Result<Crew, AppError> {
    let team = teams::find_by_code(c, code)
        .await?
        .filter(|t| t.code != NATIONAL_TEAM)
        .ok_or_else(|| AppError::Internal(format!("the team {code}")))?;
    let accounts = users::list(
        c,
        &users::Filter {
            team: Some(team.id),
            limit: 100,
            ..users::Filter::default()
        },
    )
    .await?
    .items;
    let coordinator = accounts
        .iter()
        .find(|u| u.role == Role::Coordinator)
        .map(actor_of)
        .ok_or_else(|| AppError::Internal(format!("the coordinator of {code}")))?;
    let mut workers = Vec::new();
    for org in WORKING {
        let Some(inst) = institutions::find_by_code(c, team.id, org).await? else {
            continue;
        };
        if let Some(u) = accounts
            .iter()
            .find(|u| u.role == Role::CaseWorker && u.institution_id == Some(inst.id))
        {
            workers.push(actor_of(u));
        }
    }
    Ok(Crew {
        team: team.id,
        coordinator,
        workers,
    })
}

fn actor_of(u: &users::User) -> Actor {
    Actor {
        user_id: u.id,
        role: u.role,
        team_id: u.team_id,
        institution_id: u.institution_id,
        address: "127.0.0.1".into(),
    }
}
