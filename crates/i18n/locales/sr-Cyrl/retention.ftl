retention-title = Рокови чувања
retention-intro = Колико се која врста записа чува и шта би следеће брисање уклонило. Брисање се покреће једном дневно; из случаја се бришу лични подаци, а шифре, стања и датуми остају, па се статистика и поднети извештаји не мењају. Случај под правним задржавањем се не брише.
retention-kind = Врста записа
retention-period = Чува се
retention-due = Следеће брисање
retention-kind-closed-cases = Лични подаци затвореног случаја (од затварања)
retention-kind-attachments = Прилози затвореног случаја (од затварања)
retention-kind-notifications = Обавештења у систему
retention-kind-sign-ins = Ко се пријавио и одакле (у дневнику)
retention-kind-audit-entries = Записи дневника (остају збирно, по месецу и радњи)
retention-kind-ended-sessions = Завршене сесије
retention-sessions-period = Бришу се по завршетку
retention-kept = Трајно
retention-days =
    { $n ->
        [one] { $n } дан
        [few] { $n } дана
       *[other] { $n } дана
    }
retention-years =
    { $n ->
        [one] { $n } година
        [few] { $n } године
       *[other] { $n } година
    }
retention-files =
    { $n ->
        [one] { $n } прилог
        [few] { $n } прилога
       *[other] { $n } прилога
    }
retention-settings-hint = Рокове поставља администратор у подешавањима система (retention_closed_case_years и сродна). Рок који није постављен значи да се записи чувају трајно.
retention-holds = Правна задржавања
retention-holds-none = Ниједан случај није под правним задржавањем.
hold-title = Правно задржавање
hold-in-force = Случај је под правним задржавањем и неће бити обрисан.
hold-since = од { $date }
hold-none = Случај није под правним задржавањем: по истеку рока чувања његови лични подаци биће обрисани.
hold-set = Задржи случај
hold-change = Промени разлог
hold-reason = Разлог задржавања
hold-hint = На пример: судски поступак у току. Разлог се уписује у дневник.
hold-save = Сачувај задржавање
hold-lift = Укини задржавање
hold-reason-required = Упишите разлог задржавања.
case-saved-hold = Правно задржавање је сачувано.
case-saved-hold-lifted = Правно задржавање је укинуто.
case-personal-data-removed = Лични подаци у овом случају обрисани су по року чувања ({ $date }). Остали су број, стање, датуми и шифре.
log-case-hold-set = Случај стављен под правно задржавање
log-case-hold-lifted = Правно задржавање укинуто
log-case-shredded = Лични подаци обрисани по року чувања
log-case-attachments-removed = Прилози обрисани по року чувања
retention-link = Рокови чувања
