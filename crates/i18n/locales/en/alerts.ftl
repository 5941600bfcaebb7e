### In-app notifications: a kind and a case only, never anything about the person.

nav-notifications = Notifications
notifications-title = Notifications
notifications-intro = Notifications for you and your institution, unread first. A notification never holds anything about the person: open the case to see more.
notifications-empty = There are no notifications.
notifications-unread =
    { $count ->
        [one] { $count } unread notification
       *[other] { $count } unread notifications
    }
notifications-mark-read = Mark all as read
notifications-marked-read = All notifications were marked as read.
notification-new = New
notification-open-case = Open the case
notification-referral-received = Your institution received a new referral.
notification-urgent-referral-received = Your institution received an urgent referral.
notification-referral-overdue = The deadline for answering a referral has passed.
notification-break-glass = A case of your institution was opened with emergency access. The reason is in the case's access log.
notification-recovery-ending = A recovery and reflection period ends soon.
notification-case-assigned = The institution in charge of a case gave you access to read it.

## The national referral mechanism
notification-identification-decided = The Centre for Protection decided on identification in a case of your institution.
