-- A referral's free-text purpose may name or describe the person ("answers to the nickname
-- …"): it is personal data, sealed under the case's key like the record's parts, and shown
-- only to those the referral shares with. New purposes go to `sealed_purpose`; the plain
-- `purpose` of rows written by earlier releases is sealed by the app at start and emptied.
ALTER TABLE referrals ADD COLUMN sealed_purpose TEXT NOT NULL DEFAULT '';
-- The child protocol's referrals carried a code as their purpose; the protocol flag says it.
UPDATE referrals SET purpose = '' WHERE protocol <> 0;

-- A closed case keeps the outcome of identification it reached and the moment it closed;
-- before, the outcome was visible only in the audit trail. Earlier outcomes and closings are
-- taken from the trail, whose entries the moves wrote in the same transaction.
ALTER TABLE cases ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closed_at BIGINT;
UPDATE cases SET outcome = COALESCE((
    SELECT substr(a.action, 21) FROM audit_log a
    WHERE a.subject = 'case' AND a.subject_id = cases.id
      AND a.action LIKE 'case-record-outcome-%'
      AND NOT EXISTS (SELECT 1 FROM audit_log r
          WHERE r.subject = 'case' AND r.subject_id = cases.id
            AND r.action = 'case-reopen' AND r.seq > a.seq)
    ORDER BY a.seq DESC LIMIT 1), '')
WHERE state NOT IN ('reported', 'referred');
UPDATE cases SET closed_at = (
    SELECT MAX(a.at) FROM audit_log a
    WHERE a.subject = 'case' AND a.subject_id = cases.id AND a.action = 'case-close')
WHERE state = 'closed';
