## The auditor's pages: the audit trail and the alerts of unusual access.

role-auditor = Лице за заштиту података о личности
nav-audit = Ревизорски траг
audit-trail-title = Ревизорски траг
audit-trail-intro = Ко је шта урадио, када и одакле, најновије прво. Случај је наведен шифром; лични подаци из случајева се овде не виде. И свако ваше читање трага бележи се у траг.
audit-filter-title = Претрага трага: особа, институција, случај, радња, раздобље
audit-filter-user = Особа
audit-filter-anyone = Било ко
audit-filter-institution = Институција
audit-filter-any-institution = Било која институција
audit-filter-case = Шифра случаја
audit-filter-action = Радња
audit-filter-any-action = Било која радња
audit-filter-from = Од дана
audit-filter-to = до дана
audit-col-institution = Институција
audit-col-subject = Предмет
audit-reason-withheld = (образложење види само институција која води случај)
audit-alerts-title = Упозорења о необичном приступу
audit-alerts-days = Последњих дана
audit-alerts-count =
    { $count ->
        [0] Нема упозорења.
        [one] { $count } упозорење
        [few] { $count } упозорења
       *[other] { $count } упозорења
    }
audit-alerts-rules =
    Упозорење се јавља када једна особа за { $minutes ->
        [one] { $minutes } минут
        [few] { $minutes } минута
       *[other] { $minutes } минута
    } отвори најмање { $cases ->
        [one] { $cases } случај
        [few] { $cases } различита случаја
       *[other] { $cases } различитих случајева
    }, као и при приступу случајевима пре { $starts }:00 и од { $ends }:00 или викендом (подешавања alert_case_views, alert_window_minutes, working_hours).
audit-alerts-truncated = У овом раздобљу има више приступа него што се прегледа одједном; погледани су најновији. Скратите раздобље.
audit-alerts-broke-glass = Хитни приступи („разбијено стакло“)
audit-alerts-many-cases = Много случајева у кратком времену
audit-alerts-out-of-hours = Приступ ван радног времена
audit-alerts-none = Ништа у овом раздобљу.
audit-alerts-first = први пут у
audit-alert-cases =
    { $count ->
        [one] { $count } различит случај
        [few] { $count } различита случаја
       *[other] { $count } различитих случајева
    }
audit-alert-accesses =
    { $count ->
        [one] { $count } приступ
        [few] { $count } приступа
       *[other] { $count } приступа
    }
log-audit-trail-read = Читање ревизорског трага
log-audit-trail-exported = Извоз ревизорског трага
log-access-alerts-read = Преглед упозорења о приступу
export-sheet-audit-trail = Ревизорски траг
export-col-seq = Редни број
export-col-local-time = Време (по нашем времену)
export-col-who = Ко
export-col-institution = Институција
export-col-team = Тим
export-col-action = Радња
export-col-subject = Предмет
export-col-address = Адреса
export-col-reason = Образложење
