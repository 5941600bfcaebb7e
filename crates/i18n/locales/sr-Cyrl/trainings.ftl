### Обуке службеника о поступању са жртвама, посебно децом; обухват запослених; сертификати.

trainings-title = Обуке
trainings-search-placeholder = Тема или предавач
trainings-empty = Још није унета ниједна обука.
training-new = Нова обука
training-topic = Тема
training-trainer = Предавач
training-date = Датум
training-hours = Трајање (сати)
training-hours-hint = Од 0,5 до 40 сати, нпр. 2,5.
training-participants = Учесника
training-attendance = Учесници по институцијама
training-attendance-hint = За сваку институцију упишите број учесника. Имена су необавезна: једно по реду, уз резултате теста по жељи (Име Презиме; пре %; после %). Ако број оставите празан, рачуна се колико је имена уписано.
training-names = Име и презиме
training-names-placeholder = Име Презиме; 50; 85
training-test = Тест знања
training-test-hint = Необавезно: просечан резултат свих учесника у процентима (0–100), пре и после обуке.
training-score-before = Тест пре (%)
training-score-after = Тест после (%)
training-score-of-named = просек именованих учесника
training-named = Именовани учесници
training-named-empty = Учесници ове обуке нису именовани, па нема ни сертификата.
training-refused = Обука није сачувана: број учесника не може бити већи од броја запослених.
training-over-staff =
    { $participants ->
        [one] { $institution }: { $participants } учесник, а запослених је { $staff }.
        [few] { $institution }: { $participants } учесника, а запослених је { $staff }.
       *[other] { $institution }: { $participants } учесника, а запослених је { $staff }.
    }

coverage-title = Обухват обукама
coverage-intro = Колико је учесника из сваке институције прошло обуке ове године, у односу на број запослених који треба да буду обучени. Особа која је била на две обуке броји се два пута.
coverage-institution = Институција
coverage-trained = Обучено ове године
coverage-staff = Запослених
coverage-share = Обухват
coverage-staff-hint = Број запослених уноси координатор тима; празно поље значи да број није познат.
coverage-saved = Бројеви запослених су сачувани.

certificate-title = Сертификат
certificate-download = Преузми (PDF)
certificate-certifies = Овим се потврђује да је
certificate-attended = похађао/ла обуку
certificate-date = Датум
certificate-duration = Трајање
certificate-trainer = Предавач
certificate-issued-by = Издаје
certificate-hours = { $hours } ч.
