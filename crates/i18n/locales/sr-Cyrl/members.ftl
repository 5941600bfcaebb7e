### Тимови, оснивачка одлука и чланови тима.

teams-empty = Још нема ниједног локалног тима.
team-name = Назив тима
team-city = Град
team-founding = Оснивачка одлука
team-composition = Састав тима
team-lead-none = Водеће институције још нису одређене.
team-members-private = Имена и контакте чланова тима виде само чланови тог тима.
founding-none = Оснивачка одлука још није унета.
founding-number = Број одлуке
founding-date = Датум доношења
founding-body = Орган који је донео одлуку
founding-edit = Измена оснивачке одлуке

team-role-coordinator = Координатор тима
team-role-deputy-coordinator = Заменик координатора
team-role-representative = Представник институције
team-role-deputy-representative = Заменик представника

members-empty = Тим још нема унетих чланова.
members-search-label = Претрага чланова тима
members-search-placeholder = Име, презиме или функција (ћирилицом или латиницом)
all-institutions = Све институције
member-new = Нови члан тима
member-edit = Измена члана тима
member-full-name = Име и презиме
member-position = Радно место или функција
member-institution = Институција
member-team-role = Улога у тиму
member-email = Е-пошта
member-phone = Телефон
member-from-date = Члан од
member-to-date = Члан до
member-to-date-hint = Када особа престане да буде члан тима, упишите датум до ког је била члан. Подаци се не бришу и остају у историји тима. Док је особа члан, оставите поље празно.
member-no-end = и даље
member-period = Период чланства
member-serving = Тренутно у тиму
member-not-serving = Ова особа тренутно није члан тима: чланство је завршено или још није почело.
