-- Indicator catalogues, versioned per sector, kept as the imported text (the domain parses it).
CREATE TABLE indicator_catalogues (
    id INTEGER PRIMARY KEY,
    sector TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_by BIGINT REFERENCES users(id),
    imported_at BIGINT NOT NULL,
    UNIQUE (sector, version)
);
