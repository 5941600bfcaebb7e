### Cases: list, report, the case, referrals, inbox.
### The person is never labelled a victim: the words are "person" and "report".

nav-inbox = Inbox

## Case list

cases-title = Cases
cases-new = New report
cases-empty = There are no cases yet.
cases-names-note = Personal data is visible only to the institutions working on the case.
case-code = Code
case-state = State
case-person = Person
case-owner = Institution
case-reported-at = Reported
case-marks = Marks
case-name-hidden = not visible
badge-child = Child
badge-lacks-capacity = Deprived of legal capacity
badge-danger = Immediate danger
badge-protocol = Child protocol
badge-overdue = Overdue

## Case states

state-reported = Reported
state-referred = Referred for identification
state-outcome-identified = Outcome: formally identified
state-outcome-not-a-victim = Outcome: no indication of trafficking
state-outcome-dismissed = Outcome: report dismissed
state-outcome-suspended = Outcome: procedure discontinued
state-outcome-pending = Outcome: identification under way
state-assistance = Assistance and protection
state-return-or-inclusion = Return or social inclusion
state-closed = Closed

## Steps

transition-refer-for-identification = Refer for identification
transition-record-outcome-identified = Record outcome: formally identified
transition-record-outcome-not-a-victim = Record outcome: no indication of trafficking
transition-record-outcome-dismissed = Record outcome: report dismissed
transition-record-outcome-suspended = Record outcome: procedure discontinued
transition-record-outcome-pending = Record outcome: identification under way
transition-start-assistance = Start assistance and protection
transition-start-return-or-inclusion = Move on to return or social inclusion
transition-close = Close the case
transition-reopen = Reopen the case

## Catalogues

exploitation-sexual = Sexual exploitation
exploitation-labour = Labour exploitation
exploitation-forced-begging = Forced begging
exploitation-forced-criminality = Forced criminal activity
exploitation-forced-marriage = Forced marriage
exploitation-illegal-adoption = Illegal adoption
exploitation-organ-removal = Removal of organs
exploitation-pornography = Use in pornography
exploitation-armed-conflict = Use in armed conflict
exploitation-multiple = More than one form
sex-female = Female
sex-male = Male
sex-other-or-unknown = Other or unknown
age-band-child = Child
age-band-adult = Adult
age-band-unknown = Age unknown
reporter-kind-team-official = An official of my institution
reporter-kind-school = A school
reporter-kind-labour-inspector = Labour inspection
reporter-kind-ngo = A non-governmental organisation
reporter-kind-citizen = A citizen
reporter-kind-self-referral = The person themselves
reporter-kind-other = Someone else
part-identity = Identity
part-contact = Whereabouts and contact
part-circumstances = Circumstances of detection
part-screening = Indicators and forms of exploitation
urgency-urgent = Urgent
urgency-normal = Normal
referral-status-sent = Awaiting answer
referral-status-accepted = Accepted
referral-status-declined = Declined
referral-status-completed = Completed
referral-status-withdrawn = Withdrawn
task-record-temporary-guardian = Record the temporary guardian
task-record-guardian = Record the guardian
task-done = done
task-open = open

## Report

report-title = New report
report-intro = Fill in what you know. Only the fields marked with an asterisk (*) are required; the rest can be added later.
report-section-reporter = Who reports
report-reporter-kind = Reported by
report-reporter-detail = Who made the report
report-reporter-detail-hint = If someone outside your institution reports: the organisation and their role, e.g. "Vuk Karadžić primary school, pedagogue".
report-section-detection = Detection
report-detected-on = Date of detection
report-detected-place = Place
report-detected-how = How the person was detected
report-section-person = The person
report-person-hint = At least a name, another name or a description of the person is needed.
report-person-required = Enter a name, another name or a description of the person.
report-given-name = Given name
report-family-name = Family name
report-other-names = Other names
report-other-names-hint = Nicknames, names in other documents.
report-description = Description of the person
report-description-hint = What the person looks like, if the name is not known.
report-sex = Sex
report-birth-date = Date of birth
report-estimated-age = Estimated age
report-estimated-age-hint = In years, if the date of birth is not known.
report-citizenship = Citizenship
report-citizenship-hint = Two-letter country code (ISO 3166), e.g. RS, AL, RO.
report-languages = Languages
report-languages-hint = Language codes (ISO 639) separated by commas, e.g. sr, rom, sq.
report-whereabouts = Where the person is now
report-contact = Contact
report-section-protection = Protection
report-may-be-child = The person is or may be a child
report-lacks-capacity = The person is deprived of legal capacity
report-immediate-danger = The person is in immediate danger
report-protocol-hint = If the person is a child or deprived of legal capacity, the system at once sends an urgent referral to the Centre for Social Work.
report-no-social-work = Your team has no Centre for Social Work in the registry, so the urgent referral cannot be sent. The report was not saved; contact the team coordinator.
report-section-exploitation = Possible forms of exploitation
report-section-narrative = Short account
report-narrative = What happened
report-submit = Send the report

## The case

case-title = Case { $code }
case-summary = Summary
case-detected-on = Date of detection
case-age-band = Age
case-sex = Sex
case-existence-note = Personal data is visible only to the institutions working on the case.
case-part-not-shared = Not shared with your institution.
case-part-empty = Nothing recorded.
case-catalogue = Indicator catalogue
case-indicators = Indicators observed
case-exploitation = Possible forms of exploitation
case-tasks = Tasks
case-next-step = Next step
case-transition-invalid = That step is not possible from the case's current state. Choose one of those offered.
case-reported = The report was saved under the code { $code }.
case-protocol-sent = An urgent referral was sent to the Centre for Social Work at once.
case-possible-duplicate = Another report may concern the same person. The team coordinator should review it.
case-moved = The case's state was changed.
case-referred = The referral was sent.
case-conflict = Someone else changed this record in the meantime. The page now shows its current state: check it and try again.

## Referrals

referrals-title = Referrals
referrals-empty = The case has not been referred yet.
referral-from = From
referral-to = To
referral-purpose = Purpose
referral-parts = Parts shared
referral-urgency = Urgency
referral-status = Status
referral-sent-at = Sent
referral-deadline = Answer due
referral-decline-reason = Reason for declining
referral-purpose-child-protocol = Child protocol: urgent protection and a temporary guardian
referral-new = Refer the case
referral-to-institution = Institution
referral-purpose-hint = What the institution is asked to do.
referral-parts-hint = The institution will see only the parts of the record you choose.
referral-parts-required = Choose at least one part of the record to share.
referral-send = Send the referral
referral-accept = Accept
referral-decline = Decline
referral-complete = Mark as completed
referral-reason = Reason for declining
referral-reason-required = Write why you decline the referral.
referral-answer-invalid = That answer is no longer possible: the referral has already been answered.
referral-answered = Your answer was saved.
referral-override-reason = Reason for referring without consent
referral-override-reason-hint = Only if no recorded consent of the person or the guardian covers this referral: why it must go without one, for example an urgent legal duty. The reason is kept in the audit trail.
referral-override-required = No recorded consent covers this referral. Write why it must go without one, or record the consent first.

## Inbox

inbox-title = Inbox
inbox-intro = Referrals received by your institution, those awaiting an answer first.
inbox-empty = Your institution has not received any referrals.
inbox-case = Case
inbox-awaiting = Referrals awaiting your answer
inbox-awaiting-none = No referral is awaiting an answer.
inbox-all = All referrals
inbox-answered = Answered referrals
