-- How many cases each team has, kept by a trigger: the coordinator's list read its total by
-- counting up to 10,001 rows on every view. Derived data: a backup leaves it out, and the
-- restored cases count themselves again. Each case is one team's, and a transaction adds to
-- one team's row, so writers cannot deadlock on it. (SQLite also keeps each institution's
-- list count; here a refresh of a case's listing would lock several institutions' rows in
-- the order its rows come, and two refreshes could wait on each other, so PostgreSQL counts
-- those lists up to the limit instead, under MVCC and without a lock. The table is here, empty
-- and unread, so that both engines have one schema.)
CREATE TABLE case_listing_counts (
    institution_id BIGINT PRIMARY KEY,
    cases BIGINT NOT NULL
);

CREATE TABLE team_case_counts (
    team_id BIGINT PRIMARY KEY,
    cases BIGINT NOT NULL
);
INSERT INTO team_case_counts (team_id, cases)
SELECT team_id, COUNT(*) FROM cases GROUP BY team_id;

CREATE FUNCTION team_case_counts_kept() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE team_case_counts SET cases = cases - 1 WHERE team_id = OLD.team_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO team_case_counts (team_id, cases) VALUES (NEW.team_id, 1)
        ON CONFLICT (team_id) DO UPDATE SET cases = team_case_counts.cases + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER team_case_counted
AFTER INSERT OR DELETE OR UPDATE OF team_id ON cases
FOR EACH ROW EXECUTE FUNCTION team_case_counts_kept();
