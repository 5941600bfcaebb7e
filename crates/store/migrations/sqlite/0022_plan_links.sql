-- Activities and trainings carry out plan activities: the links become real foreign keys
-- (the plan and the register were built apart), a plan activity may plan a number of events
-- that its progress is computed from, and a hand-out of materials may name the activity of
-- the register it happened at. Links that pointed nowhere are dropped rather than kept.
ALTER TABLE plan_activities ADD COLUMN planned_events BIGINT NOT NULL DEFAULT 0;

ALTER TABLE activities ADD COLUMN plan_activity_ref BIGINT REFERENCES plan_activities(id);
UPDATE activities SET plan_activity_ref = plan_activity_id
    WHERE plan_activity_id IN (SELECT id FROM plan_activities);
ALTER TABLE activities DROP COLUMN plan_activity_id;
ALTER TABLE activities RENAME COLUMN plan_activity_ref TO plan_activity_id;
CREATE INDEX activities_by_plan_activity ON activities (plan_activity_id);

ALTER TABLE trainings ADD COLUMN plan_activity_ref BIGINT REFERENCES plan_activities(id);
UPDATE trainings SET plan_activity_ref = plan_activity_id
    WHERE plan_activity_id IN (SELECT id FROM plan_activities);
ALTER TABLE trainings DROP COLUMN plan_activity_id;
ALTER TABLE trainings RENAME COLUMN plan_activity_ref TO plan_activity_id;
CREATE INDEX trainings_by_plan_activity ON trainings (plan_activity_id);

ALTER TABLE material_movements ADD COLUMN activity_id BIGINT REFERENCES activities(id);
CREATE INDEX material_movements_by_activity ON material_movements (activity_id);
