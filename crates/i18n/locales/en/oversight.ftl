## The auditor's pages: the audit trail and the alerts of unusual access.

role-auditor = Data protection officer
nav-audit = Audit trail
audit-trail-title = Audit trail
audit-trail-intro = Who did what, when and from where, newest first. A case is named by its code; no personal data of cases is shown here. Each time you read the trail, that too is written to it.
audit-filter-title = Search the trail: person, institution, case, action, period
audit-filter-user = Person
audit-filter-anyone = Anyone
audit-filter-institution = Institution
audit-filter-any-institution = Any institution
audit-filter-case = Case code
audit-filter-action = Action
audit-filter-any-action = Any action
audit-filter-from = From
audit-filter-to = to
audit-col-institution = Institution
audit-col-subject = Subject
audit-reason-withheld = (the reason is seen only by the institution that holds the case)
audit-alerts-title = Alerts of unusual access
audit-alerts-days = Last days
audit-alerts-count =
    { $count ->
        [0] No alerts.
        [one] { $count } alert
       *[other] { $count } alerts
    }
audit-alerts-rules =
    An alert is raised when one person opens at least { $cases ->
        [one] { $cases } case
       *[other] { $cases } different cases
    } within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, and for access to cases before { $starts }:00, from { $ends }:00 or at weekends (settings alert_case_views, alert_window_minutes, working_hours).
audit-alerts-truncated = This period holds more accesses than are weighed at once; the newest were weighed. Shorten the period.
audit-alerts-broke-glass = Emergency access ("break the glass")
audit-alerts-many-cases = Many cases in a short time
audit-alerts-out-of-hours = Access outside working hours
audit-alerts-none = Nothing in this period.
audit-alerts-first = first at
audit-alert-cases =
    { $count ->
        [one] { $count } different case
       *[other] { $count } different cases
    }
audit-alert-accesses =
    { $count ->
        [one] { $count } access
       *[other] { $count } accesses
    }
log-audit-trail-read = Audit trail read
log-audit-trail-exported = Audit trail exported
log-access-alerts-read = Access alerts reviewed
export-sheet-audit-trail = Audit trail
export-col-seq = No.
export-col-local-time = Time (local)
export-col-who = Who
export-col-institution = Institution
export-col-team = Team
export-col-action = Action
export-col-subject = Subject
export-col-address = Address
export-col-reason = Reason
