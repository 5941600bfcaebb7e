-- The number and audience of a team's activities by year and kind, kept by triggers as
-- activities are recorded, changed and removed: the list's totals line read them instead of
-- counting and summing every activity of the team on each view (24 ms of a 25 ms page at
-- national scale). Derived data: a backup leaves it out, and the restored activities fill it.
CREATE TABLE activity_tallies (
    team_id BIGINT NOT NULL,
    year TEXT NOT NULL,
    kind TEXT NOT NULL,
    activities BIGINT NOT NULL,
    reach BIGINT NOT NULL,
    PRIMARY KEY (team_id, year, kind)
);

INSERT INTO activity_tallies (team_id, year, kind, activities, reach)
SELECT team_id, substr(held_on, 1, 4), kind, COUNT(*),
       SUM(pupils + teachers + parents + officials + general_public)
FROM activities GROUP BY team_id, substr(held_on, 1, 4), kind;

CREATE TRIGGER activity_tallied AFTER INSERT ON activities
BEGIN
    INSERT INTO activity_tallies (team_id, year, kind, activities, reach)
    VALUES (NEW.team_id, substr(NEW.held_on, 1, 4), NEW.kind, 1,
            NEW.pupils + NEW.teachers + NEW.parents + NEW.officials + NEW.general_public)
    ON CONFLICT (team_id, year, kind) DO UPDATE
        SET activities = activities + 1, reach = reach + excluded.reach;
END;

CREATE TRIGGER activity_untallied AFTER DELETE ON activities
BEGIN
    UPDATE activity_tallies
    SET activities = activities - 1,
        reach = reach - (OLD.pupils + OLD.teachers + OLD.parents + OLD.officials
                         + OLD.general_public)
    WHERE team_id = OLD.team_id AND year = substr(OLD.held_on, 1, 4) AND kind = OLD.kind;
END;

CREATE TRIGGER activity_retallied
AFTER UPDATE OF team_id, held_on, kind, pupils, teachers, parents, officials, general_public
ON activities
BEGIN
    UPDATE activity_tallies
    SET activities = activities - 1,
        reach = reach - (OLD.pupils + OLD.teachers + OLD.parents + OLD.officials
                         + OLD.general_public)
    WHERE team_id = OLD.team_id AND year = substr(OLD.held_on, 1, 4) AND kind = OLD.kind;
    INSERT INTO activity_tallies (team_id, year, kind, activities, reach)
    VALUES (NEW.team_id, substr(NEW.held_on, 1, 4), NEW.kind, 1,
            NEW.pupils + NEW.teachers + NEW.parents + NEW.officials + NEW.general_public)
    ON CONFLICT (team_id, year, kind) DO UPDATE
        SET activities = activities + 1, reach = reach + excluded.reach;
END;
