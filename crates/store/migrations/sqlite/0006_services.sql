-- Protection and services: services by type, the recovery and reflection period, follow-ups,
-- and notes (sealed; visible to the writer's institution unless shared).
CREATE TABLE case_services (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    service_type TEXT NOT NULL,
    provider TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    status TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_services_by_case ON case_services (case_id);

CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    sealed TEXT NOT NULL,
    shared BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id);

ALTER TABLE cases ADD COLUMN recovery_starts TEXT;
ALTER TABLE cases ADD COLUMN recovery_ends TEXT;
ALTER TABLE cases ADD COLUMN recovery_reminded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_tasks ADD COLUMN due_on TEXT;
ALTER TABLE case_tasks ADD COLUMN sealed TEXT NOT NULL DEFAULT '';
