//! Sorting names the way each locale's readers expect: азбука order on Cyrillic pages, abeceda
//! order (lj, nj, dž as letters of their own) on Latin pages, English order on English pages.
//!
//! The rules are CLDR's, compiled into ICU4X's collator: hand-written orders get the digraphs,
//! case and diacritics wrong. Latin and English pages show names transliterated to Latin, so they
//! are sorted by that transliteration; a Cyrillic page sorts names as they are stored.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::CollatorBorrowed;
use icu_locale_core::Locale as IcuLocale;
use spona_domain::script::to_latin;

use crate::Locale;

/// Compares and sorts names for one locale.
pub struct Collator {
    locale: Locale,
    /// CLDR's collator for the locale; `None` only if the compiled data lacked it, when code
    /// point order is the fallback rather than a failed page.
    icu: Option<CollatorBorrowed<'static>>,
}

impl std::fmt::Debug for Collator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collator")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl Collator {
    /// The collator of a locale (cheap: the data is compiled in).
    pub fn new(locale: Locale) -> Collator {
        // "sr" is Cyrillic by CLDR's default script; "sr-Latn" takes the Latin tailoring.
        let tag = match locale {
            Locale::SrCyrl => "sr",
            Locale::SrLatn => "sr-Latn",
            Locale::En => "en",
        };
        let icu = tag
            .parse::<IcuLocale>()
            .ok()
            .and_then(|l| CollatorBorrowed::try_new((&l).into(), CollatorOptions::default()).ok());
        Collator { locale, icu }
    }

    /// The locale this collator sorts for.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text a name is sorted by on this locale's pages: as stored on Cyrillic pages, its
    /// Latin transliteration on Latin and English pages (which show it so).
    pub fn shown<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        match self.locale {
            Locale::SrCyrl => std::borrow::Cow::Borrowed(name),
            Locale::SrLatn | Locale::En => std::borrow::Cow::Owned(to_latin(name)),
        }
    }

    /// Of a name registered in both scripts, the one this locale's pages show (the Cyrillic
    /// one when no Latin form is registered; sorting transliterates it).
    pub fn pick<'a>(&self, cyrl: &'a str, latn: &'a str) -> &'a str {
        match self.locale {
            Locale::SrCyrl => cyrl,
            _ if latn.is_empty() => cyrl,
            Locale::SrLatn | Locale::En => latn,
        }
    }

    /// Cuts one page out of a whole list after ordering it by `group` (kept apart, such as
    /// active before inactive) and within a group by name: a list sorted by name must be
    /// sorted whole before it is paged, or each page would only be in order within itself.
    pub fn page<T, G: Ord>(
        &self,
        mut items: Vec<T>,
        name: impl Fn(&T) -> &str,
        group: impl Fn(&T) -> G,
        offset: i64,
        limit: i64,
    ) -> Vec<T> {
        self.sort_by_key(&mut items, name);
        items.sort_by_key(group);
        let skip = usize::try_from(offset.max(0)).unwrap_or(usize::MAX);
        let take = usize::try_from(limit.max(1)).unwrap_or(usize::MAX);
        items.into_iter().skip(skip).take(take).collect()
    }

    /// Compares two names as they are shown on this locale's pages.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.compare_shown(&self.shown(a), &self.shown(b))
    }

    /// Compares two texts already in the page's script.
    fn compare_shown(&self, a: &str, b: &str) -> Ordering {
        match &self.icu {
            Some(icu) => icu.compare(a, b),
            None => a.cmp(b),
        }
    }

    /// Sorts items by a name, stably (equal names keep their order); each name is
    /// transliterated once, not at every comparison.
    pub fn sort_by_key<T, K>(&self, items: &mut Vec<T>, key: K)
    where
        K: Fn(&T) -> &str,
    {
        let mut keyed: Vec<(String, T)> = std::mem::take(items)
            .into_iter()
            .map(|item| (self.shown(key(&item)).into_owned(), item))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| self.compare_shown(a, b));
        items.extend(keyed.into_iter().map(|(_, item)| item));
    }

    /// Sorts items by a name computed for each (for names that are not a field, such as a
    /// translated label); otherwise as [`Collator::sort_by_key`].
    pub fn sort_by_owned_key<T, K>(&self, items: &mut Vec<T>, key: K)
    where
        K: Fn(&T) -> String,
    {
        let mut keyed: Vec<(String, T)> = std::mem::take(items)
            .into_iter()
            .map(|item| (self.shown(&key(&item)).into_owned(), item))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| self.compare_shown(a, b));
        items.extend(keyed.into_iter().map(|(_, item)| item));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(locale: Locale, names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        Collator::new(locale).sort_by_key(&mut v, |s| s.as_str());
        v
    }

    /// The Serbian Cyrillic alphabet in азбука order.
    const AZBUKA: [&str; 30] = [
        "А", "Б", "В", "Г", "Д", "Ђ", "Е", "Ж", "З", "И", "Ј", "К", "Л", "Љ", "М", "Н", "Њ", "О",
        "П", "Р", "С", "Т", "Ћ", "У", "Ф", "Х", "Ц", "Ч", "Џ", "Ш",
    ];

    /// The Serbian Latin alphabet in abeceda order, digraphs as letters.
    const ABECEDA: [&str; 30] = [
        "A", "B", "C", "Č", "Ć", "D", "Dž", "Đ", "E", "F", "G", "H", "I", "J", "K", "L", "Lj", "M",
        "N", "Nj", "O", "P", "R", "S", "Š", "T", "U", "V", "Z", "Ž",
    ];

    #[test]
    fn cyrillic_follows_the_azbuka() {
        let mut shuffled: Vec<&str> = AZBUKA.iter().rev().copied().collect();
        shuffled.rotate_left(7);
        let words: Vec<String> = shuffled.iter().map(|l| format!("{l}ана")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let expected: Vec<String> = AZBUKA.iter().map(|l| format!("{l}ана")).collect();
        assert_eq!(sorted(Locale::SrCyrl, &words), expected);
    }

    #[test]
    fn cyrillic_institutions_of_leskovac() {
        let names = [
            "Центар за социјални рад",
            "Црвени крст Лесковац",
            "Дом здравља Лесковац",
            "Школска управа Лесковац",
            "Више јавно тужилаштво у Лесковцу",
            "Полицијска управа Лесковац",
            "Ђачки дом",
            "Љубичево",
            "Чачак",
            "Ћуприја",
            "Џеп",
        ];
        let got = sorted(Locale::SrCyrl, &names);
        assert_eq!(
            got,
            [
                "Више јавно тужилаштво у Лесковцу",
                "Дом здравља Лесковац",
                "Ђачки дом",
                "Љубичево",
                "Полицијска управа Лесковац",
                "Ћуприја",
                "Центар за социјални рад",
                "Црвени крст Лесковац",
                "Чачак",
                "Џеп",
                "Школска управа Лесковац",
            ]
        );
    }

    #[test]
    fn latin_follows_the_abeceda_with_digraphs_as_letters() {
        let mut shuffled: Vec<&str> = ABECEDA.iter().rev().copied().collect();
        shuffled.rotate_left(11);
        let words: Vec<String> = shuffled.iter().map(|l| format!("{l}ana")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let expected: Vec<String> = ABECEDA.iter().map(|l| format!("{l}ana")).collect();
        assert_eq!(sorted(Locale::SrLatn, &words), expected);
        // Digraphs are letters: "Lj" after every "L…", "Nj" after every "N…", "Dž" after "D…".
        assert_eq!(
            sorted(Locale::SrLatn, &["Ljubav", "Lutka", "Lav"]),
            ["Lav", "Lutka", "Ljubav"]
        );
        assert_eq!(
            sorted(Locale::SrLatn, &["Njiva", "Novi Sad", "Nada"]),
            ["Nada", "Novi Sad", "Njiva"]
        );
        assert_eq!(
            sorted(Locale::SrLatn, &["Đurđevak", "Džep", "Drina", "Dom"]),
            ["Dom", "Drina", "Džep", "Đurđevak"]
        );
    }

    #[test]
    fn latin_pages_sort_cyrillic_names_by_their_transliteration() {
        // Stored in Cyrillic, shown in Latin: "Љубичево" is "Ljubičevo", after "Lu…".
        assert_eq!(
            sorted(
                Locale::SrLatn,
                &["Љубичево", "Лучани", "Њиве", "Ново", "Џеп", "Дрво", "Ђак"]
            ),
            ["Дрво", "Џеп", "Ђак", "Лучани", "Љубичево", "Ново", "Њиве"]
        );
    }

    #[test]
    fn english_sorts_the_latin_transliteration_in_english_order() {
        // English knows no digraph letters: "Lj" is L then j.
        assert_eq!(
            sorted(Locale::En, &["Lutka", "Ljubav", "Lav"]),
            ["Lav", "Ljubav", "Lutka"]
        );
        assert_eq!(
            sorted(Locale::En, &["Центар", "Дом", "Аутобус"]),
            ["Аутобус", "Центар", "Дом"]
        );
    }

    #[test]
    fn a_page_is_cut_from_the_whole_sorted_list() {
        let c = Collator::new(Locale::SrCyrl);
        let names = vec![
            ("Школа", true),
            ("Центар", true),
            ("Архив", false),
            ("Дом", true),
            ("Црвени крст", true),
        ];
        let page = |offset, limit| c.page(names.clone(), |n| n.0, |n| !n.1, offset, limit);
        assert_eq!(page(0, 2), [("Дом", true), ("Центар", true)]);
        assert_eq!(page(2, 2), [("Црвени крст", true), ("Школа", true)]);
        assert_eq!(page(4, 2), [("Архив", false)]);
        assert!(page(6, 2).is_empty());
    }

    #[test]
    fn case_does_not_split_the_order_and_equal_names_stay_in_place() {
        assert_eq!(
            sorted(Locale::SrCyrl, &["бела", "Ана", "ана", "Бела"]),
            ["ана", "Ана", "бела", "Бела"]
        );
        let mut pairs = vec![("Б", 1), ("А", 2), ("Б", 3), ("А", 4)];
        Collator::new(Locale::SrCyrl).sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [("А", 2), ("А", 4), ("Б", 1), ("Б", 3)]);
    }
}
