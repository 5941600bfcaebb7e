-- Passkeys (WebAuthn): an account's credentials, several per account, each with the name
-- its owner gave it; the credential (public key, counter, flags) as the WebAuthn library
-- serialises it, which holds nothing secret. A ceremony under way (a registration, or a
-- sign-in's second step) keeps its server-side state until the browser answers, tied to
-- the session or challenge it belongs to, so that any instance can finish it.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    credential TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX passkeys_by_user ON passkeys (user_id);
CREATE TABLE passkey_ceremonies (
    owner TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL,
    state TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
