## Добре праксе: рад тима објављен као узор другим тимовима

nav-practices = Добре праксе
practices-title = Добре праксе
practices-intro = Активности и обуке које су локални тимови објавили као узор: шта је урађено, с којим материјалима и с каквим резултатима.
practices-search-placeholder = Наслов, опис или резултати (ћирилицом или латиницом)
practices-empty = Још ниједан тим није објавио добру праксу. Координатор тима објављује је са странице активности или обуке.
practice-title = Наслов
practice-summary = Шта је урађено
practice-materials = Материјали
practice-results = Резултати
practice-team = Тим
practice-source = Објављено из
practice-source-activity = Активност
practice-source-training = Обука
practice-held-on = Одржано
practice-published-on = Објављено
practice-withdrawn = Повучено { $date }: други тимови је више не виде.
practice-open-source = Отвори извор у регистру тима
practice-publish = Објави као добру праксу
practice-publish-title = Објављивање добре праксе
practice-publish-from = Из: { $title }
practice-publish-hint = Други тимови и Канцеларија за координацију активности у борби против трговине људима видеће наслов, шта је урађено, материјале и резултате, али не и саму активност или обуку. Не уписујте имена нити податке о особама.
practice-published = Објављено као добра пракса
practice-source-taken = Из ове активности или обуке већ је објављена добра пракса.
practice-withdraw = Повуци добру праксу
practice-withdraw-question = Повући добру праксу „{ $title }“? Други тимови је више неће видети. Остаје забележена, па се активност из које је објављена не може обрисати.
practice-prefill-activity = { $kind }, { $place }, { $date }
practice-prefill-training =
    { $hours ->
        [one] Обука „{ $topic }“, { $date }, трајање { $hours } сат; предавач: { $trainer }.
        [few] Обука „{ $topic }“, { $date }, трајање { $hours } сата; предавач: { $trainer }.
       *[other] Обука „{ $topic }“, { $date }, трајање { $hours } сати; предавач: { $trainer }.
    }
practice-prefill-participants =
    { $count ->
        [one] Укупно { $count } учесник
        [few] Укупно { $count } учесника
       *[other] Укупно { $count } учесника
    }
practice-prefill-scores = Просечан резултат теста знања: { $before } пре обуке → { $after } после обуке
