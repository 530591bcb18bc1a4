//! One figure per area, measure, pupil group and year across the page. A dataset may hold an
//! area's progress twice, in its yearly series (DfE's LAIT) and among its own area figures
//! (a programme's document, a definition, a comparators file); where DfE publishes a figure
//! it is the one every chart, table and sentence shows, and the other is only ever quoted
//! beside it as what its source said.

use super::Dataset;
use crate::model::{AreaMeasure, PupilGroup, Subject};

/// An area's figure as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaFigure {
    /// The figure.
    pub value: f64,
    /// Decimal places it is published with, where the source says (LAIT); `None` for the
    /// page's usual one place.
    pub decimals: Option<u8>,
    /// Lower and upper confidence limits, where published.
    pub interval: Option<(f64, f64)>,
    /// Id of its source.
    pub source: String,
    /// The source's own words, where it gave words, not a number.
    pub quote: Option<String>,
    /// A caveat kept with the figure.
    pub note: Option<String>,
    /// Whether it is the series' own published figure (DfE's), not a definition or another
    /// source's figure standing in for one.
    pub published: bool,
}

impl Dataset {
    /// An area's KS2 progress in a subject, for a group of pupils, in a year: DfE's published
    /// figure from the area series where there is one, else the dataset's own area figure.
    pub fn area_progress_at(
        &self,
        area: &str,
        subject: Subject,
        pupils: PupilGroup,
        year: u16,
    ) -> Option<AreaFigure> {
        let series = self.area_series(area, AreaMeasure::progress(subject), pupils);
        let published = series.and_then(|s| {
            let p = s.points.iter().find(|p| p.year == year)?;
            Some(AreaFigure {
                value: p.value?,
                decimals: Some(p.decimals),
                interval: None,
                source: p.source.clone().unwrap_or_else(|| s.source.clone()),
                quote: None,
                note: p.note.clone(),
                published: p.source.is_none(),
            })
        });
        published.or_else(|| {
            let p = self.raw.area_progress.iter().find(|p| {
                p.area == area && p.subject == subject && p.pupils == pupils && p.year == year
            })?;
            Some(AreaFigure {
                value: p.value,
                decimals: None,
                interval: p.lower.zip(p.upper),
                source: p.source.clone(),
                quote: p.quote.clone(),
                note: p.note.clone(),
                published: false,
            })
        })
    }

    /// The years in which an area has a progress figure in any subject for a group of pupils,
    /// from either place, oldest first.
    pub fn area_progress_years(&self, area: &str, pupils: PupilGroup) -> Vec<u16> {
        let mut years: Vec<u16> = Subject::ALL
            .iter()
            .filter_map(|s| self.area_series(area, AreaMeasure::progress(*s), pupils))
            .flat_map(|s| {
                s.points
                    .iter()
                    .filter(|p| p.value.is_some())
                    .map(|p| p.year)
            })
            .chain(
                self.raw
                    .area_progress
                    .iter()
                    .filter(|p| p.area == area && p.pupils == pupils)
                    .map(|p| p.year),
            )
            .collect();
        crate::order::sort_by_key(&mut years, |y| *y);
        years.dedup();
        years
    }

    /// The year an area's figures are shown for beside schools' figures of `wanted`: that
    /// year where the area has figures then, else its latest.
    pub fn area_progress_year(
        &self,
        area: &str,
        pupils: PupilGroup,
        wanted: Option<u16>,
    ) -> Option<u16> {
        let years = self.area_progress_years(area, pupils);
        wanted
            .filter(|w| years.contains(w))
            .or_else(|| years.last().copied())
    }

    /// An area's share of a measure in percent (attainment, FSM) in a year, from its series.
    pub fn area_percent_at(
        &self,
        area: &str,
        measure: AreaMeasure,
        pupils: PupilGroup,
        year: u16,
    ) -> Option<AreaFigure> {
        let s = self.area_series(area, measure, pupils)?;
        let p = s.points.iter().find(|p| p.year == year)?;
        Some(AreaFigure {
            value: p.value?,
            decimals: Some(p.decimals),
            interval: None,
            source: p.source.clone().unwrap_or_else(|| s.source.clone()),
            quote: None,
            note: p.note.clone(),
            published: p.source.is_none(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{PupilGroup, Subject};
    use crate::testing::bundled;

    #[test]
    fn englands_2019_progress_is_dfes_published_figure_not_a_second_value() {
        let ds = bundled();
        let f = ds.area_progress_at("england", Subject::Reading, PupilGroup::All, 2019);
        assert_eq!(
            f.as_ref().map(|f| (f.value, f.decimals)),
            Some((0.03, Some(2)))
        );
        assert_eq!(f.map(|f| f.source).as_deref(), Some("dfe-lait-ks2"));
        // 2016: LAIT prints no England figure; the measure's definition gives 0.
        let f = ds.area_progress_at("england", Subject::Maths, PupilGroup::All, 2016);
        assert_eq!(
            f.map(|f| (f.value, f.source)),
            Some((0.0, "dfe-progress-definition".into()))
        );
    }

    #[test]
    fn the_account_figure_stands_only_where_dfe_publishes_none() {
        let ds = bundled();
        // Disadvantaged pupils in 2016: LAIT starts in 2017, so the account's figure is shown.
        let f = ds.area_progress_at("england", Subject::Reading, PupilGroup::Disadvantaged, 2016);
        assert_eq!(
            f.map(|f| (f.value, f.source)),
            Some((-0.7, "uow-clp-account".into()))
        );
        let f = ds.area_progress_at("stoke-on-trent", Subject::Writing, PupilGroup::All, 2016);
        assert_eq!(f.map(|f| f.source).as_deref(), Some("dfe-lait-ks2"));
        assert_eq!(
            ds.area_progress_year("stoke-on-trent", PupilGroup::All, Some(2019)),
            Some(2019)
        );
        assert_eq!(
            ds.area_progress_year("stoke-on-trent", PupilGroup::Disadvantaged, Some(2016)),
            Some(2016)
        );
    }
}
