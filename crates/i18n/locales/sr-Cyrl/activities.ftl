## Активности тима: превенција и подизање свести

activities-title = Активности
activities-empty = Још нема унетих активности. Прва трибина, изложба или гостовање на телевизији уноси се дугметом „Нова активност“.
activities-search-placeholder = Назив активности (ћирилицом или латиницом)
activities-all-kinds = Све врсте
activities-all-years = Све године
activities-year = Година
activities-reach-total =
    { $count ->
        [one] Укупно обухваћено: { $count } особа
        [few] Укупно обухваћено: { $count } особе
       *[other] Укупно обухваћено: { $count } особа
    }
activities-calendar = Календар
activities-calendar-month = { $month } { $year }.
activities-month-prev = ← Претходни месец
activities-month-next = Следећи месец →
activities-month-1 = Јануар
activities-month-2 = Фебруар
activities-month-3 = Март
activities-month-4 = Април
activities-month-5 = Мај
activities-month-6 = Јун
activities-month-7 = Јул
activities-month-8 = Август
activities-month-9 = Септембар
activities-month-10 = Октобар
activities-month-11 = Новембар
activities-month-12 = Децембар
activities-weekday-1 = пон
activities-weekday-2 = уто
activities-weekday-3 = сре
activities-weekday-4 = чет
activities-weekday-5 = пет
activities-weekday-6 = суб
activities-weekday-7 = нед
activities-day-eu-day = 18. октобар – Европски дан борбе против трговине људима
activities-day-world-day = 30. јул – Светски дан борбе против трговине људима
activities-reminder =
    { $days ->
        [one] { $day } је за { $days } дан – још ништа није планирано.
        [few] { $day } је за { $days } дана – још ништа није планирано.
       *[other] { $day } је за { $days } дана – још ништа није планирано.
    }
activities-reminder-planned =
    { $days ->
        [one] { $day } је за { $days } дан; активност је унета.
        [few] { $day } је за { $days } дана; активност је унета.
       *[other] { $day } је за { $days } дана; активност је унета.
    }
activities-reminder-today = { $day } је данас – ништа није унето.
activities-reminder-today-planned = { $day } је данас; активност је унета.

activity-new = Нова активност
activity-edit = Измена активности
activity-delete = Обриши активност
activity-delete-question = Да ли сигурно желите да обришете активност „{ $title }“? Брисање се не може опозвати; бележи се у дневнику измена.
activity-title = Назив
activity-kind = Врста
activity-kind-public-talk = Трибина
activity-kind-lecture = Предавање
activity-kind-workshop = Радионица
activity-kind-exhibition = Изложба
activity-kind-film-screening = Пројекција филма
activity-kind-campaign = Кампања
activity-kind-media = Медијско гостовање
activity-kind-conference = Конференција
activity-kind-eu-day = Обележавање 18. октобра (Европски дан борбе против трговине људима)
activity-kind-world-day = Обележавање 30. јула (Светски дан борбе против трговине људима)
activity-kind-other = Друго
activity-medium = Медиј
activity-medium-hint = Само за медијско гостовање.
activity-medium-tv = Телевизија
activity-medium-radio = Радио
activity-medium-press = Штампа
activity-medium-online = Интернет
activity-date = Датум
activity-place = Место
activity-venue = Школа или простор
activity-venue-other = — није на списку (упишите место) —
activity-place-typed = Место (ако није на списку)
activity-place-hint = На пример: Локална ТВ станица, сала Градске куће.
activity-partners = Партнери
activity-audience = Број обухваћених по групама
activity-audience-pupils = Ученици
activity-audience-teachers = Наставници
activity-audience-parents = Родитељи
activity-audience-officials = Службеници и представници институција
activity-audience-public = Општа јавност
activity-count-invalid = Упишите цео број од 0 до 100.000.
activity-reach = Обухваћено
activity-description = Опис
activity-materials = Подељени материјал
activity-handed-out = Материјал подељен из залиха

venues-title = Школе и простори
venues-intro = Школе и простори у граду у којима тим одржава активности; нуде се при уносу активности.
venues-empty = Списак је празан.
venue-new = Нова школа или простор
venue-add = Додај
venue-name = Назив
venue-kind = Врста
venue-kind-school = Школа
venue-kind-venue = Простор (културни центар, позориште, сала)
venue-withdrawn = Више се не нуди
venue-withdraw = Не нуди више
venue-offer-again = Поново нуди
