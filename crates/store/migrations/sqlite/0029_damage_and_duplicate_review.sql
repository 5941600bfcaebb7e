-- Possible duplicates are reviewed by one institution only: the one that already held the
-- person (the case that was there before the report or edit that matched it). Pairs raised
-- before this migration were all raised by a report, so the earlier (lower) case held it.
ALTER TABLE possible_duplicates ADD COLUMN held_case_id BIGINT REFERENCES cases(id);
UPDATE possible_duplicates SET held_case_id = case_id;

-- A notification may name an institution (the one to coordinate with), never a person.
ALTER TABLE notifications ADD COLUMN about_institution_id BIGINT REFERENCES institutions(id);

-- Records whose sealed part could not be opened (altered in the database, or sealed under a
-- key that is gone): one alert per record for the administrator, by table and id only.
CREATE TABLE integrity_alerts (
    id INTEGER PRIMARY KEY,
    record_table TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    found_at BIGINT NOT NULL,
    UNIQUE (record_table, record_id)
);
