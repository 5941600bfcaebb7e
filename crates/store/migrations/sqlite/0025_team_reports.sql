-- The periodic reports of a team to the National Coordinator. A draft's text is edited and
-- its figures are computed when shown; submitting freezes the figures and the text as JSON
-- in `content` with its SHA-256 in `content_hash` (also sealed in the audit chain). A
-- correction is a new version of the same period. The triggers keep a submitted report as
-- it was submitted even against a mistaken UPDATE or DELETE.
CREATE TABLE team_reports (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    -- 2026-Q3 for a quarter, 2026 for a year
    period TEXT NOT NULL,
    version BIGINT NOT NULL,
    supersedes BIGINT REFERENCES team_reports(id),
    -- draft, submitted, acknowledged
    status TEXT NOT NULL DEFAULT 'draft',
    summary TEXT NOT NULL DEFAULT '',
    cooperation TEXT NOT NULL DEFAULT '',
    challenges TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- raised by every save of the draft's text, for edit conflicts
    edit_version BIGINT NOT NULL DEFAULT 1,
    submitted_by BIGINT REFERENCES users(id),
    submitted_at BIGINT,
    acknowledged_by BIGINT REFERENCES users(id),
    acknowledged_at BIGINT,
    acknowledgement TEXT NOT NULL DEFAULT '',
    UNIQUE (team_id, period, version)
);
CREATE UNIQUE INDEX team_reports_one_draft ON team_reports (team_id, period)
    WHERE status = 'draft';
CREATE INDEX team_reports_by_team ON team_reports (team_id, period, version);
CREATE INDEX team_reports_by_period ON team_reports (period, status);

CREATE TRIGGER team_reports_frozen BEFORE UPDATE ON team_reports
WHEN OLD.status <> 'draft' AND (
    NEW.content <> OLD.content OR NEW.content_hash <> OLD.content_hash
    OR NEW.summary <> OLD.summary OR NEW.cooperation <> OLD.cooperation
    OR NEW.challenges <> OLD.challenges OR NEW.next_steps <> OLD.next_steps
    OR NEW.period <> OLD.period OR NEW.version <> OLD.version OR NEW.team_id <> OLD.team_id
    OR NEW.status = 'draft'
)
BEGIN
    SELECT RAISE(ABORT, 'a submitted report is frozen');
END;

CREATE TRIGGER team_reports_kept BEFORE DELETE ON team_reports
WHEN OLD.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'a submitted report is kept');
END;

-- The case counts of a quarter as they were when a report first published them, by
-- category (never a person): later reports of that quarter or its year are protected
-- against what was published from exactly these counts. A quarter is listed once frozen,
-- with or without cases.
CREATE TABLE frozen_case_periods (
    team_id BIGINT NOT NULL REFERENCES teams(id),
    period TEXT NOT NULL,
    frozen_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, period)
);
CREATE TABLE frozen_case_counts (
    team_id BIGINT NOT NULL REFERENCES teams(id),
    period TEXT NOT NULL,
    -- the categories of the counted cases or referrals, joined
    category TEXT NOT NULL,
    -- case or referral
    population TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (team_id, period, category, population)
);

-- Reports count a period's cases and referrals by their categories: ranges of these, the
-- cases' categories in the index itself so that counting reads no rows.
CREATE INDEX cases_by_reported ON cases (team_id, reported_at, referral_source, sex, age_band,
    citizenship, exploitation, state);
CREATE INDEX referrals_by_sent ON referrals (team_id, sent_at);
