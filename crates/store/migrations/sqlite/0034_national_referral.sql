-- The national referral mechanism. The deployment's national institutions (the Centre for
-- Protection of Victims of Trafficking, national NGOs) are kept in a team of their own,
-- marked national: it makes no local plan and owes no report. The Centre's decision on a
-- referral for formal identification is kept on the referral, with the date it was taken.
ALTER TABLE teams ADD COLUMN national BIGINT NOT NULL DEFAULT 0;
ALTER TABLE referrals ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN decided_on TEXT;
