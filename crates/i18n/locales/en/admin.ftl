### Administration: user accounts, one-time links for setting a password.

admin-users-title = User accounts
admin-users-search-label = Search user accounts
admin-users-search-placeholder = Username or full name
admin-user-new = New user account
admin-user-new-intro = The account is created without a password. Once you save it, you get a one-time link through which the account's owner sets the password themselves.
admin-display-name = Full name
admin-role = Role
admin-team = Team
admin-institution = Institution
admin-team-institution = Team and institution
admin-team-institution-hint = Required for team coordinators, case managers and team members. System administrators and the Office for Coordination of Activities in Combating Human Trafficking do not belong to a team.
admin-no-team = — no team (system-wide roles) —
admin-username-hint = Lower-case Latin letters, digits, dot, hyphen and underscore, 3 to 40 characters, e.g. marko.petrovic.
admin-status-active = Active
admin-status-disabled = Disabled
admin-user-disabled-notice = This account is disabled: no one can sign in with it. The data are kept, and the account can be enabled again.
admin-password-set = Set
admin-password-pending = Not set: waiting for the account's owner to use the one-time link.
admin-self-note = This is your own account: you cannot disable it yourself.

## Actions

admin-action-create = Create account
admin-action-disable = Disable account
admin-action-enable = Enable account again
admin-action-reset = Reset password
admin-confirm-disable-title = Disable account
admin-confirm-disable-body = Do you want to disable the account “{ $name }”? Its user will be signed out at once and will not be able to sign in until the account is enabled again. No data are deleted.
admin-confirm-reset-title = Reset password
admin-confirm-reset-body = Do you want to reset the password of the account “{ $name }”? The current password stops working at once and the account's sessions end. You will get a one-time link to hand to the person the account belongs to through a secure channel so that they can set a new password.

## One-time link

admin-link-title-created = Account created
admin-link-title-reset = Password reset
admin-link-intro = Hand the link below to the account's owner ({ $name }) in person or through another secure channel. With it, that person sets their own password.
admin-link-label = One-time link for setting the password
admin-link-validity =
    { $hours ->
        [one] The link is valid for { $hours } hour and can be used only once.
       *[other] The link is valid for { $hours } hours and can be used only once.
    }
admin-link-once = The link is shown only now and cannot be seen again later. If it is lost or expires, get a new one by resetting the password on the account's page.
admin-back-to-user = Back to the account
admin-back-to-list = Back to the account list
