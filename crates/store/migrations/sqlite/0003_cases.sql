-- Cases of potential victims. Personal data lives only in the sealed part columns
-- (base64 of XChaCha20-Poly1305 under the case's own data key, which is stored wrapped);
-- the plain columns hold what deadlines, access and aggregate statistics need.
CREATE TABLE case_counters (
    team_id BIGINT NOT NULL REFERENCES teams(id),
    year BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (team_id, year)
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    year BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    owner_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    reported_by BIGINT NOT NULL REFERENCES users(id),
    state TEXT NOT NULL,
    proceedings TEXT NOT NULL DEFAULT 'none',
    may_be_child BIGINT NOT NULL,
    lacks_capacity BIGINT NOT NULL,
    immediate_danger BIGINT NOT NULL,
    age_band TEXT NOT NULL,
    sex TEXT NOT NULL,
    citizenship TEXT NOT NULL DEFAULT '',
    reporter_kind TEXT NOT NULL,
    referral_source TEXT NOT NULL,
    exploitation TEXT NOT NULL DEFAULT '',
    detected_on TEXT NOT NULL,
    reported_at BIGINT NOT NULL,
    data_key TEXT NOT NULL DEFAULT '',
    identity TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    circumstances TEXT NOT NULL DEFAULT '',
    screening TEXT NOT NULL DEFAULT '',
    person_index TEXT,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (team_id, year, seq)
);
CREATE INDEX cases_by_team ON cases (team_id, state);
CREATE INDEX cases_by_owner ON cases (owner_institution_id);
CREATE INDEX cases_by_person_index ON cases (team_id, person_index);

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    from_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    to_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    purpose TEXT NOT NULL,
    shared_parts TEXT NOT NULL,
    urgency TEXT NOT NULL,
    status TEXT NOT NULL,
    protocol BIGINT NOT NULL DEFAULT 0,
    sent_by BIGINT NOT NULL REFERENCES users(id),
    sent_at BIGINT NOT NULL,
    deadline_at BIGINT NOT NULL,
    answered_at BIGINT,
    answered_by BIGINT REFERENCES users(id),
    decline_reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX referrals_by_case ON referrals (case_id);
CREATE INDEX referrals_by_receiver ON referrals (to_institution_id, status);
CREATE INDEX referrals_open_by_deadline ON referrals (status, deadline_at);

CREATE TABLE case_tasks (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    created_at BIGINT NOT NULL,
    done_at BIGINT,
    done_by BIGINT REFERENCES users(id)
);
CREATE INDEX case_tasks_by_case ON case_tasks (case_id);
