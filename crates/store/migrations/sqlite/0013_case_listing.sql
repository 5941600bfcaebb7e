-- The cases each institution may know of in its list (the cases it owns and those referred
-- to it), with the list's order key, so that a list page is an index range even with
-- national-scale data. Kept by the store whenever a case or a referral changes.
CREATE TABLE case_listing (
    case_id BIGINT NOT NULL REFERENCES cases(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    -- Children and persons deprived of legal capacity first.
    priority BIGINT NOT NULL,
    closed BIGINT NOT NULL,
    reported_at BIGINT NOT NULL,
    PRIMARY KEY (institution_id, case_id)
);
CREATE INDEX case_listing_in_order ON case_listing
    (institution_id, priority DESC, closed, reported_at DESC, case_id DESC);
CREATE INDEX case_listing_by_case ON case_listing (case_id);

INSERT INTO case_listing (case_id, institution_id, priority, closed, reported_at)
SELECT c.id, c.owner_institution_id, c.may_be_child + c.lacks_capacity,
       CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END, c.reported_at
FROM cases c
UNION
SELECT c.id, r.to_institution_id, c.may_be_child + c.lacks_capacity,
       CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END, c.reported_at
FROM referrals r JOIN cases c ON c.id = r.case_id
WHERE r.status IN ('sent', 'accepted', 'completed');

-- The whole team's list (what the coordinator sees exists), in the same order.
CREATE INDEX cases_in_list_order ON cases
    (team_id, (may_be_child + lacks_capacity) DESC, (CASE WHEN state = 'closed' THEN 1 ELSE 0 END),
     reported_at DESC, id DESC);

-- A receiver's inbox: unanswered first, by deadline (the order of `referrals::for_receiver`).
CREATE INDEX referrals_inbox_order ON referrals
    (to_institution_id, (CASE WHEN status = 'sent' THEN 0 ELSE 1 END), protocol DESC, deadline_at, id);

-- A reader's notifications, unread first, newest first: one index per addressee.
CREATE INDEX notifications_for_institution ON notifications
    (institution_id, (CASE WHEN read_at IS NULL THEN 0 ELSE 1 END), created_at DESC, id DESC);
CREATE INDEX notifications_for_user ON notifications
    (user_id, (CASE WHEN read_at IS NULL THEN 0 ELSE 1 END), created_at DESC, id DESC);
