### Team meetings and cooperation with the National Coordinator.

nav-meetings = Meetings
meetings-title = Team meetings
meetings-none = No meeting has been recorded yet.
meeting-present-count =
    { $count ->
        [one] { $count } institution present
       *[other] { $count } institutions present
    }
meeting-new = New meeting
meeting-title = Team meeting, { $date }
meeting-date = Date
meeting-place = Place
meeting-agenda = Agenda
meeting-attendance = Institutions present
meeting-nobody = Attendance was not recorded.
meeting-save = Record the meeting
meeting-minutes = Minutes
meeting-decisions = Decisions
meeting-minutes-save = Save the minutes
meeting-conflict = Someone saved the minutes in the meantime. See what is recorded now and enter your changes again.
meeting-actions = Action items
meeting-actions-none = No action items from this meeting.
meeting-action-add = Add an action item
meeting-task = Task
meeting-owner = Institution responsible
meeting-deadline = Deadline
meeting-action-save = Add
meeting-follow-up = What was done
meeting-action-done = Done
meetings-overdue = Action items from meetings past their deadline
cooperation-title = Cooperation with the National Coordinator
cooperation-intro = Requests from the National Coordinator, the team's submissions and replies, with their outcome and documents.
cooperation-none = Nothing recorded yet.
cooperation-new = New entry
cooperation-date = Date
cooperation-kind = Kind
cooperation-kind-request = Request
cooperation-kind-submission = Submission
cooperation-kind-reply = Reply
cooperation-subject = Subject
cooperation-outcome = Outcome
cooperation-documents = Documents (number, title)
cooperation-save = Record
log-meeting-recorded = Meeting recorded
log-meeting-minutes = Minutes saved
log-meeting-action-added = Action item added
log-meeting-action-done = Action item done
log-cooperation-recorded = Cooperation recorded
upcoming-title = Coming up
upcoming-activity = Activity
upcoming-training = Training
upcoming-meeting = Meeting
