//! Every repository operation, run on SQLite and (when configured) on PostgreSQL, each in a
//! fresh database of its own.

use spona_domain::accounts::Role;
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::registry::{
    FoundingDecision, InstitutionDraft, InstitutionKind, MemberDraft, Standing, TeamRole,
};
use spona_store::{institutions, members, teams, users, Backend, Db, StoreError};
use spona_testkit::TestDb;
use time::macros::date;

async fn team(db: &Db, code: &str) -> TeamId {
    let mut tx = db.begin().await.unwrap();
    let founding = FoundingDecision {
        number: "061-25/13 II".into(),
        date: Some(date!(2013 - 11 - 30)),
        body: "Градско веће града Лесковца".into(),
    };
    let id = teams::insert(
        &mut tx,
        &teams::NewTeam {
            code,
            name_cyrl: "Локални тим",
            name_latn: "Lokalni tim",
            city: "Лесковац",
            founding: &founding,
        },
        1,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

fn draft(code: &str, name: &str, standing: Standing) -> InstitutionDraft {
    InstitutionDraft {
        code: code.into(),
        standing,
        kind: InstitutionKind::SocialWork,
        name_cyrl: name.into(),
        name_latn: spona_domain::script::to_latin(name),
        short_name: code.to_uppercase(),
        is_lead: true,
        is_donor: false,
        cooperation: String::new(),
        address: "Лесковац".into(),
        phone: String::new(),
        email: String::new(),
    }
}

#[tokio::test]
async fn teams_are_created_found_and_unique() {
    for t in TestDb::every_engine().await {
        let id = team(&t.db, "leskovac").await;
        let mut c = t.db.conn().await.unwrap();
        let found = teams::find_by_code(&mut c, "leskovac")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.id, id);
        assert_eq!(found.founding.date, Some(date!(2013 - 11 - 30)));
        assert!(found.active);
        let again = teams::insert(
            &mut c,
            &teams::NewTeam {
                code: "leskovac",
                name_cyrl: "x",
                name_latn: "x",
                city: "x",
                founding: &FoundingDecision::default(),
            },
            2,
        )
        .await;
        assert!(
            matches!(again, Err(StoreError::Duplicate("code"))),
            "{again:?}"
        );
        let stale =
            teams::update_founding(&mut c, id, found.version + 5, &FoundingDecision::default())
                .await;
        assert!(matches!(stale, Err(StoreError::Conflict)));
        teams::update_founding(&mut c, id, found.version, &FoundingDecision::default())
            .await
            .unwrap();
        assert_eq!(teams::list(&mut c).await.unwrap().len(), 1);
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn institutions_are_scoped_to_their_team_and_searched_across_scripts() {
    for t in TestDb::every_engine().await {
        let le = team(&t.db, "leskovac").await;
        let nis = team(&t.db, "nis").await;
        let mut c = t.db.conn().await.unwrap();
        let csr = institutions::insert(
            &mut c,
            le,
            &draft("csr", "Центар за социјални рад", Standing::Member),
            1,
        )
        .await
        .unwrap();
        institutions::insert(
            &mut c,
            le,
            &draft("nt", "Народно позориште", Standing::Partner),
            1,
        )
        .await
        .unwrap();
        institutions::insert(
            &mut c,
            nis,
            &draft("csr", "Центар за социјални рад Ниш", Standing::Member),
            1,
        )
        .await
        .unwrap();
        assert!(institutions::find(&mut c, nis, csr)
            .await
            .unwrap()
            .is_none());
        let found = institutions::find(&mut c, le, csr).await.unwrap().unwrap();
        assert!(found.is_lead && !found.is_donor && found.active);

        let filter = |q: &str| institutions::Filter {
            query: q.into(),
            limit: 10,
            ..Default::default()
        };
        let latin = institutions::list(&mut c, le, &filter("SOCIJALNI"))
            .await
            .unwrap();
        assert_eq!(latin.total, 1);
        assert_eq!(latin.items[0].id, csr);
        let wildcard = institutions::list(&mut c, le, &filter("%")).await.unwrap();
        assert_eq!(wildcard.total, 0, "LIKE wildcards in user text are literal");
        let partners = institutions::list(
            &mut c,
            le,
            &institutions::Filter {
                standing: Some(Standing::Partner),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(partners.items.len(), 1);
        assert_eq!(partners.items[0].code, "nt");

        let dup =
            institutions::insert(&mut c, le, &draft("csr", "Друго", Standing::Member), 2).await;
        assert!(matches!(dup, Err(StoreError::Duplicate("code"))));

        institutions::set_active(&mut c, le, csr, found.version, false, 3)
            .await
            .unwrap();
        assert_eq!(
            institutions::list(&mut c, le, &filter(""))
                .await
                .unwrap()
                .total,
            1
        );
        let all = institutions::list(
            &mut c,
            le,
            &institutions::Filter {
                include_inactive: true,
                limit: 1,
                offset: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!((all.total, all.items.len()), (2, 1), "paged");
        let stale = institutions::update(&mut c, le, csr, found.version, &found_draft(), 4).await;
        assert!(matches!(stale, Err(StoreError::Conflict)));
        assert_eq!(
            institutions::list_active(&mut c, le).await.unwrap().len(),
            1
        );
        drop(c);
        t.finish().await;
    }
}

fn found_draft() -> InstitutionDraft {
    draft("csr", "Центар", Standing::Member)
}

#[tokio::test]
async fn members_cannot_be_linked_to_another_teams_institution() {
    for t in TestDb::every_engine().await {
        let le = team(&t.db, "leskovac").await;
        let nis = team(&t.db, "nis").await;
        let mut c = t.db.conn().await.unwrap();
        let le_csr = institutions::insert(&mut c, le, &draft("csr", "ЦСР", Standing::Member), 1)
            .await
            .unwrap();
        let nis_csr =
            institutions::insert(&mut c, nis, &draft("csr", "ЦСР Ниш", Standing::Member), 1)
                .await
                .unwrap();
        let member = |inst: InstitutionId| MemberDraft {
            institution_id: inst,
            full_name: "Јелена Ђорђевић".into(),
            position: "социјални радник".into(),
            team_role: TeamRole::Coordinator,
            email: String::new(),
            phone: String::new(),
            from_date: date!(2013 - 11 - 30),
            to_date: None,
        };
        let id = members::insert(&mut c, le, &member(le_csr), 1)
            .await
            .unwrap();
        assert!(members::insert(&mut c, le, &member(nis_csr), 1)
            .await
            .is_err());
        assert_eq!(
            members::held_keys(&mut c, le).await.unwrap(),
            [(
                le_csr.0,
                "Јелена Ђорђевић".to_string(),
                "coordinator".to_string(),
                "2013-11-30".to_string()
            )]
        );
        assert!(members::held_keys(&mut c, nis).await.unwrap().is_empty());
        let entry = members::find(&mut c, le, id).await.unwrap().unwrap();
        assert_eq!(entry.institution_short, "CSR");
        assert!(members::find(&mut c, nis, id).await.unwrap().is_none());
        let found = members::list(
            &mut c,
            le,
            &members::Filter {
                query: "djordjevic".into(),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(found.total, 1);
        let moved =
            members::update(&mut c, le, id, entry.member.version, &member(nis_csr), 2).await;
        assert!(
            matches!(moved, Err(StoreError::Conflict)),
            "cannot move to another team's institution"
        );
        let mut ended = member(le_csr);
        ended.to_date = Some(date!(2020 - 01 - 01));
        members::update(&mut c, le, id, entry.member.version, &ended, 2)
            .await
            .unwrap();
        let after = members::find(&mut c, le, id).await.unwrap().unwrap();
        assert_eq!(after.member.to_date, Some(date!(2020 - 01 - 01)));
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn users_round_trip() {
    for t in TestDb::every_engine().await {
        let le = team(&t.db, "leskovac").await;
        let mut c = t.db.conn().await.unwrap();
        assert_eq!(users::count(&mut c).await.unwrap(), 0);
        let id = users::insert(
            &mut c,
            &users::NewUser {
                username: "le-coordinator",
                display_name: "Координатор",
                role: Role::Coordinator,
                team_id: Some(le),
                institution_id: None,
                password_hash: Some("hash"),
                locale: "sr-Cyrl",
            },
            1,
        )
        .await
        .unwrap();
        let u = users::find_by_username(&mut c, "le-coordinator")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (u.id, u.role, u.team_code.as_deref()),
            (id, Role::Coordinator, Some("leskovac"))
        );
        users::set_active(&mut c, id, false, 2).await.unwrap();
        users::set_locale(&mut c, id, "en").await.unwrap();
        let u = users::find(&mut c, id).await.unwrap().unwrap();
        assert!(!u.active);
        assert_eq!(u.locale, "en");
        let page = users::list(
            &mut c,
            &users::Filter {
                team: Some(le),
                query: "KOORD".into(),
                limit: 5,
                offset: 0,
            },
        )
        .await
        .unwrap();
        assert_eq!(
            page.total, 0,
            "usernames are searched, display names as typed"
        );
        let page = users::list(
            &mut c,
            &users::Filter {
                team: Some(le),
                query: "coord".into(),
                limit: 5,
                offset: 0,
            },
        )
        .await
        .unwrap();
        assert_eq!(page.total, 1);
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn both_engines_have_the_same_migrations_and_schema() {
    assert_eq!(
        Db::migration_versions(Backend::Sqlite),
        Db::migration_versions(Backend::Postgres)
    );
    let sqlite = TestDb::sqlite().await;
    let schema = sqlite.db.schema().await.unwrap();
    assert!(schema.contains(&("institutions".into(), "search_key".into())));
    if let Some(pg) = TestDb::postgres().await {
        assert_eq!(schema, pg.db.schema().await.unwrap());
        pg.finish().await;
    }
    sqlite.finish().await;
}

#[tokio::test]
async fn sqlite_runs_in_wal_with_full_sync_and_foreign_keys() {
    let t = TestDb::sqlite().await;
    assert_eq!(t.db.sqlite_pragma("journal_mode").await.unwrap(), "wal");
    assert_eq!(t.db.sqlite_pragma("synchronous").await.unwrap(), "2");
    assert_eq!(t.db.sqlite_pragma("foreign_keys").await.unwrap(), "1");
    t.finish().await;
}

async fn a_user(db: &Db) -> spona_domain::ids::UserId {
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

#[tokio::test]
async fn sessions_are_found_by_hash_touched_and_ended() {
    use spona_store::sessions;
    for t in TestDb::every_engine().await {
        let user = a_user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        let origin = sessions::Origin {
            device: "Firefox · Android",
            address: "10.0.0.7",
        };
        sessions::insert(&mut c, "h1", user, "csrf1", origin, 100, 1000)
            .await
            .unwrap();
        sessions::insert(&mut c, "h2", user, "csrf2", origin, 100, 1000)
            .await
            .unwrap();
        let (s, owner) = sessions::find(&mut c, "h1").await.unwrap().unwrap();
        assert_eq!(
            (s.user_id, s.csrf_token.as_str(), s.expires_at),
            (user.0, "csrf1", 1000)
        );
        // The account comes with it, as `users::find` gives it.
        let alone = spona_store::users::find(&mut c, user).await.unwrap();
        assert_eq!(Some(owner), alone);
        sessions::touch(&mut c, s.id, 200).await.unwrap();
        // The user's own list: in force only, the most recently used first, with where from.
        let mine = sessions::of_user(&mut c, user, 300, 150).await.unwrap();
        assert_eq!(mine.len(), 1, "h2 idle since 100");
        assert_eq!(
            (mine[0].device.as_str(), mine[0].address.as_str()),
            ("Firefox · Android", "10.0.0.7")
        );
        assert!(
            !sessions::delete_of_user(&mut c, spona_domain::ids::UserId(user.0 + 1000), s.id)
                .await
                .unwrap()
        );
        assert_eq!(
            sessions::find(&mut c, "h1")
                .await
                .unwrap()
                .unwrap()
                .0
                .last_seen_at,
            200
        );
        assert_eq!(
            sessions::delete_expired(&mut c, 300, 150).await.unwrap(),
            1,
            "h2 idle since 100"
        );
        sessions::delete(&mut c, s.id).await.unwrap();
        assert!(sessions::find(&mut c, "h1").await.unwrap().is_none());
        sessions::insert(&mut c, "h3", user, "csrf3", origin, 100, 1000)
            .await
            .unwrap();
        sessions::delete_for_user(&mut c, user).await.unwrap();
        assert!(sessions::find(&mut c, "h3").await.unwrap().is_none());
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn throttle_counters_are_stored_replaced_and_cleared() {
    use spona_store::throttle::{self, Counter};
    for t in TestDb::every_engine().await {
        let mut c = t.db.conn().await.unwrap();
        assert!(throttle::get(&mut c, "k").await.unwrap().is_none());
        let first = Counter {
            failures: 1,
            window_start: 10,
            blocked_until: 0,
        };
        throttle::put(&mut c, "k", &first).await.unwrap();
        let second = Counter {
            failures: 5,
            window_start: 10,
            blocked_until: 70,
        };
        throttle::put(&mut c, "k", &second).await.unwrap();
        assert_eq!(throttle::get(&mut c, "k").await.unwrap(), Some(second));
        throttle::clear(&mut c, "k").await.unwrap();
        assert!(throttle::get(&mut c, "k").await.unwrap().is_none());
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn one_time_tokens_work_once_and_expire() {
    use spona_store::tokens;
    for t in TestDb::every_engine().await {
        let user = a_user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        tokens::insert(&mut c, "t1", user, "set-password", 100, 200)
            .await
            .unwrap();
        assert_eq!(
            tokens::peek(&mut c, "t1", "set-password", 150)
                .await
                .unwrap(),
            Some(user)
        );
        assert_eq!(
            tokens::peek(&mut c, "t1", "other", 150).await.unwrap(),
            None
        );
        assert_eq!(
            tokens::take(&mut c, "t1", "set-password", 250)
                .await
                .unwrap(),
            None,
            "expired"
        );
        tokens::insert(&mut c, "t2", user, "set-password", 100, 200)
            .await
            .unwrap();
        assert_eq!(
            tokens::take(&mut c, "t2", "set-password", 150)
                .await
                .unwrap(),
            Some(user)
        );
        assert_eq!(
            tokens::take(&mut c, "t2", "set-password", 151)
                .await
                .unwrap(),
            None,
            "used"
        );
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn history_lists_a_records_changes_newest_first_with_their_author() {
    use spona_domain::registry::ChangeKind;
    use spona_store::history::{self, Entry, Subject};
    for t in TestDb::every_engine().await {
        let le = team(&t.db, "leskovac").await;
        let user = a_user(&t.db).await;
        let mut c = t.db.conn().await.unwrap();
        for (at, change) in [(1, ChangeKind::Created), (2, ChangeKind::Edited)] {
            history::record(
                &mut c,
                &Entry {
                    team: le,
                    subject: Subject::Member,
                    subject_id: 9,
                    change,
                    details: "x → y",
                    actor: Some(user),
                    at,
                },
            )
            .await
            .unwrap();
        }
        let list = history::list(&mut c, le, Subject::Member, 9).await.unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].change, ChangeKind::Edited);
        assert_eq!(list[0].actor.as_deref(), Some("Ана"));
        assert!(history::list(&mut c, le, Subject::Institution, 9)
            .await
            .unwrap()
            .is_empty());
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_sqlite_file_in_a_missing_folder_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let url = spona_store::DatabaseUrl::Sqlite(missing.join("spona.db"));
    let err = Db::connect(&url).await.err().expect("refused");
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!missing.exists(), "no folder was made");
}

#[tokio::test]
async fn a_sqlite_write_transaction_holds_the_write_lock_from_its_start() {
    // Another writer on the same file (a CLI command beside the server, or a new
    // connection's statistics) must wait for a transaction that has begun, not slip in
    // between its read and its write, which would make that write fail as "locked".
    let t = TestDb::sqlite().await;
    let other = Db::connect(&t.url).await.unwrap();
    let mut tx = t.db.begin().await.unwrap();
    let _: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM teams")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    let writer = tokio::spawn(async move {
        let mut c = other.conn().await.unwrap();
        sqlx::query("CREATE TABLE probe_other (x BIGINT)")
            .execute(&mut *c)
            .await
            .map(|_| ())
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sqlx::query("CREATE TABLE probe_first (x BIGINT)")
        .execute(&mut *tx)
        .await
        .expect("the transaction that began first writes");
    tx.commit().await.unwrap();
    writer
        .await
        .unwrap()
        .expect("the other writer waited its turn");
    t.finish().await;
}

#[tokio::test]
async fn the_directory_names_every_teams_active_member_institutions_and_nothing_more() {
    for t in TestDb::every_engine().await {
        let le = team(&t.db, "leskovac").await;
        let national = team(&t.db, "national").await;
        let mut c = t.db.conn().await.unwrap();
        teams::mark_national(&mut c, national).await.unwrap();
        let mut with_contacts = draft("csr", "Центар за социјални рад", Standing::Member);
        with_contacts.phone = "016/000-007".into();
        with_contacts.email = "csr@example.org".into();
        let csr = institutions::insert(&mut c, le, &with_contacts, 1)
            .await
            .unwrap();
        let partner = institutions::insert(&mut c, le, &draft("lkc", "ЛКЦ", Standing::Partner), 1)
            .await
            .unwrap();
        let gone = institutions::insert(&mut c, le, &draft("old", "Стара", Standing::Member), 1)
            .await
            .unwrap();
        institutions::set_active(&mut c, le, gone, 1, false, 2)
            .await
            .unwrap();
        let centre = institutions::insert(
            &mut c,
            national,
            &draft("centar", "Центар", Standing::Member),
            1,
        )
        .await
        .unwrap();

        let listed = institutions::directory(&mut c).await.unwrap();
        let ids: Vec<InstitutionId> = listed.iter().map(|i| i.id).collect();
        assert_eq!(ids, [csr, centre], "members of every team, active only");
        let csw = &listed[0];
        assert!(csw.phone.is_empty() && csw.email.is_empty() && csw.address.is_empty());
        assert_eq!(
            institutions::in_directory(&mut c, centre)
                .await
                .unwrap()
                .map(|i| i.team_id),
            Some(national)
        );
        for outside in [partner, gone] {
            assert!(institutions::in_directory(&mut c, outside)
                .await
                .unwrap()
                .is_none());
        }
        assert!(
            teams::find(&mut c, national)
                .await
                .unwrap()
                .unwrap()
                .national
        );
        assert!(!teams::find(&mut c, le).await.unwrap().unwrap().national);
        drop(c);
        t.finish().await;
    }
}
