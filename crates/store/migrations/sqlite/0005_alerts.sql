-- Emergency access, in-app notifications, escalation of overdue referrals, and the leases
-- that let one instance of a deployment run each background job.
CREATE TABLE break_glass (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX break_glass_by_user ON break_glass (user_id, case_id, expires_at);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    institution_id BIGINT REFERENCES institutions(id),
    user_id BIGINT REFERENCES users(id),
    kind TEXT NOT NULL,
    case_id BIGINT REFERENCES cases(id),
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_by_institution ON notifications (institution_id, read_at);
CREATE INDEX notifications_by_user ON notifications (user_id, read_at);

ALTER TABLE referrals ADD COLUMN escalated_at BIGINT;

CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until BIGINT NOT NULL
);
