//! Breaks in the published series: years for which a measure does not exist. A chart whose
//! years span a break says so, and never draws a line through it.

/// The measures that breaks apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// KS2 progress of schools (school-level files).
    Ks2Progress,
    /// KS2 progress of areas (national and local authority statistics).
    Ks2AreaProgress,
    /// KS2 attainment of areas (% meeting the expected standard).
    Ks2AreaAttainment,
    /// Ofsted's single overall-effectiveness judgement.
    OfstedJudgement,
}

/// One break: a measure missing from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesBreak {
    /// Which measures lack these years.
    pub measures: &'static [Measure],
    /// First missing year (for Ofsted, the year the change took effect).
    pub from: u16,
    /// Last missing year; `u16::MAX` for "ever since".
    pub to: u16,
    /// What the page says.
    pub text: &'static str,
    /// What a chart writes in the gap, in a few words.
    pub short: &'static str,
}

/// Every known break, oldest first (see ../shared/data/README.md).
pub const BREAKS: [SeriesBreak; 4] = [
    SeriesBreak {
        measures: &[
            Measure::Ks2Progress,
            Measure::Ks2AreaProgress,
            Measure::Ks2AreaAttainment,
        ],
        from: 2020,
        to: 2021,
        text: "No KS2 assessments took place in 2020 and 2021 (COVID-19): there are no figures for those years.",
        short: "No KS2 tests",
    },
    SeriesBreak {
        measures: &[Measure::Ks2Progress],
        from: 2022,
        to: 2022,
        text: "No school-level KS2 results were published for 2022.",
        short: "No school results",
    },
    SeriesBreak {
        measures: &[Measure::Ks2Progress, Measure::Ks2AreaProgress],
        from: 2024,
        to: 2025,
        text: "KS1-to-KS2 progress cannot be calculated for 2024 and 2025: those pupils have no KS1 baseline.",
        short: "No progress scores",
    },
    SeriesBreak {
        measures: &[Measure::OfstedJudgement],
        from: 2024,
        to: u16::MAX,
        text: "Since September 2024 Ofsted gives state schools no single overall judgement: later inspections are \u{201c}not graded\u{201d}.",
        short: "No single grades",
    },
];

/// The breaks of `measure` that fall strictly after `from` and not after `to`: those a chart
/// comparing year `from` with year `to` spans. A single year spans nothing.
pub fn crossed(measure: Measure, from: u16, to: u16) -> Vec<&'static SeriesBreak> {
    BREAKS
        .iter()
        .filter(|b| b.measures.contains(&measure) && b.from > from && b.from <= to)
        .collect()
}

/// The break that a single year falls in, if any.
pub fn missing_in(measure: Measure, year: u16) -> Option<&'static SeriesBreak> {
    BREAKS
        .iter()
        .find(|b| b.measures.contains(&measure) && (b.from..=b.to).contains(&year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_years_2016_to_2019_span_no_break() {
        assert!(crossed(Measure::Ks2Progress, 2016, 2019).is_empty());
    }

    #[test]
    fn comparing_2019_with_2023_spans_the_pandemic_and_the_missing_school_year() {
        let texts: Vec<_> = crossed(Measure::Ks2Progress, 2019, 2023)
            .iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(texts.len(), 2);
        assert!(texts[0].contains("2020 and 2021"));
        assert!(texts[1].contains("2022"));
    }

    #[test]
    fn area_figures_were_published_for_2022() {
        assert!(missing_in(Measure::Ks2AreaProgress, 2022).is_none());
        assert!(missing_in(Measure::Ks2Progress, 2022).is_some());
    }

    #[test]
    fn progress_has_no_2024_or_2025() {
        assert!(missing_in(Measure::Ks2Progress, 2024).is_some());
        assert!(missing_in(Measure::Ks2Progress, 2025).is_some());
        assert!(missing_in(Measure::Ks2Progress, 2023).is_none());
    }

    #[test]
    fn ofsted_single_judgements_end_in_2024() {
        assert!(missing_in(Measure::OfstedJudgement, 2026).is_some());
        assert!(missing_in(Measure::OfstedJudgement, 2023).is_none());
    }
}
