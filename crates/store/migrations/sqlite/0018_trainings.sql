-- Trainings of officials (how to treat a victim, especially a child), who attended them by
-- institution, and how many relevant staff each institution has (for the coverage share).
-- plan_activity_id will reference the coordination plan's activities; the plan is built
-- separately, so the column has no foreign key yet.
CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    topic TEXT NOT NULL,
    trainer TEXT NOT NULL,
    held_on TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    score_before BIGINT,
    score_after BIGINT,
    plan_activity_id BIGINT,
    search_key TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX trainings_by_team ON trainings (team_id, held_on);

-- How many attended from each institution (always known, names or not).
CREATE TABLE training_attendance (
    training_id BIGINT NOT NULL REFERENCES trainings(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    participants BIGINT NOT NULL,
    PRIMARY KEY (training_id, institution_id)
);

-- Named participants, where known; `token` is the opaque id used in certificate links.
CREATE TABLE training_participants (
    id INTEGER PRIMARY KEY,
    training_id BIGINT NOT NULL REFERENCES trainings(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    name TEXT NOT NULL,
    score_before BIGINT,
    score_after BIGINT,
    token TEXT NOT NULL UNIQUE
);
CREATE INDEX training_participants_by_training ON training_participants (training_id);

-- The number of staff of an institution who should be trained, entered by the coordinator.
CREATE TABLE training_staff (
    team_id BIGINT NOT NULL REFERENCES teams(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    staff BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, institution_id)
);
