//! The whole view as link state: which cohort, subject, year, hidden series, tabs and chart.
//! Reading is forgiving (an unknown or stale value falls back to its default, with a notice
//! saying so); writing gives a canonical query that leaves out every default, so the plain
//! address means the default view.

use std::collections::{BTreeMap, BTreeSet};

use crate::charts::kit::theme::Theme;
use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::model::{PupilGroup, Subject};
use crate::selection::{school_years, CohortChoice, Selection};

pub use crate::address::Tab;

/// How the page is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// The whole dashboard.
    #[default]
    Page,
    /// Inside another site's iframe: no page chrome.
    Embed,
    /// One chart per slide, full screen, large type.
    Present,
}

/// What an embed shows besides the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The chart's title.
    pub title: bool,
    /// The source line.
    pub source: bool,
    /// The cohort selector.
    pub selector: bool,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        Self {
            title: true,
            source: true,
            selector: false,
        }
    }
}

/// One slide of a presentation: a chart for a cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// Which chart.
    pub chart: ChartId,
    /// For which cohort.
    pub cohort: CohortChoice,
}

/// The whole view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// Cohort, subject, year and hidden series.
    pub selection: Selection,
    /// Tabs other than the chart tab, per chart.
    pub tabs: BTreeMap<ChartId, Tab>,
    /// The chart the link is about (scrolled into view; the one an embed shows).
    pub chart: Option<ChartId>,
    /// Page, embed or presentation.
    pub mode: Mode,
    /// A theme chosen in the link (it wins over the system setting).
    pub theme: Option<Theme>,
    /// What an embed shows.
    pub embed: EmbedOptions,
    /// A presenter's chosen slides; empty means the three charts for the current cohort.
    pub deck: Vec<Slide>,
    /// The slide shown, from 0.
    pub slide: usize,
}

impl View {
    /// The tab a chart shows.
    pub fn tab(&self, chart: ChartId) -> Tab {
        self.tabs.get(&chart).copied().unwrap_or_default()
    }

    /// The slides of the presentation: the chosen deck, or each chart for the current cohort.
    pub fn slides(&self) -> Vec<Slide> {
        if self.deck.is_empty() {
            ChartId::all()
                .map(|chart| Slide {
                    chart,
                    cohort: self.selection.cohort.clone(),
                })
                .collect()
        } else {
            self.deck.clone()
        }
    }

    /// This view on slide `i`. The presenter clamps it to its deck, whose length depends on
    /// the screen (a chart may take a slide per subject, or be split).
    pub fn at_slide(&self, i: usize) -> Self {
        let mut v = self.clone();
        v.slide = i;
        v
    }

    /// This view with one chart's tab changed.
    pub fn with_tab(&self, chart: ChartId, tab: Tab) -> Self {
        let mut v = self.clone();
        if tab == Tab::Chart {
            v.tabs.remove(&chart);
        } else {
            v.tabs.insert(chart, tab);
        }
        v.chart = Some(chart);
        v
    }

    /// This view with a series shown or hidden.
    pub fn with_series_toggled(&self, chart: ChartId, series: &str) -> Self {
        let mut v = self.clone();
        if !v.selection.hidden.remove(series) {
            v.selection.hidden.insert(series.to_string());
        }
        v.chart = Some(chart);
        v
    }

    /// This view with school series `series` brought forward (drawn in colour, the other
    /// schools muted), from chart `chart`.
    pub fn with_focus(&self, chart: ChartId, series: &str) -> Self {
        let mut v = self.clone();
        v.selection.focus = Some(series.to_string());
        v.chart = Some(chart);
        v
    }

    /// Reads a view from link parameters (`get` returns a parameter's value). Every value
    /// that cannot be used falls back to its default and adds a notice saying what was
    /// ignored.
    pub fn from_params(
        get: impl Fn(&str) -> Option<String>,
        dataset: &Dataset,
    ) -> (Self, Vec<String>) {
        let mut notices = Vec::new();
        let mut view = View::default();
        if let Some(id) = get("cohort") {
            match CohortChoice::from_id(dataset, &id) {
                CohortChoice::Programme if id != "all" => notices.push(format!(
                    "The link asks for {} \u{201c}{id}\u{201d}, which this dataset does not have: showing {}.",
                    dataset.cohort_word(),
                    CohortChoice::Programme.name(dataset).to_lowercase()
                )),
                choice => view.selection.cohort = choice,
            }
        }
        if let Some(s) = get("subject") {
            match Subject::ALL
                .into_iter()
                .find(|x| x.label().to_lowercase() == s)
            {
                Some(subject) => view.selection.subject = Some(subject),
                None if s == "all" => {}
                None => notices.push(format!(
                    "The link asks for subject \u{201c}{s}\u{201d}: showing all three subjects."
                )),
            }
        }
        if let Some(p) = get("pupils") {
            match PupilGroup::ALL.into_iter().find(|g| g.id() == p) {
                Some(g) => view.selection.pupils = g,
                None => notices.push(format!(
                    "The link asks for pupils \u{201c}{p}\u{201d}: all, disadvantaged or non-disadvantaged; showing all pupils."
                )),
            }
        }
        if let Some(y) = get("year") {
            let years = school_years(dataset);
            match y.parse::<u16>() {
                Ok(year) if years.contains(&year) => {
                    // The latest year is the default: keep links canonical.
                    if years.last() != Some(&year) {
                        view.selection.year = Some(year);
                    }
                }
                _ => notices.push(format!(
                    "The link asks for year \u{201c}{y}\u{201d}, which this dataset has no school figures for: showing {}.",
                    years.last().map_or_else(|| "the latest year".to_string(), |l| l.to_string())
                )),
            }
        }
        if let Some(list) = get("hide") {
            let known = series_ids(dataset);
            for id in list.split(',').filter(|s| !s.is_empty()) {
                if known.contains(id) {
                    view.selection.hidden.insert(id.to_string());
                } else {
                    notices.push(format!(
                        "The link hides \u{201c}{id}\u{201d}, which no chart has: ignored."
                    ));
                }
            }
        }
        if let Some(id) = get("focus") {
            // A school of this dataset (a school of another cohort is kept: the chart then
            // brings its first forward).
            if dataset
                .raw()
                .schools
                .iter()
                .any(|s| crate::charts::schools::series_of(s.urn) == id)
            {
                view.selection.focus = Some(id);
            } else {
                notices.push(format!(
                    "The link brings forward \u{201c}{id}\u{201d}, which is not a school of this dataset: ignored."
                ));
            }
        }
        if let Some(list) = get(crate::address::TAB) {
            let (tabs, unknown) = crate::address::read_tabs(&list);
            view.tabs.extend(tabs);
            for pair in unknown {
                notices.push(format!(
                    "The link asks for tab \u{201c}{pair}\u{201d}, which does not exist: showing the chart."
                ));
            }
        }
        if get("embed").is_some() {
            view.mode = Mode::Embed;
        }
        if get("present").is_some() {
            view.mode = Mode::Present;
        }
        if let Some(t) = get("theme") {
            match Theme::from_id(&t) {
                Some(theme) => view.theme = Some(theme),
                None => notices.push(format!(
                    "The link asks for theme \u{201c}{t}\u{201d}: light, contrast or dark; following the system setting."
                )),
            }
        }
        for (key, flag) in [("title", 0), ("source", 1), ("selector", 2)] {
            if let Some(v) = get(key) {
                let on = match v.as_str() {
                    "1" | "yes" | "true" | "" => true,
                    "0" | "no" | "false" => false,
                    _ => {
                        notices.push(format!(
                            "The link sets {key} to \u{201c}{v}\u{201d}: expected 1 or 0."
                        ));
                        continue;
                    }
                };
                match flag {
                    0 => view.embed.title = on,
                    1 => view.embed.source = on,
                    _ => view.embed.selector = on,
                }
            }
        }
        if let Some(list) = get("deck") {
            for item in list.split(',').filter(|s| !s.is_empty()) {
                let (c, cohort) = item.split_once(':').unwrap_or((item, "all"));
                let chart = ChartId::from_id(c);
                let choice = CohortChoice::from_id(dataset, cohort);
                let known = cohort == "all" || choice != CohortChoice::Programme;
                match (chart, known) {
                    (Some(chart), true) => view.deck.push(Slide { chart, cohort: choice }),
                    _ => notices.push(format!(
                        "The deck lists \u{201c}{item}\u{201d}, which is not a chart and cohort of this dataset: left out."
                    )),
                }
            }
        }
        if let Some(n) = get("slide") {
            // A slide past the end of the deck shows the last (the deck's length depends on
            // the screen).
            match n.parse::<usize>() {
                Ok(k) if k >= 1 => view.slide = k - 1,
                _ => notices.push(format!(
                    "The link asks for slide \u{201c}{n}\u{201d}, which is not a slide number: starting at the first."
                )),
            }
        }
        if let Some(c) = get("chart") {
            match ChartId::from_id(&c) {
                Some(chart) => view.chart = Some(chart),
                None => notices.push(format!(
                    "The link points at chart \u{201c}{c}\u{201d}, which does not exist."
                )),
            }
        }
        (view, notices)
    }

    /// The view as a query string (`?cohort=esprit&subject=maths`), empty for the default
    /// view. Every value is an id of lowercase letters, digits and hyphens, so none needs
    /// escaping.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let sel = &self.selection;
        if let CohortChoice::Cohort(id) = &sel.cohort {
            parts.push(format!("cohort={id}"));
        }
        if let Some(s) = sel.subject {
            parts.push(format!("subject={}", s.label().to_lowercase()));
        }
        if sel.pupils != PupilGroup::All {
            parts.push(format!("pupils={}", sel.pupils.id()));
        }
        if let Some(y) = sel.year {
            parts.push(format!("year={y}"));
        }
        if !sel.hidden.is_empty() {
            parts.push(format!(
                "hide={}",
                sel.hidden.iter().cloned().collect::<Vec<_>>().join(",")
            ));
        }
        if let Some(f) = &sel.focus {
            parts.push(format!("focus={f}"));
        }
        parts.extend(crate::address::tab_part(
            self.tabs.iter().map(|(c, t)| (c.id(), t.id())),
        ));
        if let Some(c) = self.chart {
            parts.push(format!("chart={}", c.id()));
        }
        match self.mode {
            Mode::Page => {}
            Mode::Embed => {
                parts.push("embed".to_string());
                let d = EmbedOptions::default();
                for (key, on, default) in [
                    ("title", self.embed.title, d.title),
                    ("source", self.embed.source, d.source),
                    ("selector", self.embed.selector, d.selector),
                ] {
                    if on != default {
                        parts.push(format!("{key}={}", u8::from(on)));
                    }
                }
            }
            Mode::Present => {
                parts.push("present".to_string());
                if !self.deck.is_empty() {
                    let deck: Vec<String> = self
                        .deck
                        .iter()
                        .map(|s| format!("{}:{}", s.chart.id(), s.cohort.id()))
                        .collect();
                    parts.push(format!("deck={}", deck.join(",")));
                }
                if self.slide > 0 {
                    parts.push(format!("slide={}", self.slide + 1));
                }
            }
        }
        if let Some(t) = self.theme {
            parts.push(format!("theme={}", t.id()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Every series id a legend can hide in this dataset.
fn series_ids(dataset: &Dataset) -> BTreeSet<String> {
    let raw = dataset.raw();
    raw.areas
        .iter()
        .map(|a| a.id.clone())
        .chain(raw.ofsted_distributions.iter().map(|d| d.id.clone()))
        .chain(
            raw.schools
                .iter()
                .map(|s| crate::charts::schools::series_of(s.urn)),
        )
        .chain([
            crate::charts::schools::COHORT_MEAN.to_string(),
            crate::charts::schools::LIKE_FOR_LIKE.to_string(),
            crate::charts::progress::SCHOOLS.to_string(),
            crate::charts::ofsted::COHORT_BAR.to_string(),
            crate::provenance::NEIGHBOURS.to_string(),
        ])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;
    use std::collections::HashMap;

    fn parse(query: &str) -> (View, Vec<String>) {
        let params: HashMap<String, String> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| kv.split_once('=').unwrap_or((kv, "")))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        View::from_params(|k| params.get(k).cloned(), &bundled())
    }

    #[test]
    fn the_default_view_has_an_empty_query() {
        assert_eq!(View::default().to_query(), "");
        assert_eq!(parse(""), (View::default(), vec![]));
    }

    #[test]
    fn every_part_of_the_view_round_trips() {
        let ds = bundled();
        let mut view = View::default();
        view.selection.cohort = CohortChoice::Cohort("esprit".into());
        view.selection.subject = Some(Subject::Maths);
        view.selection.hidden = ["england".to_string(), "programme-16".to_string()].into();
        view = view.with_focus(crate::charts::schools::ID, "urn-133328");
        view = view.with_tab(crate::charts::ofsted::ID, Tab::Table);
        view = view.with_tab(crate::charts::progress::ID, Tab::Sources);
        let q = view.to_query();
        assert_eq!(
            q,
            "?cohort=esprit&subject=maths&hide=england,programme-16&focus=urn-133328&tab=ks2-progress:sources,ofsted:table&chart=ks2-progress"
        );
        let (back, notices) = parse(&q);
        assert_eq!(back, view);
        assert!(notices.is_empty());
        let _ = ds;
    }

    #[test]
    fn unknown_values_fall_back_with_a_notice_each() {
        let (view, notices) =
            parse("?cohort=atlantis&subject=latin&year=1999&hide=mars&focus=urn-1&tab=ofsted:pie&chart=map");
        assert_eq!(view, View::default());
        assert_eq!(notices.len(), 7, "{notices:#?}");
        assert!(notices[0].contains("network \u{201c}atlantis\u{201d}"));
        assert!(notices[0].ends_with("showing all named schools (7 of 55)."));
        assert!(notices[2].contains("showing 2019"));
    }

    #[test]
    fn the_latest_year_is_not_written_into_links() {
        let (view, notices) = parse("?year=2019");
        assert_eq!(view.selection.year, None);
        assert!(notices.is_empty());
    }

    #[test]
    fn choosing_the_chart_tab_again_removes_it_from_the_link() {
        let v = View::default()
            .with_tab(crate::charts::ofsted::ID, Tab::Table)
            .with_tab(crate::charts::ofsted::ID, Tab::Chart);
        assert_eq!(v.tab(crate::charts::ofsted::ID), Tab::Chart);
        assert_eq!(v.to_query(), "?chart=ofsted");
    }

    #[test]
    fn a_presentation_round_trips_with_its_deck_and_slide() {
        let (view, notices) = parse("?present&deck=ks2-progress:seven-stars,ofsted:all,disadvantaged:esprit&slide=3&theme=dark");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(view.mode, Mode::Present);
        assert_eq!(view.slides().len(), 3);
        assert_eq!(view.slide, 2);
        assert_eq!(
            view.slides()[0].cohort,
            CohortChoice::Cohort("seven-stars".into())
        );
        assert_eq!(view.theme, Some(Theme::Dark));
        let (back, _) = parse(&view.to_query());
        assert_eq!(back, view);
        assert_eq!(
            view.at_slide(5).slide,
            5,
            "the presenter clamps to its deck"
        );
    }

    #[test]
    fn without_a_deck_the_slides_are_the_three_charts_for_the_cohort() {
        let (view, _) = parse("?present&cohort=compass");
        let slides = view.slides();
        assert_eq!(
            slides.iter().map(|s| s.chart).collect::<Vec<_>>(),
            ChartId::all().collect::<Vec<_>>()
        );
        assert!(slides
            .iter()
            .all(|s| s.cohort == CohortChoice::Cohort("compass".into())));
    }

    #[test]
    fn an_embed_keeps_its_options_in_the_link() {
        let (view, notices) =
            parse("?embed&chart=ofsted&cohort=esprit&title=0&selector=1&theme=contrast");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(view.mode, Mode::Embed);
        assert_eq!(
            view.embed,
            EmbedOptions {
                title: false,
                source: true,
                selector: true
            }
        );
        assert_eq!(parse(&view.to_query()).0, view);
    }

    #[test]
    fn a_bad_deck_entry_slide_or_theme_is_left_out_with_a_notice() {
        let (view, notices) =
            parse("?present&deck=ofsted:all,pie:all,ks2-progress:atlantis&slide=zero&theme=neon");
        assert_eq!(view.deck.len(), 1);
        assert_eq!(view.slide, 0);
        assert_eq!(view.theme, None);
        assert_eq!(notices.len(), 4, "{notices:#?}");
    }

    #[test]
    fn toggling_a_series_twice_shows_it_again() {
        let v = View::default()
            .with_series_toggled(crate::charts::progress::ID, "schools")
            .with_series_toggled(crate::charts::progress::ID, "schools");
        assert!(v.selection.hidden.is_empty());
    }
}
