//! Accounts: each new one with a one-time link to set its password, handed back once; found
//! by username; the roles and teams granted as the accounts form grants them.

use super::{digest, errors_of, header, imports_audited, workbook};
use spona_app::forms::PasswordForm;
use spona_app::imports::{ImportKind, RowStatus, Saving};
use spona_app::AppError;
use spona_i18n::{Catalog, Locale};
use spona_testkit::{actor, demo_app, TestDb};

async fn accounts(t: &TestDb) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn accounts_are_made_once_each_with_a_link_shown_once() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let before = accounts(&t).await;
        let head = header(&catalog, ImportKind::Accounts, Locale::SrCyrl);
        // Username, name, role, team, institution.
        let officer = vec![
            "le-officer2",
            "Нова Службеница",
            "Водитељ случаја",
            "",
            "ПУ Лесковац",
        ];
        let helper = vec!["le-helper", "Нови Члан", "member", "leskovac", "ck"];
        // A coordinator grants no national role, names no other team, and cannot take a
        // username of an account it does not manage.
        let national = vec!["le-national", "Неко", "national", "", ""];
        let elsewhere = vec!["le-nis", "Неко", "member", "nis", "pu"];
        let taken = vec!["admin", "Неко", "member", "", "ck"];
        let file = workbook(
            &head,
            &[officer.clone(), helper.clone(), national, elsewhere, taken],
        );
        let preview = app
            .preview_import(&coordinator, &catalog, ImportKind::Accounts, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.new_rows(), 2);
        let at = |row| -> Vec<_> { errors_of(&preview, row).iter().map(|e| e.column).collect() };
        assert_eq!(at(4), [Some("import-col-role")]);
        assert_eq!(at(5), [Some("import-col-team")]);
        assert_eq!(at(6), [Some("import-col-username")]);
        let refused = app
            .save_import(
                &coordinator,
                &catalog,
                ImportKind::Accounts,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(_)));
        assert_eq!(accounts(&t).await, before);

        // An account of the team already there counts as there, not as an error.
        let member = vec!["le-member", "Члан", "member", "", "ck"];
        let fixed = workbook(&head, &[officer, helper, member]);
        let done = match app
            .save_import(
                &coordinator,
                &catalog,
                ImportKind::Accounts,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap()
        {
            Saving::Saved(done) => done,
            Saving::NotSaved(p) => panic!("{p:?}"),
        };
        assert_eq!((done.added, done.skipped), (2, 1));
        assert_eq!(accounts(&t).await, before + 2);
        let names: Vec<_> = done.links.iter().map(|l| l.username.as_str()).collect();
        assert_eq!(names, ["le-officer2", "le-helper"]);
        assert_eq!(imports_audited(&t, "accounts").await, ["xlsx 2"]);

        // Each link sets its own account's password once; the account then signs in.
        let link = &done.links[0];
        assert_ne!(link.token, done.links[1].token);
        assert!(
            !format!("{link:?}").contains(&link.token),
            "no token in logs"
        );
        let password = "Нова лозинка 2026!";
        app.set_password_with_link(
            &link.token,
            &PasswordForm {
                password: password.into(),
                password_repeat: password.into(),
            },
        )
        .await
        .unwrap();
        let officer = actor_as(&app, "le-officer2", password).await;
        assert_eq!(officer.role.code(), "case-worker");
        assert_eq!(officer.team_id, coordinator.team_id);

        // The same file again: nothing new, and no new link.
        match app
            .save_import(
                &coordinator,
                &catalog,
                ImportKind::Accounts,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap()
        {
            Saving::Saved(done) => {
                assert_eq!(done.added, 0);
                assert!(done.links.is_empty());
            }
            Saving::NotSaved(p) => panic!("{p:?}"),
        }
        let again = app
            .preview_import(&coordinator, &catalog, ImportKind::Accounts, &fixed)
            .await
            .unwrap();
        assert!(again
            .rows
            .iter()
            .all(|r| r.status == RowStatus::AlreadyThere));
        assert_eq!(accounts(&t).await, before + 2);

        // A team member manages no accounts.
        let member = actor(&app, "le-member").await;
        let answer = app
            .save_import(
                &member,
                &catalog,
                ImportKind::Accounts,
                &fixed,
                &digest(&fixed),
            )
            .await;
        assert!(matches!(answer, Err(AppError::Forbidden)), "{answer:?}");
        t.finish().await;
    }
}

#[tokio::test]
async fn the_administrator_imports_accounts_of_any_team_and_national_roles() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let admin = actor(&app, "admin").await;
        let before = accounts(&t).await;
        let head = header(&catalog, ImportKind::Accounts, Locale::En);
        let file = workbook(
            &head,
            &[
                vec!["nis-helper", "Niš Helper", "Team member", "nis", "ПУ Ниш"],
                vec!["dpo2", "Second Officer", "auditor", "", ""],
                vec!["no-team", "Nobody", "member", "", "pu"],
            ],
        );
        let preview = app
            .preview_import(&admin, &catalog, ImportKind::Accounts, &file)
            .await
            .unwrap();
        assert_eq!(
            errors_of(&preview, 4)
                .iter()
                .map(|e| e.column)
                .collect::<Vec<_>>(),
            [Some("import-col-team")],
            "the administrator names the team"
        );
        let fixed = workbook(
            &head,
            &[
                vec!["nis-helper", "Niš Helper", "Team member", "nis", "ПУ Ниш"],
                vec!["dpo2", "Second Officer", "auditor", "", ""],
            ],
        );
        let done = match app
            .save_import(
                &admin,
                &catalog,
                ImportKind::Accounts,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap()
        {
            Saving::Saved(done) => done,
            Saving::NotSaved(p) => panic!("{p:?}"),
        };
        assert_eq!(done.links.len(), 2);
        assert_eq!(accounts(&t).await, before + 2);
        let mut c = t.db.conn().await.unwrap();
        let created: Vec<(String, Option<i64>)> = sqlx::query_as(
            "SELECT action, team_id FROM audit_log WHERE action = 'account-created' \
             AND subject_id IN ($1, $2) ORDER BY seq",
        )
        .bind(done.links[0].user.0)
        .bind(done.links[1].user.0)
        .fetch_all(&mut *c)
        .await
        .unwrap();
        assert_eq!(created.len(), 2, "each account audited as one made by hand");
        assert!(created[0].1.is_some() && created[1].1.is_none());
        drop(c);
        t.finish().await;
    }
}

/// Signs in with a password and returns the session's actor.
async fn actor_as(
    app: &spona_app::App,
    username: &str,
    password: &str,
) -> spona_domain::access::Actor {
    spona_testkit::signed_session(app, username, password)
        .await
        .actor
}
