//! A programme's statements beside the published figures that bear on them. A statement is
//! shown in the dataset's words; where it says what it claims ([`Claim`]), a sentence
//! computed from the figures follows it, saying which figures were set beside it, from where,
//! and whether it holds. Nothing here knows a programme, an area or a year: every name comes
//! from the dataset.

use crate::dataset::{AreaFigure, Dataset};
use crate::format;
use crate::format::join_words;
use crate::model::{AreaMeasure, Claim, Judgement, PupilGroup, Statement, Subject};
use crate::provenance::Sources;

pub use super::NEIGHBOURS;

/// The statements of a topic, each with its test, citing what they use.
pub(crate) fn about(dataset: &Dataset, topic: &str, sources: &mut Sources) -> Vec<String> {
    dataset
        .raw()
        .statements
        .iter()
        .filter(|s| s.topic == topic)
        .map(|s| told(dataset, s, sources))
        .collect()
}

/// The statements whose claim bears on a measure for a group of pupils, with their tests.
pub(crate) fn bearing_on(
    dataset: &Dataset,
    measures: &[AreaMeasure],
    pupils: PupilGroup,
    sources: &mut Sources,
) -> Vec<String> {
    dataset
        .raw()
        .statements
        .iter()
        .filter(|s| match &s.claim {
            Some(Claim::Above {
                pupils: p,
                measures: m,
                ..
            }) => *p == pupils && m.iter().any(|x| measures.contains(x)),
            _ => false,
        })
        .map(|s| told(dataset, s, sources))
        .collect()
}

/// A statement in the dataset's words, then its test where it has one.
pub(crate) fn told(dataset: &Dataset, s: &Statement, sources: &mut Sources) -> String {
    sources.add(&s.source);
    match test(dataset, s, sources) {
        Some(t) => format!("{} {t}", s.text),
        None => s.text.clone(),
    }
}

/// The sentence that tests a statement's claim, where it has one.
pub(crate) fn test(dataset: &Dataset, s: &Statement, sources: &mut Sources) -> Option<String> {
    match s.claim.as_ref()? {
        Claim::Above {
            area,
            pupils,
            measures,
            than,
        } => {
            let Some(year) = s.year else {
                return Some(
                    "Its source gives no year, so no dated figure can be set beside it.".into(),
                );
            };
            Some(above(
                dataset, s, area, *pupils, measures, than, year, sources,
            ))
        }
        Claim::Leadership {
            judgement,
            since,
            leadership,
            count,
            of,
        } => Some(leadership_test(
            dataset,
            *judgement,
            since,
            *leadership,
            (*count, *of),
        )),
    }
}

/// A measure in a few words: "reading progress", "meeting the expected standard in reading,
/// writing and maths".
fn measure_words(m: AreaMeasure) -> &'static str {
    m.label()
}

/// An area's figure of a measure in a year: progress through the one lookup, shares from
/// their series.
fn figure(
    dataset: &Dataset,
    area: &str,
    m: AreaMeasure,
    pupils: PupilGroup,
    year: u16,
) -> Option<AreaFigure> {
    let subject = Subject::ALL
        .into_iter()
        .find(|s| AreaMeasure::progress(*s) == m);
    match subject {
        Some(s) => dataset.area_progress_at(area, s, pupils, year),
        None => dataset.area_percent_at(area, m, pupils, year),
    }
}

fn shown(m: AreaMeasure, f: &AreaFigure) -> String {
    if m.is_percent() {
        format::percent_at(f.value, f.decimals.unwrap_or(0))
    } else {
        crate::format::progress_text(f.value, f.decimals)
    }
}

/// The neighbours' median of a measure in a year, and how many of them the area is above.
fn neighbours(
    dataset: &Dataset,
    m: AreaMeasure,
    pupils: PupilGroup,
    year: u16,
    home: f64,
) -> Option<(AreaFigure, usize, usize)> {
    let ctx = dataset.raw().context.as_ref()?;
    let mut found: Vec<AreaFigure> = ctx
        .neighbours
        .iter()
        .filter_map(|n| figure(dataset, n, m, pupils, year))
        .collect();
    if found.is_empty() {
        return None;
    }
    crate::order::sort_by(&mut found, |a, b| a.value.total_cmp(&b.value));
    let values: Vec<f64> = found.iter().map(|f| f.value).collect();
    let above = values.iter().filter(|v| home > **v).count();
    let mut median = found[0].clone();
    median.value = crate::stats::median(&values)?;
    Some((median, above, values.len()))
}

/// "above", "below" or "level with", by the figures as published.
fn side(home: f64, other: f64) -> &'static str {
    if (home - other).abs() < 1e-9 {
        "level with"
    } else if home > other {
        "above"
    } else {
        "below"
    }
}

#[allow(clippy::too_many_arguments)]
fn above(
    dataset: &Dataset,
    s: &Statement,
    area: &str,
    pupils: PupilGroup,
    measures: &[AreaMeasure],
    than: &[String],
    year: u16,
    sources: &mut Sources,
) -> String {
    let home_name = dataset.area_name(area);
    let mut parts = Vec::new();
    let (mut holds, mut fails, mut untested) = (Vec::new(), Vec::new(), Vec::new());
    let mut own_figures = false;
    for m in measures {
        let Some(h) = figure(dataset, area, *m, pupils, year) else {
            untested.push(measure_words(*m));
            continue;
        };
        sources.add(&h.source);
        own_figures |= h.source == s.source;
        let mut against = Vec::new();
        let mut all_above = true;
        for c in than {
            let other = if c == NEIGHBOURS {
                neighbours(dataset, *m, pupils, year, h.value).map(|(f, above, of)| {
                    let what = format!(
                        "the statistical neighbours' median ({}; above {above} of {of})",
                        shown(*m, &f)
                    );
                    (f, what)
                })
            } else {
                figure(dataset, c, *m, pupils, year).map(|f| {
                    let what = format!("{} ({})", dataset.area_name(c), shown(*m, &f));
                    (f, what)
                })
            };
            let Some((f, what)) = other else {
                all_above = false;
                against.push(format!("no figure for {}", comparator_name(dataset, c)));
                continue;
            };
            sources.add(&f.source);
            own_figures |= f.source == s.source;
            all_above &= f.value < h.value && side(h.value, f.value) == "above";
            against.push(format!("{} {what}", side(h.value, f.value)));
        }
        parts.push(format!(
            "{} {}, {}",
            measure_words(*m),
            shown(*m, &h),
            join_words(&against)
        ));
        if all_above {
            holds.push(measure_words(*m));
        } else {
            fails.push(measure_words(*m));
        }
    }
    let pupils_words = match pupils {
        PupilGroup::All => String::new(),
        p => format!(" of {}", p.label()),
    };
    let mut out = format!(
        "Beside the {year} figures{pupils_words} for {home_name}: {}.",
        parts.join("; ")
    );
    if own_figures {
        out.push_str(" Some of these figures are the statement's own source's, where no other is published for that year.");
    }
    let grouping = dataset
        .raw()
        .context
        .as_ref()
        .and_then(|c| c.neighbours_note.as_deref())
        .filter(|_| than.iter().any(|c| c == NEIGHBOURS));
    if let Some(note) = grouping {
        out.push(' ');
        out.push_str(note);
    }
    let verdict = match (holds.is_empty(), fails.is_empty()) {
        (false, true) => "It holds for each of them.".to_string(),
        (true, false) => "It does not hold for any of them.".to_string(),
        (false, false) => format!(
            "It holds for {} but not for {}.",
            join_words(&holds.iter().map(|h| (*h).to_string()).collect::<Vec<_>>()),
            join_words(&fails.iter().map(|h| (*h).to_string()).collect::<Vec<_>>())
        ),
        (true, true) => String::new(),
    };
    if !verdict.is_empty() {
        out.push(' ');
        out.push_str(&verdict);
    }
    if !untested.is_empty() {
        out.push_str(&format!(
            " No {year} figure for {} is in the dataset.",
            untested.join(" or ")
        ));
    }
    out
}

fn comparator_name(dataset: &Dataset, id: &str) -> String {
    if id == NEIGHBOURS {
        "the statistical neighbours".to_string()
    } else {
        dataset.area_name(id).to_string()
    }
}

/// How the named schools judged `judgement` since a date had their leadership judged, set
/// beside the statement's "`count` of the `of`".
fn leadership_test(
    dataset: &Dataset,
    judgement: Judgement,
    since: &str,
    leadership: Judgement,
    (count, of): (u32, u32),
) -> String {
    let named: Vec<(String, &crate::model::Inspection)> = dataset
        .raw()
        .schools
        .iter()
        .filter_map(|s| Some((s.name.clone(), s.latest_inspection()?)))
        .filter(|(_, i)| i.judgement == judgement && i.date.as_str() >= since)
        .collect();
    if named.is_empty() {
        return format!(
            "None of the schools the dataset names had a latest inspection judged {} since {}.",
            judgement.label(),
            format::date(since)
        );
    }
    let with = named
        .iter()
        .filter(|(_, i)| i.leadership_and_management == Some(leadership))
        .count();
    let listed: Vec<String> = named
        .iter()
        .map(|(name, i)| {
            let whose = if i.predecessor == Some(true) {
                ", the predecessor school's"
            } else {
                ""
            };
            let lm = i
                .leadership_and_management
                .map_or("not in the dataset".to_string(), |j| j.label().to_string());
            format!(
                "{name} ({}{whose}; leadership and management {lm})",
                format::date(&i.date)
            )
        })
        .collect();
    let verdict = if with as u32 == count && named.len() as u32 <= of {
        "as the statement says".to_string()
    } else {
        format!("where the statement says {count} of {of}")
    };
    format!(
        "The schools the dataset names with a latest inspection judged {} since {}: {}: {with} with leadership and management {}, {verdict}.",
        judgement.label(),
        format::date(since),
        join_words(&listed),
        leadership.label()
    )
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
