### Састанци тима и сарадња са Националним координатором.

nav-meetings = Састанци
meetings-title = Састанци тима
meetings-none = Још није уписан ниједан састанак.
meeting-present-count =
    { $count ->
        [one] присутна { $count } институција
        [few] присутне { $count } институције
       *[other] присутно { $count } институција
    }
meeting-new = Нови састанак
meeting-title = Састанак тима, { $date }
meeting-date = Датум
meeting-place = Место
meeting-agenda = Дневни ред
meeting-attendance = Присутне институције
meeting-nobody = Није уписано ко је присуствовао.
meeting-save = Упиши састанак
meeting-minutes = Записник
meeting-decisions = Одлуке
meeting-minutes-save = Сачувај записник
meeting-conflict = Неко је у међувремену сачувао записник. Погледајте шта је сада уписано и унесите своје измене поново.
meeting-actions = Задужења
meeting-actions-none = Нема задужења са овог састанка.
meeting-action-add = Додај задужење
meeting-task = Задатак
meeting-owner = Задужена институција
meeting-deadline = Рок
meeting-action-save = Додај
meeting-follow-up = Шта је урађено
meeting-action-done = Урађено
meetings-overdue = Задужења са састанака којима је прошао рок
cooperation-title = Сарадња са Националним координатором
cooperation-intro = Захтеви Националног координатора, поднесци тима и одговори, са исходом и документима.
cooperation-none = Још нема уписа.
cooperation-new = Нови упис
cooperation-date = Датум
cooperation-kind = Врста
cooperation-kind-request = Захтев
cooperation-kind-submission = Поднесак
cooperation-kind-reply = Одговор
cooperation-subject = Предмет
cooperation-outcome = Исход
cooperation-documents = Документи (број, назив)
cooperation-save = Упиши
log-meeting-recorded = Састанак уписан
log-meeting-minutes = Записник сачуван
log-meeting-action-added = Задужење додато
log-meeting-action-done = Задужење урађено
log-cooperation-recorded = Сарадња уписана
upcoming-title = Предстоји
upcoming-activity = Активност
upcoming-training = Обука
upcoming-meeting = Састанак
