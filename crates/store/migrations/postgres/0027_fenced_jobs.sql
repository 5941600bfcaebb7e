-- Background jobs that cannot run twice. A job's lease gets a fencing token: the number
-- rises each time the lease passes to a new holder, and a job's writes name the token they
-- were made under, so an instance that lost the lease (paused, partitioned, slow) changes
-- nothing once another has taken over.
ALTER TABLE job_leases ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;

-- A message is claimed (by lease holder and token) before it goes to the relay; while the
-- claim lasts, `next_attempt_at` holds its expiry, so no other sender picks it up. Only the
-- claimant may record how the attempt ended.
ALTER TABLE mail_outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE mail_outbox ADD COLUMN claimed_fence BIGINT;
-- The stable part of the Message-ID: a message retried keeps its identity, so a mailbox
-- that receives it twice can tell. Messages queued before this migration get one from
-- their row.
ALTER TABLE mail_outbox ADD COLUMN message_key TEXT NOT NULL DEFAULT '';
UPDATE mail_outbox SET message_key = 'outbox-' || id || '.' || created_at WHERE message_key = '';
