-- What a person sees of their own sessions to tell them apart and end a stranger's: the
-- device (a short description of the browser and system, never the whole User-Agent) and
-- the address the session signed in from.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
