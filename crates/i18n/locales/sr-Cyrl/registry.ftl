### Регистар тима: тимови, институције и партнери, историја измена.

teams-title = Локални тимови
team-institutions = Институције чланице и партнери
team-partners = Партнерске организације
team-members = Чланови тима
team-member-institutions = Институције чланице
team-lead-institutions = Водеће институције
search-placeholder = Назив, скраћеница или шифра (ћирилицом или латиницом)
all-kinds = Све врсте
choose = — изаберите —
record-inactive = Овај запис је деактивиран. Чува се ради историје и не нуди се у новим уносима.
edit-conflict = Неко други је у међувремену изменио овај запис. Ваш унос је сачуван у обрасцу: проверите га и сачувајте поново.
history-title = Историја измена
change-created = Унето
change-edited = Измењено
change-deactivated = Деактивирано
change-reactivated = Поново активирано

institution-new = Нова институција чланица
partner-new = Нова партнерска организација
institution-edit = Измена институције
institution-name = Назив
institution-name-cyrl = Назив (ћирилица)
institution-name-latn = Назив (латиница)
institution-name-latn-hint = Ако оставите празно, назив ће бити пресловљен са ћирилице.
institution-short-name = Скраћени назив
institution-code = Шифра
institution-code-hint = Кратка ознака латиничним словима, бројевима и цртицама, нпр. csr.
institution-standing = Однос према тиму
standing-member = Институција чланица
standing-partner = Партнерска организација
institution-kind = Врста
institution-lead = Водећа институција
institution-lead-hint = Водећа институција тима (само за чланице)
institution-donor = Донатор
institution-donor-hint = Донатор тима
institution-cooperation = Сарадња са тимом
institution-address = Адреса
institution-phone = Телефон
institution-email = Е-пошта

kind-police = Полиција
kind-health = Здравство
kind-red-cross = Црвени крст
kind-prosecution = Тужилаштво
kind-court = Суд
kind-youth-office = Канцеларија за младе
kind-social-work = Центар за социјални рад
kind-ngo = Невладина организација
kind-school = Школа
kind-education = Образовање (управа, усавршавање)
kind-culture = Култура
kind-media = Медији
kind-international = Међународна организација
kind-local-government = Локална самоуправа
kind-other = Друго

## National institutions
kind-identification-centre = Центар за заштиту ЖТЉ (формална идентификација)
