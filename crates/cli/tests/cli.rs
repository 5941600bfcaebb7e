//! The real `spona` binary, run as an operator would, against a temporary data directory
//! (SQLite), and against PostgreSQL when `SPONA_TEST_POSTGRES_URL` names a server.

mod common;

use common::*;
use std::io::{Read, Write};
use std::net::TcpStream;

const PASSWORD: &str = "correct horse battery staple";

#[test]
fn every_command_explains_itself() {
    let d = Deployment::sqlite();
    for args in [
        vec![],
        vec!["serve"],
        vec!["migrate"],
        vec!["demo"],
        vec!["settings"],
        vec!["team"],
        vec!["team", "list"],
        vec!["institution"],
        vec!["institution", "list"],
        vec!["user"],
        vec!["user", "create"],
        vec!["user", "list"],
        vec!["user", "disable"],
        vec!["user", "enable"],
        vec!["user", "reset-password"],
    ] {
        let mut with_help = args.clone();
        with_help.push("--help");
        let out = d.run(&with_help);
        assert!(out.status.success(), "{with_help:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("Usage: spona"), "{with_help:?}: {text}");
        assert!(text.contains("--database-url"), "{with_help:?}: {text}");
    }
    assert!(!d.data_dir().exists(), "asking for help touches nothing");
}

#[test]
fn the_demo_lists_its_teams_and_institutions() {
    let d = Deployment::sqlite();
    let seeded = d.ok(&["demo"]);
    assert!(seeded.contains("spona-demo-2026"), "{seeded}");
    assert!(seeded.contains("le-coordinator"), "{seeded}");
    let again = d.ok(&["demo"]);
    assert!(
        again.contains("already"),
        "seeding twice changes nothing: {again}"
    );

    let teams = d.ok(&["team", "list"]);
    assert_eq!(
        first_column(&teams),
        ["code", "leskovac", "national", "nis"]
    );

    let institutions = d.ok(&["institution", "list", "--team", "leskovac"]);
    let codes = first_column(&institutions);
    assert_eq!(codes[0], "code");
    assert!(
        codes.contains(&"csr".into()) && codes.contains(&"pu".into()),
        "{institutions}"
    );
    assert_eq!(
        row(&institutions, "pu").unwrap()[2..],
        ["police", "member", "yes"]
    );
    assert!(!codes.contains(&"nis-csr".into()), "only the team's own");
}

#[cfg(unix)]
#[test]
fn the_default_data_directory_is_created_private_and_only_for_the_default_database() {
    use std::os::unix::fs::PermissionsExt;
    let d = Deployment::sqlite();
    d.ok(&["migrate"]);
    let mode = std::fs::metadata(d.data_dir())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
    assert!(d.data_dir().join("spona.db").is_file());

    let elsewhere = Deployment::sqlite();
    let file = elsewhere.dir.path().join("elsewhere.db");
    let url = format!("sqlite://{}", file.display());
    let out = elsewhere.ok(&["--database-url", &url, "migrate"]);
    assert!(out.contains("1"), "the versions are printed: {out}");
    assert!(file.is_file());
    assert!(!elsewhere.data_dir().exists());
}

#[test]
fn an_unknown_team_is_refused_clearly() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let out = d.run(&["institution", "list", "--team", "nowhere"]);
    let err = refused(&out);
    assert!(err.contains("no team") && err.contains("nowhere"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn an_account_created_with_a_password_on_stdin_is_listed() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let out = d.run_with_input(
        &[
            "user",
            "create",
            "--username",
            "ana",
            "--display-name",
            "Ана Петровић",
            "--role",
            "case-worker",
            "--team",
            "leskovac",
            "--institution",
            "csr",
        ],
        &format!("{PASSWORD}\nthe second line is not read\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains(PASSWORD));

    let list = d.ok(&["user", "list"]);
    let ana = row(&list, "ana").expect("ana is listed");
    assert_eq!(
        ana,
        [
            "ana",
            "Ана Петровић",
            "case-worker",
            "leskovac",
            "ЦСР Лесковац",
            "yes"
        ]
    );
    assert_eq!(
        list.lines().next(),
        Some("username\tname\trole\tteam\tinstitution\tactive")
    );
    let nis = d.ok(&["user", "list", "--team", "nis"]);
    assert!(row(&nis, "ana").is_none() && row(&nis, "nis-member").is_some());
}

#[test]
fn a_national_account_needs_no_team_and_an_admin_can_get_a_link() {
    let d = Deployment::sqlite();
    d.ok(&["migrate"]);
    let out = d.run_with_input(
        &[
            "user",
            "create",
            "--username",
            "office",
            "--role",
            "national",
        ],
        PASSWORD,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let linked = d.ok(&["user", "create", "--admin", "--username", "boss", "--link"]);
    assert!(
        linked.contains("http://127.0.0.1:8080/password/"),
        "{linked}"
    );
    let list = d.ok(&["user", "list"]);
    assert_eq!(row(&list, "office").unwrap()[2..4], ["national", "-"]);
    assert_eq!(row(&list, "boss").unwrap()[2], "admin");
}

#[test]
fn a_too_short_password_creates_nothing() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let out = d.run_with_input(
        &["user", "create", "--username", "ana", "--role", "national"],
        "short\n",
    );
    let err = refused(&out);
    assert!(err.starts_with("password: is too short"), "{err}");
    assert!(row(&d.ok(&["user", "list"]), "ana").is_none());
}

#[test]
fn refused_fields_are_named_one_per_line() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let out = d.run_with_input(
        &[
            "user",
            "create",
            "--username",
            "Ana Maria",
            "--role",
            "member",
        ],
        PASSWORD,
    );
    let err = refused(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("username: ")), "{err}");
    assert!(lines.contains(&"team: is required"), "{err}");
    assert!(lines.contains(&"institution: is required"), "{err}");

    let out = d.run_with_input(
        &[
            "user",
            "create",
            "--username",
            "ana",
            "--role",
            "member",
            "--team",
            "leskovac",
            "--institution",
            "nowhere",
        ],
        PASSWORD,
    );
    assert!(
        refused(&out).starts_with("institution: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_role_is_refused() {
    let d = Deployment::sqlite();
    let out = d.run_with_input(
        &["user", "create", "--username", "ana", "--role", "root"],
        PASSWORD,
    );
    let err = refused(&out);
    assert!(err.contains("root") && err.contains("case-worker"), "{err}");
    assert!(!d.data_dir().exists(), "refused before opening anything");
}

#[test]
fn without_a_password_on_stdin_nothing_is_created() {
    let d = Deployment::sqlite();
    d.ok(&["migrate"]);
    let out = d.run(&["user", "create", "--username", "ana", "--role", "national"]);
    let err = refused(&out);
    assert!(
        err.contains("standard input") && err.contains("--link"),
        "{err}"
    );
    assert!(row(&d.ok(&["user", "list"]), "ana").is_none());
}

#[test]
fn accounts_are_disabled_enabled_and_reset() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    d.ok(&["user", "disable", "--username", "le-member"]);
    assert_eq!(row(&d.ok(&["user", "list"]), "le-member").unwrap()[5], "no");
    d.ok(&["user", "enable", "--username", "le-member"]);
    assert_eq!(
        row(&d.ok(&["user", "list"]), "le-member").unwrap()[5],
        "yes"
    );

    let reset = d.run(&["user", "reset-password", "--username", "le-member"]);
    assert!(reset.status.success());
    let token = stdout(&reset)
        .split("/password/")
        .nth(1)
        .map(|rest| rest.trim().to_string())
        .expect("a one-time link");
    assert!(token.len() >= 32, "{token}");
    assert!(
        !stderr(&reset).contains(&token),
        "the link never goes into the log"
    );

    let err = refused(&d.run(&["user", "disable", "--username", "nobody"]));
    assert!(err.contains("nobody"), "{err}");
}

#[test]
fn an_unknown_database_scheme_is_refused_naming_the_accepted_ones() {
    let d = Deployment::on("mysql://root:s3cret@x/spona");
    let err = refused(&d.run(&["team", "list"]));
    assert!(
        err.contains("sqlite://") && err.contains("postgres://"),
        "{err}"
    );
    assert!(!err.contains("s3cret"), "{err}");
    assert!(!d.data_dir().exists());
}

#[test]
fn an_unknown_key_in_the_config_file_is_refused_by_name() {
    let d = Deployment::sqlite();
    let config = d.dir.path().join("spona.toml");
    std::fs::write(&config, "listen = \"127.0.0.1:8080\"\ncolour = \"blue\"\n").unwrap();
    let err = refused(&d.run(&["--config", config.to_str().unwrap(), "team", "list"]));
    assert!(err.contains("colour") && err.contains("line 2"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn settings_come_from_options_then_environment_then_file() {
    let d = Deployment::sqlite();
    let config = d.dir.path().join("spona.toml");
    std::fs::write(
        &config,
        "listen = \"127.0.0.1:1001\"\nsession_idle_minutes = 15\nlog_format = \"json\"\n",
    )
    .unwrap();
    let settings = |env: Option<&str>, extra: &[&str]| {
        let mut command = d.command(&["--config", config.to_str().unwrap()]);
        command.args(extra).arg("settings");
        if let Some(listen) = env {
            command.env("SPONA_LISTEN", listen);
        }
        let out = command.output().expect("run spona");
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let from_file = settings(None, &[]);
    assert!(
        from_file.contains("listen = \"127.0.0.1:1001\""),
        "{from_file}"
    );
    assert!(
        from_file.contains("session_idle_minutes = 15"),
        "{from_file}"
    );
    assert!(from_file.contains("log_format = \"json\""), "{from_file}");
    let from_env = settings(Some("127.0.0.1:1002"), &[]);
    assert!(
        from_env.contains("listen = \"127.0.0.1:1002\""),
        "{from_env}"
    );
    assert!(from_env.contains("session_idle_minutes = 15"), "{from_env}");
    let from_option = settings(Some("127.0.0.1:1002"), &["--listen", "127.0.0.1:1003"]);
    assert!(
        from_option.contains("listen = \"127.0.0.1:1003\""),
        "{from_option}"
    );
}

#[test]
fn the_listen_variable_is_honoured_and_checked() {
    let d = Deployment::sqlite();
    let out = d
        .command(&["settings"])
        .env("SPONA_LISTEN", "127.0.0.1:9123")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("listen = \"127.0.0.1:9123\""));

    let out = d
        .command(&["team", "list"])
        .env("SPONA_LISTEN", "localhost")
        .output()
        .unwrap();
    let err = refused(&out);
    assert!(err.contains("listen") && err.contains("localhost"), "{err}");
}

#[test]
fn timeouts_out_of_range_are_refused() {
    let d = Deployment::sqlite();
    let err = refused(&d.run(&["--session-idle-minutes", "0", "team", "list"]));
    assert!(err.contains("session_idle_minutes"), "{err}");
    let err = refused(&d.run(&["--session-absolute-hours", "100", "team", "list"]));
    assert!(err.contains("session_absolute_hours"), "{err}");
}

#[cfg(unix)]
#[test]
fn serve_with_the_demo_answers_health_and_stops_on_sigterm() {
    let d = Deployment::sqlite();
    let (child, port) = start_server(&d, &["--demo"]);
    let out = stop_server(child);
    assert!(out.status.success(), "clean exit: {}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed.contains(&format!("http://127.0.0.1:{port}")),
        "{printed}"
    );
    assert!(printed.contains("spona-demo-2026"), "{printed}");
    assert!(printed.contains("nis-coordinator"), "{printed}");
    assert!(
        !printed.contains("/password/"),
        "the demo admin has a password"
    );
    assert!(health(port).is_none(), "nothing listens any more");
    assert_eq!(
        first_column(&d.ok(&["team", "list"])),
        ["code", "leskovac", "national", "nis"]
    );
}

#[cfg(unix)]
#[test]
fn serve_on_an_empty_deployment_prints_a_link_for_the_first_administrator() {
    let d = Deployment::sqlite();
    let (child, port) = start_server(&d, &[]);
    let out = stop_server(child);
    assert!(out.status.success(), "clean exit: {}", stderr(&out));
    let printed = stdout(&out);
    let prefix = format!("http://127.0.0.1:{port}/password/");
    let token = printed
        .split(&prefix)
        .nth(1)
        .map(|rest| rest.lines().next().unwrap_or_default().to_string())
        .expect("a one-time link");
    assert!(!token.is_empty());
    assert!(
        !stderr(&out).contains(&token),
        "the link never goes into the log"
    );
    let admin = row(&d.ok(&["user", "list"]), "admin").expect("the administrator");
    assert_eq!(admin[2], "admin");
}

#[test]
fn postgres_is_used_when_configured() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(db) = runtime.block_on(spona_testkit::TestDb::postgres()) else {
        return;
    };
    let spona_store::DatabaseUrl::Postgres(url) = db.url.clone() else {
        panic!("a PostgreSQL URL");
    };
    let d = Deployment::on(&url);
    let migrated = d.ok(&["migrate"]);
    assert!(migrated.contains("postgres://"), "{migrated}");
    d.ok(&["demo"]);
    assert_eq!(
        first_column(&d.ok(&["team", "list"])),
        ["code", "leskovac", "national", "nis"]
    );
    let out = d.run_with_input(
        &["user", "create", "--username", "ana", "--role", "national"],
        PASSWORD,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(row(&d.ok(&["user", "list"]), "ana").is_some());
    assert!(
        !d.data_dir().join("spona.db").exists(),
        "no SQLite file for a server database"
    );
    assert!(
        d.data_dir().join("spona.key").exists(),
        "the key stays on the instance, never in the database"
    );
    runtime.block_on(db.finish());
}

#[test]
fn audit_verify_finds_an_altered_entry() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    for name in ["ana", "bojan"] {
        let out = d.run_with_input(
            &["user", "create", "--username", name, "--role", "national"],
            &format!("{PASSWORD}\n"),
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let intact = d.ok(&["audit", "verify"]);
    assert!(
        intact.contains("intact") && intact.contains("entries verified"),
        "{intact}"
    );
    tamper(
        &d,
        "UPDATE audit_log SET address = 'elsewhere' WHERE seq = 2",
    );
    let broken = refused(&d.run(&["audit", "verify"]));
    assert!(broken.contains("entry 2"), "{broken}");
}

#[test]
fn the_key_file_is_private_and_a_loose_one_is_refused() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let key = d.data_dir().join("spona.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        d.ok(&["team", "list"]);
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = refused(&d.run(&["team", "list"]));
        assert!(err.contains("chmod 600"), "{err}");
    }
    let db = std::fs::read(d.data_dir().join("spona.db")).unwrap();
    let key_text = std::fs::read_to_string(&key).unwrap();
    let needle = key_text.trim().as_bytes();
    assert!(
        !db.windows(needle.len()).any(|w| w == needle),
        "the key is never in the database"
    );
}

#[test]
fn a_key_from_the_environment_is_used_and_checked() {
    let d = Deployment::sqlite();
    let out = d
        .command(&["team", "list"])
        .env("SPONA_MASTER_KEY", "not a key")
        .output()
        .unwrap();
    let err = refused(&out);
    assert!(err.contains("SPONA_MASTER_KEY"), "{err}");
    let good = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    let out = d
        .command(&["team", "list"])
        .env("SPONA_MASTER_KEY", good)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !d.data_dir().join("spona.key").exists(),
        "no key file when the environment has the key"
    );
}

#[cfg(unix)]
#[test]
fn the_request_log_holds_route_patterns_not_tokens_or_searches() {
    let d = Deployment::sqlite();
    let (child, port) = start_server(&d, &["--demo"]);
    for path in [
        "/password/SECRETTOKEN42",
        "/login?next=%2Fteams%3Fq%3DJovana",
    ] {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
    }
    let out = stop_server(child);
    let log = stderr(&out);
    assert!(
        log.contains("/password/{token}"),
        "the route is logged: {log}"
    );
    assert!(!log.contains("SECRETTOKEN42"), "{log}");
    assert!(!log.contains("Jovana"), "{log}");
}

#[test]
fn a_team_is_created_from_the_console_and_a_taken_code_is_refused() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    d.ok(&[
        "team",
        "create",
        "--code",
        "Vranje",
        "--name",
        "Локални тим Врање",
        "--city",
        "Врање",
    ]);
    assert_eq!(
        first_column(&d.ok(&["team", "list"])),
        ["code", "leskovac", "national", "nis", "vranje"]
    );
    let err = refused(&d.run(&[
        "team",
        "create",
        "--code",
        "nis",
        "--name",
        "Други",
        "--city",
        "Ниш",
    ]));
    assert!(err.contains("code"), "{err}");
}

#[test]
fn catalogues_are_imported_from_files_and_listed() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let file = d.dir.path().join("police.tsv");
    std::fs::write(
        &file,
        "sector\tpolice\nversion\t2015\ndomain\td\tДомен\tDomain\nindicator\ta\td\tПоказатељ\tIndicator\n",
    )
    .unwrap();
    let out = d.ok(&["catalogue", "import", file.to_str().unwrap()]);
    assert!(out.contains("2015") && out.contains("police"), "{out}");
    let list = d.ok(&["catalogue", "list"]);
    assert_eq!(
        first_column(&list),
        [
            "sector",
            "child",
            "education",
            "general-adult",
            "health",
            "ilo-forced-labour",
            "labour-exploitation",
            "labour-inspection",
            "ngo",
            "police",
            "police",
            "social-protection",
        ]
    );
    std::fs::write(
        &file,
        "sector\tpolice\nversion\t2016\nindicator\tb\tmissing\tТ\tT\n",
    )
    .unwrap();
    let err = refused(&d.run(&["catalogue", "import", file.to_str().unwrap()]));
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn a_spreadsheet_is_imported_only_whole_and_only_once() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let file = d.dir.path().join("activities.csv");
    let bad = "Date;Title;Kind;Place;Pupils\n\
               2025-10-18;Трибина у Гимназији;Трибина;Гимназија;120\n\
               2025-11-02;Изложба;festival;ЛКЦ;40\n";
    std::fs::write(&file, bad).unwrap();
    let path = file.to_str().unwrap();
    let args = ["import", "--team", "leskovac", "--kind", "activities"];
    let err = refused(&d.run(&[&args[..], &["--dry-run", path]].concat()));
    assert!(err.contains("row 3, Kind: "), "{err}");
    let err = refused(&d.run(&[&args[..], &[path]].concat()));
    assert!(
        err.contains("row 3, Kind: ") && err.contains("nothing saved"),
        "{err}"
    );

    std::fs::write(&file, bad.replace("festival", "exhibition")).unwrap();
    let out = d.ok(&[&args[..], &["--dry-run", path]].concat());
    assert!(out.contains("2 new row(s) would be saved"), "{out}");
    let out = d.ok(&[&args[..], &[path]].concat());
    assert!(
        out.contains("Saved 2 new row(s)"),
        "the dry run saved nothing: {out}"
    );
    let out = d.ok(&[&args[..], &[path]].concat());
    assert!(out.contains("Saved 0 new row(s); 2 already there"), "{out}");

    let err = refused(&d.run(&["import", "--team", "atlantis", "--kind", "members", path]));
    assert!(err.contains("no team"), "{err}");
    let err = refused(&d.run(&["import", "--kind", "members", path]));
    assert!(err.contains("--team CODE is needed"), "{err}");
    let err = refused(&d.run(&["import", "--team", "leskovac", "--kind", "trainings", path]));
    assert!(err.contains("--as USERNAME"), "{err}");
}

#[test]
fn materials_are_imported_at_the_console_as_the_account_that_records_them() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let file = d.dir.path().join("materials.csv");
    std::fs::write(
        &file,
        "Material;Kind of material;Donor;Project;Quantity;Lowest stock;Date\n\
         Лифлет (конзола);leaflet;;;250;;2025-12-01\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let args = ["import", "--kind", "materials", "--as"];
    let err = refused(&d.run(&[&args[..], &["nobody", path]].concat()));
    assert!(err.contains("no account"), "{err}");
    let err = refused(&d.run(&[&args[..], &["auditor", path]].concat()));
    assert!(err.contains("may not import"), "{err}");
    let out = d.ok(&[&args[..], &["le-member", path]].concat());
    assert!(out.contains("Saved 1 new row(s)"), "{out}");
    let out = d.ok(&[&args[..], &["le-member", path]].concat());
    assert!(out.contains("Saved 0 new row(s); 1 already there"), "{out}");
}

#[test]
fn imported_accounts_get_their_links_printed_once() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let file = d.dir.path().join("accounts.csv");
    std::fs::write(
        &file,
        "Username,Name on the account,Role,Team,Institution\n\
         nis-helper,Niš Helper,member,nis,pu\n\
         dpo2,Second Officer,auditor,,\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = d.ok(&["import", "--kind", "accounts", path]);
    assert!(out.contains("Saved 2 new row(s)"), "{out}");
    let links: Vec<&str> = out.lines().filter(|l| l.contains("/password/")).collect();
    assert_eq!(links.len(), 2, "{out}");
    assert!(links[0].starts_with("nis-helper\t"), "{out}");
    let out = d.ok(&["import", "--kind", "accounts", path]);
    assert!(out.contains("Saved 0 new row(s); 2 already there"), "{out}");
    assert!(!out.contains("/password/"), "no link twice: {out}");
}

#[test]
fn mail_settings_come_in_pairs_and_are_checked() {
    let d = Deployment::sqlite();
    let err = refused(&d.run(&["--smtp-server", "127.0.0.1:25", "settings"]));
    assert!(err.contains("mail_from"), "{err}");
    let err = refused(&d.run(&[
        "--smtp-server",
        "localhost",
        "--mail-from",
        "spona@example.rs",
        "settings",
    ]));
    assert!(err.contains("HOST:PORT"), "{err}");
    let err = refused(&d.run(&["--public-url", "spona.example", "settings"]));
    assert!(err.contains("public_url"), "{err}");
    d.ok(&[
        "--smtp-server",
        "127.0.0.1:25",
        "--mail-from",
        "spona@example.rs",
        "settings",
    ]);
}

#[test]
fn the_urgent_referral_deadline_is_counted_in_hours_not_days() {
    let d = Deployment::sqlite();
    let err = refused(&d.run(&["--urgent-referral-hours", "48", "settings"]));
    assert!(err.contains("urgent_referral_hours"), "{err}");
    let err = refused(&d.run(&["--referral-answer-days", "0", "settings"]));
    assert!(err.contains("referral_answer_days"), "{err}");
    d.ok(&[
        "--urgent-referral-hours",
        "2",
        "--referral-answer-days",
        "5",
        "settings",
    ]);
}

#[test]
fn the_auditors_alert_thresholds_are_checked_and_shown() {
    let d = Deployment::sqlite();
    let shown = d.ok(&["settings"]);
    assert!(shown.contains("alert_case_views = 20"), "{shown}");
    assert!(shown.contains("alert_window_minutes = 10"), "{shown}");
    assert!(shown.contains("working_hours = \"7-19\""), "{shown}");
    let shown = d.ok(&[
        "--alert-case-views",
        "8",
        "--working-hours",
        "8-16",
        "settings",
    ]);
    assert!(shown.contains("alert_case_views = 8"), "{shown}");
    assert!(shown.contains("working_hours = \"8-16\""), "{shown}");
    let err = refused(&d.run(&["--working-hours", "16-8", "settings"]));
    assert!(err.contains("working_hours"), "{err}");
    let err = refused(&d.run(&["--alert-window-minutes", "0", "settings"]));
    assert!(err.contains("alert_window_minutes"), "{err}");
}

#[test]
fn the_time_zone_is_serbian_unless_set_and_an_unknown_one_is_refused_by_name() {
    let d = Deployment::sqlite();
    let shown = d.ok(&["settings"]);
    assert!(shown.contains("time_zone = \"Europe/Belgrade\""), "{shown}");
    let shown = d.ok(&["--time-zone", "Europe/Vienna", "settings"]);
    assert!(shown.contains("time_zone = \"Europe/Vienna\""), "{shown}");
    let err = refused(&d.run(&["--time-zone", "Europe/Leskovac", "settings"]));
    assert!(
        err.contains("time_zone") && err.contains("Europe/Leskovac"),
        "{err}"
    );
}

#[test]
fn the_disclosure_threshold_is_checked_and_shown() {
    let d = Deployment::sqlite();
    let err = refused(&d.run(&["--disclosure-threshold", "1", "settings"]));
    assert!(err.contains("disclosure_threshold"), "{err}");
    let err = refused(&d.run(&["--disclosure-threshold", "101", "settings"]));
    assert!(err.contains("disclosure_threshold"), "{err}");
    let shown = d.ok(&["settings"]);
    assert!(shown.contains("disclosure_threshold = 11"), "{shown}");
    let shown = d.ok(&["--disclosure-threshold", "5", "settings"]);
    assert!(shown.contains("disclosure_threshold = 5"), "{shown}");
}

#[test]
fn a_scale_out_of_its_range_is_refused_before_anything_is_made() {
    let d = Deployment::sqlite();
    for scale in ["0", "101", "ten"] {
        let out = d.run(&["demo", "--scale", scale]);
        assert!(!out.status.success(), "--scale {scale}");
        assert!(stderr(&out).contains("--scale"), "{}", stderr(&out));
    }
    assert!(!d.data_dir().exists(), "a refused scale touches nothing");
}
