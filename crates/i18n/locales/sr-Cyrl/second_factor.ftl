# Други фактор пријаве: код из апликације за аутентификацију и кодови за опоравак.
second-factor = Други фактор
second-factor-link = Пријава у два корака
second-factor-title = Код за пријаву
second-factor-intro = Лозинка је исправна. Унесите шестоцифрени код који тренутно показује ваша апликација за аутентификацију.
second-factor-code = Код
second-factor-recovery-hint = Ако немате телефон уз себе, унесите један од кодова за опоравак; сваки важи само једном.
second-factor-continue = Настави
second-factor-start-again = Почни пријаву изнова
second-factor-wrong = Код није исправан или је већ искоришћен. Сачекајте следећи код у апликацији и покушајте поново.
enrol-title = Подешавање другог фактора
enrol-intro = Ваша улога отвара податке о случајевима, па се пријављујете и кодом из апликације за аутентификацију (нпр. FreeOTP, Aegis, Google Authenticator). Док је не подесите, систем не можете користити.
enrol-step-scan = Скенирајте QR код апликацијом или у њу унесите тајни кључ испод кода.
enrol-step-type = Унесите шестоцифрени код који апликација покаже.
enrol-qr-label = QR код за апликацију за аутентификацију
enrol-secret = Тајни кључ:
enrol-code = Код из апликације
enrol-confirm = Потврди
recovery-codes-title = Кодови за опоравак
recovery-codes-intro = Сачувајте ове кодове на папиру или у менаџеру лозинки. Ако изгубите телефон, сваки од њих једном замењује код из апликације.
recovery-codes-once = Кодови се приказују само сада. Ранији кодови више не важе.
recovery-codes-continue = Сачувао сам кодове, настави
own-factor-title = Други фактор
own-factor-intro = Код из апликације за аутентификацију, уз лозинку, штити налог ако лозинка процури.
own-factor-required = Ваша улога захтева други фактор; не може се искључити.
own-factor-authenticator = Апликација за аутентификацију
own-factor-since = Подешена { $when }.
own-factor-none = Није подешена.
own-factor-set-up = Подеси апликацију
own-factor-replace = Подеси нову апликацију (нпр. нови телефон)
own-factor-recovery = Кодови за опоравак
own-factor-codes-left =
    { $count ->
        [one] Остао је { $count } неискоришћен код.
        [few] Остала су { $count } неискоришћена кода.
       *[other] Остало је { $count } неискоришћених кодова.
    }
own-factor-new-codes = Направи нове кодове
own-factor-new-codes-hint = Нови кодови замењују све досадашње.
own-factor-remove-title = Искључивање
own-factor-remove = Искључи други фактор
own-factor-removed = Други фактор је искључен.
admin-second-factor-set = подешен
admin-second-factor-none = није подешен
admin-action-reset-second-factor = Поништи други фактор
admin-confirm-factor-reset-title = Поништавање другог фактора
admin-confirm-factor-reset-body = Апликација и кодови за опоравак налога { $name } престају да важе, а све сесије налога се окончавају. При следећој пријави особа поново подешава други фактор. Наставити?
admin-second-factor-was-reset = Други фактор је поништен; особа је одјављена и обавештена.
notification-second-factor-reset = Ваш други фактор је поништен; при следећој пријави подесите га поново.
log-second-factor-failed = Погрешан код другог фактора
log-second-factor-enrolled = Подешен други фактор
log-second-factor-reset = Поништен други фактор
log-second-factor-removed = Искључен други фактор
log-recovery-code-used = Пријава кодом за опоравак
log-recovery-codes-renewed = Направљени нови кодови за опоравак
confirm-title = Потврдите да сте то ви
confirm-intro =
    { $minutes ->
        [one] Пре осетљиве радње (извоз личних података, хитан приступ, промена налога, јавна страница) систем још једном тражи лозинку и код. Потврда важи { $minutes } минут.
        [few] Пре осетљиве радње (извоз личних података, хитан приступ, промена налога, јавна страница) систем још једном тражи лозинку и код. Потврда важи { $minutes } минута.
       *[other] Пре осетљиве радње (извоз личних података, хитан приступ, промена налога, јавна страница) систем још једном тражи лозинку и код. Потврда важи { $minutes } минута.
    }
confirm-button = Потврди
confirm-failed = Лозинка или код нису исправни.
log-identity-confirmed = Поново потврђен идентитет
log-confirmation-failed = Неуспела потврда идентитета
passkeys-title = Приступни кључеви
passkeys-intro = Приступни кључ (passkey) на телефону, рачунару или безбедносном кључу може заменити код из апликације у другом кораку пријаве.
passkeys-none = Још нема приступних кључева.
passkeys-need-script = Додавање и коришћење приступног кључа тражи JavaScript у прегледачу.
passkeys-not-here = Приступни кључеви раде само на јавној адреси система (поставка public_url) или на localhost.
passkey-name = Назив кључа (нпр. „Службени телефон“)
passkey-add = Додај приступни кључ
passkey-added = Приступни кључ је додат.
passkey-removed = Приступни кључ је уклоњен.
passkey-not-added = Приступни кључ није додат: назив недостаје или прегледач није дао исправан одговор.
passkey-remove = Уклони
passkey-added-at = додат { $when }
passkey-used-at = последњи пут коришћен { $when }
passkey-use = Пријави се приступним кључем
passkey-failed = Прегледач није доставио приступни кључ. Покушајте поново или унесите код.
passkey-refused = Приступни кључ није прихваћен. Покушајте поново или унесите код.
log-passkey-added = Додат приступни кључ
log-passkey-removed = Уклоњен приступни кључ
confirm-with-passkey = Потврди приступним кључем
