### Team registry: teams, institutions and partners, change history.

teams-title = Local teams
team-institutions = Member institutions and partners
team-partners = Partner organisations
team-members = Team members
team-member-institutions = Member institutions
team-lead-institutions = Lead institutions
search-placeholder = Name, short name or code (Cyrillic or Latin)
all-kinds = All kinds
choose = — choose —
record-inactive = This record is deactivated. It is kept for the history and not offered for new entries.
edit-conflict = Someone else changed this record in the meantime. What you typed is still in the form: check it and save again.
history-title = Change history
change-created = Created
change-edited = Edited
change-deactivated = Deactivated
change-reactivated = Reactivated

institution-new = New member institution
partner-new = New partner organisation
institution-edit = Edit institution
institution-name = Name
institution-name-cyrl = Name (Cyrillic)
institution-name-latn = Name (Latin)
institution-name-latn-hint = Leave empty to transliterate the Cyrillic name.
institution-short-name = Short name
institution-code = Code
institution-code-hint = A short label in Latin letters, digits and dashes, e.g. csr.
institution-standing = Relation to the team
standing-member = Member institution
standing-partner = Partner organisation
institution-kind = Kind
institution-lead = Lead institution
institution-lead-hint = Lead institution of the team (members only)
institution-donor = Donor
institution-donor-hint = Donor to the team
institution-cooperation = Cooperation with the team
institution-address = Address
institution-phone = Phone
institution-email = E-mail

kind-police = Police
kind-health = Health
kind-red-cross = Red Cross
kind-prosecution = Prosecution
kind-court = Court
kind-youth-office = Youth office
kind-social-work = Centre for social work
kind-ngo = Non-governmental organisation
kind-school = School
kind-education = Education (administration, training)
kind-culture = Culture
kind-media = Media
kind-international = International organisation
kind-local-government = Local government
kind-other = Other

## National institutions
kind-identification-centre = Centre for Protection (formal identification)
