//! The Ofsted chart's model: the chosen cohort's schools at their latest inspections (named
//! school by school where they are too few for shares), then the groups the dataset publishes
//! as a whole (the programme's, England's primaries, places by their school's grade).

use crate::dataset::Dataset;
use crate::model::{Judgement, JudgementCounts, Urn};
use crate::provenance::{legend_of, LegendEntry, Sources};
use crate::selection::{CohortChoice, Selection};

/// One bar of the Ofsted chart: a group of schools and its judgements.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionRow {
    /// Series id: `cohort`, or the distribution's id.
    pub id: String,
    /// What the group is.
    pub label: String,
    /// The counts.
    pub counts: JudgementCounts,
    /// Ids of sources.
    pub sources: Vec<String>,
    /// A caveat for this bar.
    pub note: Option<String>,
    /// What is counted.
    pub counted: crate::model::Counted,
    /// What it counts and when, said on the drawing beside its label ("3 schools, each at
    /// its latest inspection, February 2016 to May 2017").
    pub what: String,
    /// For a group too small for shares, each school with its latest inspection: drawn and
    /// told by name, never as a share.
    pub members: Vec<Member>,
    /// Each judgement's share in whole per cent, summing to 100
    /// ([`JudgementCounts::percents`]): every share written of the row reads these.
    pub percents: JudgementCounts,
}

/// One school of a group too small for shares, at its latest inspection.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The school.
    pub name: String,
    /// Its latest judgement.
    pub judgement: crate::model::Judgement,
    /// When (`YYYY-MM-DD`).
    pub date: String,
    /// The school inspected, where it was a predecessor (before a conversion).
    pub inspected_as: Option<String>,
}

impl Member {
    /// "Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor,
    /// Milton Primary School)".
    pub fn words(&self) -> String {
        let whose = match &self.inspected_as {
            Some(p) => format!(" (an inspection of its predecessor, {p})"),
            None => String::new(),
        };
        format!(
            "{}: {}, {}{whose}",
            self.name,
            self.judgement.label(),
            crate::format::date(&self.date)
        )
    }
}

/// The Ofsted judgements chart.
#[derive(Debug, Clone, PartialEq)]
pub struct OfstedChart {
    /// Chart title.
    pub title: String,
    /// The series (bars) the legend lists.
    pub legend: Vec<LegendEntry>,
    /// Bars: the cohort (when one is chosen), the programme, England.
    pub rows: Vec<DistributionRow>,
    /// The chosen schools, by URN, for the table of their latest judgements (which reads
    /// names and inspections from the dataset: copies of them were 2.5 MB at all of England).
    pub schools: Vec<Urn>,
    /// Caveats.
    pub notes: Vec<String>,
    /// Published statements without figures.
    pub statements: Vec<String>,
    /// Ids of sources cited.
    pub sources: Vec<String>,
}

/// Groups of fewer schools than this get counts, never percentages: one school of one is
/// "100%", which a reader takes for a share of many. (DfE and Ofsted's own releases avoid
/// shares of very small groups for the same reason.)
pub const MIN_GROUP_FOR_SHARES: u32 = 5;

impl DistributionRow {
    /// Whether the row is too small for percentages: counted in schools, fewer than
    /// [`MIN_GROUP_FOR_SHARES`].
    pub fn too_small_for_shares(&self) -> bool {
        self.counted == crate::model::Counted::Schools && self.counts.total() < MIN_GROUP_FOR_SHARES
    }

    /// A judgement's share as written: `12%`, or `<1%` for a few that round to none.
    pub fn share(&self, judgement: Judgement) -> String {
        share_text(self.percents.get(judgement), self.counts.get(judgement))
    }

    /// The share judged Good or Outstanding: the sum of those two bars' shares, as written.
    pub fn good_share(&self) -> String {
        share_text(
            self.percents.get(Judgement::Outstanding) + self.percents.get(Judgement::Good),
            self.counts.get(Judgement::Outstanding) + self.counts.get(Judgement::Good),
        )
    }
}

fn share_text(percent: u32, count: u32) -> String {
    if count > 0 && percent == 0 {
        "<1%".to_string()
    } else {
        format!("{percent}%")
    }
}

/// A title that names what is drawn: the first bar's group against the others
/// ("Ofsted judgements: 16 programme schools inspected since 2015, against Primary schools
/// in England, as at 31 July 2018"), the others counted where naming them all would not fit
/// a heading ("…, against 3 groups of schools and places"). `None` with no bar.
pub fn title_of(rows: &[DistributionRow]) -> Option<String> {
    const ROOM: usize = 120;
    let (first, rest) = rows.split_first()?;
    let head = format!("Ofsted judgements: {}", first.label);
    if rest.is_empty() {
        return Some(head);
    }
    let named = format!(
        "{head}, against {}",
        crate::format::join_words(&rest.iter().map(|r| r.label.clone()).collect::<Vec<_>>())
    );
    if named.chars().count() <= ROOM {
        return Some(named);
    }
    let mut nouns: Vec<String> = Vec::new();
    for r in rest {
        let n = r.counted.noun().to_string();
        if !nouns.contains(&n) {
            nouns.push(n);
        }
    }
    Some(format!(
        "{head}, against {} {} of {}",
        rest.len(),
        if rest.len() == 1 { "group" } else { "groups" },
        crate::format::join_words(&nouns)
    ))
}

/// Id of the chosen cohort's own bar in the Ofsted chart.
pub const COHORT_BAR: &str = "cohort";

/// Builds the Ofsted chart for a selection.
pub fn ofsted_chart(dataset: &Dataset, sel: &Selection) -> OfstedChart {
    let choice = &sel.cohort;
    let raw = dataset.raw();
    let mut sources = Sources::default();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let members = choice.schools(dataset);
    let schools: Vec<Urn> = members.iter().map(|s| s.urn).collect();
    // A cohort's own bar; for all schools too where no distribution of the whole programme
    // is published (a loaded list: the whole list is the programme).
    let own_bar = matches!(choice, CohortChoice::Cohort(_)) || raw.ofsted_distributions.is_empty();
    let complete = dataset.list_is_complete();
    if own_bar {
        let mut counts = JudgementCounts::default();
        let mut row_sources = Vec::new();
        let mut predecessor = Vec::new();
        let mut unknown = 0;
        let mut named: Vec<Member> = Vec::new();
        for s in &members {
            let Some(ins) = s.latest_inspection() else {
                continue;
            };
            let inspected_as = (ins.predecessor == Some(true)).then(|| {
                ins.published_as
                    .as_ref()
                    .map_or_else(|| "a predecessor school".to_string(), |p| p.name.clone())
            });
            named.push(Member {
                name: s.name.clone(),
                judgement: ins.judgement,
                date: ins.date.clone(),
                inspected_as,
            });
            counts.add(ins.judgement);
            sources.add(&ins.source);
            if !row_sources.iter().any(|s| *s == ins.source) {
                row_sources.push(ins.source.to_string());
            }
            match ins.predecessor {
                Some(true) => predecessor.push(s.name.clone()),
                Some(false) => {}
                None => unknown += 1,
            }
        }
        let note = (!predecessor.is_empty()).then(|| {
            format!(
                "Includes the predecessor school's judgement for {}: an inspection dated before the school's URN opened.",
                crate::format::join_words(&predecessor)
            )
        });
        if unknown > 0 {
            notes.push(format!(
                "Whether the latest inspection of {} {} was of a predecessor school (before an academy conversion) is not known: the files read do not say when the school opened. Importing with DfE's links file tells where it can.",
                unknown,
                if unknown == 1 { "school" } else { "schools" }
            ));
        }
        let total = counts.total();
        if total > 0 {
            let mut dates: Vec<&str> = named.iter().map(|m| m.date.as_str()).collect();
            crate::order::sort_by(&mut dates, |a, b| a.cmp(b));
            let span = match (dates.first(), dates.last()) {
                (Some(a), Some(b))
                    if crate::format::month_year(a) != crate::format::month_year(b) =>
                {
                    format!(
                        "{} to {}",
                        crate::format::month_year(a),
                        crate::format::month_year(b)
                    )
                }
                (Some(a), _) => crate::format::month_year(a),
                _ => String::new(),
            };
            let small = total < MIN_GROUP_FOR_SHARES;
            rows.push(DistributionRow {
                id: COHORT_BAR.to_string(),
                label: if complete {
                    choice.name(dataset)
                } else {
                    format!("{} (named schools)", choice.name(dataset))
                },
                what: format!(
                    "{} {}, each at its latest inspection, {span}{}",
                    crate::format::count(total),
                    if total == 1 { "school" } else { "schools" },
                    if small {
                        ": too few for percentages, so each is named"
                    } else {
                        ""
                    }
                ),
                members: if small { named } else { Vec::new() },
                percents: counts.percents(None),
                counts,
                sources: row_sources,
                note,
                counted: crate::model::Counted::Schools,
            });
        } else {
            notes.push(format!(
                "No inspection of {}'s {}schools is in the dataset.",
                choice.name(dataset),
                if complete { "" } else { "named " }
            ));
        }
        if !complete {
            notes.push(
                "A cohort's bar counts only its published member schools, so it can differ from \
                 the programme's published figures."
                    .into(),
            );
        }
    }
    for d in &raw.ofsted_distributions {
        sources.add(&d.source);
        let total = d.counts.total();
        rows.push(DistributionRow {
            id: d.id.clone(),
            label: d.label.clone(),
            // A group published as a whole: its label says what it counts and when; "latest"
            // is said only of the chosen schools' own bar, which is each school's latest.
            what: match d.counted {
                crate::model::Counted::Schools => format!(
                    "{} {}, as published",
                    crate::format::count(total),
                    if total == 1 { "school" } else { "schools" }
                ),
                crate::model::Counted::Places => format!(
                    "{} places, by their school's grade",
                    crate::format::count(total)
                ),
            },
            counts: d.counts,
            percents: d.counts.percents(d.published_percentages.as_ref()),
            sources: vec![d.source.clone()],
            note: d.note.clone(),
            counted: d.counted,
            members: Vec::new(),
        });
    }
    let legend = legend_of(rows.iter().map(|r| (r.id.as_str(), r.label.clone())), sel);
    rows.retain(|r| sel.shows(&r.id));
    // Each bar's own caveat is shown too: a reader of "Inadequate 100%" must learn that it is
    // a predecessor school's judgement, and of "76%" that counts were derived from it.
    for row in &rows {
        if let Some(note) = &row.note {
            notes.push(format!("{}: {note}", row.label));
        }
    }
    notes.push(
        "Since September 2024 Ofsted no longer gives state schools a single overall judgement; \
         these are judgements made before then."
            .into(),
    );
    let mut statements = crate::provenance::claims::about(dataset, "ofsted", &mut sources);
    statements.extend(crate::provenance::claims::about(
        dataset,
        "attribution",
        &mut sources,
    ));
    // Ofsted's words on each school shown, as the document that quotes them has them.
    for s in &members {
        for e in &s.report_extracts {
            sources.add(&e.source);
            let by = dataset
                .source(&e.source)
                .map_or_else(|| e.source.clone(), |x| x.publisher.clone());
            statements.push(format!(
                "{}, {} (Ofsted, as quoted by {by}): \u{201c}{}\u{201d}",
                s.name, e.inspection, e.quote
            ));
        }
    }
    OfstedChart {
        title: title_of(&rows)
            .unwrap_or_else(|| format!("Ofsted judgements: {}", choice.name(dataset))),
        legend,
        rows,
        schools,
        notes,
        statements,
        sources: sources.0,
    }
}
