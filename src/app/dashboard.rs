//! The loaded dashboard: the cohort selector, then the three charts, each drawn by the core
//! for the chosen cohort at the width the page gives it.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_card::ChartCard;
use super::cohort_selector::CohortSelector;
use super::disadvantage_table::DisadvantageTable;
use super::ofsted_table::OfstedTable;
use super::programme_facts::ProgrammeFacts;
use super::progress_table::ProgressTable;
use super::source_list::SourceList;
use crate::aggregate::{disadvantage_chart, ofsted_chart, progress_chart, CohortChoice, Selection};
use crate::charts;
use crate::dataset::Dataset;

/// Width charts are drawn at before the page has been measured.
const DEFAULT_WIDTH: u32 = 960;
// Charts are drawn at the width they are shown at (each card measures its frame into
// `width`), so text stays the same size on a phone and on a projector.

/// The dashboard for one loaded dataset.
#[component]
pub fn Dashboard(dataset: Arc<Dataset>) -> impl IntoView {
    let cohort = RwSignal::new(CohortChoice::Programme);
    let width = RwSignal::new(DEFAULT_WIDTH);
    let ds = dataset.clone();
    let progress = Memo::new(move |_| progress_chart(&ds, &Selection::cohort(cohort.get())));
    let ds = dataset.clone();
    let disadvantage =
        Memo::new(move |_| disadvantage_chart(&ds, &Selection::cohort(cohort.get())));
    let ds = dataset.clone();
    let ofsted = Memo::new(move |_| ofsted_chart(&ds, &Selection::cohort(cohort.get())));

    // Memos: each drawing is made once per (model, width), however often it is read.
    let progress_svg = Memo::new(move |_| progress.with(|m| charts::progress::svg(m, width.get())));
    let disadvantage_svg =
        Memo::new(move |_| disadvantage.with(|m| charts::disadvantage::svg(m, width.get())));
    let ofsted_svg = Memo::new(move |_| ofsted.with(|m| charts::ofsted::svg(m, width.get())));

    let progress_title = Signal::derive(move || progress.with(|m| m.title.clone()));
    let progress_notes =
        Signal::derive(move || progress.with(|m| [m.notes.clone(), m.statements.clone()].concat()));
    let progress_sources = Signal::derive(move || progress.with(|m| m.sources.clone()));
    let disadvantage_title = Signal::derive(move || disadvantage.with(|m| m.title.clone()));
    let disadvantage_notes = Signal::derive(move || {
        disadvantage.with(|m| [m.notes.clone(), m.statements.clone()].concat())
    });
    let disadvantage_sources = Signal::derive(move || disadvantage.with(|m| m.sources.clone()));
    let ofsted_title = Signal::derive(move || ofsted.with(|m| m.title.clone()));
    let ofsted_notes =
        Signal::derive(move || ofsted.with(|m| [m.notes.clone(), m.statements.clone()].concat()));
    let ofsted_sources = Signal::derive(move || ofsted.with(|m| m.sources.clone()));

    let ds_for_cards = dataset.clone();
    let ds_for_facts = dataset.clone();
    let ds_for_selector = dataset.clone();
    let ds_for_sources = dataset.clone();
    view! {
        <ProgrammeFacts dataset=ds_for_facts />
        <CohortSelector dataset=ds_for_selector cohort=cohort />
        <div class="charts">
            <ChartCard
                id="ks2-progress"
                title=progress_title
                explainer="A progress score compares pupils' KS2 results with those of pupils across England who had similar results at KS1. 0 is the national average; +1 means a school's pupils scored on average one mark more than similar pupils nationally."
                svg=progress_svg
                notes=progress_notes
                sources=progress_sources
                dataset=ds_for_cards.clone()
                width=width
            >
                <ProgressTable model=progress />
            </ChartCard>
            <ChartCard
                id="disadvantaged"
                title=disadvantage_title
                explainer="How much progress disadvantaged pupils made, compared with disadvantaged pupils across England, and how many pupils are eligible for free school meals."
                svg=disadvantage_svg
                notes=disadvantage_notes
                sources=disadvantage_sources
                dataset=ds_for_cards.clone()
                width=width
            >
                <DisadvantageTable model=disadvantage />
            </ChartCard>
            <ChartCard
                id="ofsted"
                title=ofsted_title
                explainer="Share of schools at each Ofsted overall-effectiveness judgement, from each school's latest inspection."
                svg=ofsted_svg
                notes=ofsted_notes
                sources=ofsted_sources
                dataset=ds_for_cards
                width=width
            >
                <OfstedTable model=ofsted />
            </ChartCard>
        </div>
        <SourceList dataset=ds_for_sources />
    }
}
