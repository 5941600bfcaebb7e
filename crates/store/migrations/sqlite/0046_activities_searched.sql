-- A search of a team's activities reads this index, not the activities: everything the
-- search tests, counts and orders by is in it, so only the page's own rows are read from the
-- table. A search for a rare word read every activity of the deployment (a whole table scan,
-- chosen over the team's date index, whose every entry costs a read of the row) twice a
-- page: 30 searches a second at national scale.
CREATE INDEX activities_searched ON activities
    (team_id, held_on, id, search_key, kind, pupils, teachers, parents, officials, general_public);
