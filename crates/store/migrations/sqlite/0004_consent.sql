-- Guardians and consents of cases. Names and what was explained are sealed under the case's key.
CREATE TABLE case_guardians (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    sealed TEXT NOT NULL,
    appointed_on TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX case_guardians_by_case ON case_guardians (case_id);

CREATE TABLE case_consents (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    given_by TEXT NOT NULL,
    sealed TEXT NOT NULL,
    parts TEXT NOT NULL,
    institutions TEXT NOT NULL,
    given_on TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    withdrawn_by BIGINT REFERENCES users(id)
);
CREATE INDEX case_consents_by_case ON case_consents (case_id);

ALTER TABLE referrals ADD COLUMN consent_id BIGINT REFERENCES case_consents(id);
ALTER TABLE referrals ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
