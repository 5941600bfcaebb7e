-- What a team shows beyond itself: calendar feeds of its public work behind secret links
-- (only the SHA-256 of each link's token is kept, as for sessions), and its public page,
-- off until the coordinator turns it on.
CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX calendar_feeds_by_team ON calendar_feeds (team_id, created_at);

CREATE TABLE public_pages (
    team_id BIGINT PRIMARY KEY REFERENCES teams(id),
    enabled BIGINT NOT NULL DEFAULT 0,
    intro TEXT NOT NULL DEFAULT '',
    updated_by BIGINT NOT NULL REFERENCES users(id),
    updated_at BIGINT NOT NULL
);
