//! The disadvantaged-pupils chart's figures as tables.

use leptos::prelude::*;

use super::progress_table::cell_text;
use crate::aggregate::DisadvantageChart;
use crate::format;

/// Progress of disadvantaged pupils per subject with the gap, then FSM eligibility.
#[component]
pub fn DisadvantageTable(model: Memo<DisadvantageChart>) -> impl IntoView {
    let local = move || model.with(|m| m.local_name.clone());
    view! {
        <table class="data-table" data-testid="table-disadvantaged">
            <caption>"Progress of disadvantaged pupils"
                {move || model.with(|m| m.year.map(|y| format!(", {y}")).unwrap_or_default())}
            </caption>
            <thead>
                <tr>
                    <th scope="col">"Subject"</th>
                    <th scope="col" class="num">{local}</th>
                    <th scope="col" class="num">"England"</th>
                    <th scope="col" class="num">"Difference"</th>
                </tr>
            </thead>
            <tbody>
                {move || model.with(|m| m.rows.iter().map(|r| {
                    let gap = r.gap().map_or_else(|| "not published".to_string(), format::progress);
                    view! {
                        <tr>
                            <th scope="row">{r.subject.label()}</th>
                            <td class="num">{r.local.as_ref().map_or_else(|| "hidden".to_string(), cell_text)}</td>
                            <td class="num">{r.england.as_ref().map_or_else(|| "hidden".to_string(), cell_text)}</td>
                            <td class="num">{gap}</td>
                        </tr>
                    }
                }).collect_view())}
            </tbody>
        </table>
        <table class="data-table" data-testid="table-fsm">
            <caption>"Primary pupils eligible for free school meals"</caption>
            <thead>
                <tr>
                    <th scope="col">"Area"</th>
                    <th scope="col" class="num">"Share of pupils"</th>
                    <th scope="col">"Year"</th>
                </tr>
            </thead>
            <tbody>
                {move || model.with(|m| m.fsm.iter().map(|b| view! {
                    <tr>
                        <th scope="row">{b.label.clone()}</th>
                        <td class="num">{format::percent(b.percent)}</td>
                        <td>{b.year.map_or_else(|| "not given by the source".to_string(), |y| y.to_string())}</td>
                    </tr>
                }).collect_view())}
            </tbody>
        </table>
    }
}
