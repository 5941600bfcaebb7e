### Случајеви: списак, пријава, случај, упућивања, пријемно сандуче.
### О лицу се никада не пише „жртва“ са трговином: користе се речи „лице“ и „пријава“.

nav-inbox = Пријемно сандуче

## Списак случајева

cases-title = Случајеви
cases-new = Нова пријава
cases-empty = Још нема ниједног случаја.
cases-names-note = Лични подаци се виде само институцијама које раде на случају.
case-code = Шифра
case-state = Стање
case-person = Лице
case-owner = Институција
case-reported-at = Пријављено
case-marks = Ознаке
case-name-hidden = није видљиво
badge-child = Дете
badge-lacks-capacity = Лишено пословне способности
badge-danger = Непосредна опасност
badge-protocol = Протокол за децу
badge-overdue = Рок је прошао

## Стања случаја

state-reported = Пријављено
state-referred = Упућено на идентификацију
state-outcome-identified = Исход: формално идентификовано
state-outcome-not-a-victim = Исход: нема елемената трговине људима
state-outcome-dismissed = Исход: пријава одбачена
state-outcome-suspended = Исход: поступак обустављен
state-outcome-pending = Исход: идентификација у току
state-assistance = Помоћ и заштита
state-return-or-inclusion = Повратак или социјално укључивање
state-closed = Затворено

## Кораци

transition-refer-for-identification = Упути на идентификацију
transition-record-outcome-identified = Упиши исход: формално идентификовано
transition-record-outcome-not-a-victim = Упиши исход: нема елемената трговине људима
transition-record-outcome-dismissed = Упиши исход: пријава одбачена
transition-record-outcome-suspended = Упиши исход: поступак обустављен
transition-record-outcome-pending = Упиши исход: идентификација у току
transition-start-assistance = Започни помоћ и заштиту
transition-start-return-or-inclusion = Пређи на повратак или социјално укључивање
transition-close = Затвори случај
transition-reopen = Поново отвори случај

## Шифарници

exploitation-sexual = Сексуална експлоатација
exploitation-labour = Радна експлоатација
exploitation-forced-begging = Принудно просјачење
exploitation-forced-criminality = Принудно вршење кривичних дела
exploitation-forced-marriage = Принудни брак
exploitation-illegal-adoption = Незаконито усвојење
exploitation-organ-removal = Узимање органа
exploitation-pornography = Искоришћавање у порнографији
exploitation-armed-conflict = Искоришћавање у оружаним сукобима
exploitation-multiple = Више облика
sex-female = Женски
sex-male = Мушки
sex-other-or-unknown = Друго или непознато
age-band-child = Дете
age-band-adult = Пунолетно лице
age-band-unknown = Непознат узраст
reporter-kind-team-official = Службено лице моје институције
reporter-kind-school = Школа
reporter-kind-labour-inspector = Инспекција рада
reporter-kind-ngo = Невладина организација
reporter-kind-citizen = Грађанин или грађанка
reporter-kind-self-referral = Само лице
reporter-kind-other = Неко други
part-identity = Идентитет
part-contact = Боравиште и контакт
part-circumstances = Околности откривања
part-screening = Индикатори и облици експлоатације
urgency-urgent = Хитно
urgency-normal = Редовно
referral-status-sent = Чека одговор
referral-status-accepted = Прихваћено
referral-status-declined = Одбијено
referral-status-completed = Завршено
referral-status-withdrawn = Повучено
task-record-temporary-guardian = Уписати привременог старатеља
task-record-guardian = Уписати старатеља
task-done = урађено
task-open = чека

## Пријава

report-title = Нова пријава
report-intro = Упишите оно што знате. Обавезно је само оно што је означено звездицом (*); остало се може допунити касније.
report-section-reporter = Ко пријављује
report-reporter-kind = Пријављује
report-reporter-detail = Ко је пријавио
report-reporter-detail-hint = Ако пријављује неко изван ваше институције: установа или организација и улога, на пример „ОШ Вук Караџић, педагог“.
report-section-detection = Откривање
report-detected-on = Датум откривања
report-detected-place = Место
report-detected-how = Како је лице откривено
report-section-person = Лице
report-person-hint = Потребно је бар име, друго име или опис лица.
report-person-required = Упишите име, друго име или опис лица.
report-given-name = Име
report-family-name = Презиме
report-other-names = Друга имена
report-other-names-hint = Надимци, имена из других докумената.
report-description = Опис лица
report-description-hint = Како лице изгледа, ако име није познато.
report-sex = Пол
report-birth-date = Датум рођења
report-estimated-age = Процењене године
report-estimated-age-hint = У годинама, ако датум рођења није познат.
report-citizenship = Држављанство
report-citizenship-hint = Двословна ознака државе (ISO 3166), на пример RS, AL, RO.
report-languages = Језици
report-languages-hint = Ознаке језика (ISO 639) одвојене зарезом, на пример sr, rom, sq.
report-whereabouts = Где се лице сада налази
report-contact = Контакт
report-section-protection = Заштита
report-may-be-child = Лице јесте или може бити дете
report-lacks-capacity = Лице је лишено пословне способности
report-immediate-danger = Лице је у непосредној опасности
report-protocol-hint = Ако је лице дете или је лишено пословне способности, систем истог тренутка шаље хитно упућивање центру за социјални рад.
report-no-social-work = Ваш тим у регистру нема центар за социјални рад, па хитно упућивање не може да се пошаље. Пријава није сачувана; обратите се координатору тима.
report-section-exploitation = Могући облици експлоатације
report-section-narrative = Кратак опис
report-narrative = Шта се догодило
report-submit = Пошаљи пријаву

## Случај

case-title = Случај { $code }
case-summary = Основни подаци
case-detected-on = Датум откривања
case-age-band = Узраст
case-sex = Пол
case-existence-note = Лични подаци се виде само институцијама које раде на случају.
case-part-not-shared = Није подељено са вашом институцијом.
case-part-empty = Ништа није уписано.
case-catalogue = Каталог индикатора
case-indicators = Уочени индикатори
case-exploitation = Могући облици експлоатације
case-tasks = Задаци
case-next-step = Следећи корак
case-transition-invalid = Тај корак није могућ из тренутног стања случаја. Изаберите један од понуђених.
case-reported = Пријава је сачувана под шифром { $code }.
case-protocol-sent = Хитно упућивање је одмах послато центру за социјални рад.
case-possible-duplicate = Можда постоји још једна пријава о истом лицу. Координатор тима треба то да провери.
case-moved = Стање случаја је промењено.
case-referred = Упућивање је послато.
case-conflict = Неко други је у међувремену изменио овај запис. Страница сада показује његово тренутно стање: проверите га и покушајте поново.

## Упућивања

referrals-title = Упућивања
referrals-empty = Случај још није упућен.
referral-from = Упутила
referral-to = Упућено
referral-purpose = Сврха
referral-parts = Подељени делови
referral-urgency = Хитност
referral-status = Стање
referral-sent-at = Послато
referral-deadline = Рок за одговор
referral-decline-reason = Разлог одбијања
referral-purpose-child-protocol = Протокол за децу: хитна заштита и привремени старатељ
referral-new = Упути случај
referral-to-institution = Институција
referral-purpose-hint = Шта се од институције тражи.
referral-parts-hint = Институција ће видети само изабране делове записа.
referral-parts-required = Изаберите бар један део записа који делите.
referral-send = Пошаљи упућивање
referral-accept = Прихвати
referral-decline = Одбиј
referral-complete = Означи као завршено
referral-reason = Разлог одбијања
referral-reason-required = Напишите зашто одбијате упућивање.
referral-answer-invalid = Тај одговор више није могућ: на упућивање је већ одговорено.
referral-answered = Одговор је сачуван.
referral-override-reason = Разлог за упућивање без сагласности
referral-override-reason-hint = Само ако упућивање не покрива уписана сагласност лица или старатеља: зашто мора да иде без ње, на пример због хитне законске обавезе. Разлог се чува у ревизијском трагу.
referral-override-required = Упућивање не покрива ниједна уписана сагласност. Напишите зашто мора да иде без ње или прво упишите сагласност.

## Пријемно сандуче

inbox-title = Пријемно сандуче
inbox-intro = Упућивања која је примила ваша институција, прво она која чекају одговор.
inbox-empty = Ваша институција није примила ниједно упућивање.
inbox-case = Случај
inbox-awaiting = Упућивања која чекају ваш одговор
inbox-awaiting-none = Ниједно упућивање не чека одговор.
inbox-all = Сва упућивања
inbox-answered = Одговорена упућивања
