-- The guidelines library: procedures, indicator lists, protocols and contact sheets, with
-- versions, the institution kinds they address and their dates in force; officials
-- acknowledge that they have read the current version.
CREATE TABLE guidelines (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    -- Institution kinds addressed, comma-separated; empty: everyone.
    addressed TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    in_force_from TEXT NOT NULL,
    in_force_to TEXT,
    current_version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX guidelines_by_team ON guidelines (team_id);

CREATE TABLE guideline_versions (
    guideline_id BIGINT NOT NULL REFERENCES guidelines(id),
    version_no BIGINT NOT NULL,
    body TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (guideline_id, version_no)
);

CREATE TABLE guideline_reads (
    guideline_id BIGINT NOT NULL REFERENCES guidelines(id),
    version_no BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    read_at BIGINT NOT NULL,
    PRIMARY KEY (guideline_id, version_no, user_id)
);
