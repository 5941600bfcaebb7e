-- Retention: what the schedule removed, and what stops it.
--
-- A case whose personal data was removed under the retention schedule keeps its row and its
-- coded fields (state, dates, age band, forms of exploitation: what statistics and submitted
-- reports rest on); its data key, sealed parts and blind index are gone, and this says when.
ALTER TABLE cases ADD COLUMN shredded_at BIGINT;

-- A legal hold: while a case has one, the schedule removes nothing of it. Set and lifted by
-- the case's owner or the auditor, with a reason; both are in the audit trail.
CREATE TABLE case_holds (
    case_id BIGINT PRIMARY KEY REFERENCES cases(id),
    team_id BIGINT NOT NULL REFERENCES teams(id),
    reason TEXT NOT NULL,
    set_by BIGINT NOT NULL REFERENCES users(id),
    set_at BIGINT NOT NULL
);

-- The start of the audit chain once its oldest entries were removed: the last removed
-- entry's number and hash (the next entry links to it), sealed with the chain key of its
-- epoch, so that nobody without the key can cut the chain's start and move this along.
CREATE TABLE audit_anchor (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    until_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL,
    removed_at BIGINT NOT NULL,
    seal TEXT NOT NULL
);

-- What removed audit entries said, in aggregate: how many of each action about each kind of
-- record in each month (UTC, "2026-12").
CREATE TABLE audit_aggregates (
    month TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    entries BIGINT NOT NULL,
    PRIMARY KEY (month, action, subject)
);

-- Sign-in entries whose who and where (account, name, address) were erased under the
-- retention schedule: the entry stays in the chain with its hash, and this seal, made with
-- the chain key of its epoch, vouches for the erasure in place of the erased fields.
CREATE TABLE audit_erasures (
    seq BIGINT PRIMARY KEY,
    seal TEXT NOT NULL
);
