## Team activities: prevention and awareness

activities-title = Activities
activities-empty = No activities recorded yet. Record the first public talk, exhibition or TV appearance with "New activity".
activities-search-placeholder = Activity title (Cyrillic or Latin)
activities-all-kinds = All kinds
activities-all-years = All years
activities-year = Year
activities-reach-total =
    { $count ->
        [one] Reached in total: { $count } person
       *[other] Reached in total: { $count } people
    }
activities-calendar = Calendar
activities-calendar-month = { $month } { $year }
activities-month-prev = ← Previous month
activities-month-next = Next month →
activities-month-1 = January
activities-month-2 = February
activities-month-3 = March
activities-month-4 = April
activities-month-5 = May
activities-month-6 = June
activities-month-7 = July
activities-month-8 = August
activities-month-9 = September
activities-month-10 = October
activities-month-11 = November
activities-month-12 = December
activities-weekday-1 = Mon
activities-weekday-2 = Tue
activities-weekday-3 = Wed
activities-weekday-4 = Thu
activities-weekday-5 = Fri
activities-weekday-6 = Sat
activities-weekday-7 = Sun
activities-day-eu-day = 18 October (EU Anti-Trafficking Day)
activities-day-world-day = 30 July (World Day against Trafficking in Persons)
activities-reminder =
    { $days ->
        [one] { $day } is in { $days } day — nothing planned yet.
       *[other] { $day } is in { $days } days — nothing planned yet.
    }
activities-reminder-planned =
    { $days ->
        [one] { $day } is in { $days } day; an activity is recorded.
       *[other] { $day } is in { $days } days; an activity is recorded.
    }
activities-reminder-today = { $day } is today — nothing recorded.
activities-reminder-today-planned = { $day } is today; an activity is recorded.

activity-new = New activity
activity-edit = Edit activity
activity-delete = Delete activity
activity-delete-question = Delete the activity "{ $title }"? This cannot be undone; it is recorded in the audit trail.
activity-title = Title
activity-kind = Kind
activity-kind-public-talk = Public talk
activity-kind-lecture = Lecture
activity-kind-workshop = Workshop
activity-kind-exhibition = Exhibition
activity-kind-film-screening = Film screening
activity-kind-campaign = Campaign
activity-kind-media = Media appearance
activity-kind-conference = Conference
activity-kind-eu-day = Marking of 18 October (EU Anti-Trafficking Day)
activity-kind-world-day = Marking of 30 July (World Day against Trafficking in Persons)
activity-kind-other = Other
activity-medium = Medium
activity-medium-hint = Only for a media appearance.
activity-medium-tv = Television
activity-medium-radio = Radio
activity-medium-press = Press
activity-medium-online = Online
activity-date = Date
activity-place = Place
activity-venue = School or venue
activity-venue-other = — not in the list (type the place) —
activity-place-typed = Place (if not in the list)
activity-place-hint = For example: local TV station, City Hall.
activity-partners = Partners
activity-audience = People reached, by group
activity-audience-pupils = Pupils
activity-audience-teachers = Teachers
activity-audience-parents = Parents
activity-audience-officials = Officials and institutions' staff
activity-audience-public = General public
activity-count-invalid = Enter a whole number from 0 to 100,000.
activity-reach = Reached
activity-description = Description
activity-materials = Materials handed out
activity-handed-out = Materials handed out from stock

venues-title = Schools and venues
venues-intro = The city's schools and venues where the team holds activities; they are offered when recording an activity.
venues-empty = The list is empty.
venue-new = New school or venue
venue-add = Add
venue-name = Name
venue-kind = Kind
venue-kind-school = School
venue-kind-venue = Venue (cultural centre, theatre, hall)
venue-withdrawn = No longer offered
venue-withdraw = Stop offering
venue-offer-again = Offer again
