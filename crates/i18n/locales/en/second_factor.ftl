# The second factor of sign-in: a code from an authenticator app, and recovery codes.
second-factor = Second factor
second-factor-link = Two-step sign-in
second-factor-title = Sign-in code
second-factor-intro = The password is right. Type the six-digit code your authenticator app shows now.
second-factor-code = Code
second-factor-recovery-hint = If you do not have your phone with you, type one of your recovery codes; each works only once.
second-factor-continue = Continue
second-factor-start-again = Start signing in again
second-factor-wrong = The code is wrong or was used already. Wait for the next code in the app and try again.
enrol-title = Setting up the second factor
enrol-intro = Your role opens case data, so you also sign in with a code from an authenticator app (e.g. FreeOTP, Aegis, Google Authenticator). Until it is set up, the system cannot be used.
enrol-step-scan = Scan the QR code with the app, or type into it the secret key below the code.
enrol-step-type = Type the six-digit code the app shows.
enrol-qr-label = QR code for the authenticator app
enrol-secret = Secret key:
enrol-code = Code from the app
enrol-confirm = Confirm
recovery-codes-title = Recovery codes
recovery-codes-intro = Keep these codes on paper or in a password manager. If you lose your phone, each of them replaces the app's code once.
recovery-codes-once = The codes are shown only now. Earlier codes no longer work.
recovery-codes-continue = I have kept the codes, continue
own-factor-title = Second factor
own-factor-intro = A code from an authenticator app, besides the password, protects the account if the password leaks.
own-factor-required = Your role requires a second factor; it cannot be turned off.
own-factor-authenticator = Authenticator app
own-factor-since = Set up { $when }.
own-factor-none = Not set up.
own-factor-set-up = Set up the app
own-factor-replace = Set up a new app (e.g. a new phone)
own-factor-recovery = Recovery codes
own-factor-codes-left =
    { $count ->
        [one] { $count } unused code is left.
       *[other] { $count } unused codes are left.
    }
own-factor-new-codes = Make new codes
own-factor-new-codes-hint = New codes replace all earlier ones.
own-factor-remove-title = Turning it off
own-factor-remove = Turn the second factor off
own-factor-removed = The second factor was turned off.
admin-second-factor-set = set up
admin-second-factor-none = not set up
admin-action-reset-second-factor = Reset the second factor
admin-confirm-factor-reset-title = Resetting the second factor
admin-confirm-factor-reset-body = The authenticator app and recovery codes of { $name } stop working, and all of the account's sessions end. At the next sign-in the person sets up a second factor again. Go on?
admin-second-factor-was-reset = The second factor was reset; the person was signed out and told.
notification-second-factor-reset = Your second factor was reset; set it up again at your next sign-in.
log-second-factor-failed = Wrong second-factor code
log-second-factor-enrolled = Second factor set up
log-second-factor-reset = Second factor reset
log-second-factor-removed = Second factor turned off
log-recovery-code-used = Signed in with a recovery code
log-recovery-codes-renewed = New recovery codes made
confirm-title = Confirm it is you
confirm-intro =
    { $minutes ->
        [one] Before a sensitive act (exporting personal data, emergency access, changing accounts, the public page) the system asks for your password and code once more. The confirmation lasts { $minutes } minute.
       *[other] Before a sensitive act (exporting personal data, emergency access, changing accounts, the public page) the system asks for your password and code once more. The confirmation lasts { $minutes } minutes.
    }
confirm-button = Confirm
confirm-failed = The password or the code is wrong.
log-identity-confirmed = Identity confirmed again
log-confirmation-failed = Identity confirmation failed
passkeys-title = Passkeys
passkeys-intro = A passkey on a phone, a computer or a security key can take the place of the app's code at the second step of signing in.
passkeys-none = No passkeys yet.
passkeys-need-script = Adding and using a passkey needs JavaScript in the browser.
passkeys-not-here = Passkeys work only at the system's public address (the public_url setting) or at localhost.
passkey-name = Name of the key (e.g. "Work phone")
passkey-add = Add a passkey
passkey-added = The passkey was added.
passkey-removed = The passkey was removed.
passkey-not-added = The passkey was not added: the name is missing or the browser did not give a valid answer.
passkey-remove = Remove
passkey-added-at = added { $when }
passkey-used-at = last used { $when }
passkey-use = Sign in with a passkey
passkey-failed = The browser did not provide a passkey. Try again or type a code.
passkey-refused = The passkey was not accepted. Try again or type a code.
log-passkey-added = Passkey added
log-passkey-removed = Passkey removed
confirm-with-passkey = Confirm with a passkey
