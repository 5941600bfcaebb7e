reports-title = Извештаји Националном координатору
reports-intro = Тромесечни и годишњи извештаји се састављају из онога што је тим евидентирао. Статистика случајева је само збирна и заштићена: бројеви мањи од прага се не приказују.
reports-none = Тим још нема ниједан извештај.
periodic-new = Нови извештај
periodic-period = Период
periodic-period-hint = Тромесечје као 2026-К3 (или 2026-Q3) или година као 2026.
periodic-period-taken = За период { $period } извештај већ постоји; нови се не започиње, већ се постојећи допуњује или исправља.
periodic-period-taken-open = Отвори извештај за { $period }
periodic-draft-action = Започни извештај
periodic-version = Верзија
periodic-version-n = верзија { $version }
periodic-status = Стање
periodic-status-draft = Нацрт
periodic-status-submitted = Поднет
periodic-status-acknowledged = Потврђен пријем
periodic-period-not-over = Период још није завршен; извештај се може поднети тек после његовог краја.
periodic-title = Извештај о раду локалног тима
periodic-of-period = Период: { $first } – { $last }
periodic-gathered = Подаци прикупљени: { $at }
periodic-submitted-at = Поднет: { $at }
periodic-audit-checkpoint = Контролна тачка трага ревизије (за „spona audit verify --checkpoint“): { $line }
periodic-acknowledged-at = Пријем потврђен: { $at }
periodic-acknowledgement = Напомена Националног координатора
periodic-integrity-intact = Садржај је онакав какав је поднет (отисак се слаже).
periodic-integrity-altered = Пажња: садржај се не слаже са отиском забележеним при подношењу. Извештај је мењан ван система.
periodic-watermark-draft = НАЦРТ
periodic-draft-notice = Ово је нацрт: бројеви се рачунају из тренутних евиденција и замрзавају се при подношењу.
periodic-edit = Уреди текст
periodic-submit = Поднеси Националном координатору
periodic-submit-question = Поднети извештај за период { $period }? После подношења бројеви и текст се више не могу мењати; исправка се подноси као нова верзија.
periodic-correct = Отвори исправку (нова верзија)
periodic-acknowledge = Потврди пријем
periodic-acknowledge-note = Напомена тиму (необавезно)
periodic-download-pdf = PDF
periodic-download-xlsx = XLSX
periodic-download = Преузми
periodic-versions = Верзије
periodic-supersedes = Исправка верзије { $version }
periodic-narrative = Текст извештаја
periodic-summary = Сажетак периода
periodic-cooperation = Сарадња са Националним координатором и другим тимовима
periodic-challenges = Тешкоће и потребна подршка
periodic-next-steps = Планови за наредни период
periodic-composition = Састав тима
periodic-members = Институције чланице
periodic-partners = Партнери
periodic-meetings = Састанци тима
periodic-meetings-none = Није било састанака.
periodic-meeting-institutions = присутних институција
periodic-meeting-actions = задатака
periodic-plan = Остварење плана координације
periodic-plan-none = Ниједан план не покрива овај период.
periodic-plan-achieved = Остварено
periodic-activities = Активности и обухват
periodic-activities-none = У периоду нема евидентираних активности.
periodic-activities-count = Број активности
periodic-reach = Обухват
periodic-month = Месец
periodic-trainings = Обуке
periodic-trainings-summary =
    { $trainings ->
        [one] { $trainings } обука
        [few] { $trainings } обуке
       *[other] { $trainings } обука
    }, { $hours ->
        [one] { $hours } сат
        [few] { $hours } сата
       *[other] { $hours } сати
    }, { $participants ->
        [one] { $participants } учесник
        [few] { $participants } учесника
       *[other] { $participants } учесника
    }
periodic-participants-count =
    { $count ->
        [one] { $count } учесник
        [few] { $count } учесника
       *[other] { $count } учесника
    }
periodic-staff = Запослених
periodic-share = Обухваћено
periodic-materials = Материјал
periodic-materials-none = У периоду није било производње ни поделе материјала.
periodic-produced = Произведено
periodic-handed-out = Подељено
periodic-cooperation-log = Евиденција сарадње са Националним координатором
periodic-cases = Статистика случајева (збирно)
periodic-cases-note = Бројеви од 1 до { $less } нису приказани (праг { $threshold }), као ни бројеви који би омогућили да се они израчунају из збирова или поређењем са ранијим извештајима. Нуле се приказују.
periodic-suppressed = скривено
periodic-table-note = Скривених бројева у табели: { $hidden }.
periodic-total = Укупно
periodic-count = Број
periodic-chart-activities = Активности по месецима
periodic-chart-activities-desc = Број активности и обухват по месецима периода.
periodic-chart-plan = Остварење активности плана
periodic-chart-plan-desc = Проценат остварења сваке активности плана.
periodic-page = Страна { $n } од { $m }
case-table-cases-by-source = Пријаве према извору
case-table-cases-by-sex = Пријаве према полу
case-table-cases-by-age = Деца и пунолетни
case-table-cases-by-citizenship = Пријаве према држављанству
case-table-cases-by-exploitation = Облици експлоатације
case-table-cases-by-outcome = Исход идентификације
case-table-referrals-by-receiver = Упућивања према институцији која прима
case-table-referrals-by-deadline = Одговор на упућивања у року
stat-source-law-enforcement = Полиција и тужилаштво
stat-source-social-welfare = Социјална заштита
stat-source-other-government = Други државни органи
stat-source-ngo-or-international = Невладине и међународне организације
stat-source-self-referral = Лично
stat-source-citizen-or-other = Грађани и остали
stat-citizenship-domestic = Држављани Србије
stat-citizenship-foreign = Страни држављани
stat-citizenship-unknown = Непознато
stat-exploitation-none = Није наведен
stat-outcome-pending = Идентификација у току
stat-outcome-identified = Идентификована жртва
stat-outcome-not-a-victim = Није жртва
stat-outcome-dismissed = Пријава одбачена
stat-outcome-suspended = Поступак обустављен
stat-outcome-closed = Случај затворен
stat-deadline-in-time = У року
stat-deadline-late = После рока
stat-deadline-unanswered = Још без одговора, рок тече
national-title = Извештаји тимова
national-intro = Поднети извештаји свих локалних тимова и национални збир периода. Подаци о лицима се никада не приказују.
national-none = Још нема поднетих извештаја.
national-period-filter = Период
national-period-hint = Тромесечје (2026-К3) или година (2026); празно: сви периоди, без збира.
national-show = Прикажи
national-all-periods = Сви периоди
national-summary = Национални збир за { $period }
national-teams = Тимова који су поднели извештај
national-summary-cases-note = Број случајева у збиру приказује се само тамо где су га сви тимови приказали; иначе је скривен.
national-team = Тим
statistics-title = Статистика
statistics-intro = Графикони рада тима у години, са табелом података уз сваки. Бројеви о случајевима су заштићени као у извештајима.
statistics-year = Година
statistics-referrals = Упућивања и одговори у року
statistics-referrals-desc = Број упућивања по тромесечју и колико их је одговорено у року.
statistics-response = Време од пријаве до првог одговора
statistics-response-value =
    Медијана: { $hours ->
        [one] { $hours } сат
        [few] { $hours } сата
       *[other] { $hours } сати
    } (за { $cases ->
        [one] { $cases } пријаву
        [few] { $cases } пријаве
       *[other] { $cases } пријава
    })
statistics-response-hidden = Скривено: пријава са одговором има мање од { $threshold }.
statistics-quarter = Тромесечје
statistics-referrals-sent = Упућено
statistics-answered-in-time = Одговорено у року
periodic-institution = Институција
chart-data = Подаци графикона
national-htcds = Размена података (HTCDS 2.0)
national-htcds-intro = Деидентификовани подаци о случајевима текуће године свих тимова, у речнику стандарда HTCDS 2.0, k-анонимизовани: свака објављена комбинација вредности односи се на најмање онолико лица колики је праг; мање групе се уопштавају или изостављају.
