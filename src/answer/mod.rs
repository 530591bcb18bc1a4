//! The answer first: the question a stakeholder brings ("how does the home area compare, and
//! did it change after the cohorts started?") answered from the figures in a few sentences
//! above the cards, each pointing to the card that shows it, with the caveats that bear on
//! it. Everything is computed from the dataset and the chart models; nothing here names a
//! programme, an area or a year.

#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use crate::breaks::{self, Measure};
use crate::charts::area::{trend_chart, ATTAINMENT_ID, PROGRESS_ID};
use crate::charts::timeline::reading::every;
use crate::charts::timeline::{Role, TrendChart, TrendKind, TrendPanel};
use crate::charts::{ofsted, schools, ChartId};
use crate::dataset::Dataset;
use crate::format::{join_words, possessive};
use crate::selection::Selection;

/// One sentence of the answer and the card that shows its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The sentence.
    pub text: String,
    /// The card that shows it.
    pub chart: ChartId,
}

/// The answer to the page's question for a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The question, in the dataset's names.
    pub question: String,
    /// What the figures say, the area first, then the chosen schools.
    pub points: Vec<Point>,
    /// What bears on reading them: where the figures begin, the breaks, attribution.
    pub caveats: Vec<String>,
}

/// The answer for a selection (its cohort; the area sentences are of all pupils, every
/// subject); `None` where the dataset has no home area with figures over time.
pub fn answer(dataset: &Dataset, sel: &Selection) -> Option<Answer> {
    for_schools(&about_the_area(dataset)?, dataset, sel)
}

/// What the answer says of the area, the same for every cohort: computed once per dataset.
pub fn about_the_area(dataset: &Dataset) -> Option<Answer> {
    let raw = dataset.raw();
    raw.context.as_ref()?;
    let areas = Selection::default();
    let progress = trend_chart(dataset, TrendKind::Progress, &areas);
    if progress.home.is_empty() {
        return None;
    }
    let attainment = trend_chart(dataset, TrendKind::Attainment, &areas);
    let points: Vec<Point> = [
        first_run_change(&progress).map(|text| Point {
            text,
            chart: PROGRESS_ID,
        }),
        latest(&progress).map(|text| Point {
            text,
            chart: PROGRESS_ID,
        }),
        latest_attainment(&attainment).map(|text| Point {
            text,
            chart: ATTAINMENT_ID,
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let starts: Vec<u16> = raw.programme.start_waves.iter().map(|w| w.year).collect();
    Some(Answer {
        question: question(&progress.home, &starts),
        points,
        caveats: caveats(dataset, &progress, &starts),
    })
}

/// The area's answer with what the chosen schools did; `None` where there is nothing to say.
pub fn for_schools(area: &Answer, dataset: &Dataset, sel: &Selection) -> Option<Answer> {
    let mut answer = area.clone();
    answer.points.extend(
        [schools_point(dataset, sel), ofsted_point(dataset, sel)]
            .into_iter()
            .flatten(),
    );
    (!answer.points.is_empty()).then_some(answer)
}

fn question(home: &str, starts: &[u16]) -> String {
    let years: Vec<String> = starts.iter().map(u16::to_string).collect();
    if years.is_empty() {
        format!("How does {home} compare, and how has it changed?")
    } else {
        format!(
            "How does {home} compare, and did it change after the cohorts started in {}?",
            join_words(&years)
        )
    }
}

/// How the home area stood against another line in a year, panel by panel, grouped by
/// direction: the other's name and `[("below", "reading and maths"), ("above", "writing")]`.
fn against(
    chart: &TrendChart,
    year: u16,
    other: Role,
) -> Option<(String, Vec<(&'static str, String)>)> {
    let (mut above, mut below, mut level) = (Vec::new(), Vec::new(), Vec::new());
    let mut name = None;
    for panel in &chart.panels {
        let h = panel.home()?.value(year)?;
        let o = panel.lines.iter().find(|l| l.role == other)?;
        let v = o.value(year)?;
        name = Some(o.name.clone());
        let subject = panel.heading.to_lowercase();
        match h.partial_cmp(&v) {
            Some(Ordering::Greater) => above.push(subject),
            Some(Ordering::Less) => below.push(subject),
            _ => level.push(subject),
        }
    }
    let n = chart.panels.len();
    let pattern = [(below, "below"), (above, "above"), (level, "level with")]
        .into_iter()
        .filter(|(list, _)| !list.is_empty())
        .map(|(list, word)| {
            let which = if list.len() == n && n > 1 {
                format!("{} subjects", every(n))
            } else {
                join_words(&list)
            };
            (word, which)
        })
        .collect();
    Some((name?, pattern))
}

/// "below England's and the region's in reading and maths and above in writing": the
/// comparisons with England and the region, merged where they agree.
fn standing(chart: &TrendChart, year: u16) -> Option<String> {
    let found: Vec<(String, Vec<(&str, String)>)> = [Role::Country, Role::Region]
        .into_iter()
        .filter_map(|r| against(chart, year, r))
        .collect();
    let say = |names: &[String], pattern: &[(&str, String)]| -> String {
        let whom: Vec<String> = names.iter().map(|n| possessive(n)).collect();
        let parts: Vec<String> = pattern
            .iter()
            .enumerate()
            .map(|(i, (word, which))| {
                if i == 0 {
                    format!("{word} {} in {which}", join_words(&whom))
                } else {
                    format!("{word} in {which}")
                }
            })
            .collect();
        join_words(&parts)
    };
    match found.as_slice() {
        [] => None,
        [(a, pa), (b, pb)] if pa == pb => Some(say(&[a.clone(), b.clone()], pa)),
        many => Some(
            many.iter()
                .map(|(n, p)| say(std::slice::from_ref(n), p))
                .collect::<Vec<_>>()
                .join(", and "),
        ),
    }
}

/// The latest year with figures: the home area against England and its region, its figures,
/// and its rank among its neighbours.
fn latest(chart: &TrendChart) -> Option<String> {
    let year = *chart.home_years().last()?;
    let home = chart.panels.first().and_then(TrendPanel::home)?;
    let values: Vec<String> = chart
        .panels
        .iter()
        .filter_map(|p| {
            let pt = p.home()?.at(year)?;
            Some(format!(
                "{} {}",
                p.heading.to_lowercase(),
                chart.format(pt.value?, pt.decimals)
            ))
        })
        .collect();
    let standing = standing(chart, year).map_or_else(|| "was".to_string(), |s| format!("was {s}"));
    let ranks: Vec<(usize, usize, String)> = chart
        .panels
        .iter()
        .filter_map(|p| {
            let r = p.rank(year, p.home()?.value(year)?)?;
            Some((r.above, r.of, p.heading.to_lowercase()))
        })
        .collect();
    let neighbours = match ranks.first() {
        Some((_, of, _)) if ranks.iter().all(|r| r.1 == *of) => {
            let above: Vec<String> = ranks.iter().map(|r| r.0.to_string()).collect();
            let subjects: Vec<String> = ranks.iter().map(|r| r.2.clone()).collect();
            format!(
                " It was above {} of its {of} {}s in {}.",
                join_words(&above),
                chart.band_member,
                join_words(&subjects)
            )
        }
        _ => String::new(),
    };
    Some(format!(
        "In {year}, the latest year with progress scores, {} pupils' progress {standing} ({}).{neighbours}",
        possessive(&home.name),
        join_words(&values),
    ))
}

/// Across the first run of years with figures (before any break): how the home area moved,
/// with its figures, and how the others moved.
fn first_run_change(chart: &TrendChart) -> Option<String> {
    let (from, to) = chart.first_run()?;
    let home = chart.panels.first().and_then(TrendPanel::home)?;
    let own = chart.moved(&home.area, from, to)?;
    let figures: Vec<String> = chart
        .panels
        .iter()
        .filter_map(|p| {
            let l = p.home()?;
            let (a, b) = (l.at(from)?, l.at(to)?);
            Some(format!(
                "{} {} to {}",
                p.heading.to_lowercase(),
                chart.format(a.value?, a.decimals),
                chart.format(b.value?, b.decimals)
            ))
        })
        .collect();
    // The region and England, merged where they moved alike.
    let mut alike: Vec<(String, Vec<String>)> = Vec::new();
    let first = chart.panels.first()?;
    for l in first
        .lines
        .iter()
        .filter(|l| matches!(l.role, Role::Region | Role::Country))
    {
        let Some(how) = chart.moved(&l.area, from, to) else {
            continue;
        };
        match alike.iter_mut().find(|(h, _)| *h == how) {
            Some((_, names)) => names.push(possessive(&l.name)),
            None => alike.push((how, vec![possessive(&l.name)])),
        }
    }
    let others: Vec<String> = alike
        .into_iter()
        .map(|(how, names)| format!("{} {how}", join_words(&names)))
        .collect();
    let tail = if others.is_empty() {
        String::new()
    } else {
        format!(", while {}", join_words(&others))
    };
    Some(format!(
        "From {from} to {to} {} progress {own} ({}){tail}.",
        possessive(&home.name),
        join_words(&figures)
    ))
}

/// The latest attainment: the home area's share against England's.
fn latest_attainment(chart: &TrendChart) -> Option<String> {
    let panel = chart.panels.first()?;
    let home = panel.home()?;
    let p = home.points.iter().rev().find(|p| p.value.is_some())?;
    let england = panel
        .lines
        .iter()
        .find(|l| l.role == Role::Country)
        .and_then(|l| Some((l.name.clone(), l.at(p.year)?.clone())))
        .and_then(|(n, q)| {
            Some(format!(
                ", against {} in {n}",
                chart.format(q.value?, q.decimals)
            ))
        });
    Some(format!(
        "In {}, {} of {} pupils met the expected standard in reading, writing and maths{}.",
        p.year,
        chart.format(p.value?, p.decimals),
        possessive(&home.name),
        england.unwrap_or_default()
    ))
}

/// The chosen schools: their pupil-weighted mean progress against the home area in the latest
/// year both have figures.
fn schools_point(dataset: &Dataset, sel: &Selection) -> Option<Point> {
    let chart = schools::schools_chart(
        dataset,
        &Selection {
            subject: None,
            ..sel.clone()
        },
    );
    let mut year = None;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for panel in &chart.panels {
        let mean = panel.lines.iter().find(|l| l.role == Role::Derived)?;
        let home = panel.home()?;
        let y = year.or_else(|| {
            mean.points
                .iter()
                .rev()
                .find(|p| p.value.is_some() && home.value(p.year).is_some())
                .map(|p| p.year)
        })?;
        year = Some(y);
        let (m, h) = (mean.at(y)?, home.at(y)?);
        ours.push(format!(
            "{} in {}",
            chart.format(m.value?, m.decimals),
            panel.heading.to_lowercase()
        ));
        theirs.push(chart.format(h.value?, h.decimals));
    }
    Some(Point {
        text: format!(
            "{}, {}: their pupil-weighted mean progress (derived) was {}, against {} {}.",
            sel.cohort.name(dataset),
            year?,
            join_words(&ours),
            possessive(&chart.home),
            join_words(&theirs)
        ),
        chart: schools::ID,
    })
}

/// The chosen schools' latest inspections.
fn ofsted_point(dataset: &Dataset, sel: &Selection) -> Option<Point> {
    let chart = ofsted::ofsted_chart(dataset, sel);
    let text = ofsted::words::summary(&chart).into_iter().next()?;
    Some(Point {
        text,
        chart: ofsted::ID,
    })
}

/// Where the figures begin against the cohorts' starts, the breaks within the years shown,
/// and the dataset's own words on attribution.
fn caveats(dataset: &Dataset, progress: &TrendChart, starts: &[u16]) -> Vec<String> {
    let mut out = Vec::new();
    let years = progress.home_years();
    if let (Some(first), Some(start)) = (years.first(), starts.iter().min()) {
        if first > start {
            out.push(format!(
                "Progress scores begin in {first}: there is none from before the first cohorts started in {start}."
            ));
        }
    }
    // The breaks within the years the progress chart shows.
    if let Some(first) = years.first() {
        out.extend(
            breaks::BREAKS
                .iter()
                .filter(|b| b.measures.contains(&Measure::Ks2AreaProgress))
                .filter(|b| b.from > *first && b.from <= progress.years.1)
                .map(|b| b.text.to_string()),
        );
    }
    out.extend(
        dataset
            .raw()
            .statements
            .iter()
            .filter(|s| s.topic == "attribution")
            .map(|s| s.text.clone()),
    );
    out
}
