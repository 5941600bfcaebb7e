-- The auditor reads the trail by person, by action and by period (newest first), and the
-- alerts of unusual access read a period's case accesses: each needs its index.
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_by_action ON audit_log (action, at);
CREATE INDEX audit_log_by_time ON audit_log (at);
