## Good practices: a team's work published as a model for the other teams

nav-practices = Good practices
practices-title = Good practices
practices-intro = Activities and trainings that local teams have published as a model: what was done, with which materials, and what came of it.
practices-search-placeholder = Title, description or results (Cyrillic or Latin)
practices-empty = No team has published a good practice yet. A team's coordinator publishes one from the page of an activity or a training.
practice-title = Title
practice-summary = What was done
practice-materials = Materials
practice-results = Results
practice-team = Team
practice-source = Published from
practice-source-activity = Activity
practice-source-training = Training
practice-held-on = Held on
practice-published-on = Published
practice-withdrawn = Withdrawn on { $date }: the other teams no longer see it.
practice-open-source = Open the source in the team's register
practice-publish = Publish as a good practice
practice-publish-title = Publishing a good practice
practice-publish-from = From: { $title }
practice-publish-hint = The other teams and the National Coordinator's office will see the title, what was done, the materials and the results, but not the activity or training itself. Do not enter names or anything about persons.
practice-published = Published as a good practice
practice-source-taken = A good practice has already been published from this activity or training.
practice-withdraw = Withdraw the good practice
practice-withdraw-question = Withdraw the good practice "{ $title }"? The other teams will no longer see it. It stays on record, so the activity it was published from cannot be deleted.
practice-prefill-activity = { $kind }, { $place }, { $date }
practice-prefill-training =
    { $hours ->
        [one] Training "{ $topic }", { $date }, { $hours } hour; trainer: { $trainer }.
       *[other] Training "{ $topic }", { $date }, { $hours } hours; trainer: { $trainer }.
    }
practice-prefill-participants =
    { $count ->
        [one] { $count } participant in total
       *[other] { $count } participants in total
    }
practice-prefill-scores = Average knowledge-test score: { $before } before → { $after } after the training
