//! Which accounts sign in with a second factor: every role that can open case data, always
//! (the access rules say which those are), and the roles the deployment adds.

use crate::access::{decide, Action, Actor};
use crate::accounts::Role;
use crate::ids::{InstitutionId, TeamId, UserId};

/// The deployment's rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondFactorPolicy {
    also: Vec<Role>,
}

impl Default for SecondFactorPolicy {
    /// Case roles and the administrator, who could otherwise make themselves an account of
    /// any role.
    fn default() -> Self {
        SecondFactorPolicy {
            also: vec![Role::Admin],
        }
    }
}

impl SecondFactorPolicy {
    /// Case roles and these.
    pub fn with_roles(also: impl IntoIterator<Item = Role>) -> SecondFactorPolicy {
        SecondFactorPolicy {
            also: also.into_iter().collect(),
        }
    }

    /// Whether an account of the role must have a second factor.
    pub fn required_for(&self, role: Role) -> bool {
        opens_case_data(role) || self.also.contains(&role)
    }

    /// The roles that must, in the order forms list roles.
    pub fn required_roles(&self) -> Vec<Role> {
        Role::ALL
            .iter()
            .copied()
            .filter(|r| self.required_for(*r))
            .collect()
    }
}

/// Whether the role may open case data at all (in its own team).
pub fn opens_case_data(role: Role) -> bool {
    let team = role.is_team_bound().then_some(TeamId(1));
    let someone = Actor {
        user_id: UserId(1),
        role,
        team_id: team,
        institution_id: team.map(|_| InstitutionId(1)),
        address: String::new(),
    };
    decide(&someone, Action::UseCases).allowed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_roles_always_need_it_and_the_deployment_adds_others() {
        let none_added = SecondFactorPolicy::with_roles([]);
        assert!(none_added.required_for(Role::CaseWorker));
        for role in [
            Role::Coordinator,
            Role::Member,
            Role::National,
            Role::Auditor,
            Role::Admin,
        ] {
            assert!(!none_added.required_for(role), "{role:?}");
        }
        let default = SecondFactorPolicy::default();
        assert!(default.required_for(Role::Admin));
        assert!(!default.required_for(Role::Member));
        let more = SecondFactorPolicy::with_roles([Role::Auditor, Role::Coordinator]);
        assert_eq!(
            more.required_roles(),
            vec![Role::Coordinator, Role::CaseWorker, Role::Auditor]
        );
    }
}
