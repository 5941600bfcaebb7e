//! Lists of names come in the order of the reader's alphabet: азбука on Cyrillic pages,
//! abeceda (lj, nj, dž as letters) on Latin pages, and a paged list is ordered as a whole.

use spona_testkit::TestApp;

const LIST: &str = "/teams/leskovac/institutions";
const NEW: &str = "/teams/leskovac/institutions/new";

/// The names of the institutions linked from a list page, in page order.
fn names(page: &str) -> Vec<String> {
    let anchor = format!("<a href=\"{LIST}/");
    page.split(&anchor)
        .skip(1)
        .filter_map(|rest| {
            let (id, rest) = rest.split_once("\">")?;
            id.chars().all(|c| c.is_ascii_digit()).then_some(())?;
            let (name, _) = rest.split_once("</a>")?;
            Some(name.replace("&quot;", "\"").replace("&#39;", "'"))
        })
        .collect()
}

fn position(names: &[String], start: &str) -> usize {
    names
        .iter()
        .position(|n| n.starts_with(start))
        .unwrap_or_else(|| panic!("{start} is not in {names:?}"))
}

/// The Serbian Cyrillic alphabet in азбука order.
const AZBUKA: &str = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";

async fn switch(t: &TestApp, c: &reqwest::Client, lang: &str) {
    let (status, _, _) = t
        .post(c, LIST, "/lang", &[("lang", lang), ("next", LIST)])
        .await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn the_demo_institutions_of_leskovac_come_in_azbuka_order() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let (status, page) = t.get(&c, &format!("{LIST}?standing=member")).await;
        assert_eq!(status, 200);
        assert_eq!(
            names(&page),
            [
                "Више јавно тужилаштво у Лесковцу",
                "Виши суд у Лесковцу",
                "Дом здравља Лесковац",
                "Канцеларија за младе Лесковац",
                "Полицијска управа Лесковац",
                "Центар за социјални рад Лесковац",
                "Црвени крст Лесковац",
            ]
        );
        let (_, page) = t.get(&c, LIST).await;
        let all = names(&page);
        let initials: Vec<usize> = all
            .iter()
            .map(|n| {
                let first = n.chars().next().expect("a name");
                AZBUKA
                    .chars()
                    .position(|l| l == first)
                    .unwrap_or_else(|| panic!("{n} starts with a Cyrillic capital"))
            })
            .collect();
        assert!(
            initials.windows(2).all(|w| w[0] <= w[1]),
            "initials in азбука order: {all:?}"
        );
        assert!(position(&all, "Дом здравља") < position(&all, "Центар за социјални"));
        assert!(position(&all, "Центар за стручно") < position(&all, "Црвени крст"));
        assert_eq!(
            all.last().map(String::as_str),
            Some("Школска управа Лесковац")
        );

        switch(&t, &c, "sr-Latn").await;
        let (_, page) = t.get(&c, &format!("{LIST}?standing=member")).await;
        assert_eq!(
            names(&page),
            [
                "Centar za socijalni rad Leskovac",
                "Crveni krst Leskovac",
                "Dom zdravlja Leskovac",
                "Kancelarija za mlade Leskovac",
                "Policijska uprava Leskovac",
                "Više javno tužilaštvo u Leskovcu",
                "Viši sud u Leskovcu",
            ]
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn latin_pages_keep_digraphs_as_letters_and_pages_continue_the_order() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let added = [
            ("ljub", "Љубичевска школа"),
            ("luck", "Лучка управа"),
            ("njiv", "Њива удружење"),
            ("nova", "Нова кућа"),
            ("dzud", "Џудо клуб"),
            ("drvn", "Дрвна задруга"),
            ("dack", "Ђачки дом"),
            ("ana", "Ана удружење"),
            ("beli", "Бели анђео"),
            ("zuta", "Жута кућа"),
            ("zele", "Зелени круг"),
            ("cir", "Ћирилица клуб"),
        ];
        for (code, name) in added {
            let form = vec![
                ("code", code),
                ("standing", "partner"),
                ("kind", "ngo"),
                ("name_cyrl", name),
                ("name_latn", ""),
                ("short_name", code),
                ("address", "Лесковац"),
                ("phone", ""),
                ("email", ""),
                ("cooperation", ""),
            ];
            let (status, _, body) = t.post(&c, NEW, LIST, &form).await;
            assert_eq!(status, 303, "{name}: {body}");
        }

        // 26 institutions: two pages, ordered as one list.
        let (_, first) = t.get(&c, LIST).await;
        let (_, second) = t.get(&c, &format!("{LIST}?page=2")).await;
        let (first, second) = (names(&first), names(&second));
        assert_eq!(first.len(), 25, "{first:?}");
        assert_eq!(second, ["Школска управа Лесковац"]);
        assert_eq!(first[0], "Ана удружење");
        assert!(position(&first, "Дрвна") < position(&first, "Ђачки"));
        assert!(position(&first, "Лучка") < position(&first, "Љубичевска"));
        assert!(position(&first, "Нова") < position(&first, "Њива"));
        assert!(position(&first, "Ћирилица") < position(&first, "Центар за социјални"));
        assert!(position(&first, "Црвени") < position(&first, "Џудо"));

        switch(&t, &c, "sr-Latn").await;
        let (_, first) = t.get(&c, LIST).await;
        let (_, second) = t.get(&c, &format!("{LIST}?page=2")).await;
        let all: Vec<String> = names(&first).into_iter().chain(names(&second)).collect();
        assert_eq!(all.len(), 26, "{all:?}");
        assert_eq!(all[0], "Ana udruženje");
        assert!(
            position(&all, "Lučka") < position(&all, "Ljubičevska"),
            "{all:?}"
        );
        assert!(
            position(&all, "Lokalne") < position(&all, "Ljubičevska"),
            "{all:?}"
        );
        assert!(position(&all, "Nova") < position(&all, "Njiva"), "{all:?}");
        assert!(
            position(&all, "Narodno") < position(&all, "Njiva"),
            "{all:?}"
        );
        assert!(position(&all, "Drvna") < position(&all, "Džudo"), "{all:?}");
        assert!(position(&all, "Džudo") < position(&all, "Đački"), "{all:?}");
        assert!(
            position(&all, "Crveni") < position(&all, "Ćirilica"),
            "{all:?}"
        );
        assert!(
            position(&all, "Ćirilica") < position(&all, "Dom zdravlja"),
            "{all:?}"
        );
        assert_eq!(all.last().map(String::as_str), Some("Žuta kuća"));
        t.finish().await;
    }
}

/// Where each name first appears on a page.
fn order_on(page: &str, names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|n| {
            page.find(n)
                .unwrap_or_else(|| panic!("{n} is not on the page"))
        })
        .collect()
}

#[tokio::test]
async fn lists_sorted_by_the_web_layer_follow_the_readers_alphabet_too() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let members = [
            "Више јавно тужилаштво",
            "Дом здравља",
            "Полицијска управа",
            "Центар за социјални рад",
            "Црвени крст",
        ];
        let (status, page) = t.get(&c, "/trainings/coverage").await;
        assert_eq!(status, 200);
        let at = order_on(&page, &members);
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{members:?} at {at:?}");

        switch(&t, &c, "sr-Latn").await;
        let (_, page) = t.get(&c, "/trainings/coverage").await;
        let latin = [
            "Centar za socijalni rad",
            "Crveni krst",
            "Dom zdravlja",
            "Policijska uprava",
            "Više javno tužilaštvo",
        ];
        let at = order_on(&page, &latin);
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{latin:?} at {at:?}");
        t.finish().await;
    }
}
