-- The second factor of sign-in. An account's authenticator secret is sealed under a data key
-- of its own, wrapped under the master key (as a sealed official file's is), so that a copy
-- of the database holds no usable secret; `last_step` is the time step of the last code
-- accepted, and no code of that step or before is accepted again. A new secret waits in
-- `proposed_secret` until a code from it is typed. Recovery codes are stored hashed and
-- marked when used. A sign-in whose password was right but whose second factor is still
-- due is a challenge, not a session: it opens nothing but the second step. A session
-- remembers when its owner last proved who they are (sign-in or re-authentication), for the
-- acts that ask again.
CREATE TABLE second_factors (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    data_key TEXT NOT NULL,
    totp_secret TEXT,
    proposed_secret TEXT,
    last_step INTEGER NOT NULL DEFAULT 0,
    enrolled_at INTEGER
);
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);
CREATE TABLE sign_in_challenges (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    failures INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sign_in_challenges_by_user ON sign_in_challenges (user_id);
ALTER TABLE sessions ADD COLUMN confirmed_at INTEGER NOT NULL DEFAULT 0;
