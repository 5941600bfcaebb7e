-- Teams, their registry, accounts and sign-in state.
-- Flags are BIGINT 0/1 on both engines: the one type both drivers decode alike.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_cyrl TEXT NOT NULL,
    name_latn TEXT NOT NULL,
    city TEXT NOT NULL,
    founding_number TEXT NOT NULL DEFAULT '',
    founding_date TEXT,
    founding_body TEXT NOT NULL DEFAULT '',
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE institutions (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    code TEXT NOT NULL,
    standing TEXT NOT NULL CHECK (standing IN ('member', 'partner')),
    kind TEXT NOT NULL,
    name_cyrl TEXT NOT NULL,
    name_latn TEXT NOT NULL,
    short_name TEXT NOT NULL,
    is_lead BIGINT NOT NULL DEFAULT 0,
    is_donor BIGINT NOT NULL DEFAULT 0,
    cooperation TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    search_key TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (team_id, code)
);
CREATE INDEX institutions_by_team ON institutions (team_id, standing, active);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    team_id BIGINT REFERENCES teams(id),
    institution_id BIGINT REFERENCES institutions(id),
    password_hash TEXT,
    locale TEXT NOT NULL DEFAULT 'sr-Cyrl',
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX users_by_team ON users (team_id);

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    full_name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    team_role TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    from_date TEXT NOT NULL,
    to_date TEXT,
    search_key TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX members_by_team ON members (team_id, active);
CREATE INDEX members_by_institution ON members (institution_id);

CREATE TABLE registry_history (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    subject TEXT NOT NULL CHECK (subject IN ('team', 'institution', 'member')),
    subject_id BIGINT NOT NULL,
    change TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    actor_id BIGINT REFERENCES users(id),
    at BIGINT NOT NULL
);
CREATE INDEX registry_history_by_subject ON registry_history (subject, subject_id, at);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_throttle (
    key_hash TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE one_time_tokens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
