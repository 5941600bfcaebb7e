//! The choice of the plan activity that a recorded activity or training carries out, shown
//! on both forms: the team's plans, newest first, each a group of its activities.

use crate::shell::errors::WebError;
use crate::shell::viewer::Signed;
use crate::WebState;

/// One plan activity to choose.
pub struct PlanOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A plan and its activities, as an `<optgroup>`.
pub struct PlanGroup {
    pub title: String,
    pub options: Vec<PlanOption>,
}

/// The team's plan activities, the one typed in `selected` marked.
pub async fn plan_groups(
    state: &WebState,
    s: &Signed,
    selected: &str,
) -> Result<Vec<PlanGroup>, WebError> {
    let choices = state.app.plan_activity_choices(s.actor()).await?;
    let mut groups: Vec<(i64, PlanGroup)> = Vec::new();
    for c in choices {
        let option = PlanOption {
            value: c.id.to_string(),
            selected: c.id.to_string() == selected.trim(),
            label: c.title,
        };
        match groups.last_mut() {
            Some((plan, g)) if *plan == c.plan_id => g.options.push(option),
            _ => groups.push((
                c.plan_id,
                PlanGroup {
                    title: c.plan_title,
                    options: vec![option],
                },
            )),
        }
    }
    Ok(groups.into_iter().map(|(_, g)| g).collect())
}
