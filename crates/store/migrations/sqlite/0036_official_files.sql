-- Files on a guideline's versions and on a team's founding decision (the official PDF of a
-- procedure, the signed decision). A file belongs to a guideline (guideline_id) or, without
-- one, to the team's founding decision; each upload is a new version, and earlier versions
-- stay. A file the uploader marked as holding personal data is sealed as a case attachment
-- is: its own data key wrapped under the master key (data_key), its name and content sealed
-- with that key, bound to this table, column and row; name is then empty. Any other file is
-- kept plainly. Content is base64 text, kept in the database so that a backup of it is a
-- backup of everything.
CREATE TABLE official_files (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    guideline_id BIGINT REFERENCES guidelines(id),
    version_no BIGINT NOT NULL,
    kind TEXT NOT NULL,
    size BIGINT NOT NULL,
    personal BIGINT NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    data_key TEXT NOT NULL DEFAULT '',
    sealed_name TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX official_files_guideline_version ON official_files (guideline_id, version_no)
    WHERE guideline_id IS NOT NULL;
CREATE UNIQUE INDEX official_files_founding_version ON official_files (team_id, version_no)
    WHERE guideline_id IS NULL;
