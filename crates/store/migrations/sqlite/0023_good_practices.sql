-- Good practices: an activity of the register or a training that the team's coordinator
-- publishes as a model for the other teams (what was done, materials, results). A
-- withdrawn practice is kept (withdrawn_at set) and still names its source, so the source
-- cannot be deleted while any practice names it.
CREATE TABLE good_practices (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    activity_id BIGINT REFERENCES activities(id),
    training_id BIGINT REFERENCES trainings(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    materials TEXT NOT NULL DEFAULT '',
    results TEXT NOT NULL DEFAULT '',
    -- Title and texts folded, so that a search finds them in either script.
    search_key TEXT NOT NULL,
    published_by BIGINT NOT NULL REFERENCES users(id),
    published_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    CHECK ((activity_id IS NULL) <> (training_id IS NULL))
);
-- At most one live practice per source.
CREATE UNIQUE INDEX good_practices_live_activity ON good_practices (activity_id)
    WHERE withdrawn_at IS NULL AND activity_id IS NOT NULL;
CREATE UNIQUE INDEX good_practices_live_training ON good_practices (training_id)
    WHERE withdrawn_at IS NULL AND training_id IS NOT NULL;
-- Every practice of a source, live or withdrawn (deleting the source is refused on them).
CREATE INDEX good_practices_by_activity ON good_practices (activity_id);
CREATE INDEX good_practices_by_training ON good_practices (training_id);
-- The list's order among the live ones.
CREATE INDEX good_practices_live_order ON good_practices (published_at DESC, id DESC)
    WHERE withdrawn_at IS NULL;
