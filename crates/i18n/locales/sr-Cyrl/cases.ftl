### Случајеви: списак, пријава, случај, упућивања, пријемно сандуче.
### О лицу се никада не пише „жртва“ са трговином: користе се речи „лице“ и „пријава“.

nav-inbox = Пријемно сандуче

## Списак случајева

cases-title = Случајеви
cases-new = Нова пријава
cases-empty = Још нема ниједног случаја.
cases-show = Приказ
cases-show-all = Сви случајеви
cases-show-open = Отворени
cases-show-closed = Затворени
cases-show-protected = Деца и особе лишене пословне способности
cases-show-action = Прикажи
cases-empty-shown = Нема таквих случајева.
cases-names-note = Лични подаци се виде само институцијама које раде на случају.
case-code = Шифра
case-state = Стање
case-person = Лице
case-owner = Институција
case-reported-at = Пријављено
case-marks = Ознаке
case-name-hidden = није видљиво
case-unopenable = Запис не може да се отвори
badge-child = Дете
badge-lacks-capacity = Лишено пословне способности
badge-danger = Непосредна опасност
badge-protocol = Протокол за децу
badge-protocol-capacity = Протокол заштите (без пословне способности)
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

transition-refer-for-identification = Упиши корак: предато на формалну идентификацију
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
referral-purpose-capacity-protocol = Протокол заштите особе без пословне способности: хитна заштита и привремени старатељ
referral-new = Упућивање институцији тима (дељење делова записа)
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
inbox-first-only = Приказана су само најхитнија упућивања; на остала ће доћи ред кад се на ова одговори.
inbox-answered = Одговорена упућивања

## Старатељ

guardian-title = Старатељ
guardian-first-hint = За дете или лице лишено пословне способности старатељ се уписује пре свега што тражи сагласност: сагласност тада даје старатељ, а не само лице.
guardian-none = Старатељ није уписан.
guardian-name = Име и презиме старатеља
guardian-contact = Контакт старатеља
guardian-appointed-on = Постављен
guardian-record = Упиши старатеља
guardian-save = Сачувај старатеља

## Сагласност

consent-title = Сагласност
consent-from-person = Сагласност даје само лице, пошто му је објашњено шта се дели, са ким и зашто.
consent-from-guardian = Лице је дете или је лишено пословне способности: сагласност даје старатељ.
consent-giver-person = Лице
consent-giver-guardian = Старатељ
consent-none = Сагласност још није уписана.
consent-given-on = Сагласност од { $date }
consent-given-on-label = Датум давања сагласности
consent-given-by = Ко је дао сагласност
consent-explained = Шта је објашњено
consent-explained-hint = Својим речима: шта је лицу или старатељу објашњено о сврси дељења, о томе ко ће видети податке и о праву да сагласност повуче.
consent-parts = Делови записа које сме да дели
consent-institutions = Институције са којима сме да дели
consent-withdrawn = Повучена
consent-withdraw = Повуци ову сагласност
consent-withdraw-confirm = Сагласност ће бити означена као повучена. Упућивања која су већ послата остају забележена, а за нова ће бити потребна нова сагласност или писани разлог.
consent-withdraw-button = Да, повуци сагласност
consent-record = Упиши сагласност
consent-save = Сачувај сагласност
consent-given-by-wrong = Сагласност за овај случај не може дати изабрано лице. За дете или лице лишено пословне способности сагласност даје старатељ; пунолетно лице је даје само.
consent-guardian-first = Сагласност даје старатељ, а старатељ још није уписан. Прво упишите старатеља.
consent-parts-required = Изаберите бар један део записа на који се сагласност односи.
consent-institutions-required = Изаберите бар једну институцију са којом се сме делити.
referral-consent-hint = Дељење прати сагласност: без писаног разлога упућивање иде само ако важећа сагласност покрива изабрану институцију и све делове записа које делите.

## Услуге

services-title = Услуге
services-none = Још није уписана ниједна услуга.
service-type = Врста услуге
service-provider = Пружалац
service-period = Период
service-open-ended = без краја
service-status = Стање услуге
service-status-change = Промени стање
service-add = Додај услугу
service-starts-on = Почетак
service-ends-on = Крај
service-save = Сачувај услугу
service-type-accommodation = Смештај
service-type-health = Здравствена заштита
service-type-psychological = Психолошка подршка
service-type-legal-aid = Правна помоћ
service-type-interpretation = Превођење
service-type-education = Образовање
service-type-employment = Запошљавање
service-type-financial = Новчана помоћ
service-type-other = Друга услуга
service-status-planned = Планирано
service-status-ongoing = У току
service-status-completed = Пружено
service-status-declined = Лице је одбило
service-status-unavailable = Није доступно

## Период опоравка и размишљања

recovery-title = Период опоравка и размишљања
recovery-none = Период још није одређен.
recovery-set = Одреди период
recovery-starts-on = Почетак периода
recovery-days = Трајање у данима
recovery-days-hint =
    { $min ->
        [one] Најмање { $min } дан (Конвенција Савета Европе), уобичајено { $usual }. Седам дана пре краја институција добија подсетник.
        [few] Најмање { $min } дана (Конвенција Савета Европе), уобичајено { $usual }. Седам дана пре краја институција добија подсетник.
       *[other] Најмање { $min } дана (Конвенција Савета Европе), уобичајено { $usual }. Седам дана пре краја институција добија подсетник.
    }
recovery-days-invalid = Трајање мора бити између 30 и 365 дана.
recovery-save = Сачувај период

## Праћење

follow-ups-title = Праћење
follow-ups-none = Још нема заказаног праћења.
follow-up-add = Закажи праћење
follow-up-due-on = Датум
follow-up-note = Шта треба урадити
follow-up-save = Сачувај праћење
task-follow-up = Праћење

## Белешке

notes-title = Белешке
notes-none = Још нема белешки које ваша институција види.
note-shared = подељено са свима који раде на случају
note-private = само ваша институција
note-add = Додај белешку
note-text = Белешка
note-share = Подели са свим институцијама које раде на случају
note-share-hint = Без ове ознаке белешку види само ваша институција.
note-save = Сачувај белешку

## Кривични поступак

proceedings-title = Кривични поступак
proceedings-current = Тренутни стадијум
proceedings-change = Промени стадијум
proceedings-stage = Стадијум
proceedings-correction = Разлог исправке
proceedings-correction-hint = Само за враћање на ранији стадијум, када је стадијум погрешно уписан: зашто. Разлог се чува у ревизијском трагу.
proceedings-stage-invalid = Стадијум се уписује само унапред. За враћање на ранији стадијум напишите разлог исправке; исправка иде само уназад.
proceedings-save = Сачувај стадијум
proceedings-none = Нема познатог поступка
proceedings-investigation = Истрага
proceedings-indictment = Оптужница
proceedings-trial = Главни претрес
proceedings-verdict = Пресуда
proceedings-compensation = Накнада штете

## Сачувано

case-saved-guardian = Старатељ је уписан.
case-saved-consent = Сагласност је уписана.
case-saved-consent-withdrawn = Сагласност је повучена.
case-saved-service = Услуга је уписана.
case-saved-service-status = Стање услуге је промењено.
case-saved-recovery = Период опоравка и размишљања је одређен.
case-saved-follow-up = Праћење је заказано.
case-saved-note = Белешка је сачувана.
case-saved-proceedings = Стадијум поступка је уписан.

case-go-to-form = Иди на образац

## Хитан приступ

case-emergency-banner = Хитан приступ до { $until }. Приступ је забележен и јављен институцији која води случај; можете само да читате.
case-emergency-banner-ended = Хитан приступ је истекао.
emergency-title = Хитан приступ случају
emergency-intro = Само када морате одмах да поступите, а случај вам није упућен. Приступ траје један сат, само за читање; разлог се бележи и јавља институцији која води случај. Случају детета или лица лишеног пословне способности не може се приступити на овај начин.
emergency-open = Отвори случај по шифри
emergency-code = Шифра случаја
emergency-code-hint = На пример ЛЕ-2026-0007, ћирилицом или латиницом.
emergency-reason = Зашто вам је случај хитно потребан
emergency-reason-hint = Разлог се чува у ревизијском трагу и види га институција која води случај.
emergency-submit = Отвори уз хитан приступ
emergency-code-invalid = Шифра изгледа овако: ЛЕ-2026-0007.
emergency-reason-required = Напишите зашто вам је случај хитно потребан.
emergency-code-unknown = Ваш тим нема случај са том шифром.
emergency-protected = Случају детета или лица лишеног пословне способности не може се приступити хитним приступом. Обратите се центру за социјални рад.

## Дневник приступа

access-log-link = Ко је отварао и мењао случај
access-log-title = Дневник приступа случају
access-log-back = Назад на случај
access-log-intro = Свако отварање и свака измена случаја, најновије прво. Дневник види само институција која води случај.
access-log-when = Када
access-log-who = Ко
access-log-action = Шта
access-log-address = Одакле
access-log-reason = Разлог
log-case-reported = Пријава сачувана
log-case-viewed = Случај отворен
log-case-edited = Пријава измењена
log-referral-sent = Упућивање послато
log-referral-sent-without-consent = Упућивање послато без сагласности
log-referral-accepted = Упућивање прихваћено
log-referral-declined = Упућивање одбијено
log-referral-completed = Упућивање завршено
log-referral-withdrawn = Упућивање повучено
log-guardian-recorded = Старатељ уписан
log-consent-recorded = Сагласност уписана
log-consent-withdrawn = Сагласност повучена
log-break-glass = Хитан приступ
log-service-added = Услуга уписана
log-service-changed = Стање услуге промењено
log-recovery-period-set = Период опоравка одређен
log-note-added = Белешка додата
log-follow-up-added = Праћење заказано
log-proceedings-corrected = Стадијум поступка исправљен
log-proceedings-none = Поступак: нема познатог поступка
log-proceedings-investigation = Поступак: истрага
log-proceedings-indictment = Поступак: оптужница
log-proceedings-trial = Поступак: главни претрес
log-proceedings-verdict = Поступак: пресуда
log-proceedings-compensation = Поступак: накнада штете
log-case-refer-for-identification = Упућено на идентификацију
log-case-record-outcome-identified = Исход: формално идентификовано
log-case-record-outcome-not-a-victim = Исход: нема елемената трговине људима
log-case-record-outcome-dismissed = Исход: пријава одбачена
log-case-record-outcome-suspended = Исход: поступак обустављен
log-case-record-outcome-pending = Исход: идентификација у току
log-case-start-assistance = Започета помоћ и заштита
log-case-start-return-or-inclusion = Прелаз на повратак или социјално укључивање
log-case-close = Случај затворен
log-case-reopen = Случај поново отворен

## Индикатори у пријави

report-section-indicators = Индикатори
report-indicators-hint = Означите шта сте уочили. Индикатори указују, никада не доказују нити искључују: ниједан збир индикатора не одређује шта је лице.
report-indicators-catalogue = Каталог: { $catalogue }

## Каталози индикатора (администрација)

nav-catalogues = Каталози индикатора
catalogues-title = Каталози индикатора
catalogues-intro = Каталози по секторима, са верзијама. Пријава се проверава каталогом сектора институције која пријављује и чува његову верзију.
catalogues-empty = Још није увезен ниједан каталог.
catalogue-sector = Сектор
catalogue-version = Верзија
catalogue-indicators = Индикатора
catalogue-imported-at = Увезено
catalogue-import = Увези каталог
catalogue-file = Садржај датотеке каталога
catalogue-file-hint = Налепите цео текст датотеке (UTF-8, поља одвојена табулатором). Каталог се увози цео или се не увози: грешке се наводе по редовима.
catalogue-import-submit = Увези
catalogue-refused = Каталог није увезен. Исправите наведене редове и покушајте поново:
catalogue-imported = Каталог { $catalogue } је увезен.
sector-police = Полиција
sector-social-protection = Социјална заштита
sector-health = Здравство
sector-education = Образовање
sector-general-adult = Општи индикатори за пунолетна лица
sector-ilo-forced-labour = Индикатори принудног рада (МОР)
catalogue-named = { $sector }, верзија { $version }

case-edit-report = Измени пријаву
report-edit-title = Измена пријаве
case-saved-report = Измене пријаве су сачуване.

case-assignment-title = Координатор тима
case-assignment-intro = Координатор види да случај постоји и његово стање; личне податке види тек када му их ваша институција отвори.
case-assigned-none = Координатор нема увид у личне податке овог случаја.
case-assign = Дај увид
case-unassign = Одузми увид
case-assignment-who = Координатор
case-saved-assignment = Увид координатора је измењен.

## Прилози
attachments-title = Прилози
attachments-none = Нема приложених датотека.
attachment-add = Приложи датотеку
attachment-file = Датотека
attachment-hint = PDF, JPEG, PNG, обичан текст, DOCX или ODT, до 10 MB. Датотека се чува шифрована; виде је само они који виде део записа коме припада.
attachment-part = Део записа
attachment-save = Приложи
attachment-remove = Уклони
attachment-remove-title = Уклањање прилога
attachment-remove-question = Да ли сте сигурни да желите да уклоните прилог „{ $name }“? Садржај ће бити трајно обрисан; у евиденцији приступа остаје запис да је уклоњен.
case-saved-attachment = Датотека је приложена.
case-saved-attachment-removed = Прилог је уклоњен.
log-attachment-added = Датотека приложена
log-attachment-downloaded = Прилог преузет
log-attachment-removed = Прилог уклоњен

## Могући дупликати
duplicates-title = Могући дупликати
duplicates-intro = Нова пријава можда се односи на особу из једног од случајева ваше институције (исто име и година рођења, без обзира на писмо и дијакритике). Видите само свој случај и која институција је поднела нову пријаву, ништа из ње. Одлучите: ако је иста особа, та институција ће сазнати да треба да се договори са вама (упутом); ако нису исте особе, нико други то неће сазнати.
duplicates-none = Нема могућих дупликата за преглед.
duplicates-waiting =
    { $count ->
        [one] { $count } могући дупликат чека ваш преглед
        [few] { $count } могућа дупликата чекају ваш преглед
       *[other] { $count } могућих дупликата чека ваш преглед
    }
duplicate-line = Ваш случај { $code } можда се односи на исту особу као случај који је недавно пријавила институција { $institution }
duplicate-outcome = Исход прегледа
duplicate-same = Иста особа — институција која је пријавила биће обавештена, да се договорите
duplicate-different = Различите особе — нико други неће бити обавештен
duplicate-reason = Образложење (необавезно)
duplicate-save = Упиши исход
duplicates-reviewed = Исход прегледа је уписан.
notification-possible-duplicate = Новопријављени случај можда се односи на особу из једног од случајева ваше институције. Одлучите да ли је реч о истој особи.
notification-duplicate-confirmed = Институција која већ води ранији случај утврдила је да се ваш случај односи на исту особу. Договорите се са њом (упутом).
notification-duplicate-confirmed-by = Институција { $institution }, која већ води ранији случај, утврдила је да се ваш случај односи на исту особу. Договорите се са институцијом { $institution } (упутом).
duplicates-counts-intro = Колико могућих дупликата чека одлуку, по институцији која одлучује. Које су то пријаве и случајеви зна само та институција.
duplicates-counts-none = Ниједан могући дупликат не чека одлуку.
duplicates-count-line = { $institution }: { $count }
log-duplicate-reviewed = Могући дупликат прегледан
duplicates-pending-team =
    { $count ->
        [one] { $count } могући дупликат чека одлуку институције
        [few] { $count } могућа дупликата чекају одлуку институција
       *[other] { $count } могућих дупликата чека одлуку институција
    }

## Case work: the outcome a closed case reached, closing with what is still open in view,
## the error summary of refused forms, a referral kept across the missing consent, the
## protocol's own task for a Centre that reported, and what receivers see.
state-closed-with-outcome = Затворено: { $outcome }
case-outcome = Исход идентификације
case-closed-at = Затворено
outcome-identified = формално идентификовано
outcome-not-a-victim = нема елемената трговине људима
outcome-dismissed = пријава одбачена
outcome-suspended = поступак обустављен
outcome-pending = идентификација у току
error-summary-title = Ништа није сачувано. Исправите следеће:
case-next-step-hint = Корак бележи докле је случај стигао у механизму упућивања. Ништа се не шаље другој институцији; за то служи упућивање институцији тима.
referral-new-hint = Упућивање шаље случај другој институцији тима: она добија само изабране делове записа и рок за одговор. Стање случаја се тиме не мења.
referral-purpose-withheld = Сврху виде само институције које раде на случају.
referral-record-consent-first = Упишите сагласност; упућивање остаје попуњено.
consent-referral-waits = Упућивање које сте почели чека ову сагласност и остаје попуњено.
case-consent-saved-referral-waits = Сагласност је уписана. Упућивање које сте почели попуњено је испод: проверите га и пошаљите.
consent-receiver-note = Приказане су само сагласности које се односе на вашу институцију.
case-close-confirm-title = Затварање случаја
case-close-still-open = Још је отворено:
case-close-nothing-open = Нема отворених услуга, праћења ни упућивања.
case-close-confirm-button = Да, затвори случај
case-close-cancel = Не затварај
case-close-confirm-needed = Затварање није потврђено: погледајте шта је још отворено, па потврдите.
case-close-open-service = Услуга
case-close-open-follow-up = Праћење
case-close-open-referral = Упућивање
case-protocol-task = Центар за социјални рад је сам пријавио случај: протокол му је отворио задатак неодложне интервенције, без упућивања самом себи.
task-urgent-protection = Неодложна интервенција центра (протокол заштите)
log-referral-purpose-sealed = Сврха упућивања шифрована при надоградњи
task-mark-done = Означи као урађено
case-saved-task = Задатак је означен као урађен.
log-task-completed = Задатак урађен

## The national referral mechanism: the Centre's decision on formal identification
centre-decision-identified = формално идентификована
centre-decision-not-identified = није формално идентификована
centre-decision-assessment-ended = процена окончана без одлуке
referral-centre-decision = Одлука Центра о идентификацији
referral-decided-on = Датум одлуке
referral-decide = Упиши одлуку и заврши упут
referral-decision-required = Изаберите одлуку Центра.

sector-labour-inspection = Инспекција рада
sector-ngo = Невладине организације
sector-child = Индикатори за децу
sector-labour-exploitation = Радна експлоатација
report-catalogue-used = Индикатори: { $catalogue }
report-catalogue-switch-label = Друга листа индикатора
report-catalogue-switch = Прикажи изабрану листу
report-catalogue-replaced = Према узрасту или пријавиоцу сада је приказана листа која одговара особи. Означите индикаторе поново на овој листи; остало што сте унели је сачувано у обрасцу.
catalogues-intro-choice = Листе индикатора по секторима, за децу и за радну експлоатацију, са верзијама. Образац пријаве сам бира листу за дете, иначе листу сектора који је особу уочио; пријавилац може да изабере другу. Случај чува листу и верзију којом је проверен.
