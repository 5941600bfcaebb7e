-- Requests of a person about their data in a case (rectification, restriction, erasure),
-- recorded by the case's owner: when they came in and by when they are to be answered (as
-- dates, ISO), the legal basis (sealed under the case's key), and later the outcome with its
-- reason (sealed the same way) and the day it was decided. A request without an outcome is
-- open; the owner's dashboard lists the open ones by their deadline.
CREATE TABLE data_requests (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    received_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL,
    outcome TEXT,
    reason TEXT NOT NULL DEFAULT '',
    decided_on TEXT,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX data_requests_by_case ON data_requests (case_id);
CREATE INDEX data_requests_open ON data_requests (due_on) WHERE outcome IS NULL;
