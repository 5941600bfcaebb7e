-- Referrals whose purpose is still plain text (written by a release before purposes were
-- sealed): every start looks for them, and without this index read every referral to find
-- none (two seconds at national scale). A referral's purpose stays plain only between its
-- insert and the sealing in the same transaction, so the index holds almost nothing.
CREATE INDEX referrals_plain_purpose ON referrals (id) WHERE purpose <> '';
