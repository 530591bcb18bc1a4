//! The like-for-like group: for each school of a cohort, the home area's other schools of the
//! same kind closest to it in disadvantage and size. The rule is fixed and written out on the
//! page, and the same data always gives the same group (ties go to the lower URN).

use crate::dataset::Dataset;
use crate::model::{FactMeasure, School, SchoolKind};

/// How many other schools each cohort school brings into the group.
pub const PER_SCHOOL: usize = 3;
/// Percentage points of disadvantage that weigh as much as a doubling of size.
pub const POINTS_PER_DOUBLING: f64 = 10.0;

/// A cohort's comparison group and why it is what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    /// The schools chosen, by name.
    pub schools: Vec<&'a School>,
    /// The rule, in words, or why there is no group.
    pub rule: String,
}

fn special(s: &School) -> bool {
    s.kind == SchoolKind::Special
}

/// (% FSM in the last six years, pupils on roll), where both are known.
fn profile(s: &School) -> Option<(f64, f64)> {
    let fsm = s.fact(FactMeasure::FsmEverSixPercent)?.value;
    let nor = s.fact(FactMeasure::PupilsOnRoll)?.value;
    (nor > 0.0).then_some((fsm, nor))
}

/// The distance between two schools' profiles: percentage points of disadvantage over
/// [`POINTS_PER_DOUBLING`], plus doublings of size.
pub fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).abs() / POINTS_PER_DOUBLING + (a.1 / b.1).log2().abs()
}

/// The group for a cohort's schools.
pub fn group<'a>(dataset: &'a Dataset, members: &[&School]) -> Group<'a> {
    let raw = dataset.raw();
    let home = raw
        .context
        .as_ref()
        .map_or("the home area", |c| dataset.area_name(&c.home));
    let in_programme = |u: u32| raw.cohorts.iter().any(|c| c.schools.contains(&u));
    let pool: Vec<(&School, (f64, f64))> = raw
        .area_schools
        .iter()
        .filter(|s| !in_programme(s.urn) && !members.iter().any(|m| m.urn == s.urn))
        .filter(|s| !s.ks2.is_empty())
        .filter_map(|s| profile(s).map(|p| (s, p)))
        .collect();
    if raw.area_schools.is_empty() {
        return Group {
            schools: Vec::new(),
            rule: "No like-for-like group: the dataset holds no other schools of the area.".into(),
        };
    }
    let mut chosen: Vec<&School> = Vec::new();
    let mut without: Vec<&str> = Vec::new();
    let mut no_results: Vec<&str> = Vec::new();
    for m in members {
        // A school with no KS2 results (an infant school) has nothing to compare like for like.
        if m.ks2.is_empty() || m.kind == SchoolKind::Infant {
            no_results.push(&m.name);
            continue;
        }
        let Some(mp) = profile(m) else {
            without.push(&m.name);
            continue;
        };
        let mut near: Vec<(f64, &School)> = pool
            .iter()
            .filter(|(s, _)| special(s) == special(m))
            .map(|(s, p)| (distance(mp, *p), *s))
            .collect();
        crate::order::sort_by(&mut near, |a, b| {
            a.0.total_cmp(&b.0).then(a.1.urn.cmp(&b.1.urn))
        });
        for (_, s) in near.into_iter().take(PER_SCHOOL) {
            if !chosen.iter().any(|c| c.urn == s.urn) {
                chosen.push(s);
            }
        }
    }
    crate::order::sort_by(&mut chosen, |a, b| {
        a.name.cmp(&b.name).then(a.urn.cmp(&b.urn))
    });
    let census = members
        .iter()
        .find_map(|m| m.fact(FactMeasure::FsmEverSixPercent))
        .map_or_else(String::new, |f| {
            format!(
                ", January {}{}",
                f.year,
                if f.year_inferred {
                    " (year inferred)"
                } else {
                    ""
                }
            )
        });
    let mut rule = format!(
        "Like-for-like group: for each school of the cohort, the {PER_SCHOOL} other {home} schools of the same kind (mainstream or special) closest to it in disadvantage and size, from the school census{census}: distance = the difference in % of pupils eligible for free school meals in the last six years \u{f7} {POINTS_PER_DOUBLING:.0}, plus the number of doublings between their numbers of pupils on roll."
    );
    if !chosen.is_empty() {
        let names: Vec<&str> = chosen.iter().map(|s| s.name.as_str()).collect();
        rule.push_str(&format!(
            " Chosen ({}): {}.",
            chosen.len(),
            crate::format::join_words(&names.iter().map(|n| (*n).to_string()).collect::<Vec<_>>())
        ));
    }
    if !without.is_empty() {
        rule.push_str(&format!(
            " No census figures for {}: nothing chosen for {}.",
            without.join(", "),
            if without.len() == 1 { "it" } else { "them" }
        ));
    }
    if !no_results.is_empty() {
        rule.push_str(&format!(
            " {} {} no KS2 results, so no schools are chosen for {}.",
            crate::format::join_words(
                &no_results
                    .iter()
                    .map(|n| (*n).to_string())
                    .collect::<Vec<_>>()
            ),
            if no_results.len() == 1 { "has" } else { "have" },
            if no_results.len() == 1 { "it" } else { "them" }
        ));
    }
    let named = raw.schools.len();
    let total = usize::try_from(raw.programme.schools_total.value).unwrap_or(usize::MAX);
    if named < total {
        rule.push_str(&format!(
            " The programme names {named} of its {total} schools, so this group may include programme schools whose membership is not published."
        ));
    } else {
        rule.push_str(" Every programme school is excluded from it.");
    }
    Group {
        schools: chosen,
        rule,
    }
}
