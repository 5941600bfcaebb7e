### Cases: list, report, the case, referrals, inbox.
### The person is never labelled a victim: the words are "person" and "report".

nav-inbox = Inbox

## Case list

cases-title = Cases
cases-new = New report
cases-empty = There are no cases yet.
cases-show = Show
cases-show-all = All cases
cases-show-open = Open
cases-show-closed = Closed
cases-show-protected = Children and persons without legal capacity
cases-show-action = Show
cases-empty-shown = No such cases.
cases-names-note = Personal data is visible only to the institutions working on the case.
case-code = Code
case-state = State
case-person = Person
case-owner = Institution
case-reported-at = Reported
case-marks = Marks
case-name-hidden = not visible
case-unopenable = This record cannot be opened
badge-child = Child
badge-lacks-capacity = Deprived of legal capacity
badge-danger = Immediate danger
badge-protocol = Child protocol
badge-protocol-capacity = Protection protocol (no legal capacity)
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

transition-refer-for-identification = Record step: handed over for formal identification
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
referral-purpose-capacity-protocol = Protection protocol for a person without legal capacity: urgent protection and a temporary guardian
referral-new = Referral to a team institution (sharing parts of the record)
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
inbox-first-only = Only the most pressing referrals are shown; the others appear as these are answered.
inbox-answered = Answered referrals

## Guardian

guardian-title = Guardian
guardian-first-hint = For a child or a person deprived of legal capacity the guardian is recorded before anything that needs consent: the guardian then gives consent, not the person alone.
guardian-none = No guardian is recorded.
guardian-name = Guardian's full name
guardian-contact = Guardian's contact
guardian-appointed-on = Appointed on
guardian-record = Record the guardian
guardian-save = Save the guardian

## Consent

consent-title = Consent
consent-from-person = The person gives consent themselves, once told what is shared, with whom and why.
consent-from-guardian = The person is a child or deprived of legal capacity: the guardian gives consent.
consent-giver-person = The person
consent-giver-guardian = The guardian
consent-none = No consent is recorded yet.
consent-given-on = Consent of { $date }
consent-given-on-label = Date consent was given
consent-given-by = Who gave consent
consent-explained = What was explained
consent-explained-hint = In your own words: what the person or the guardian was told about the purpose of sharing, who will see the data, and the right to withdraw consent.
consent-parts = Parts of the record that may be shared
consent-institutions = Institutions they may be shared with
consent-withdrawn = Withdrawn
consent-withdraw = Withdraw this consent
consent-withdraw-confirm = The consent will be marked as withdrawn. Referrals already sent stay on record; new ones will need a new consent or a written reason.
consent-withdraw-button = Yes, withdraw the consent
consent-record = Record a consent
consent-save = Save the consent
consent-given-by-wrong = Consent for this case cannot be given by the one chosen. For a child or a person deprived of legal capacity the guardian gives it; an adult gives it themselves.
consent-guardian-first = The guardian gives consent, and no guardian is recorded yet. Record the guardian first.
consent-parts-required = Choose at least one part of the record the consent covers.
consent-institutions-required = Choose at least one institution it may be shared with.
referral-consent-hint = Sharing follows consent: without a written reason, a referral goes only if a valid consent covers the chosen institution and every part you share.

## Services

services-title = Services
services-none = No service is recorded yet.
service-type = Type of service
service-provider = Provider
service-period = Period
service-open-ended = open-ended
service-status = Status of the service
service-status-change = Change the status
service-add = Add a service
service-starts-on = Start
service-ends-on = End
service-save = Save the service
service-type-accommodation = Accommodation
service-type-health = Health care
service-type-psychological = Psychological support
service-type-legal-aid = Legal aid
service-type-interpretation = Interpretation
service-type-education = Education
service-type-employment = Employment
service-type-financial = Financial support
service-type-other = Other service
service-status-planned = Planned
service-status-ongoing = Ongoing
service-status-completed = Provided
service-status-declined = Declined by the person
service-status-unavailable = Not available

## Recovery and reflection period

recovery-title = Recovery and reflection period
recovery-none = No period has been set.
recovery-set = Set the period
recovery-starts-on = Start of the period
recovery-days = Length in days
recovery-days-hint =
    { $min ->
        [one] At least { $min } day (Council of Europe Convention), usually { $usual }. The institution is reminded seven days before it ends.
       *[other] At least { $min } days (Council of Europe Convention), usually { $usual }. The institution is reminded seven days before it ends.
    }
recovery-days-invalid = The length must be between 30 and 365 days.
recovery-save = Save the period

## Follow-ups

follow-ups-title = Follow-ups
follow-ups-none = No follow-up is scheduled yet.
follow-up-add = Schedule a follow-up
follow-up-due-on = Date
follow-up-note = What is to be done
follow-up-save = Save the follow-up
task-follow-up = Follow-up

## Notes

notes-title = Notes
notes-none = No notes your institution can see yet.
note-shared = shared with everyone working on the case
note-private = only your institution
note-add = Add a note
note-text = Note
note-share = Share with every institution working on the case
note-share-hint = Without this, only your institution sees the note.
note-save = Save the note

## Criminal proceedings

proceedings-title = Criminal proceedings
proceedings-current = Current stage
proceedings-change = Change the stage
proceedings-stage = Stage
proceedings-correction = Reason for the correction
proceedings-correction-hint = Only to go back to an earlier stage, when a stage was recorded by mistake: why. The reason is kept in the audit trail.
proceedings-stage-invalid = The stage only moves forward. To go back to an earlier stage, write the reason for the correction; a correction only goes back.
proceedings-save = Save the stage
proceedings-none = No proceedings known
proceedings-investigation = Investigation
proceedings-indictment = Indictment
proceedings-trial = Trial
proceedings-verdict = Verdict
proceedings-compensation = Compensation

## Saved

case-saved-guardian = The guardian was recorded.
case-saved-consent = The consent was recorded.
case-saved-consent-withdrawn = The consent was withdrawn.
case-saved-service = The service was recorded.
case-saved-service-status = The service's status was changed.
case-saved-recovery = The recovery and reflection period was set.
case-saved-follow-up = The follow-up was scheduled.
case-saved-note = The note was saved.
case-saved-proceedings = The stage of the proceedings was recorded.

case-go-to-form = Go to the form

## Emergency access

case-emergency-banner = Emergency access until { $until }. It was recorded and notified to the institution that owns the case; you may only read.
case-emergency-banner-ended = The emergency access has ended.
emergency-title = Emergency access to a case
emergency-intro = Only when you must act at once and the case was not referred to you. Access lasts one hour, read only; the reason is recorded and notified to the institution that owns the case. The case of a child or of a person deprived of legal capacity cannot be opened this way.
emergency-open = Open a case by its code
emergency-code = Case code
emergency-code-hint = For example LE-2026-0007, in Latin or Cyrillic letters.
emergency-reason = Why you need the case urgently
emergency-reason-hint = The reason is kept in the audit trail and seen by the institution that owns the case.
emergency-submit = Open with emergency access
emergency-code-invalid = A case code looks like LE-2026-0007.
emergency-reason-required = Write why you need the case urgently.
emergency-code-unknown = Your team has no case with that code.
emergency-protected = The case of a child or of a person deprived of legal capacity cannot be opened with emergency access. Contact the Centre for Social Work.

## Access log

access-log-link = Who opened and changed the case
access-log-title = Access log of the case
access-log-back = Back to the case
access-log-intro = Every opening and every change of the case, newest first. Only the institution that owns the case sees this log.
access-log-when = When
access-log-who = Who
access-log-action = What
access-log-address = From where
access-log-reason = Reason
log-case-reported = Report saved
log-case-viewed = Case opened
log-case-edited = Report edited
log-referral-sent = Referral sent
log-referral-sent-without-consent = Referral sent without consent
log-referral-accepted = Referral accepted
log-referral-declined = Referral declined
log-referral-completed = Referral completed
log-referral-withdrawn = Referral withdrawn
log-guardian-recorded = Guardian recorded
log-consent-recorded = Consent recorded
log-consent-withdrawn = Consent withdrawn
log-break-glass = Emergency access
log-service-added = Service recorded
log-service-changed = Service status changed
log-recovery-period-set = Recovery period set
log-note-added = Note added
log-follow-up-added = Follow-up scheduled
log-proceedings-corrected = Proceedings stage corrected
log-proceedings-none = Proceedings: none known
log-proceedings-investigation = Proceedings: investigation
log-proceedings-indictment = Proceedings: indictment
log-proceedings-trial = Proceedings: trial
log-proceedings-verdict = Proceedings: verdict
log-proceedings-compensation = Proceedings: compensation
log-case-refer-for-identification = Referred for identification
log-case-record-outcome-identified = Outcome: formally identified
log-case-record-outcome-not-a-victim = Outcome: no indication of trafficking
log-case-record-outcome-dismissed = Outcome: report dismissed
log-case-record-outcome-suspended = Outcome: procedure discontinued
log-case-record-outcome-pending = Outcome: identification under way
log-case-start-assistance = Assistance and protection started
log-case-start-return-or-inclusion = Moved on to return or social inclusion
log-case-close = Case closed
log-case-reopen = Case reopened

## Indicators in the report

report-section-indicators = Indicators
report-indicators-hint = Tick what you observed. Indicators suggest; they never prove or rule out anything, and no number of them decides who the person is.
report-indicators-catalogue = Catalogue: { $catalogue }

## Indicator catalogues (administration)

nav-catalogues = Indicator catalogues
catalogues-title = Indicator catalogues
catalogues-intro = Catalogues by sector, with their versions. A report is screened with the catalogue of the reporting institution's sector and keeps its version.
catalogues-empty = No catalogue has been imported yet.
catalogue-sector = Sector
catalogue-version = Version
catalogue-indicators = Indicators
catalogue-imported-at = Imported
catalogue-import = Import a catalogue
catalogue-file = Contents of the catalogue file
catalogue-file-hint = Paste the whole text of the file (UTF-8, fields separated by TAB). A catalogue is imported whole or not at all: errors are listed by line.
catalogue-import-submit = Import
catalogue-refused = The catalogue was not imported. Correct these lines and try again:
catalogue-imported = The catalogue { $catalogue } was imported.
sector-police = Police
sector-social-protection = Social protection
sector-health = Health care
sector-education = Education
sector-general-adult = General indicators for adults
sector-ilo-forced-labour = Indicators of forced labour (ILO)
catalogue-named = { $sector }, version { $version }

case-edit-report = Edit the report
report-edit-title = Edit the report
case-saved-report = The changes to the report were saved.

case-assignment-title = Team coordinator
case-assignment-intro = The coordinator sees that the case exists and its state; personal data only once your institution opens it to them.
case-assigned-none = The coordinator has no access to this case's personal data.
case-assign = Give access
case-unassign = Take access away
case-assignment-who = Coordinator
case-saved-assignment = The coordinator's access was changed.

## Attachments
attachments-title = Attachments
attachments-none = No files are attached.
attachment-add = Attach a file
attachment-file = File
attachment-hint = PDF, JPEG, PNG, plain text, DOCX or ODT, up to 10 MB. The file is kept encrypted; only those who see the part of the record it belongs to see it.
attachment-part = Part of the record
attachment-save = Attach
attachment-remove = Remove
attachment-remove-title = Removing an attachment
attachment-remove-question = Are you sure you want to remove the attachment “{ $name }”? Its content will be deleted for good; the access log keeps a record that it was removed.
case-saved-attachment = The file was attached.
case-saved-attachment-removed = The attachment was removed.
log-attachment-added = File attached
log-attachment-downloaded = Attachment downloaded
log-attachment-removed = Attachment removed

## Possible duplicates
duplicates-title = Possible duplicates
duplicates-intro = A newly reported case may concern the person in one of your institution's cases (same name and year of birth, whatever the script and diacritics). You see only your own case and which institution made the new report, nothing of it. Decide: if it is the same person, that institution will learn that it should coordinate with you (through a referral); if they are different persons, nobody else will ever learn of it.
duplicates-none = No possible duplicates to review.
duplicates-waiting =
    { $count ->
        [one] { $count } possible duplicate awaits your review
       *[other] { $count } possible duplicates await your review
    }
duplicate-line = Your case { $code } may concern the same person as a case newly reported by { $institution }
duplicate-outcome = Outcome of the review
duplicate-same = Same person — the reporting institution will be told, so that you coordinate
duplicate-different = Different persons — nobody else is told
duplicate-reason = Reason (optional)
duplicate-save = Record the outcome
duplicates-reviewed = The outcome was recorded.
notification-possible-duplicate = A newly reported case may concern the person in one of your institution's cases. Please decide whether it is the same person.
notification-duplicate-confirmed = The institution that already held an earlier case found that your case concerns the same person. Coordinate with it (through a referral).
notification-duplicate-confirmed-by = { $institution }, which already held an earlier case, found that your case concerns the same person. Coordinate with { $institution } (through a referral).
duplicates-counts-intro = How many possible duplicates wait for a decision, per deciding institution. Which reports and cases they are, only that institution knows.
duplicates-counts-none = No possible duplicate waits for a decision.
duplicates-count-line = { $institution }: { $count }
log-duplicate-reviewed = Possible duplicate reviewed
duplicates-pending-team =
    { $count ->
        [one] { $count } possible duplicate awaits an institution's decision
       *[other] { $count } possible duplicates await the institutions' decisions
    }

## Case work: the outcome a closed case reached, closing with what is still open in view,
## the error summary of refused forms, a referral kept across the missing consent, the
## protocol's own task for a Centre that reported, and what receivers see.
state-closed-with-outcome = Closed: { $outcome }
case-outcome = Outcome of identification
case-closed-at = Closed
outcome-identified = formally identified
outcome-not-a-victim = no elements of trafficking
outcome-dismissed = report dismissed
outcome-suspended = procedure suspended
outcome-pending = identification under way
error-summary-title = Nothing was saved. Please correct the following:
case-next-step-hint = A step records how far the case has come in the referral mechanism. Nothing is sent to another institution; a referral to a team institution does that.
referral-new-hint = A referral sends the case to another team institution: it receives only the parts of the record you choose and a deadline to answer. The case's state does not change.
referral-purpose-withheld = Only the institutions working on the case see the purpose.
referral-record-consent-first = Record the consent; the referral stays filled in.
consent-referral-waits = The referral you began waits for this consent and stays filled in.
case-consent-saved-referral-waits = The consent was recorded. The referral you began is filled in below: check it and send it.
consent-receiver-note = Only the consents that concern your institution are shown.
case-close-confirm-title = Closing the case
case-close-still-open = Still open:
case-close-nothing-open = No services, follow-ups or referrals are open.
case-close-confirm-button = Yes, close the case
case-close-cancel = Do not close
case-close-confirm-needed = Closing was not confirmed: look at what is still open, then confirm.
case-close-open-service = Service
case-close-open-follow-up = Follow-up
case-close-open-referral = Referral
case-protocol-task = The Centre for Social Work reported the case itself: the protocol opened its urgent intervention task, without a referral to itself.
task-urgent-protection = The Centre's urgent intervention (protection protocol)
log-referral-purpose-sealed = Referral purpose encrypted on upgrade
task-mark-done = Mark as done
case-saved-task = The task is marked as done.
log-task-completed = Task done

## The national referral mechanism: the Centre's decision on formal identification
centre-decision-identified = formally identified
centre-decision-not-identified = not formally identified
centre-decision-assessment-ended = assessment ended without a decision
referral-centre-decision = The Centre's decision on identification
referral-decided-on = Date of the decision
referral-decide = Record the decision and complete the referral
referral-decision-required = Choose the Centre's decision.

sector-labour-inspection = Labour inspection
sector-ngo = Non-governmental organisations
sector-child = Indicators for children
sector-labour-exploitation = Labour exploitation
report-catalogue-used = Indicators: { $catalogue }
report-catalogue-switch-label = Another list of indicators
report-catalogue-switch = Show the chosen list
report-catalogue-replaced = For the age or the reporter you entered, the list that fits the person is shown now. Tick the indicators again on this list; everything else you typed is kept in the form.
catalogues-intro-choice = Lists of indicators per sector, for children and for labour exploitation, with their versions. The report form picks the child list for a child, else the list of the sector that met the person; the reporter may pick another. A case keeps the list and version it was screened with.
