-- What the deployment knows of itself. The key check is a keyed hash that tells whether a
-- master key is the one this database's personal data was sealed with (never the key
-- itself), so that a missing or wrong key is refused at start before anything is written.
CREATE TABLE deployment (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    key_check TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Written by the health check to prove that the database takes writes.
CREATE TABLE health_probe (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    checked_at BIGINT NOT NULL
);
