//! The activities and venues repositories, on SQLite and (when configured) PostgreSQL: kept
//! per team, listed newest first with their reach, searched across scripts, by month.

use spona_domain::access::TeamScope;
use spona_domain::accounts::Role;
use spona_domain::activities::{ActivityDraft, ActivityKind, Audience, VenueKind};
use spona_domain::ids::{TeamId, UserId};
use spona_domain::registry::FoundingDecision;
use spona_store::{activities, teams, users, venues, Db, StoreError};
use spona_testkit::TestDb;
use time::macros::date;
use time::Date;

async fn team(db: &Db, code: &str) -> TeamId {
    let mut c = db.conn().await.unwrap();
    teams::insert(
        &mut c,
        &teams::NewTeam {
            code,
            name_cyrl: "Локални тим",
            name_latn: "Lokalni tim",
            city: "Лесковац",
            founding: &FoundingDecision {
                number: String::new(),
                date: None,
                body: String::new(),
            },
        },
        1,
    )
    .await
    .unwrap()
}

async fn user(db: &Db) -> UserId {
    let mut c = db.conn().await.unwrap();
    users::insert(
        &mut c,
        &users::NewUser {
            username: "ana",
            display_name: "Ана",
            role: Role::Admin,
            team_id: None,
            institution_id: None,
            password_hash: None,
            locale: "sr-Cyrl",
        },
        1,
    )
    .await
    .unwrap()
}

fn draft(title: &str, on: Date, pupils: i64) -> ActivityDraft {
    ActivityDraft {
        title: title.into(),
        kind: ActivityKind::PublicTalk,
        medium: None,
        held_on: on,
        venue_id: None,
        place: "Лесковац".into(),
        partners: String::new(),
        audience: Audience {
            pupils,
            public: 10,
            ..Default::default()
        },
        description: String::new(),
        materials: String::new(),
        plan_activity_id: None,
    }
}

#[tokio::test]
async fn activities_are_kept_per_team_listed_newest_first_and_searched_across_scripts() {
    for t in TestDb::every_engine().await {
        let le = &TeamScope::operator(team(&t.db, "leskovac").await);
        let nis = &TeamScope::operator(team(&t.db, "nis").await);
        let by = user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        let school = venues::insert(&mut c, le, "Гимназија", VenueKind::School, 1)
            .await
            .unwrap();
        assert!(matches!(
            venues::insert(&mut c, le, "Гимназија", VenueKind::School, 1).await,
            Err(StoreError::Duplicate("name"))
        ));
        venues::insert(&mut c, nis, "Гимназија", VenueKind::School, 1)
            .await
            .unwrap();
        let older = activities::insert(
            &mut c,
            le,
            &draft("Трибина", date!(2026 - 03 - 10), 100),
            "Лесковац",
            by,
            1,
        )
        .await
        .unwrap();
        let mut at_school = draft("Изложба", date!(2026 - 10 - 18), 50);
        at_school.venue_id = Some(school);
        at_school.place = String::new();
        let newer = activities::insert(&mut c, le, &at_school, "Гимназија", by, 1)
            .await
            .unwrap();
        activities::insert(
            &mut c,
            nis,
            &draft("Трибина Ниш", date!(2026 - 04 - 01), 7),
            "",
            by,
            1,
        )
        .await
        .unwrap();

        let all = activities::list(
            &mut c,
            le,
            &activities::Filter {
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(all.page.total, 2);
        assert_eq!(all.reach, Some(170));
        assert_eq!(all.page.items[0].id, newer);
        assert_eq!(all.page.items[0].place, "Гимназија", "the venue's name");
        assert_eq!(all.page.items[1].plan_activity_id, None);
        let found = activities::list(
            &mut c,
            le,
            &activities::Filter {
                query: "gimnazija".into(),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(found.page.total, 1);
        let in_2025 = activities::list(
            &mut c,
            le,
            &activities::Filter {
                year: Some(2025),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!((in_2025.page.total, in_2025.reach), (0, Some(0)));
        let october = activities::between(&mut c, le, date!(2026 - 10 - 01), date!(2026 - 11 - 01))
            .await
            .unwrap();
        assert_eq!(october.len(), 1);
        assert_eq!(activities::years(&mut c, le).await.unwrap(), vec![2026]);
        assert!(activities::find(&mut c, nis, older)
            .await
            .unwrap()
            .is_none());
        assert!(matches!(
            activities::delete(&mut c, nis, older, 1).await,
            Err(StoreError::Conflict)
        ));
        activities::delete(&mut c, le, older, 1).await.unwrap();
        assert!(activities::find(&mut c, le, older).await.unwrap().is_none());
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn what_is_read_without_a_scope_is_only_the_teams_public_work() {
    for t in TestDb::every_engine().await {
        let le = team(&t.db, "leskovac").await;
        let nis = team(&t.db, "nis").await;
        let by = user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        let on = date!(2026 - 10 - 18);
        let mut visit = draft("Радна посета", on, 0);
        visit.kind = ActivityKind::Other;
        for (team, d) in [
            (le, draft("Трибина", on, 10)),
            (le, visit),
            (nis, draft("Трибина Ниш", on, 10)),
        ] {
            activities::insert(&mut c, &TeamScope::operator(team), &d, "", by, 1)
                .await
                .unwrap();
        }
        let (from, until) = (date!(2026 - 10 - 01), date!(2026 - 11 - 01));
        let scoped = activities::between(&mut c, &TeamScope::operator(le), from, until)
            .await
            .unwrap();
        assert_eq!(scoped.len(), 2, "the team sees all its work");
        let public = activities::public_between(&mut c, le, from, until)
            .await
            .unwrap();
        let titles: Vec<&str> = public.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Трибина"],
            "not the other kind, not another team's"
        );
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_activity_is_found_by_its_day_title_and_place_in_its_team_only() {
    for t in TestDb::every_engine().await {
        let le = &TeamScope::operator(team(&t.db, "leskovac").await);
        let nis = &TeamScope::operator(team(&t.db, "nis").await);
        let mut c = t.db.conn().await.unwrap();
        let school = venues::insert(&mut c, le, "Гимназија", VenueKind::School, 1)
            .await
            .unwrap();
        let on = date!(2025 - 10 - 18);
        // Recorded at the console, by nobody with an account.
        activities::insert_by(&mut c, le, &draft("Трибина", on, 5), "Лесковац", None, 1)
            .await
            .unwrap();
        let mut at_school = draft("Изложба", on, 5);
        at_school.venue_id = Some(school);
        at_school.place = String::new();
        activities::insert_by(&mut c, le, &at_school, "Гимназија", None, 1)
            .await
            .unwrap();
        // The place is the typed one, or the chosen venue's name; nothing of another team.
        let mut keys = activities::recorded_keys(&mut c, le).await.unwrap();
        keys.sort();
        let day = on.to_string();
        assert_eq!(
            keys,
            [
                (day.clone(), "Изложба".to_string(), "Гимназија".to_string()),
                (day, "Трибина".to_string(), "Лесковац".to_string()),
            ]
        );
        assert!(activities::recorded_keys(&mut c, nis)
            .await
            .unwrap()
            .is_empty());
        drop(c);
        t.finish().await;
    }
}

/// The totals of a filter, counted from the activities themselves.
async fn counted(c: &mut sqlx::AnyConnection, team: TeamId, kind: &str, year: &str) -> (i64, i64) {
    sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(pupils + teachers + parents + officials \
         + general_public), 0) AS BIGINT) FROM activities WHERE team_id = $1 \
         AND ($2 = '' OR kind = $2) AND ($3 = '' OR substr(held_on, 1, 4) = $3)",
    )
    .bind(team.0)
    .bind(kind)
    .bind(year)
    .fetch_one(c)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_lists_totals_follow_every_record_change_and_removal_of_an_activity() {
    for t in TestDb::every_engine().await {
        let le_id = team(&t.db, "leskovac").await;
        let le = &TeamScope::operator(le_id);
        let by = user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        let mut ids = Vec::new();
        for (i, on) in [
            date!(2025 - 05 - 01),
            date!(2026 - 02 - 01),
            date!(2026 - 07 - 01),
        ]
        .into_iter()
        .enumerate()
        {
            let id =
                activities::insert(&mut c, le, &draft("Трибина", on, 10 * i as i64), "", by, 1)
                    .await
                    .unwrap();
            ids.push(id);
        }
        // Moved to another year, another kind and another audience at once.
        let mut changed = draft("Изложба", date!(2025 - 09 - 01), 40);
        changed.kind = ActivityKind::Exhibition;
        activities::update(&mut c, le, ids[2], 1, &changed, "", 2)
            .await
            .unwrap();
        activities::delete(&mut c, le, ids[0], 1).await.unwrap();
        for (kind, year) in [
            (None, None),
            (Some(ActivityKind::PublicTalk), None),
            (Some(ActivityKind::Exhibition), None),
            (None, Some(2025)),
            (None, Some(2026)),
            (Some(ActivityKind::Exhibition), Some(2026)),
        ] {
            let listed = activities::list(
                &mut c,
                le,
                &activities::Filter {
                    kind,
                    year,
                    limit: 10,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
            let kind_code = kind.map(ActivityKind::code).unwrap_or("");
            let year_code = year.map(|y| y.to_string()).unwrap_or_default();
            let (count, reach) = counted(&mut c, le_id, kind_code, &year_code).await;
            assert_eq!(
                (listed.page.total, listed.reach),
                (count, Some(reach)),
                "{kind:?} {year:?}"
            );
            assert_eq!(listed.page.items.len() as i64, count, "{kind:?} {year:?}");
        }
        assert_eq!(
            activities::years(&mut c, le).await.unwrap(),
            vec![2026, 2025]
        );
        activities::delete(&mut c, le, ids[1], 1).await.unwrap();
        assert_eq!(
            activities::years(&mut c, le).await.unwrap(),
            vec![2025],
            "a year whose last activity went is no longer offered"
        );
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_search_that_finds_more_than_it_counts_says_so_and_gives_no_reach() {
    for t in TestDb::every_engine().await {
        let le = &TeamScope::operator(team(&t.db, "leskovac").await);
        let by = user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        let limit = activities::SEARCH_COUNT_LIMIT;
        // One insert of many rows through the trigger path, as the app would over time.
        for i in 0..=limit {
            activities::insert(
                &mut c,
                le,
                &draft(&format!("Трибина {i}"), date!(2026 - 03 - 10), 1),
                "",
                by,
                1,
            )
            .await
            .unwrap();
        }
        let search = |query: &str| activities::Filter {
            query: query.into(),
            limit: 25,
            ..Default::default()
        };
        let many = activities::list(&mut c, le, &search("tribina"))
            .await
            .unwrap();
        assert_eq!(
            many.page.total,
            limit + 1,
            "counted up to the limit and one more"
        );
        assert_eq!(many.reach, None);
        assert_eq!(many.page.items.len(), 25);
        let one = activities::list(&mut c, le, &search("трибина 7"))
            .await
            .unwrap();
        assert!(one.page.total < limit);
        assert_eq!(one.reach, Some(11 * one.page.total));
        let all = activities::list(&mut c, le, &search("")).await.unwrap();
        assert_eq!(
            (all.page.total, all.reach),
            (limit + 1, Some(11 * (limit + 1)))
        );
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn postgresql_plans_the_activities_page_for_each_filter_rather_than_once() {
    // A statement kept prepared gets one plan for any values after its fifth run, and the
    // optional filters then looked as if they chose one row: every page sorted the team's
    // activities in full. The page and the search's count are not kept prepared.
    let Some(t) = TestDb::postgres().await else {
        return;
    };
    let le = &TeamScope::operator(team(&t.db, "leskovac").await);
    let by = user(&t.db).await;
    let mut c = t.db.conn().await.unwrap();
    activities::insert(
        &mut c,
        le,
        &draft("Трибина", date!(2026 - 03 - 10), 1),
        "",
        by,
        1,
    )
    .await
    .unwrap();
    for query in ["", "tribina", "", "трибина", "", "tri", "", ""] {
        let filter = activities::Filter {
            query: query.into(),
            limit: 25,
            ..Default::default()
        };
        let listed = activities::list(&mut c, le, &filter).await.unwrap();
        assert_eq!(listed.page.items.len(), 1);
    }
    let kept: Vec<String> = sqlx::query_scalar(
        "SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%FROM activities%'",
    )
    .persistent(false)
    .fetch_all(&mut *c)
    .await
    .unwrap();
    // The insert's statements stay prepared; the page's and the count's, which read
    // `activities a` with their filters, do not.
    assert!(
        !kept
            .iter()
            .any(|s| s.contains("page_id") || s.contains("counted")),
        "{kept:?}"
    );
    drop(c);
    t.finish().await;
}
