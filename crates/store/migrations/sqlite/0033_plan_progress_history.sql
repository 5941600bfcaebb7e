-- Progress entered by hand keeps its history, so that a report tells a plan activity's
-- progress as it stood at the end of its period, not as it was typed later. The rows that
-- exist already get one entry at their last change: the best that is known of them.
CREATE TABLE plan_progress_entries (
    id INTEGER PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES plan_activities(id),
    progress BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX plan_progress_entries_by_activity ON plan_progress_entries (activity_id, at);
INSERT INTO plan_progress_entries (activity_id, progress, at)
    SELECT id, progress, updated_at FROM plan_activities WHERE progress <> 0;
