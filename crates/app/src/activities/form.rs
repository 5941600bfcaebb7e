//! An activity as typed in the form, parsed into a draft or errors at the fields.

use crate::forms::TEXT_MAX;
use serde::Deserialize;
use spona_domain::activities::{
    parse_count, Activity, ActivityDraft, ActivityKind, Audience, AudienceGroup, Medium, VenueId,
};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};

/// Longest title or place.
pub const TITLE_MAX: usize = 300;

/// An activity as typed (every field a string).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ActivityForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub medium: String,
    #[serde(default)]
    pub held_on: String,
    /// The id of a venue from the team's list, or empty.
    #[serde(default)]
    pub venue_id: String,
    /// The place in free text, when it is not in the list.
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub partners: String,
    #[serde(default)]
    pub pupils: String,
    #[serde(default)]
    pub teachers: String,
    #[serde(default)]
    pub parents: String,
    #[serde(default)]
    pub officials: String,
    #[serde(default)]
    pub public: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub materials: String,
    #[serde(default)]
    pub plan_activity_id: String,
    /// The version the form was read at (for edit conflicts).
    pub version: Option<i64>,
}

impl ActivityForm {
    /// The form filled with a stored activity, for editing.
    pub fn from_activity(a: &Activity) -> ActivityForm {
        let count = |n: i64| if n == 0 { String::new() } else { n.to_string() };
        ActivityForm {
            title: a.title.clone(),
            kind: a.kind.code().into(),
            medium: a.medium.map(Medium::code).unwrap_or("").into(),
            held_on: text::iso_date(a.held_on),
            venue_id: a.venue_id.map(|v| v.0.to_string()).unwrap_or_default(),
            place: if a.venue_id.is_some() {
                String::new()
            } else {
                a.place.clone()
            },
            partners: a.partners.clone(),
            pupils: count(a.audience.pupils),
            teachers: count(a.audience.teachers),
            parents: count(a.audience.parents),
            officials: count(a.audience.officials),
            public: count(a.audience.public),
            description: a.description.clone(),
            materials: a.materials.clone(),
            plan_activity_id: a
                .plan_activity_id
                .map(|p| p.to_string())
                .unwrap_or_default(),
            version: Some(a.version),
        }
    }

    /// The typed count of an audience group.
    pub fn count(&self, group: AudienceGroup) -> &str {
        match group {
            AudienceGroup::Pupils => &self.pupils,
            AudienceGroup::Teachers => &self.teachers,
            AudienceGroup::Parents => &self.parents,
            AudienceGroup::Officials => &self.officials,
            AudienceGroup::Public => &self.public,
        }
    }

    /// The draft, or every error found. Whether the venue is the team's is checked when
    /// saving.
    pub fn parse(&self) -> Result<ActivityDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::required(&self.title, TITLE_MAX));
        let kind = e.check(
            "kind",
            if self.kind.trim().is_empty() {
                Err(FieldError::Required)
            } else {
                ActivityKind::from_code(self.kind.trim()).ok_or(FieldError::Unknown)
            },
        );
        // A medium only means something for a media appearance, where it is required.
        let medium = match kind {
            Some(ActivityKind::MediaAppearance) => e
                .check(
                    "medium",
                    if self.medium.trim().is_empty() {
                        Err(FieldError::Required)
                    } else {
                        Medium::from_code(self.medium.trim()).ok_or(FieldError::Unknown)
                    },
                )
                .map(Some),
            _ => Some(None),
        };
        let held_on = e.check("held_on", text::date(&self.held_on));
        let venue_id = e.check(
            "venue_id",
            match self.venue_id.trim() {
                "" => Ok(None),
                v => v
                    .parse::<i64>()
                    .map(|n| Some(VenueId(n)))
                    .map_err(|_| FieldError::Unknown),
            },
        );
        let place = e.check("place", text::optional(&self.place, TITLE_MAX));
        if matches!(venue_id, Some(None)) && matches!(place.as_deref(), Some("")) {
            e.add("place", FieldError::Required);
        }
        let partners = e.check("partners", text::optional(&self.partners, TEXT_MAX));
        let mut audience = Audience::default();
        for group in AudienceGroup::ALL {
            if let Some(n) = e.check(group_field(*group), parse_count(self.count(*group))) {
                audience.set(*group, n);
            }
        }
        let description = e.check("description", text::optional(&self.description, TEXT_MAX));
        let materials = e.check("materials", text::optional(&self.materials, TEXT_MAX));
        let plan_activity_id = e.check(
            "plan_activity_id",
            match self.plan_activity_id.trim() {
                "" => Ok(None),
                v => v
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(Some)
                    .ok_or(FieldError::Invalid),
            },
        );
        let (
            Some(title),
            Some(kind),
            Some(medium),
            Some(held_on),
            Some(venue_id),
            Some(place),
            Some(partners),
            Some(description),
            Some(materials),
            Some(plan_activity_id),
        ) = (
            title,
            kind,
            medium,
            held_on,
            venue_id,
            place,
            partners,
            description,
            materials,
            plan_activity_id,
        )
        else {
            return Err(e);
        };
        e.into_result()?;
        Ok(ActivityDraft {
            title,
            kind,
            medium,
            held_on,
            // A chosen venue wins over anything typed.
            place: if venue_id.is_some() {
                String::new()
            } else {
                place
            },
            venue_id,
            partners,
            audience,
            description,
            materials,
            plan_activity_id,
        })
    }
}

/// The form field of an audience group.
pub fn group_field(group: AudienceGroup) -> &'static str {
    match group {
        AudienceGroup::Pupils => "pupils",
        AudienceGroup::Teachers => "teachers",
        AudienceGroup::Parents => "parents",
        AudienceGroup::Officials => "officials",
        AudienceGroup::Public => "public",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk() -> ActivityForm {
        ActivityForm {
            title: "Трибина".into(),
            kind: "public-talk".into(),
            held_on: "2026-10-18".into(),
            place: "Народно позориште".into(),
            pupils: "120".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let d = talk().parse().unwrap();
        assert_eq!(d.audience.pupils, 120);
        assert_eq!(d.medium, None);
    }

    #[test]
    fn errors_are_at_their_fields() {
        let bad = ActivityForm {
            title: String::new(),
            kind: "media".into(),
            place: String::new(),
            teachers: "-3".into(),
            public: "1000000".into(),
            ..talk()
        };
        let e = bad.parse().unwrap_err();
        for field in ["title", "medium", "place", "teachers", "public"] {
            assert!(e.get(field).is_some(), "{field}");
        }
        assert!(e.get("pupils").is_none());
    }
}
