-- Pairs of cases whose blind person index matched (same folded name and birth year), for
-- the owning institutions to review. The lower case id comes first, so that a pair exists
-- once and a reviewed pair is never raised again.
CREATE TABLE possible_duplicates (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    other_case_id BIGINT NOT NULL REFERENCES cases(id),
    found_at BIGINT NOT NULL,
    -- pending, same-person, different-persons
    outcome TEXT NOT NULL DEFAULT 'pending',
    reviewed_by BIGINT REFERENCES users(id),
    reviewed_at BIGINT,
    reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (case_id, other_case_id)
);
CREATE INDEX possible_duplicates_pending ON possible_duplicates (team_id, outcome);
