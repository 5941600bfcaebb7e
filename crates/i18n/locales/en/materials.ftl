### Materials and donors.

materials-title = Materials
materials-none = No material has been recorded yet.
materials-by-donor = By donor
material-new = New material
material-name = Name
material-kind = Kind
material-kind-calendar = Calendar
material-kind-pen = Pen
material-kind-keychain = Keychain
material-kind-roll-up = Roll-up banner
material-kind-leaflet = Leaflet
material-kind-poster = Poster
material-kind-other = Other
material-donor = Donor
material-no-donor = No donor
material-project = Project
material-produced = Produced
material-handed-out = Handed out
material-stock = In stock
material-low = Low stock
material-low-mark = Tell when stock falls under
material-date = Date
material-save = Record the material
material-movements = Stock changes
material-movement = Change
material-quantity = Quantity
material-occasion = Where and on what occasion (for a hand-out)
material-activity = Activity it was handed out at
material-activity-none = — not in the activities register —
material-activity-hint = For a hand-out: choose the activity from the register, or write the occasion below.
material-record = Record
materials-low =
    { $count ->
        [one] { $count } material is low in stock
       *[other] { $count } materials are low in stock
    }
log-material-added = Material recorded
log-material-moved = Stock changed
