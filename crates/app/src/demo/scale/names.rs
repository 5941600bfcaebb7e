//! Deterministic choices for generated data: the same scale makes the same people, teams and
//! dates every time, so that benchmarks on two machines measure the same thing. The numbers
//! only spread data out; nothing here is secret or random in the security sense.

use spona_domain::script::to_latin;

/// SplitMix64 of a position: the same inputs always give the same number, spread evenly.
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b)
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A choice among `n`, by position.
pub fn pick(a: u64, b: u64, n: usize) -> usize {
    (mix(a, b) % n.max(1) as u64) as usize
}

const GIVEN_FEMALE: [&str; 12] = [
    "Марија",
    "Јована",
    "Милица",
    "Ана",
    "Драгана",
    "Јелена",
    "Сара",
    "Теодора",
    "Катарина",
    "Невена",
    "Ивана",
    "Снежана",
];
const GIVEN_MALE: [&str; 12] = [
    "Стефан",
    "Никола",
    "Лазар",
    "Марко",
    "Душан",
    "Милош",
    "Алекса",
    "Вук",
    "Огњен",
    "Петар",
    "Ђорђе",
    "Жељко",
];
const FAMILY: [&str; 16] = [
    "Петровић",
    "Јовановић",
    "Илић",
    "Стојановић",
    "Митић",
    "Ђорђевић",
    "Коцић",
    "Цветковић",
    "Николић",
    "Марковић",
    "Живковић",
    "Јанковић",
    "Богдановић",
    "Ћирић",
    "Шћекић",
    "Љубисављевић",
];

/// A fictional person of the `n`th case: given and family name (the family name carries
/// the number, so no two generated people share a name), and whether it is a woman. One
/// person in twenty was typed in Latin letters, as people do.
pub fn person(n: u64) -> (String, String, bool) {
    let female = !mix(n, 1).is_multiple_of(3);
    let given = if female {
        GIVEN_FEMALE[pick(n, 2, GIVEN_FEMALE.len())]
    } else {
        GIVEN_MALE[pick(n, 2, GIVEN_MALE.len())]
    };
    let family = format!("{} {n} (измишљено)", FAMILY[pick(n, 3, FAMILY.len())]);
    if n % 20 == 7 {
        (to_latin(given), to_latin(&family), female)
    } else {
        (given.to_string(), family, female)
    }
}

/// The towns of the generated teams: (code, name in Cyrillic). Real towns, fictional teams.
pub const TOWNS: [(&str, &str); 22] = [
    ("vranje", "Врање"),
    ("pirot", "Пирот"),
    ("prokuplje", "Прокупље"),
    ("zajecar", "Зајечар"),
    ("kragujevac", "Крагујевац"),
    ("kraljevo", "Краљево"),
    ("novi-sad", "Нови Сад"),
    ("subotica", "Суботица"),
    ("zrenjanin", "Зрењанин"),
    ("cacak", "Чачак"),
    ("valjevo", "Ваљево"),
    ("sabac", "Шабац"),
    ("smederevo", "Смедерево"),
    ("pozarevac", "Пожаревац"),
    ("jagodina", "Јагодина"),
    ("krusevac", "Крушевац"),
    ("novi-pazar", "Нови Пазар"),
    ("uzice", "Ужице"),
    ("sombor", "Сомбор"),
    ("pancevo", "Панчево"),
    ("kikinda", "Кикинда"),
    ("bor", "Бор"),
];

/// The `i`th generated team's code and town; past the list, towns come round again with a
/// number.
pub fn town(i: usize) -> (String, String) {
    let (code, name) = TOWNS[i % TOWNS.len()];
    match i / TOWNS.len() {
        0 => (code.to_string(), name.to_string()),
        round => (
            format!("{code}-{}", round + 1),
            format!("{name} {}", round + 1),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_the_same_every_time_and_spread() {
        assert_eq!(mix(3, 4), mix(3, 4));
        assert_ne!(mix(3, 4), mix(4, 3));
        let mut seen = [0usize; 4];
        for n in 0..4000 {
            seen[pick(n, 9, 4)] += 1;
        }
        assert!(seen.iter().all(|c| (800..1200).contains(c)), "{seen:?}");
    }

    #[test]
    fn people_are_fictional_distinct_and_some_typed_in_latin() {
        let (given, family, _) = person(5);
        assert!(family.contains(" 5 (измишљено)"), "{family}");
        assert!(given.chars().all(|c| !c.is_ascii()));
        assert_ne!(person(5).1, person(6).1);
        let (latin_given, latin_family, _) = person(27);
        assert!(latin_given.is_ascii() || latin_given.chars().any(|c| "čćžšđ".contains(c)));
        assert!(latin_family.contains("(izmišljeno)"), "{latin_family}");
    }

    #[test]
    fn towns_repeat_with_a_number_past_the_list() {
        assert_eq!(town(0).0, "vranje");
        assert_eq!(town(TOWNS.len()).0, "vranje-2");
        assert_eq!(town(TOWNS.len() + 1).1, "Пирот 2");
    }
}
