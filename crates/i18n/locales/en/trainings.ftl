### Trainings of officials on treating victims, children above all; staff coverage; certificates.

trainings-title = Trainings
trainings-search-placeholder = Topic or trainer
trainings-empty = No training has been recorded yet.
training-new = New training
training-topic = Topic
training-trainer = Trainer
training-date = Date
training-hours = Duration (hours)
training-hours-hint = From 0.5 to 40 hours, e.g. 2.5.
training-participants = Participants
training-attendance = Participants by institution
training-attendance-hint = For each institution enter the number of participants. Names are optional: one per line, with test scores if you wish (Name Surname; before %; after %). If you leave the number empty, the names are counted.
training-names = Name
training-names-placeholder = Name Surname; 50; 85
training-test = Knowledge test
training-test-hint = Optional: the average score of all participants in percent (0–100), before and after the training.
training-score-before = Test before (%)
training-score-after = Test after (%)
training-score-of-named = average of the named participants
training-named = Named participants
training-named-empty = The participants of this training were not named, so there are no certificates.
training-refused = The training was not saved: there cannot be more participants than staff.
training-over-staff =
    { $participants ->
        [one] { $institution }: { $participants } participant, but the staff numbers { $staff }.
       *[other] { $institution }: { $participants } participants, but the staff numbers { $staff }.
    }

coverage-title = Training coverage
coverage-intro = How many participants from each institution attended trainings this year, against the number of staff who should be trained. A person at two trainings counts twice.
coverage-institution = Institution
coverage-trained = Trained this year
coverage-staff = Staff
coverage-share = Coverage
coverage-staff-hint = Staff numbers are entered by the team coordinator; an empty field means the number is not known.
coverage-saved = The staff numbers were saved.

certificate-title = Certificate
certificate-download = Download (PDF)
certificate-certifies = This is to certify that
certificate-attended = attended the training
certificate-date = Date
certificate-duration = Duration
certificate-trainer = Trainer
certificate-issued-by = Issued by
certificate-hours = { $hours } h
