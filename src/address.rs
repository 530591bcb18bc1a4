//! The page's address, where the app (`view.rs`) and the static page's enhancer
//! (`enhance/views.rs`, `tabs.rs`) meet: the tabs a card shows and how a `tab=` list reads and
//! is written, which parts of a query name the view, and an address put back together. One
//! grammar, so that an address the enhancer writes is the one the app reads, and back.

use crate::charts::ChartId;

/// The query key of the tabs open other than a chart (`tab=ofsted:table,ks2-progress:sources`).
pub const TAB: &str = "tab";
/// The tests' query flag that keeps the service worker away; kept in every address written.
pub const NO_SERVICE_WORKER: &str = "nosw";

/// What a chart card shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    /// The drawing.
    #[default]
    Chart,
    /// The figures as a table.
    Table,
    /// Sources and notes.
    Sources,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 3] = [Tab::Chart, Tab::Table, Tab::Sources];

    /// Id used in links.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Chart => "chart",
            Tab::Table => "table",
            Tab::Sources => "sources",
        }
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Chart => "Chart",
            Tab::Table => "Table",
            Tab::Sources => "Sources",
        }
    }

    /// The tab of a link's id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// The `chart:tab` pairs of a `tab=` list: those that name a chart and a tab other than the
/// chart's own, and, as they were written, those that do not.
pub fn read_tabs(list: &str) -> (Vec<(ChartId, Tab)>, Vec<String>) {
    let (mut tabs, mut unknown) = (Vec::new(), Vec::new());
    for pair in list.split(',').filter(|s| !s.is_empty()) {
        let parsed = pair
            .split_once(':')
            .and_then(|(c, t)| Some((ChartId::from_id(c)?, Tab::from_id(t)?)));
        match parsed {
            Some((chart, tab)) if tab != Tab::Chart => tabs.push((chart, tab)),
            Some(_) => {}
            None => unknown.push(pair.to_string()),
        }
    }
    (tabs, unknown)
}

/// The `tab=` part of a query for these `(chart id, tab id)` pairs, if any.
pub fn tab_part<'a>(tabs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    let list: Vec<String> = tabs.into_iter().map(|(c, t)| format!("{c}:{t}")).collect();
    (!list.is_empty()).then(|| format!("{TAB}={}", list.join(",")))
}

/// The parts of a query (`?a=1&b`, or without its `?`).
fn parts(search: &str) -> impl Iterator<Item = &str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
}

/// The tabs a page's query names (unknown pairs left out, as the app leaves them).
pub fn tabs_in(search: &str) -> Vec<(ChartId, Tab)> {
    parts(search)
        .filter_map(|p| p.strip_prefix(TAB)?.strip_prefix('='))
        .flat_map(|list| read_tabs(list).0)
        .collect()
}

/// Whether a query keeps the service worker away.
pub fn keeps_no_service_worker(search: &str) -> bool {
    parts(search).any(|p| p == NO_SERVICE_WORKER)
}

/// The part of a query that names the view (`?cohort=…`, or empty): without its tabs and
/// the tests' flag.
pub fn view_query(search: &str) -> String {
    let kept: Vec<&str> = parts(search)
        .filter(|p| *p != NO_SERVICE_WORKER && !p.starts_with(&format!("{TAB}=")))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The address of the page at `path` showing view `query` with `tabs` open (and the tests'
/// flag where `nosw`), as the app writes it.
pub fn address(path: &str, query: &str, tabs: &[(ChartId, Tab)], nosw: bool) -> String {
    let mut all: Vec<String> = parts(query).map(str::to_string).collect();
    all.extend(tab_part(tabs.iter().map(|(c, t)| (c.id(), t.id()))));
    if nosw {
        all.push(NO_SERVICE_WORKER.to_string());
    }
    if all.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", all.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_list_reads_known_pairs_and_names_the_rest() {
        let (tabs, unknown) =
            read_tabs("ofsted:table,ks2-progress:sources,ofsted:chart,map:table,ofsted:pie");
        assert_eq!(
            tabs,
            vec![
                (crate::charts::ofsted::ID, Tab::Table),
                (crate::charts::progress::ID, Tab::Sources)
            ]
        );
        assert_eq!(unknown, vec!["map:table", "ofsted:pie"]);
    }

    #[test]
    fn the_view_query_leaves_out_tabs_and_the_tests_flag() {
        assert_eq!(
            view_query("?cohort=esprit&tab=ofsted:table&nosw"),
            "?cohort=esprit"
        );
        assert_eq!(view_query("?tab=ofsted:table"), "");
        assert_eq!(view_query(""), "");
    }

    #[test]
    fn an_address_puts_the_view_its_tabs_and_the_flag_back_together_as_the_app_reads_it() {
        let tabs = tabs_in("?cohort=esprit&tab=ofsted:table");
        let at = address("/dash/", "?cohort=esprit", &tabs, true);
        assert_eq!(at, "/dash/?cohort=esprit&tab=ofsted:table&nosw");
        assert_eq!(address("/", "", &[], false), "/");
        assert!(keeps_no_service_worker("?a=1&nosw"));
        // What the app writes for the same view reads back the same.
        let ds = crate::testing::bundled();
        let view = crate::view::View::default().with_tab(crate::charts::ofsted::ID, Tab::Table);
        let q = view.to_query();
        assert_eq!(tabs_in(&q), vec![(crate::charts::ofsted::ID, Tab::Table)]);
        let (read, notices) = crate::view::View::from_params(
            |k| {
                parts(at.split_once('?').map_or("", |(_, q)| q))
                    .find_map(|p| p.strip_prefix(&format!("{k}=")).map(str::to_string))
            },
            &ds,
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(read.tab(crate::charts::ofsted::ID), Tab::Table);
    }
}
