-- Team meetings: agenda, attendance by institution, minutes, decisions, and action items
-- with an owner and a deadline that are followed up until done.
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL,
    minutes TEXT NOT NULL DEFAULT '',
    decisions TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users(id),
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX meetings_by_team ON meetings (team_id, held_on);

CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    PRIMARY KEY (meeting_id, institution_id)
);

CREATE TABLE meeting_actions (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    task TEXT NOT NULL,
    owner_institution_id BIGINT NOT NULL REFERENCES institutions(id),
    deadline TEXT NOT NULL,
    done_on TEXT,
    follow_up TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_actions_open ON meeting_actions (team_id, done_on, deadline);
CREATE INDEX meeting_actions_by_meeting ON meeting_actions (meeting_id);

-- Cooperation with the National Coordinator: requests, submissions and replies.
CREATE TABLE cooperation_entries (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    documents TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX cooperation_by_team ON cooperation_entries (team_id, on_date);
