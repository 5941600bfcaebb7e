### Материјали и донатори.

materials-title = Материјали
materials-none = Још није уписан ниједан материјал.
materials-by-donor = По донаторима
material-new = Нови материјал
material-name = Назив
material-kind = Врста
material-kind-calendar = Календар
material-kind-pen = Оловка
material-kind-keychain = Привезак
material-kind-roll-up = Ролап банер
material-kind-leaflet = Летак
material-kind-poster = Плакат
material-kind-other = Друго
material-donor = Донатор
material-no-donor = Без донатора
material-project = Пројекат
material-produced = Произведено
material-handed-out = Подељено
material-stock = На залихама
material-low = Мало на залихама
material-low-mark = Обавести кад залиха падне испод
material-date = Датум
material-save = Упиши материјал
material-movements = Промене залиха
material-movement = Промена
material-quantity = Количина
material-occasion = Где и поводом чега (за поделу)
material-activity = Активност на којој је подељено
material-activity-none = — није у регистру активности —
material-activity-hint = За поделу: изаберите активност из регистра или поводом чега упишите испод.
material-record = Упиши
materials-low =
    { $count ->
        [one] { $count } материјал има мало на залихама
        [few] { $count } материјала имају мало на залихама
       *[other] { $count } материјала има мало на залихама
    }
log-material-added = Материјал уписан
log-material-moved = Промена залиха
