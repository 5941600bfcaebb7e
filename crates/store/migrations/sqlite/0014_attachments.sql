-- Files attached to a case. The name and content type (meta) and the content are sealed with
-- the case's data key, bound to this table, column and row; only the size and the part of
-- the record the file belongs to (which decides who may see it) are in the clear. Content
-- is kept in the database so that a backup of it is a backup of everything.
CREATE TABLE case_attachments (
    id INTEGER PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    part TEXT NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    uploaded_by BIGINT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL,
    size BIGINT NOT NULL,
    meta TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_attachments_by_case ON case_attachments (case_id);
