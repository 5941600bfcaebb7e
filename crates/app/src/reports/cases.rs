//! Case statistics for a report: counted from the plain categories of the team's cases and
//! referrals (never the sealed parts), frozen per quarter when first published, and shown
//! only as tables protected by small-cell suppression against everything published before.
//!
//! A quarter's cases are frozen by the full combination of their categories; each one-way
//! table (by source, sex, age, …) is protected on its own atoms (team and quarter, the
//! table, the row's value), so that a year is seen as its four quarters and the work stays
//! a few milliseconds at any size. The one number the tables of a population share is their
//! total: it is shown in all of them or hidden in all of them, so no table can give away
//! what another hid to protect a small count.

use crate::AppError;
use spona_domain::access::TeamScope;
use spona_domain::cases::{AgeBand, ExploitationForm, ReferralSource, Sex};
use spona_domain::disclosure::{
    protect, CountTable, Microdata, Position, ProtectedRelease, Published, Threshold,
};
use spona_domain::ids::TeamId;
use spona_domain::reports::ReportPeriod;
use spona_store::reports::{self as store, FrozenCount};
use spona_store::statistics::{self as stats, CaseCount};
use spona_store::{Connection, Tx};
use std::collections::{BTreeMap, BTreeSet};

/// The population a count belongs to.
const CASE: &str = "case";
const REFERRAL: &str = "referral";

/// The category dimensions of a case, in the order they are joined into its atom's name.
const CASE_DIMENSIONS: [&str; 6] = [
    "source",
    "sex",
    "age",
    "citizenship",
    "exploitation",
    "outcome",
];

/// The tables of a report's case section, by name: the dimension each one counts and its
/// population.
pub const CASE_TABLES: [(&str, &str, &str); 8] = [
    ("cases-by-source", "source", CASE),
    ("cases-by-sex", "sex", CASE),
    ("cases-by-age", "age", CASE),
    ("cases-by-citizenship", "citizenship", CASE),
    ("cases-by-exploitation", "exploitation", CASE),
    ("cases-by-outcome", "outcome", CASE),
    ("referrals-by-receiver", "receiver", REFERRAL),
    ("referrals-by-deadline", "deadline", REFERRAL),
];

/// The rows each dimension always shows (so that a zero is a zero, not a missing row).
pub fn rows_of(dimension: &str) -> Vec<String> {
    let codes: Vec<&str> = match dimension {
        "source" => ReferralSource::ALL.iter().map(|s| s.code()).collect(),
        "sex" => Sex::ALL.iter().map(|s| s.code()).collect(),
        "age" => AgeBand::ALL.iter().map(|s| s.code()).collect(),
        "citizenship" => vec!["domestic", "foreign", "unknown"],
        "exploitation" => ExploitationForm::ALL
            .iter()
            .map(|s| s.code())
            .chain(["none"])
            .collect(),
        "outcome" => OUTCOMES.to_vec(),
        "deadline" => vec!["in-time", "late", "unanswered"],
        _ => Vec::new(),
    };
    codes.into_iter().map(String::from).collect()
}

/// Where a case stands with its identification, in groups small enough to count.
const OUTCOMES: [&str; 6] = [
    "pending",
    "identified",
    "not-a-victim",
    "dismissed",
    "suspended",
    "closed",
];

fn outcome_of(state: &str) -> &'static str {
    match state {
        "outcome-identified" | "assistance" | "return-or-inclusion" => "identified",
        "outcome-not-a-victim" => "not-a-victim",
        "outcome-dismissed" => "dismissed",
        "outcome-suspended" => "suspended",
        "closed" => "closed",
        _ => "pending",
    }
}

fn citizenship_group(code: &str) -> &'static str {
    match code.trim() {
        "" => "unknown",
        "RS" | "rs" => "domestic",
        _ => "foreign",
    }
}

/// The atom name of a case: its categories joined in [`CASE_DIMENSIONS`] order.
fn case_category(f: &CaseCount) -> String {
    let exploitation = if f.exploitation.is_empty() {
        "none"
    } else {
        f.exploitation.as_str()
    };
    [
        f.referral_source.as_str(),
        f.sex.as_str(),
        f.age_band.as_str(),
        citizenship_group(&f.citizenship),
        exploitation,
        outcome_of(&f.state),
    ]
    .join("|")
}

/// A dimension's value in an atom's category.
fn component<'a>(population: &str, category: &'a str, dimension: &str) -> Option<&'a str> {
    let index = if population == CASE {
        CASE_DIMENSIONS.iter().position(|d| *d == dimension)?
    } else {
        ["receiver", "deadline"]
            .iter()
            .position(|d| *d == dimension)?
    };
    category.split('|').nth(index)
}

/// The atoms' period key: the team and the quarter, so that teams never share atoms.
pub(crate) fn period_key(team: &str, quarter: ReportPeriod) -> String {
    format!("{team}/{}", quarter.code())
}

/// Counts a quarter's cases and referrals from the records, as of `now`.
pub(crate) async fn count_quarter(
    c: &mut Connection,
    team: TeamId,
    team_code: &str,
    quarter: ReportPeriod,
    now: i64,
    zone: &jiff::tz::TimeZone,
) -> Result<Vec<FrozenCount>, AppError> {
    let (from, to) = super::bounds::period_instants(quarter, zone);
    let key = period_key(team_code, quarter);
    let mut counts: BTreeMap<(String, &str), i64> = BTreeMap::new();
    for k in stats::cases_by_category(c, Some(team), from, to).await? {
        *counts.entry((case_category(&k), CASE)).or_insert(0) += k.cases;
    }
    for r in stats::referrals_by_category(c, team, from, to, now).await? {
        let category = format!("{}|{}", r.to_institution_id, r.deadline);
        *counts.entry((category, REFERRAL)).or_insert(0) += r.referrals;
    }
    Ok(counts
        .into_iter()
        .map(|((category, population), count)| FrozenCount {
            period: key.clone(),
            category,
            population: population.into(),
            count,
        })
        .collect())
}

/// The counts of the quarters: frozen ones as they were frozen, the others as they are now.
/// Returns the counts and which quarters were counted afresh (to be frozen on submission).
pub(crate) async fn quarter_counts(
    c: &mut Connection,
    scope: &TeamScope,
    team_code: &str,
    quarters: &[ReportPeriod],
    now: i64,
    zone: &jiff::tz::TimeZone,
) -> Result<(Vec<FrozenCount>, Vec<String>), AppError> {
    let frozen_periods: BTreeSet<String> =
        store::frozen_periods(c, scope).await?.into_iter().collect();
    let mut counts: Vec<FrozenCount> = store::frozen_counts(c, scope).await?;
    let mut fresh = Vec::new();
    for q in quarters {
        let key = period_key(team_code, *q);
        if !frozen_periods.contains(&key) {
            counts.extend(count_quarter(c, scope.team(), team_code, *q, now, zone).await?);
            fresh.push(key);
        }
    }
    Ok((counts, fresh))
}

/// A dimension's value of a category, mapped onto the rows the dimension shows, so that
/// every counted case is in exactly one row of every table (and all totals agree).
fn row_of(population: &str, category: &str, dimension: &str, rows: &[String]) -> String {
    let value = component(population, category, dimension).unwrap_or("");
    if rows.iter().any(|r| r == value) {
        return value.to_string();
    }
    match dimension {
        "source" => "citizen-or-other",
        "sex" => "other-or-unknown",
        "age" => "unknown",
        "citizenship" => "unknown",
        "exploitation" => "none",
        "outcome" => "pending",
        "deadline" => "unanswered",
        _ => value,
    }
    .to_string()
}

/// The rows of a table: the dimension's values, or for receivers the team's institutions
/// and any other a referral went to.
fn table_rows(
    dimension: &str,
    population: &str,
    counts: &[FrozenCount],
    receivers: &[String],
) -> Vec<String> {
    if dimension != "receiver" {
        return rows_of(dimension);
    }
    let mut rows = receivers.to_vec();
    for k in counts.iter().filter(|k| k.population == population) {
        if let Some(r) = component(population, &k.category, dimension) {
            if !rows.iter().any(|x| x == r) {
                rows.push(r.to_string());
            }
        }
    }
    rows
}

/// The microdata the suppression works on: for every counted quarter, each table's atoms
/// (the table's name as the column, the row's value as the row).
fn microdata(
    counts: &[FrozenCount],
    periods: impl IntoIterator<Item = String>,
    receivers: &[String],
) -> Microdata {
    let mut data = Microdata::new();
    for p in periods {
        data.cover(&p);
    }
    for (name, dimension, population) in CASE_TABLES {
        let rows = table_rows(dimension, population, counts, receivers);
        for k in counts.iter().filter(|k| k.population == population) {
            data.add(
                &k.period,
                &row_of(population, &k.category, dimension, &rows),
                name,
                u64::try_from(k.count).unwrap_or(0),
            );
        }
    }
    data
}

/// The report's tables over `periods` (atom period keys): one column, named as the table.
fn tables(
    counts: &[FrozenCount],
    periods: &[String],
    receivers: &[String],
) -> Result<Vec<CountTable>, AppError> {
    CASE_TABLES
        .iter()
        .map(|(name, dimension, population)| {
            let rows = table_rows(dimension, population, counts, receivers);
            CountTable::new(*name, periods, &rows, &[*name])
                .map_err(|e| AppError::Internal(format!("case table {name}: {e}")))
        })
        .collect()
}

/// Keeps each population's total one number: hidden in every table once one table hides it.
fn same_totals(release: &mut ProtectedRelease) {
    for population in [CASE, REFERRAL] {
        let names: Vec<&str> = CASE_TABLES
            .iter()
            .filter(|(_, _, p)| *p == population)
            .map(|(n, _, _)| *n)
            .collect();
        let hidden = names.iter().any(|n| {
            release
                .table(n)
                .and_then(|t| t.grand_total())
                .is_some_and(Published::is_suppressed)
        });
        if hidden {
            for n in names {
                release.withhold(n, Position::GrandTotal);
                release.withhold(n, Position::ColumnTotal { column: 0 });
            }
        }
    }
}

/// Protects the case tables of a report of `period` against the team's earlier releases.
pub(crate) fn protected(
    counts: &[FrozenCount],
    team_code: &str,
    period: ReportPeriod,
    receivers: &[String],
    earlier: &[ProtectedRelease],
    threshold: Threshold,
) -> Result<ProtectedRelease, AppError> {
    let periods: Vec<String> = period
        .quarters()
        .into_iter()
        .map(|q| period_key(team_code, q))
        .collect();
    let covered: BTreeSet<String> = counts
        .iter()
        .map(|k| k.period.clone())
        .chain(periods.iter().cloned())
        .collect();
    let data = microdata(counts, covered, receivers);
    let release = tables(counts, &periods, receivers)?;
    let mut protected = protect(&data, &release, earlier, threshold)
        .map_err(|e| AppError::Internal(format!("disclosure control: {e}")))?;
    same_totals(&mut protected);
    Ok(protected)
}

/// Freezes the quarters counted afresh, in the submitting transaction.
pub(crate) async fn freeze(
    tx: &mut Tx,
    scope: &TeamScope,
    counts: &[FrozenCount],
    fresh: &[String],
    now: i64,
) -> Result<(), AppError> {
    for period in fresh {
        store::freeze_period(tx, scope, period, counts, now).await?;
    }
    Ok(())
}

/// Referrals of each quarter of a year and how many were answered in time, protected like a
/// report against what the team published before (for the statistics page).
pub(crate) fn quarterly_referrals(
    counts: &[FrozenCount],
    team_code: &str,
    year: i32,
    earlier: &[ProtectedRelease],
    threshold: Threshold,
) -> Result<Vec<(ReportPeriod, Published, Published)>, AppError> {
    const TABLE: &str = "referrals-by-deadline";
    let quarters = ReportPeriod::Year { year }.quarters();
    let rows = rows_of("deadline");
    let release = quarters
        .iter()
        .map(|q| {
            CountTable::new(TABLE, &[period_key(team_code, *q)], &rows, &[TABLE])
                .map_err(|e| AppError::Internal(format!("referral table: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let covered: BTreeSet<String> = counts
        .iter()
        .map(|k| k.period.clone())
        .chain(quarters.iter().map(|q| period_key(team_code, *q)))
        .collect();
    let data = microdata(counts, covered, &[]);
    let protected = protect(&data, &release, earlier, threshold)
        .map_err(|e| AppError::Internal(format!("disclosure control: {e}")))?;
    Ok(quarters
        .into_iter()
        .zip(protected.tables())
        .filter_map(|(q, t)| {
            let sent = t.grand_total()?;
            let in_time = t.get(Position::RowTotal { row: 0 })?;
            Some((q, sent, in_time))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(state: &str, citizenship: &str, exploitation: &str) -> CaseCount {
        CaseCount {
            cases: 1,
            sex: "female".into(),
            age_band: "child".into(),
            citizenship: citizenship.into(),
            exploitation: exploitation.into(),
            referral_source: "social-welfare".into(),
            state: state.into(),
        }
    }

    #[test]
    fn a_cases_category_names_every_dimension_in_order() {
        let c = case_category(&facts("assistance", "RS", ""));
        assert_eq!(c, "social-welfare|female|child|domestic|none|identified");
        for (i, d) in CASE_DIMENSIONS.iter().enumerate() {
            assert_eq!(component(CASE, &c, d), c.split('|').nth(i));
        }
        assert_eq!(
            component(
                CASE,
                &case_category(&facts("referred", "UA", "labour")),
                "citizenship"
            ),
            Some("foreign")
        );
        assert_eq!(outcome_of("reported"), "pending");
    }
}
