//! The answer first: the question a stakeholder brings ("how does the home area compare, and
//! did it change after the cohorts started?") answered from the figures in a few sentences
//! above the cards, each pointing to the card that shows it, with the caveats that bear on
//! it. Everything is computed from the dataset and the chart models; nothing here names a
//! programme, an area or a year.

#[cfg(test)]
mod tests;

use crate::breaks::{self, Measure};
use crate::charts::area::{trend_chart, ATTAINMENT_ID, PROGRESS_ID};
use crate::charts::timeline::{Role, TrendChart, TrendKind};
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

impl Answer {
    /// How many words its points take (figures count as words): what a reader reads before
    /// the caveats.
    pub fn point_words(&self) -> usize {
        self.points
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }
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
        progress.first_run_sentence().map(|text| Point {
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

/// The latest year with progress scores: the home area's figures beside its region's (the
/// country's is the measure's 0, said as such), every figure at one precision.
fn latest(chart: &TrendChart) -> Option<String> {
    let year = *chart.home_years().last()?;
    let first = chart.panels.first()?;
    let home = first.home()?;
    let ours = chart.figures_in(&home.area, year)?;
    let other = chart
        .trend_comparator(first)
        .and_then(|l| Some((l, chart.figures_in(&l.area, year)?)));
    let mut all = ours.clone();
    if let Some((_, theirs)) = &other {
        all.extend(theirs);
    }
    let text = chart.at_one_precision(&all);
    let (ours_t, theirs_t) = text.split_at(ours.len());
    let against = other.map_or_else(String::new, |(l, _)| {
        format!(", against {} {}", possessive(&l.name), theirs_t.join(", "))
    });
    let zero = if chart.is_progress() {
        " (the national average is 0)"
    } else {
        ""
    };
    Some(format!(
        "In {year} (the latest progress scores), {} progress was {} in {}{against}{zero}.",
        possessive(&home.name),
        ours_t.join(", "),
        chart.subjects()
    ))
}

/// The latest attainment: the home area's share against England's in the same year.
fn latest_attainment(chart: &TrendChart) -> Option<String> {
    let panel = chart.panels.first()?;
    let home = panel.home()?;
    let p = home.points.iter().rev().find(|p| p.value.is_some())?;
    let country = panel
        .lines
        .iter()
        .find(|l| l.role == Role::Country)
        .and_then(|l| Some((l.name.clone(), l.at(p.year)?.clone())))
        .and_then(|(n, q)| Some((n, (q.value?, q.decimals))));
    let mut all = vec![(p.value?, p.decimals)];
    all.extend(country.iter().map(|c| c.1));
    let text = chart.at_one_precision(&all);
    let against = country
        .zip(text.get(1))
        .map_or_else(String::new, |((n, _), t)| format!(", against {t} in {n}"));
    Some(format!(
        "In {}, the latest year, {} of {} pupils met the expected standard in reading, writing and maths{against}.",
        p.year,
        text[0],
        possessive(&home.name),
    ))
}

/// The chosen schools: their average progress weighted by their pupils against the home
/// area's (the schools' finding, naming whose schools).
fn schools_point(dataset: &Dataset, sel: &Selection) -> Option<Point> {
    let chart = schools::schools_chart(
        dataset,
        &Selection {
            subject: None,
            ..sel.clone()
        },
    );
    Some(Point {
        text: schools::words::average_against_home(&chart, &sel.cohort.schools_phrase(dataset))?,
        chart: schools::ID,
    })
}

/// The chosen schools' latest inspections.
fn ofsted_point(dataset: &Dataset, sel: &Selection) -> Option<Point> {
    let chart = ofsted::ofsted_chart(dataset, sel);
    Some(Point {
        text: ofsted::words::headline(&chart, false)?,
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
