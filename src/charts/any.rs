//! One type for "a chart of the dashboard": the page's chart cards, downloads and tables go
//! through it, so adding a chart means adding one arm here, not touching the shell.

use crate::aggregate::{
    disadvantage_chart, ofsted_chart, progress_chart, CohortChoice, DisadvantageChart, LegendEntry,
    OfstedChart, ProgressChart, Selection,
};
use crate::dataset::Dataset;
use crate::schools::journeys::{self as js, JourneysChart};
use crate::table::{self, DataTable};
use crate::trend::{trend_chart, TrendChart, TrendKind};
use crate::view::ChartId;

use super::{disadvantage, export, journeys, ofsted, progress, trend, ChartError, Mark};

/// A built chart model of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum AnyChart {
    /// KS2 progress.
    Progress(ProgressChart),
    /// Disadvantaged pupils and FSM.
    Disadvantage(DisadvantageChart),
    /// Ofsted judgements.
    Ofsted(OfstedChart),
    /// An area over time against its comparators, or a cohort's schools over time.
    Trend(TrendChart),
    /// Schools' inspections on a time line.
    Journeys(JourneysChart),
}

impl AnyChart {
    /// Builds the model of chart `id` for a selection.
    pub fn build(id: ChartId, dataset: &Dataset, sel: &Selection) -> Self {
        match id {
            ChartId::Ks2Progress => Self::Progress(progress_chart(dataset, sel)),
            ChartId::SchoolsOverTime => Self::Trend(crate::schools::schools_chart(dataset, sel)),
            ChartId::Disadvantaged => Self::Disadvantage(disadvantage_chart(dataset, sel)),
            ChartId::Ofsted => Self::Ofsted(ofsted_chart(dataset, sel)),
            ChartId::AreaProgress => Self::Trend(trend_chart(dataset, TrendKind::Progress, sel)),
            ChartId::AreaAttainment => {
                Self::Trend(trend_chart(dataset, TrendKind::Attainment, sel))
            }
            ChartId::AreaFsm => Self::Trend(trend_chart(dataset, TrendKind::Fsm, sel)),
            ChartId::Inspections => Self::Journeys(js::journeys_chart(dataset, sel)),
        }
    }

    /// Which chart it is.
    pub fn id(&self) -> ChartId {
        match self {
            Self::Progress(_) => ChartId::Ks2Progress,
            Self::Disadvantage(_) => ChartId::Disadvantaged,
            Self::Ofsted(_) => ChartId::Ofsted,
            Self::Journeys(_) => ChartId::Inspections,
            Self::Trend(m) => match m.kind {
                TrendKind::Progress => ChartId::AreaProgress,
                TrendKind::Attainment => ChartId::AreaAttainment,
                TrendKind::Fsm => ChartId::AreaFsm,
                TrendKind::Schools => ChartId::SchoolsOverTime,
            },
        }
    }

    /// The area chart over time this is, if it is one.
    fn as_area_trend(&self) -> Option<&TrendChart> {
        match self {
            Self::Trend(m) if m.kind != TrendKind::Schools => Some(m),
            _ => None,
        }
    }

    /// Title.
    pub fn title(&self) -> &str {
        match self {
            Self::Progress(m) => &m.title,
            Self::Disadvantage(m) => &m.title,
            Self::Ofsted(m) => &m.title,
            Self::Trend(m) => &m.title,
            Self::Journeys(m) => &m.title,
        }
    }

    /// Size of the drawing at a width.
    pub fn size(&self, width: u32) -> (u32, u32) {
        match self {
            Self::Progress(m) => progress::size(m, width),
            Self::Disadvantage(m) => disadvantage::size(m, width),
            Self::Ofsted(m) => ofsted::size(m, width),
            Self::Trend(m) => trend::size(m, width),
            Self::Journeys(m) => journeys::size(m, width),
        }
    }

    /// The drawing as SVG text.
    pub fn svg(&self, width: u32) -> Result<String, ChartError> {
        match self {
            Self::Progress(m) => progress::svg(m, width),
            Self::Disadvantage(m) => disadvantage::svg(m, width),
            Self::Ofsted(m) => ofsted::svg(m, width),
            Self::Trend(m) => trend::svg(m, width),
            Self::Journeys(m) => journeys::svg(m, width),
        }
    }

    /// The marks, in reading order.
    pub fn marks(&self, width: u32) -> Vec<Mark> {
        match self {
            Self::Progress(m) => progress::marks(m, width),
            Self::Disadvantage(m) => disadvantage::marks(m, width),
            Self::Ofsted(m) => ofsted::marks(m, width),
            Self::Trend(m) => trend::marks(m, width),
            Self::Journeys(m) => journeys::marks(m, width),
        }
    }

    /// The legend's series.
    pub fn legend(&self) -> &[LegendEntry] {
        match self {
            Self::Progress(m) => &m.legend,
            Self::Disadvantage(m) => &m.legend,
            Self::Ofsted(m) => &m.legend,
            Self::Trend(m) => &m.legend,
            Self::Journeys(m) => &m.legend,
        }
    }

    /// The figures drawn, as tables; the first is the chart's own data (the CSV).
    pub fn tables(&self, dataset: &Dataset) -> Vec<DataTable> {
        match self {
            Self::Progress(m) => vec![table::progress(m)],
            Self::Disadvantage(m) => vec![table::disadvantage(m)],
            Self::Ofsted(m) => vec![table::ofsted(m), table::ofsted_schools(m, dataset)],
            Self::Journeys(m) => vec![js::table(m)],
            Self::Trend(m) if m.kind == TrendKind::Schools => vec![
                crate::schools::table::results(m, dataset),
                crate::schools::table::facts(m, dataset),
            ],
            Self::Trend(m) => {
                let grouping = dataset
                    .raw()
                    .context
                    .as_ref()
                    .and_then(|c| c.neighbours_source.as_deref())
                    .and_then(|id| dataset.source(id))
                    .map(|s| format!("{} grouping, {}", s.publisher, s.date));
                vec![crate::trend::table::table(m, grouping.as_deref())]
            }
        }
    }

    /// Plain-language summary sentences.
    pub fn summary(&self) -> Vec<String> {
        match self {
            Self::Progress(m) => crate::summary::progress(m),
            Self::Disadvantage(m) => crate::summary::disadvantage(m),
            Self::Ofsted(m) => crate::summary::ofsted(m),
            Self::Trend(m) if m.kind == TrendKind::Schools => crate::schools::words::summary(m),
            Self::Trend(m) => crate::trend::words::summary(m),
            Self::Journeys(m) => js::summary(m),
        }
    }

    /// Caveats, then published statements that carry no figure.
    pub fn notes(&self) -> Vec<String> {
        let (notes, statements) = match self {
            Self::Progress(m) => (&m.notes, &m.statements),
            Self::Disadvantage(m) => (&m.notes, &m.statements),
            Self::Ofsted(m) => (&m.notes, &m.statements),
            Self::Trend(m) => (&m.notes, &m.statements),
            Self::Journeys(m) => (&m.notes, &Vec::new()),
        };
        notes.iter().chain(statements.iter()).cloned().collect()
    }

    /// Ids of the sources cited, in first-use order.
    pub fn sources(&self) -> &[String] {
        match self {
            Self::Progress(m) => &m.sources,
            Self::Disadvantage(m) => &m.sources,
            Self::Ofsted(m) => &m.sources,
            Self::Trend(m) => &m.sources,
            Self::Journeys(m) => &m.sources,
        }
    }

    /// "Source: publisher, title, date; …" for under the chart and in downloads.
    pub fn source_line(&self, dataset: &Dataset) -> String {
        let parts: Vec<String> = self
            .sources()
            .iter()
            .filter_map(|id| dataset.source(id))
            .map(crate::model::Source::cited)
            .collect();
        let source = format!("Source: {}", parts.join("; "));
        match dataset.origin() {
            Some(files) => format!(
                "Your data, from {}: not the published figures. {source}",
                files.join(", ")
            ),
            None => source,
        }
    }

    /// The drawing framed with title, summary and source line, for download.
    pub fn export_svg(&self, dataset: &Dataset, width: u32) -> Result<String, ChartError> {
        // The file keeps what the page says beside the chart: its summary, then every
        // caveat and note.
        let mut summary = self.summary();
        summary.extend(self.notes().into_iter().map(|n| format!("Note: {n}")));
        let source_line = self.source_line(dataset);
        let frame = export::Frame {
            title: self.title(),
            summary: &summary,
            source_line: &source_line,
        };
        let size = self.size(width);
        match self {
            Self::Progress(m) => export::svg(&frame, size, |a| progress::draw(a, m)),
            Self::Disadvantage(m) => export::svg(&frame, size, |a| disadvantage::draw(a, m)),
            Self::Ofsted(m) => export::svg(&frame, size, |a| ofsted::draw(a, m)),
            Self::Trend(m) => export::svg(&frame, size, |a| trend::draw(a, m)),
            Self::Journeys(m) => export::svg(&frame, size, |a| journeys::draw(a, m)),
        }
    }

    /// A file name without extension that says what the file holds:
    /// `ks2-progress_seven-stars_maths_2019`.
    pub fn file_stem(&self, sel: &Selection) -> String {
        let mut parts = vec![self.id().id().to_string()];
        // The schools over time are named like the cohort charts.
        if let Some(m) = self.as_area_trend() {
            // Area figures do not depend on the cohort: name the area and pupils instead.
            parts.push(crate::import::slug(&m.home));
            if m.kind.has_pupils() && m.pupils != crate::model::PupilGroup::All {
                parts.push(m.pupils.id().to_string());
            }
            if let (TrendKind::Progress, Some(s)) = (m.kind, sel.subject) {
                parts.push(s.label().to_lowercase());
            }
            parts.push(format!("{}-{}", m.years.0, m.years.1));
            return parts.join("_");
        }
        parts.push(match (self, &sel.cohort) {
            // Without a figure of the cohort's own the chart is the area's: named for it.
            (Self::Disadvantage(m), _) if m.cohort_name.is_none() => {
                crate::import::slug(&m.local_name)
            }
            (_, CohortChoice::Programme) => "all-schools".to_string(),
            (_, CohortChoice::Cohort(id)) => id.clone(),
        });
        if let (Self::Progress(_), Some(s)) = (self, sel.subject) {
            parts.push(s.label().to_lowercase());
        }
        let year = match self {
            Self::Progress(m) => m.year,
            Self::Disadvantage(m) => m.year,
            Self::Ofsted(_) | Self::Trend(_) | Self::Journeys(_) => None,
        };
        if let Some(y) = year {
            parts.push(y.to_string());
        }
        parts.join("_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Subject;
    use crate::testing::bundled;

    #[test]
    fn file_names_say_what_they_hold() {
        let ds = bundled();
        let mut sel = Selection::cohort(CohortChoice::Cohort("seven-stars".into()));
        let chart = AnyChart::build(ChartId::Ks2Progress, &ds, &sel);
        assert_eq!(chart.file_stem(&sel), "ks2-progress_seven-stars_2019");
        sel.subject = Some(Subject::Maths);
        let chart = AnyChart::build(ChartId::Ks2Progress, &ds, &sel);
        assert_eq!(chart.file_stem(&sel), "ks2-progress_seven-stars_maths_2019");
        let all = Selection::default();
        // The bundled disadvantaged chart has area figures only: named for the area, not
        // for the cohort chosen.
        assert_eq!(
            AnyChart::build(ChartId::Disadvantaged, &ds, &sel).file_stem(&sel),
            "disadvantaged_stoke-on-trent_2019"
        );
        assert_eq!(
            AnyChart::build(ChartId::Ofsted, &ds, &all).file_stem(&all),
            "ofsted_all-schools"
        );
    }

    #[test]
    fn a_downloaded_drawing_keeps_the_charts_caveats() {
        let ds = bundled();
        let sel = Selection::cohort(CohortChoice::Cohort("compass".into()));
        let svg = AnyChart::build(ChartId::Ofsted, &ds, &sel)
            .export_svg(&ds, 900)
            .unwrap_or_default();
        assert!(
            svg.contains("predecessor school"),
            "the predecessor caveat is in the file"
        );
        assert!(svg.contains("too few for percentages"));
    }

    #[test]
    fn every_chart_cites_its_sources_in_one_line() {
        let ds = bundled();
        let sel = Selection::default();
        let line = AnyChart::build(ChartId::Ofsted, &ds, &sel).source_line(&ds);
        assert!(line.starts_with("Source: University of Worcester"));
        assert!(line.contains(
            "Ofsted, Management information: latest inspections of schools as at 31 July 2018"
        ));
    }

    #[test]
    fn source_lines_write_dates_in_words_once_and_never_nest_brackets() {
        let ds = bundled();
        let sel = Selection::default();
        for id in ChartId::ALL {
            let line = AnyChart::build(id, &ds, &sel).source_line(&ds);
            assert!(
                !line.contains("2018-07-31") && !line.contains("2025-12-01"),
                "{line}"
            );
            assert_eq!(
                line.matches("31 July 2018").count(),
                line.matches("Management information").count(),
                "{line}"
            );
            let mut depth = 0i32;
            for c in line.chars() {
                depth += i32::from(c == '(') - i32::from(c == ')');
                assert!(depth <= 1, "brackets nest in {line}");
            }
        }
        let lait = AnyChart::build(ChartId::AreaProgress, &ds, &sel).source_line(&ds);
        assert!(
            lait.contains("Key stage 2 attainment, updated 1 December 2025"),
            "{lait}"
        );
    }

    #[test]
    fn the_programmes_caveat_stands_beside_every_chart_of_its_schools() {
        let ds = bundled();
        for cohort in [
            CohortChoice::Programme,
            CohortChoice::Cohort("esprit".into()),
        ] {
            let sel = Selection::cohort(cohort);
            for id in [
                ChartId::Ks2Progress,
                ChartId::SchoolsOverTime,
                ChartId::Ofsted,
                ChartId::Inspections,
            ] {
                let chart = AnyChart::build(id, &ds, &sel);
                assert!(
                    chart
                        .notes()
                        .iter()
                        .any(|n| n.contains("cannot be attributed to the programme alone")),
                    "{id:?}: {:?}",
                    chart.notes()
                );
                let svg = chart.export_svg(&ds, 900).unwrap_or_default();
                assert!(
                    svg.contains("cannot be attributed"),
                    "{id:?}: the caveat is in the download"
                );
            }
        }
    }
}
