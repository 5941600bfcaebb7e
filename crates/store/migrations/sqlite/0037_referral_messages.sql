-- Messages on a referral between its two sides, kept in the case: the receiver's question to
-- the referrer, the referrer's answer, and the summary of the protection and assistance plan
-- that the Centre for Protection of Victims of Trafficking shares back. The text is personal
-- data, sealed under the case's key (the app opens it for the two sides only).
CREATE TABLE referral_messages (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    referral_id BIGINT NOT NULL REFERENCES referrals(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    from_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    text TEXT NOT NULL DEFAULT '',
    written_by BIGINT NOT NULL REFERENCES users(id),
    written_at BIGINT NOT NULL
);
CREATE INDEX referral_messages_by_case ON referral_messages (case_id, written_at);
