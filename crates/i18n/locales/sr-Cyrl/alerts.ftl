### Обавештења у систему: само врста и случај, никада подаци о лицу.

nav-notifications = Обавештења
notifications-title = Обавештења
notifications-intro = Обавештења за вас и вашу институцију, непрочитана прво. Обавештење никада не садржи податке о лицу: отворите случај да бисте видели више.
notifications-empty = Нема обавештења.
notifications-unread =
    { $count ->
        [one] { $count } непрочитано обавештење
        [few] { $count } непрочитана обавештења
       *[other] { $count } непрочитаних обавештења
    }
notifications-mark-read = Означи сва као прочитана
notifications-marked-read = Сва обавештења су означена као прочитана.
notification-new = Ново
notification-open-case = Отвори случај
notification-referral-received = Ваша институција је примила ново упућивање.
notification-urgent-referral-received = Ваша институција је примила хитно упућивање.
notification-referral-overdue = Рок за одговор на упућивање је прошао.
notification-break-glass = Случај ваше институције отворен је хитним приступом. Разлог је у дневнику приступа случају.
notification-recovery-ending = Период опоравка и размишљања ускоро истиче.
notification-case-assigned = Институција која води случај вам је дала увид у њега.

## The national referral mechanism
notification-identification-decided = Центар за заштиту ЖТЉ је одлучио о идентификацији у случају ваше институције.
