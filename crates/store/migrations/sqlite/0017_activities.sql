-- Prevention and awareness work of a team (public talks, exhibitions, screenings, media
-- appearances, the marking of 18 October and 30 July), and the schools and venues of the
-- team's city where it takes place. No personal data of persons in cases is kept here.
CREATE TABLE venues (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    name TEXT NOT NULL,
    -- school, venue
    kind TEXT NOT NULL,
    search_key TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    UNIQUE (team_id, name)
);
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    title TEXT NOT NULL,
    -- public-talk, exhibition, film-screening, campaign, media, conference, eu-day,
    -- world-day, other
    kind TEXT NOT NULL,
    -- tv, radio, press, online for media appearances; empty otherwise
    medium TEXT NOT NULL DEFAULT '',
    held_on TEXT NOT NULL,
    venue_id BIGINT REFERENCES venues(id),
    place TEXT NOT NULL DEFAULT '',
    partners TEXT NOT NULL DEFAULT '',
    pupils BIGINT NOT NULL DEFAULT 0,
    teachers BIGINT NOT NULL DEFAULT 0,
    parents BIGINT NOT NULL DEFAULT 0,
    officials BIGINT NOT NULL DEFAULT 0,
    general_public BIGINT NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    -- The activity of the coordination plan this one carries out. It will reference the plan's
    -- activities once that table exists (built separately); no foreign key until then.
    plan_activity_id BIGINT,
    search_key TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX activities_by_date ON activities (team_id, held_on);
