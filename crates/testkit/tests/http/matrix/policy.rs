//! The decided answer: access class × account × cell → the status the server must give.
//!
//! Outside your team, or a case you may not know of: 404. Inside your team, a section your
//! role may not use: 403. `admin` runs the deployment and gets 404 on every team-work URL;
//! `national` sees registries, submitted reports and statistics, never cases, names or a
//! team's working records; only the coordinator leads; only case workers use cases;
//! `auditor` reads the audit trail and reaches no team's registry or work (404).

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Everyone, signed in or not.
    Public,
    /// Everyone signed in.
    SignedIn,
    /// A redirect to another route (which has its own row): signed in or not, it only
    /// points elsewhere.
    Redirect,
    /// The team roles (notifications of their work): admin and national may not.
    TeamRoles,
    /// Seen and recorded by the team's own roles.
    TeamWork,
    /// The team's coordinator only (plan adoption, guidelines library, publishing, outreach,
    /// reports).
    TeamLead,
    /// A team's registry: admin, national, the team's own roles.
    Registry,
    /// Editing a team's registry: admin, the team's coordinator.
    RegistryEdit,
    /// Members' names: admin and the team's own roles; never national.
    Members,
    /// The list of teams: admin and national.
    TeamList,
    /// Accounts: admin (all), the coordinator (the team's).
    Accounts,
    /// One account: admin, or the coordinator of the account's team.
    Account,
    /// The indicator catalogues every team screens with: admin and national.
    Catalogues,
    /// The national framework, read by national and the teams (plans link to it).
    Framework,
    /// Editing the national framework: national.
    FrameworkEdit,
    /// Good practices, published for every team and national to read.
    Practices,
    /// A team's reports: the team reads them, national reads submitted ones (the fixture's
    /// Leskovac report is a draft, the Niš one submitted).
    Reports,
    /// Acknowledging a submitted report: national.
    Acknowledge,
    /// National only (exchange files).
    NationalOnly,
    /// The cases section: case workers.
    CaseSection,
    /// The list of the team's cases: case workers, and the coordinator (codes only).
    CaseList,
    /// Reviewing a possible duplicate: only the institution that held the earlier case (the
    /// fixture's pairs are both the police's); to anyone else the pair is not there.
    DuplicateReview,
    /// One case's page: case workers who may know of it; the coordinator sees that it exists
    /// (what need-to-know lets the page show).
    CaseRead,
    /// One case or its record: case workers who may know of the case.
    Case,
    /// Answering a referral: the case worker of the institution it was sent to.
    ReferralAnswer,
    /// Answering an offer of transfer: only the institution it was made to.
    TransferAnswer,
    /// Writing on a referral: its two sides.
    ReferralMessage,
    /// Something of the signed-in person's own that the probe does not name (a session to
    /// end, a passkey to remove): nobody finds it.
    NoOwnSession,
    /// The second step of a sign-in: without a half-done sign-in, back to the sign-in page.
    SecondStep,
    /// New recovery codes: whoever has an authenticator (the demo's case workers and
    /// administrator); nobody else has codes to renew.
    OwnFactor,
    /// Turning one's second factor off: refused where the role requires it; nobody else in
    /// the demo has one to turn off.
    OwnFactorRemoval,
    /// A referral's letter: the case workers of the sending and of the receiving
    /// institution (the demo's referral goes from the police to the social work centre).
    ReferralLetter,
    /// The deployment's audit trail and its alerts: the auditor only.
    AuditTrail,
    /// The import page: whoever may import any kind (a team's roles, admin for accounts,
    /// national for the framework); the auditor imports nothing.
    Importer,
    /// Importing accounts: as managing them, but the auditor has no import page at all.
    AccountImport,
    /// The retention schedule's page: the administrator and the auditor.
    Retention,
    /// A case's legal hold: the auditor on any case; otherwise as working on the case.
    CaseHold,
    /// A large file's import running in the background: only whom started it knows its id,
    /// so the matrix's made-up id is "not found" to everyone signed in.
    OwnRun,
    /// A page about one of a case's requests about personal data, named in its query: the
    /// probe names none, so the owner finds none; anyone else is refused as for the case.
    CaseRequest,
}

/// The accounts the matrix signs in as (the demo's: the deployment's, Leskovac's and the Centre's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Who {
    Anonymous,
    Admin,
    National,
    /// The data-protection officer: the audit trail, nothing of anyone's work.
    Auditor,
    Coordinator,
    /// Case worker of the police (pu).
    Police,
    /// Case worker of the social work centre (csr).
    Social,
    /// Member of the Red Cross (ck).
    Member,
    /// Case worker of the Centre for Protection of Victims of Trafficking, in the team of
    /// the national institutions: a case worker to whom no record of Leskovac or Niš was
    /// referred.
    Centre,
}

impl Who {
    pub const ALL: [Who; 9] = [
        Who::Anonymous,
        Who::Admin,
        Who::National,
        Who::Auditor,
        Who::Coordinator,
        Who::Police,
        Who::Social,
        Who::Member,
        Who::Centre,
    ];

    /// The demo username; none for the anonymous visitor.
    pub fn username(self) -> Option<&'static str> {
        match self {
            Who::Anonymous => None,
            Who::Admin => Some("admin"),
            Who::National => Some("national"),
            Who::Auditor => Some("auditor"),
            Who::Coordinator => Some("le-coordinator"),
            Who::Police => Some("le-police"),
            Who::Social => Some("le-social"),
            Who::Member => Some("le-member"),
            Who::Centre => Some("centre"),
        }
    }

    /// The page each account starts at (where its form token is read).
    pub fn home(self) -> &'static str {
        match self {
            Who::Anonymous => "/login",
            Who::Auditor => "/audit/alerts",
            _ => "/dashboard",
        }
    }

    fn in_team(self) -> bool {
        matches!(
            self,
            Who::Coordinator | Who::Police | Who::Social | Who::Member
        )
    }

    fn case_worker(self) -> bool {
        matches!(self, Who::Police | Who::Social)
    }
}

/// Which record a request names, relative to the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// No record, or one of the deployment.
    Only,
    /// A record of the account's team (Leskovac).
    OwnTeam,
    /// A record of the other team (Niš).
    OtherTeam,
    /// A case (record) of the account's own institution.
    OwnInstitution,
    /// A case (record) of another institution of the team, not referred to the account's.
    OtherInstitution,
}

/// The answer expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// GET: the page (200). POST: past the gate, the input judged (303 after success, or the
    /// form again with its errors: 200/400/409/422), never 403/404.
    Allowed,
    /// 403 "forbidden".
    Forbidden,
    /// 404 "not found".
    NotFound,
    /// 303 to the sign-in page.
    SignIn,
}

use Expect::*;

/// National reads the list and a report once it is submitted (the Niš one), never a draft
/// (the Leskovac one).
fn submitted(cell: Cell) -> Expect {
    if cell == Cell::OwnTeam {
        NotFound
    } else {
        Allowed
    }
}

/// The decided answer.
pub fn expect(class: Class, who: Who, cell: Cell) -> Expect {
    // The Centre is a case worker of a team of its own: every record of Leskovac and Niš is
    // another team's to it (need-to-know opens only what is referred to it, and nothing is).
    if who == Who::Centre {
        let cell = if cell == Cell::Only {
            Cell::Only
        } else {
            Cell::OtherTeam
        };
        return expect(class, Who::Police, cell);
    }
    if who == Who::Anonymous {
        return if matches!(class, Class::Public | Class::Redirect) {
            Allowed
        } else {
            SignIn
        };
    }
    let own = !matches!(cell, Cell::OtherTeam);
    // A team role: the other team's record is unseen; inside its own team, a section its
    // role may not use is forbidden.
    let team = |allowed: bool| match (own, allowed) {
        (false, _) => NotFound,
        (true, true) => Allowed,
        (true, false) => Forbidden,
    };
    match class {
        Class::Public | Class::SignedIn | Class::Redirect => Allowed,
        Class::TeamRoles => match who {
            Who::Admin | Who::National | Who::Auditor => Forbidden,
            _ => Allowed,
        },
        Class::TeamWork => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            _ => team(true),
        },
        Class::TeamLead => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            _ => team(who == Who::Coordinator),
        },
        Class::Registry => match who {
            Who::Admin | Who::National => Allowed,
            Who::Auditor => NotFound,
            _ => team(true),
        },
        Class::RegistryEdit => match who {
            Who::Admin => Allowed,
            Who::National => Forbidden,
            Who::Auditor => NotFound,
            _ => team(who == Who::Coordinator),
        },
        Class::Members => match who {
            Who::Admin => Allowed,
            Who::National => Forbidden,
            Who::Auditor => NotFound,
            _ => team(true),
        },
        // A team role is sent on to its own team's page.
        // The auditor's list is empty: it reaches no team's registry.
        Class::TeamList => Allowed,
        Class::Accounts => match who {
            Who::Admin | Who::Coordinator => Allowed,
            _ => Forbidden,
        },
        Class::Importer => match who {
            Who::Auditor => NotFound,
            _ => Allowed,
        },
        Class::OwnRun => NotFound,
        Class::AccountImport => match who {
            Who::Admin | Who::Coordinator => Allowed,
            Who::Auditor => NotFound,
            _ => Forbidden,
        },
        Class::Account => match who {
            Who::Admin => Allowed,
            // No team: every team's account lies outside it.
            Who::National | Who::Auditor => NotFound,
            _ => team(who == Who::Coordinator),
        },
        Class::Catalogues => match who {
            Who::Admin | Who::National => Allowed,
            _ => Forbidden,
        },
        // The administrator has no planning of its own: the framework is not there for it.
        Class::Framework => match who {
            Who::Admin | Who::Auditor => NotFound,
            _ => Allowed,
        },
        Class::FrameworkEdit => match who {
            Who::National => Allowed,
            Who::Admin | Who::Auditor => NotFound,
            _ => Forbidden,
        },
        Class::NationalOnly => match who {
            Who::National => Allowed,
            _ => Forbidden,
        },
        Class::Practices => match who {
            Who::Admin | Who::Auditor => NotFound,
            _ => Allowed,
        },
        Class::Reports => match who {
            Who::Admin | Who::Auditor => NotFound,
            Who::National => submitted(cell),
            _ => team(true),
        },
        Class::Acknowledge => match who {
            Who::Admin | Who::Auditor => NotFound,
            Who::National => submitted(cell),
            _ => team(false),
        },
        Class::CaseSection => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            _ => team(who.case_worker()),
        },
        Class::DuplicateReview => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            Who::Social if own => NotFound,
            _ => team(who.case_worker()),
        },
        // The coordinator sees that the team's cases exist (codes, never names).
        Class::CaseList => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            _ => team(who.case_worker() || who == Who::Coordinator),
        },
        Class::Retention => match who {
            Who::Admin | Who::Auditor => Allowed,
            _ => Forbidden,
        },
        Class::CaseRequest => match expect(Class::Case, who, cell) {
            Allowed => NotFound,
            other => other,
        },
        Class::CaseHold if who == Who::Auditor => Allowed,
        Class::CaseHold => expect(Class::Case, who, cell),
        Class::CaseRead if who == Who::Coordinator => team(true),
        Class::Case | Class::CaseRead => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            _ if !who.in_team() || cell == Cell::OtherTeam => NotFound,
            _ if !who.case_worker() => Forbidden,
            _ if cell == Cell::OtherInstitution => NotFound,
            _ => Allowed,
        },
        Class::ReferralAnswer => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            // The demo's referral goes from the police to the social work centre: the police
            // knows the case but is not asked.
            _ => team(who == Who::Social),
        },
        Class::TransferAnswer => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            // The police offer the case to the social work centre: they know of the offer
            // but do not answer it.
            _ => team(who == Who::Social),
        },
        Class::NoOwnSession => NotFound,
        Class::SecondStep => SignIn,
        Class::OwnFactor => match who {
            Who::Admin | Who::Police | Who::Social | Who::Centre => Allowed,
            _ => NotFound,
        },
        Class::OwnFactorRemoval => match who {
            Who::Admin | Who::Police | Who::Social | Who::Centre => Forbidden,
            _ => NotFound,
        },
        Class::ReferralMessage => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            // The demo's referral goes from the police to the social work centre.
            _ => team(who == Who::Social || who == Who::Police),
        },
        Class::ReferralLetter => match who {
            Who::Admin | Who::National | Who::Auditor => NotFound,
            _ => team(who.case_worker()),
        },
        Class::AuditTrail => match who {
            Who::Auditor => Allowed,
            Who::Admin | Who::National => NotFound,
            _ => Forbidden,
        },
    }
}
