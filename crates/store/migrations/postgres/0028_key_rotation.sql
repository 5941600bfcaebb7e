-- Master key rotation. While a rotation is under way, each case gets, beside its current
-- values, its data key wrapped under the next master key and its blind person index under
-- the next blind key; the current columns stay as they are, so instances holding only the
-- current key keep reading everything. The switch moves the next values into place in one
-- transaction. An edit of a case's report clears its next values, for the sweep to redo.
ALTER TABLE cases ADD COLUMN data_key_next TEXT;
ALTER TABLE cases ADD COLUMN person_index_next TEXT;

-- The rotation under way, if any: the check value of the next master key (never the key).
CREATE TABLE key_rotation (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    next_check TEXT NOT NULL,
    started_at BIGINT NOT NULL
);

-- The audit chain keys of ended epochs. Entries up to and including `until_seq` (and after
-- the previous epoch's) were linked with this chain key; it is kept sealed under the current
-- master key, so that old entries can still be verified once the old master key is gone.
CREATE TABLE audit_epochs (
    until_seq BIGINT PRIMARY KEY,
    chain_key TEXT NOT NULL,
    ended_at BIGINT NOT NULL
);
