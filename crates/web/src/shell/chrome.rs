//! The frame of every page: navigation for the viewer's role, language switch, who is signed in.

use super::tr::Tr;
use super::viewer::Viewer;
use spona_app::App;
use spona_domain::access::Permissions;
use spona_domain::accounts::Role;
use spona_i18n::Locale;

/// The sections of the system, as the navigation shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    None,
    Dashboard,
    Cases,
    Inbox,
    Plan,
    Activities,
    Trainings,
    Guidelines,
    Materials,
    Meetings,
    Practices,
    Reports,
    Team,
    Admin,
    Notifications,
    Catalogues,
    Audit,
}

/// A link of the main navigation.
#[derive(Clone, Debug)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// A choice of the language switch.
#[derive(Clone, Debug)]
pub struct LangChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// Everything the base layout needs.
#[derive(Clone)]
pub struct Chrome {
    pub tr: Tr,
    pub html_lang: &'static str,
    pub nav: Vec<NavLink>,
    pub langs: Vec<LangChoice>,
    pub user_name: Option<String>,
    pub role_label: String,
    pub csrf: String,
    pub here: String,
}

/// The sections a role works in (issue-independent: which doors the role has).
pub fn sections_for(role: Role, may: &Permissions) -> Vec<Nav> {
    let mut v = vec![Nav::Dashboard];
    // The coordinator sees that cases exist (never names); the case pages decide the rest.
    if may.cases || (role == Role::Coordinator && may.lead_team_work) {
        v.push(Nav::Cases);
    }
    if may.cases {
        v.push(Nav::Inbox);
    }
    if may.team_work {
        v.extend([
            Nav::Plan,
            Nav::Activities,
            Nav::Trainings,
            Nav::Guidelines,
            Nav::Materials,
            Nav::Meetings,
        ]);
    }
    // Good practices are read across teams, by the national office too.
    if may.good_practices {
        v.push(Nav::Practices);
    }
    if may.team_work || may.national_reports {
        v.push(Nav::Reports);
    }
    if may.registry {
        v.push(Nav::Team);
    }
    if may.audit_trail {
        v.push(Nav::Audit);
    }
    v
}

/// The path segment and message id of a section.
pub fn section_info(nav: Nav) -> Option<(&'static str, &'static str)> {
    Some(match nav {
        Nav::Plan => ("plan", "nav-plan"),
        Nav::Activities => ("activities", "nav-activities"),
        Nav::Trainings => ("trainings", "nav-trainings"),
        Nav::Guidelines => ("guidelines", "nav-guidelines"),
        Nav::Materials => ("materials", "nav-materials"),
        Nav::Practices => ("practices", "nav-practices"),
        Nav::Reports => ("reports", "nav-reports"),
        _ => return None,
    })
}

impl Chrome {
    /// The frame for the viewer, with `active` highlighted.
    pub fn new(viewer: &Viewer, active: Nav) -> Chrome {
        let tr = viewer.tr.clone();
        let mut nav = Vec::new();
        let mut user_name = None;
        let mut role_label = String::new();
        if let Some(s) = &viewer.signed {
            let actor = &s.actor;
            for section in sections_for(actor.role, &viewer.permissions) {
                let (href, id) = match section {
                    Nav::Dashboard => ("/dashboard".to_string(), "nav-dashboard"),
                    Nav::Cases => ("/cases".to_string(), "nav-cases"),
                    Nav::Inbox => ("/inbox".to_string(), "nav-inbox"),
                    Nav::Meetings => ("/meetings".to_string(), "nav-meetings"),
                    Nav::Guidelines => ("/guidelines".to_string(), "nav-guidelines"),
                    Nav::Materials => ("/materials".to_string(), "nav-materials"),
                    Nav::Audit => ("/audit".to_string(), "nav-audit"),
                    Nav::Team => (
                        match &s.user.team_code {
                            Some(code) if actor.role.is_team_bound() => format!("/teams/{code}"),
                            _ => "/teams".to_string(),
                        },
                        "nav-team",
                    ),
                    other => match section_info(other) {
                        Some((seg, id)) => (format!("/{seg}"), id),
                        None => continue,
                    },
                };
                nav.push(NavLink {
                    href,
                    label: tr.t(id),
                    current: section == active,
                });
            }
            // Team users get their notifications (no count here: the page shows it, and the
            // frame of every page costs no query).
            if actor.role.is_team_bound() && actor.team_id.is_some() {
                nav.push(NavLink {
                    href: "/notifications".into(),
                    label: tr.t("nav-notifications"),
                    current: active == Nav::Notifications,
                });
            }
            if App::manages_accounts(actor) {
                nav.push(NavLink {
                    href: "/admin/users".into(),
                    label: tr.t("nav-admin"),
                    current: active == Nav::Admin,
                });
            }
            if viewer.permissions.catalogues {
                nav.push(NavLink {
                    href: "/admin/catalogues".into(),
                    label: tr.t("nav-catalogues"),
                    current: active == Nav::Catalogues,
                });
            }
            user_name = Some(s.user.display_name.clone());
            role_label = tr.t(role_message(actor.role));
        }
        Chrome {
            html_lang: viewer.locale.html_lang(),
            langs: Locale::ALL
                .iter()
                .map(|l| LangChoice {
                    code: l.code(),
                    name: l.native_name(),
                    current: *l == viewer.locale,
                })
                .collect(),
            nav,
            user_name,
            role_label,
            csrf: viewer.csrf_token.clone(),
            here: viewer.here.clone(),
            tr,
        }
    }
}

/// The message id naming a role.
pub fn role_message(role: Role) -> &'static str {
    match role {
        Role::Admin => "role-admin",
        Role::Coordinator => "role-coordinator",
        Role::CaseWorker => "role-case-worker",
        Role::Member => "role-member",
        Role::National => "role-national",
        Role::Auditor => "role-auditor",
    }
}
