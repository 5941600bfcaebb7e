-- The national framework (deployment-wide) and each team's coordination plan.
CREATE TABLE framework_documents (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    first_year BIGINT NOT NULL,
    last_year BIGINT NOT NULL,
    part_of BIGINT REFERENCES framework_documents(id),
    reference TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
-- Objectives and measures of a document, with their codes as typed in it.
CREATE TABLE framework_items (
    id INTEGER PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES framework_documents(id),
    -- objective, measure
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (document_id, code)
);
CREATE TABLE coordination_plans (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    -- draft, adopted, revised
    status TEXT NOT NULL DEFAULT 'draft',
    -- the plan's version number, raised by the first change after each adoption
    version BIGINT NOT NULL DEFAULT 1,
    meeting_on TEXT,
    decision TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX coordination_plans_team ON coordination_plans (team_id, starts_on);
CREATE TABLE plan_objectives (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES coordination_plans(id),
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX plan_objectives_plan ON plan_objectives (plan_id);
-- Activities recorded later (activities, trainings) will point here by id.
CREATE TABLE plan_activities (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES coordination_plans(id),
    objective_id BIGINT NOT NULL REFERENCES plan_objectives(id),
    title TEXT NOT NULL,
    responsible_id BIGINT NOT NULL REFERENCES institutions(id),
    partners TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL,
    budget BIGINT NOT NULL DEFAULT 0,
    funding_source TEXT NOT NULL DEFAULT '',
    indicator TEXT NOT NULL DEFAULT '',
    baseline TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    verification TEXT NOT NULL DEFAULT '',
    measure_id BIGINT REFERENCES framework_items(id),
    progress BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX plan_activities_plan ON plan_activities (plan_id, deadline);
-- Every change of a plan, under the version it belongs to: the versions' history.
CREATE TABLE plan_changes (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES coordination_plans(id),
    version BIGINT NOT NULL,
    -- created, edited, adopted, objective-added, objective-removed, activity-added, ...
    change TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    actor_id BIGINT REFERENCES users(id),
    at BIGINT NOT NULL
);
CREATE INDEX plan_changes_plan ON plan_changes (plan_id, id);
