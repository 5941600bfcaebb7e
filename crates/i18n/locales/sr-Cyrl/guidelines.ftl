### Смернице за локалне службенике и картица „шта да урадим“.

guidelines-title = Смернице
guidelines-intro = Процедуре, листе индикатора, протоколи и контакти тима. Потврдите да сте прочитали важећу верзију онога што је намењено вашој институцији.
guidelines-none = У библиотеци још нема докумената.
guideline-new = Нови документ
guideline-title = Наслов
guideline-kind = Врста
guideline-kind-procedure = Процедура
guideline-kind-indicators = Листа индикатора
guideline-kind-protocol = Протокол
guideline-kind-contacts = Контакти
guideline-kind-other = Друго
guideline-language = Језик и писмо
guideline-language-sr-Cyrl = српски, ћирилица
guideline-language-sr-Latn = српски, латиница
guideline-language-en = енглески
guideline-addressed = Намењено
guideline-addressed-hint = Ако ништа не означите, документ је намењен свима.
guideline-addressed-all = свим институцијама
guideline-in-force-from = Важи од
guideline-in-force-to = Важи до
guideline-body = Текст
guideline-save = Додај у библиотеку
guideline-version = верзија
guideline-versions = Верзије
guideline-unread = Непрочитано
guideline-you-read = Потврдили сте да сте прочитали ову верзију.
guideline-acknowledge = Прочитао/ла сам ову верзију
guideline-read-thanks = Хвала, забележено је да сте прочитали документ.
guideline-revised-since = Документ је у међувремену измењен. Прочитајте нову верзију.
guideline-not-read = Читање важеће верзије још није потврђено
guideline-all-read = Сви којима је намењен прочитали су важећу верзију.
guideline-revise = Нова верзија
guideline-note = Шта је измењено
guideline-revise-save = Сачувај нову верзију
guidelines-unread =
    { $count ->
        [one] { $count } документ са смерницама чека да га прочитате
        [few] { $count } документа са смерницама чекају да их прочитате
       *[other] { $count } докумената са смерницама чека да их прочитате
    }
card-title = Шта да урадим ако сумњам на трговину људима
card-for = Картица за
card-open = Отвори картицу
card-step-1 = Осигурајте безбедност особе и своју. Ако је опасност непосредна, позовите полицију на 192.
card-step-2 = Разговарајте мирно, без осуђивања, на језику који особа разуме; не обећавајте оно што не можете испунити.
card-step-3 = Пријавите сумњу без одлагања: Центру за социјални рад ако је реч о детету, иначе полицији или Центру за заштиту жртава трговине људима.
card-step-4 = Забележите само оно што је потребно да се помогне; не делите податке о особи ни са ким ко не мора да их зна.
card-step-police = У полицији: одмах обавестите Центар за заштиту жртава трговине људима и, ако је реч о детету, Центар за социјални рад.
card-step-health = У здравству: пружите неопходну помоћ и обавестите Центар за социјални рад ако је особа дете.
card-step-school = У школи: обавестите директора и Центар за социјални рад истог дана; не испитујте дете сами.
card-step-social-work = У центру за социјални рад: одредите привременог старатеља детету и укључите тим за заштиту.
card-step-other = Ако нисте сигурни коме да се обратите, позовите бесплатну националну линију.
card-contacts = Контакти
card-hotline = Национална бесплатна линија
card-national-centre = Центар за заштиту жртава трговине људима
card-national-centre-what = Београд — прима сваку пријаву сумње и идентификује пунолетне жртве
card-social-work = Центар за социјални рад (дежурство)
card-police = Полиција
card-never = Никада не враћајте особу онима од којих је побегла и никада је не суочавајте са њима.

## Files on guidelines and the founding decision
official-files-guideline = Датотеке верзија
official-files-founding = Датотеке оснивачке одлуке
official-files-none = Још нема датотека.
official-file-add = Додај датотеку (нова верзија)
official-file-file = Датотека
official-file-hint = PDF, DOCX, DOC, ODT, XLSX или ODS, до 20 MB. Свака нова датотека је нова верзија; раније верзије остају.
official-file-personal = Садржи податке о личности
official-file-personal-hint = Означите ако се у датотеци помињу људи (имена, контакти): тада се чува шифрована, а свако преузимање се бележи.
official-file-personal-mark = садржи податке о личности, чува се шифрована
official-file-sealed-name = Датотека са подацима о личности
official-file-save = Сачувај датотеку
official-file-saved = Датотека је сачувана као нова верзија.
official-file-too-large = Датотека је већа од 20 MB и није сачувана.
official-file-kind = Примају се само датотеке PDF, DOCX, DOC, ODT, XLSX и ODS, и садржај мора одговарати називу. Датотека није сачувана.
official-file-version = Верзија
