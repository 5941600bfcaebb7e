### Guidelines for local officials and the "what to do" card.

guidelines-title = Guidelines
guidelines-intro = The team's procedures, indicator lists, protocols and contacts. Acknowledge that you have read the current version of what is meant for your institution.
guidelines-none = The library has no documents yet.
guideline-new = New document
guideline-title = Title
guideline-kind = Kind
guideline-kind-procedure = Procedure
guideline-kind-indicators = Indicator list
guideline-kind-protocol = Protocol
guideline-kind-contacts = Contacts
guideline-kind-other = Other
guideline-language = Language and script
guideline-language-sr-Cyrl = Serbian, Cyrillic
guideline-language-sr-Latn = Serbian, Latin
guideline-language-en = English
guideline-addressed = Meant for
guideline-addressed-hint = If you tick nothing, the document is meant for everyone.
guideline-addressed-all = all institutions
guideline-in-force-from = In force from
guideline-in-force-to = In force until
guideline-body = Text
guideline-save = Add to the library
guideline-version = version
guideline-versions = Versions
guideline-unread = Unread
guideline-you-read = You have acknowledged reading this version.
guideline-acknowledge = I have read this version
guideline-read-thanks = Thank you, your reading is recorded.
guideline-revised-since = The document was revised in the meantime. Read the new version.
guideline-not-read = Reading of the current version not yet confirmed
guideline-all-read = Everyone it is meant for has read the current version.
guideline-revise = New version
guideline-note = What changed
guideline-revise-save = Save the new version
guidelines-unread =
    { $count ->
        [one] { $count } guideline waits for you to read it
       *[other] { $count } guidelines wait for you to read them
    }
card-title = What to do if you suspect trafficking in human beings
card-for = Card for
card-open = Open the card
card-step-1 = Make sure the person and you are safe. If the danger is immediate, call the police on 192.
card-step-2 = Talk calmly, without judging, in a language the person understands; do not promise what you cannot keep.
card-step-3 = Report the suspicion without delay: to the Centre for Social Work if it is a child, otherwise to the police or the Centre for Protection of Victims of Trafficking.
card-step-4 = Write down only what is needed to help; share nothing about the person with anyone who does not need to know.
card-step-police = In the police: inform the Centre for Protection of Victims of Trafficking at once and, for a child, the Centre for Social Work.
card-step-health = In health care: give the care needed and inform the Centre for Social Work if the person is a child.
card-step-school = At school: inform the head and the Centre for Social Work the same day; do not question the child yourself.
card-step-social-work = At the Centre for Social Work: appoint a temporary guardian for the child and involve the protection team.
card-step-other = If you are not sure whom to turn to, call the free national line.
card-contacts = Contacts
card-hotline = National free line
card-national-centre = Centre for Protection of Victims of Trafficking
card-national-centre-what = Belgrade — receives every report of a suspicion and identifies adult victims
card-social-work = Centre for Social Work (on duty)
card-police = Police
card-never = Never send the person back to those they fled from, and never confront them with them.

## Files on guidelines and the founding decision
official-files-guideline = Files of the versions
official-files-founding = Files of the founding decision
official-files-none = No files yet.
official-file-add = Add a file (new version)
official-file-file = File
official-file-hint = PDF, DOCX, DOC, ODT, XLSX or ODS, up to 20 MB. Each new file is a new version; earlier versions stay.
official-file-personal = Holds personal data
official-file-personal-hint = Tick if the file mentions people (names, contacts): it is then kept encrypted, and every download is recorded.
official-file-personal-mark = holds personal data, kept encrypted
official-file-sealed-name = File with personal data
official-file-save = Save the file
official-file-saved = The file was saved as a new version.
official-file-too-large = The file is larger than 20 MB and was not saved.
official-file-kind = Only PDF, DOCX, DOC, ODT, XLSX and ODS files are accepted, and the content must match the name. The file was not saved.
official-file-version = Version
