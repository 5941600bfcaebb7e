retention-title = Retention periods
retention-intro = How long each kind of record is kept, and what the next removal would take. The removal runs once a day; a case loses its personal data, while its codes, states and dates stay, so statistics and submitted reports do not change. A case on legal hold is not removed.
retention-kind = Kind of record
retention-period = Kept for
retention-due = Next removal
retention-kind-closed-cases = Personal data of a closed case (from closing)
retention-kind-attachments = Attachments of a closed case (from closing)
retention-kind-notifications = In-app notifications
retention-kind-sign-ins = Who signed in, and from where (in the audit trail)
retention-kind-audit-entries = Audit entries (kept as counts per month and action)
retention-kind-ended-sessions = Ended sessions
retention-sessions-period = Removed when they end
retention-kept = Indefinitely
retention-days =
    { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
retention-years =
    { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
retention-files =
    { $n ->
        [one] { $n } file
       *[other] { $n } files
    }
retention-settings-hint = The administrator sets the periods in the deployment's settings (retention_closed_case_years and the like). A period not set means the records are kept indefinitely.
retention-holds = Legal holds
retention-holds-none = No case is on legal hold.
hold-title = Legal hold
hold-in-force = The case is on legal hold and will not be removed.
hold-since = since { $date }
hold-none = The case is not on legal hold: when its retention period ends, its personal data will be removed.
hold-set = Hold the case
hold-change = Change the reason
hold-reason = Reason for the hold
hold-hint = For example: court proceedings under way. The reason is written to the audit trail.
hold-save = Save the hold
hold-lift = Lift the hold
hold-reason-required = Write the reason for the hold.
case-saved-hold = The legal hold is saved.
case-saved-hold-lifted = The legal hold is lifted.
case-personal-data-removed = The personal data of this case was removed under the retention schedule ({ $date }). Its number, state, dates and codes remain.
log-case-hold-set = Case put on legal hold
log-case-hold-lifted = Legal hold lifted
log-case-shredded = Personal data removed under the retention schedule
log-case-attachments-removed = Attachments removed under the retention schedule
retention-link = Retention periods
