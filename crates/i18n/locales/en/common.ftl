### Shared interface text: name, navigation, sign-in, errors, forms, roles.
### Translated from sr-Cyrl/common.ftl, which is the source: keep the same ids and arguments.

app-name = Spona
app-tagline = Information system of the local team against human trafficking

## Navigation

nav-main = Main navigation
nav-dashboard = Home
nav-cases = Cases
nav-plan = Work plan
nav-activities = Activities
nav-trainings = Trainings
nav-guidelines = Guidelines
nav-materials = Materials
nav-reports = Reports
nav-team = Team
nav-admin = Administration
nav-menu = Menu
nav-skip = Skip to main content
nav-pagination = Result pages
lang-label = Language and script
lang-switch = Change

## Sign-in and session

sign-in = Sign in
sign-out = Sign out
signed-in-as = Signed in as { $name }
username = Username
password = Password
password-repeat = Repeat the password
sign-in-title = Sign in
sign-in-failed = Wrong username or password.
sign-in-throttled =
    { $minutes ->
        [one] Too many failed sign-in attempts. Try again in { $minutes } minute.
       *[other] Too many failed sign-in attempts. Try again in { $minutes } minutes.
    }
session-expired = Your session has expired. Please sign in again.
csrf-failed = The form has expired or was not sent from this page. Reload the page and try again.

## Errors

error-not-found-title = Page not found
error-not-found-body = The page you are looking for does not exist or has been moved.
error-forbidden-title = Access denied
error-forbidden-body = You are not allowed to see this page or take this action. If you think this is a mistake, contact your team coordinator.
error-bad-request-title = Invalid request
error-bad-request-body = The request could not be processed. Check what you entered and try again.
error-server-title = System error
error-server-body = An unexpected error occurred and the action was not carried out. Please try again later. If the error happens again, give the system administrator the error reference { $reference }.
error-unavailable-title = Temporarily unavailable
error-unavailable-body = The system cannot reach its data right now, so the action was not carried out and nothing was changed. It usually recovers by itself within a minute: wait a moment and try again. If it lasts, tell the system administrator the reference { $reference }.
error-reference = Error reference
error-back-home = Back to the home page
error-conflict-title = The record was changed meanwhile
error-conflict-body = Someone else changed this record while you were working. Open it again, check the changes and try once more.
error-unopenable-title = This record cannot be opened
error-unopenable-body = The encrypted data of this record is damaged or was sealed under a key that no longer exists, so it cannot be shown. The administrator has been alerted. Every other record works as before. Request reference: { $reference }.
error-throttled-body = Too many requests in a short time. Wait a little and try again.
error-too-large-body = The data sent is too large.
error-field-title = Nothing was saved
error-field-character-body = The field “{ $field }” holds a character that cannot be kept (for example an invisible control character from copied text), so nothing was saved. Go back to the form, remove that character and send it again.
error-field-too-long-body = The field “{ $field }” is too long to be kept, so nothing was saved. Go back to the form, shorten the text and send it again.

## Actions

action-save = Save
action-cancel = Cancel
action-edit = Edit
action-create = Add
action-search = Search
action-clear = Clear search
action-deactivate = Deactivate
action-reactivate = Reactivate
action-confirm = Confirm
action-back = Back
action-view = View
confirm-deactivate-title = Confirm deactivation
confirm-deactivate-body = Are you sure you want to deactivate “{ $name }”? No data will be deleted, and the record can be reactivated later.

## Lists

page-prev = Previous
page-next = Next
page-of = Page { $page } of { $pages }
results-count =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
results-more-than =
    { $count ->
        [one] More than { $count } result
       *[other] More than { $count } results
    }
empty-list = There are no entries yet.
empty-search = No entries match the search.
show-inactive = Show inactive too
sort-by = Sort
sort-name = By name
sort-kind = By type

## Forms

form-required-hint = Fields marked with an asterisk (*) are required.
field-required = This field is required.
field-too-long =
    { $max ->
        [one] The entry is too long: at most { $max } character is allowed.
       *[other] The entry is too long: at most { $max } characters are allowed.
    }
field-length =
    { $max ->
        [one] The entry must be between { $min } and { $max } character long.
       *[other] The entry must be between { $min } and { $max } characters long.
    }
field-invalid = The entry is not valid.
field-invalid-date = Enter a valid date, for example 30.11.2013.
field-invalid-email = Enter a valid email address.
field-invalid-phone = Enter a valid phone number, for example 016 123 456.
field-date-order = The end date cannot be before the start date.
field-date-future = The date cannot be in the future.
field-unknown-choice = Choose one of the options offered.
field-no-such-record = Nothing is recorded under this.
field-taken = This value is already in use.
field-file-empty = The file is empty.
field-beyond-stock = That is more than is in stock.
field-still-linked = Other records refer to this (hand-outs of materials, a good practice published from it, even one withdrawn since), so it cannot be deleted.
field-file-too-large = The file is larger than 10 MB.
field-file-kind = Only PDF, JPEG, PNG, plain text (.txt), DOCX and ODT files are accepted, and the content must match the name.
form-has-errors = The form has errors. Correct the marked fields and try again.
saved = Changes saved.
deactivated = The record has been deactivated.
reactivated = The record has been reactivated.

## General terms

yes = Yes
no = No
active = Active
inactive = Inactive
status = Status

## Footer

footer-hotline = Suspect human trafficking? Call the free number 0800 100 388 or the police on 192.

## Home page

dashboard-title = Home
dashboard-welcome = Welcome, { $name }.
dashboard-team = Team: { $team }
section-coming-title = In progress
section-coming-body = This part of the system is being built and is not available yet.
health-ok = The system is working.

## Roles

role-admin = System administrator
role-coordinator = Team coordinator
role-case-worker = Case manager
role-member = Team member
role-national = Office for Coordination of Activities in Combating Human Trafficking

## First-time setup and passwords

setup-title = First-time setup
setup-body = The system has no users yet. Create the first account: the system administrator, who opens accounts for the other team members and manages the settings.
setup-done = The system administrator account has been created. You can now sign in.
password-too-short =
    { $min ->
        [one] The password must be at least { $min } character long.
       *[other] The password must be at least { $min } characters long.
    }
password-mismatch = The passwords do not match.
password-set = The password has been saved.

## Damaged records (for the administrator)
integrity-title = Damaged records
integrity-intro = The encrypted data of these records cannot be opened: it was altered in the database or sealed under a key that no longer exists. Every other record works. Compare them with a backup.
integrity-line = { $table }, no. { $id } — found { $at }
dashboard-referrals-waiting = Referrals waiting for an answer
dashboard-referrals-waiting-intro = By the institution they were sent to, counts only: who needs to answer.
dashboard-referrals-waiting-none = No urgent or overdue referral is waiting for an answer.
dashboard-referrals-urgent =
    { $count ->
        [one] { $count } urgent
       *[other] { $count } urgent
    }
dashboard-referrals-overdue =
    { $count ->
        [one] { $count } past the deadline
       *[other] { $count } past the deadline
    }
dashboard-awaiting-acknowledgement = Reports awaiting acknowledgement
dashboard-awaiting-acknowledgement-none = No report is waiting for acknowledgement.
dashboard-not-reported = Teams that have not reported for { $period }
dashboard-all-reported = Every team has reported.
notifications-unread-many = More than 99 unread notifications
