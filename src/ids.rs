//! The ids of a card's parts and of the menus, made in this one place: the app's
//! (`ks2-progress-title`) and the static page's, which are the app's with `pre-` before them.
//! A static control names the app's element it stands for (`data-twin`) by these, and the
//! enhancer finds the static parts by them.

/// Before every id of the static page.
pub const STATIC: &str = "pre-";

/// Which copy of the page an id is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    /// The app's.
    App,
    /// The static page's (prerendered, then enhanced).
    Static,
}

/// A part of a card with an id of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The heading, which names the drawing.
    Title,
    /// The summary, which describes it.
    Summary,
    /// The keys hint under it.
    Keys,
    /// The legend's buttons.
    Legend,
    /// The button that shows and hides the legend on a phone.
    LegendToggle,
    /// The menu of the school brought forward.
    Focus,
}

impl Part {
    fn id(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Summary => "summary",
            Part::Keys => "keys",
            Part::Legend => "legend",
            Part::LegendToggle => "legend-toggle",
            Part::Focus => "focus",
        }
    }
}

impl Of {
    fn prefix(self) -> &'static str {
        match self {
            Of::App => "",
            Of::Static => STATIC,
        }
    }

    /// The id of an element of this copy whose app id is `id` (a card, a menu).
    pub fn id(self, id: &str) -> String {
        format!("{}{id}", self.prefix())
    }

    /// A part of chart `chart`'s card.
    pub fn part(self, chart: &str, part: Part) -> String {
        format!("{}{chart}-{}", self.prefix(), part.id())
    }

    /// The button of tab `tab` (`chart`, `table`, `sources`) of chart `chart`'s card.
    pub fn tab(self, chart: &str, tab: &str) -> String {
        format!("{}{chart}-tab-{tab}", self.prefix())
    }

    /// The panel of tab `tab` of chart `chart`'s card.
    pub fn panel(self, chart: &str, tab: &str) -> String {
        format!("{}{chart}-panel-{tab}", self.prefix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_static_id_is_the_apps_with_its_prefix() {
        for (app, st) in [
            (
                Of::App.part("ofsted", Part::Title),
                Of::Static.part("ofsted", Part::Title),
            ),
            (
                Of::App.tab("ofsted", "table"),
                Of::Static.tab("ofsted", "table"),
            ),
            (
                Of::App.panel("ofsted", "chart"),
                Of::Static.panel("ofsted", "chart"),
            ),
            (Of::App.id("cohort-select"), Of::Static.id("cohort-select")),
        ] {
            assert_eq!(st, format!("{STATIC}{app}"));
        }
        assert_eq!(
            Of::App.part("ofsted", Part::LegendToggle),
            "ofsted-legend-toggle"
        );
        assert_eq!(
            Of::App.tab("ks2-progress", "sources"),
            "ks2-progress-tab-sources"
        );
    }
}
