-- Coordinators assigned to a case by its owning institution see its personal data.
CREATE TABLE case_assignments (
    team_id BIGINT NOT NULL REFERENCES teams(id),
    case_id BIGINT NOT NULL REFERENCES cases(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    assigned_by BIGINT NOT NULL REFERENCES users(id),
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
