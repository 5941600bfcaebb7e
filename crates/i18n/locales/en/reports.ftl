reports-title = Reports to the National Coordinator
reports-intro = Quarterly and annual reports are put together from what the team recorded. Case statistics are aggregate only and protected: numbers under the threshold are never shown.
reports-none = The team has no report yet.
periodic-new = New report
periodic-period = Period
periodic-period-hint = A quarter as 2026-Q3 or a year as 2026.
periodic-period-taken = The period { $period } already has a report; rather than starting another, complete or correct that one.
periodic-period-taken-open = Open the report for { $period }
periodic-draft-action = Start the report
periodic-version = Version
periodic-version-n = version { $version }
periodic-status = Status
periodic-status-draft = Draft
periodic-status-submitted = Submitted
periodic-status-acknowledged = Acknowledged
periodic-period-not-over = The period is not over yet; the report can be submitted only after it ends.
periodic-title = Report on the work of the local team
periodic-of-period = Period: { $first } – { $last }
periodic-gathered = Figures gathered: { $at }
periodic-submitted-at = Submitted: { $at }
periodic-audit-checkpoint = Audit trail checkpoint (for "spona audit verify --checkpoint"): { $line }
periodic-acknowledged-at = Acknowledged: { $at }
periodic-acknowledgement = Note of the National Coordinator
periodic-integrity-intact = The content is as it was submitted (the fingerprint matches).
periodic-integrity-altered = Warning: the content does not match the fingerprint recorded on submission. The report was changed outside the system.
periodic-watermark-draft = DRAFT
periodic-draft-notice = This is a draft: the figures are computed from the records as they stand and are frozen on submission.
periodic-edit = Edit the text
periodic-submit = Submit to the National Coordinator
periodic-submit-question = Submit the report for { $period }? After submission its figures and text can no longer change; a correction is submitted as a new version.
periodic-correct = Open a correction (new version)
periodic-acknowledge = Acknowledge
periodic-acknowledge-note = Note to the team (optional)
periodic-download-pdf = PDF
periodic-download-xlsx = XLSX
periodic-download = Download
periodic-versions = Versions
periodic-supersedes = Correction of version { $version }
periodic-narrative = Text of the report
periodic-summary = Summary of the period
periodic-cooperation = Cooperation with the National Coordinator and other teams
periodic-challenges = Difficulties and support needed
periodic-next-steps = Plans for the next period
periodic-composition = Composition of the team
periodic-members = Member institutions
periodic-partners = Partners
periodic-meetings = Team meetings
periodic-meetings-none = There were no meetings.
periodic-meeting-institutions = institutions present
periodic-meeting-actions = action items
periodic-plan = Implementation of the coordination plan
periodic-plan-none = No plan covers this period.
periodic-plan-achieved = Achieved
periodic-activities = Activities and reach
periodic-activities-none = No activities were recorded in the period.
periodic-activities-count = Activities
periodic-reach = Reach
periodic-month = Month
periodic-trainings = Trainings
periodic-trainings-summary =
    { $trainings ->
        [one] { $trainings } training
       *[other] { $trainings } trainings
    }, { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }, { $participants ->
        [one] { $participants } participant
       *[other] { $participants } participants
    }
periodic-participants-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
periodic-staff = Staff
periodic-share = Covered
periodic-materials = Materials
periodic-materials-none = No materials were produced or handed out in the period.
periodic-produced = Produced
periodic-handed-out = Handed out
periodic-cooperation-log = Log of cooperation with the National Coordinator
periodic-cases = Case statistics (aggregate)
periodic-cases-note = Numbers from 1 to { $less } are not shown (threshold { $threshold }), nor are numbers that would let them be worked out from totals or by comparison with earlier reports. Zeros are shown.
periodic-suppressed = withheld
periodic-table-note = Numbers withheld in this table: { $hidden }.
periodic-total = Total
periodic-count = Count
periodic-chart-activities = Activities by month
periodic-chart-activities-desc = Number of activities and people reached in each month of the period.
periodic-chart-plan = Progress of the plan's activities
periodic-chart-plan-desc = Percent done of each activity of the plan.
periodic-page = Page { $n } of { $m }
case-table-cases-by-source = Reports by source
case-table-cases-by-sex = Reports by sex
case-table-cases-by-age = Children and adults
case-table-cases-by-citizenship = Reports by citizenship
case-table-cases-by-exploitation = Forms of exploitation
case-table-cases-by-outcome = Outcome of identification
case-table-referrals-by-receiver = Referrals by receiving institution
case-table-referrals-by-deadline = Referrals answered in time
stat-source-law-enforcement = Police and prosecution
stat-source-social-welfare = Social welfare
stat-source-other-government = Other public bodies
stat-source-ngo-or-international = NGOs and international organisations
stat-source-self-referral = Self-referral
stat-source-citizen-or-other = Citizens and others
stat-citizenship-domestic = Citizens of Serbia
stat-citizenship-foreign = Foreign citizens
stat-citizenship-unknown = Unknown
stat-exploitation-none = Not stated
stat-outcome-pending = Identification under way
stat-outcome-identified = Identified victim
stat-outcome-not-a-victim = Not a victim
stat-outcome-dismissed = Report dismissed
stat-outcome-suspended = Procedure suspended
stat-outcome-closed = Case closed
stat-deadline-in-time = In time
stat-deadline-late = After the deadline
stat-deadline-unanswered = Not answered yet, deadline running
national-title = Teams' reports
national-intro = The submitted reports of every local team and the national total of a period. Data about persons are never shown.
national-none = No report has been submitted yet.
national-period-filter = Period
national-period-hint = A quarter (2026-Q3) or a year (2026); empty: every period, with no summary.
national-show = Show
national-all-periods = All periods
national-summary = National total for { $period }
national-teams = Teams that reported
national-summary-cases-note = A case figure is totalled only where every team showed its part; otherwise it is withheld.
national-team = Team
statistics-title = Statistics
statistics-intro = Charts of the team's work in the year, each with its data table. Case figures are protected as in the reports.
statistics-year = Year
statistics-referrals = Referrals and answers in time
statistics-referrals-desc = Referrals per quarter and how many were answered in time.
statistics-response = Time from report to first response
statistics-response-value =
    Median: { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } (over { $cases ->
        [one] { $cases } report
       *[other] { $cases } reports
    })
statistics-response-hidden = Withheld: reports with a response number fewer than { $threshold }.
statistics-quarter = Quarter
statistics-referrals-sent = Referred
statistics-answered-in-time = Answered in time
periodic-institution = Institution
chart-data = Data of the chart
national-htcds = Data exchange (HTCDS 2.0)
national-htcds-intro = De-identified case data of the current year from every team, in the vocabulary of HTCDS 2.0, k-anonymised: every released combination of values is shared by at least as many people as the threshold; smaller groups are generalised or left out.
