-- Transfer of a case's ownership to another institution (of the team, of another team or of
-- the national level): offered with a reason (sealed under the case's key, as a referral's
-- purpose is), then accepted or declined by the receiver, or withdrawn by the owner. At most
-- one offer of a case waits at a time. The case keeps its team and its code; on acceptance
-- its owner changes, and the former owner keeps reading the record if the receiver allowed.
CREATE TABLE case_transfers (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    from_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    to_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    former_reads BIGINT NOT NULL DEFAULT 0,
    offered_by BIGINT NOT NULL REFERENCES users(id),
    offered_at BIGINT NOT NULL,
    answered_by BIGINT REFERENCES users(id),
    answered_at BIGINT,
    decline_reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_transfers_by_case ON case_transfers (case_id);
CREATE INDEX case_transfers_by_receiver ON case_transfers (to_institution_id, status);
CREATE UNIQUE INDEX case_transfers_one_waiting ON case_transfers (case_id) WHERE status = 'offered';
ALTER TABLE cases ADD COLUMN former_owner_institution_id BIGINT REFERENCES institutions(id);
