//! The KS2 progress chart's figures as a table: the accessible alternative to the drawing.

use leptos::prelude::*;

use crate::aggregate::{Cell, ProgressChart};
use crate::format;
use crate::model::Subject;

/// One row per entity, one column per subject, written as on the chart.
#[component]
pub fn ProgressTable(model: Memo<ProgressChart>) -> impl IntoView {
    view! {
        <table class="data-table" data-testid="table-ks2-progress">
            <caption>{move || model.with(|m| m.title.clone())} " (progress score)"</caption>
            <thead>
                <tr>
                    <th scope="col">"School or area (year)"</th>
                    {Subject::ALL.map(|s| view! { <th scope="col" class="num">{s.label()}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {move || model.with(|m| m.rows.iter().map(|row| {
                    let label = row.label_with_year();
                    let cells = row.cells.clone();
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {cells.into_iter().map(|c| view! { <td class="num">{cell_text(&c)}</td> }).collect_view()}
                        </tr>
                    }
                }).collect_view())}
            </tbody>
        </table>
    }
}

/// How a cell reads in a table: the value, with the source's words where it gave words.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Value { score, quote, .. } => {
            let mut s = format::progress(score.value);
            if let (Some(lo), Some(hi)) = (score.lower, score.upper) {
                s.push_str(&format!(
                    " ({} to {})",
                    format::progress(lo),
                    format::progress(hi)
                ));
            }
            if let Some(q) = quote {
                s.push_str(&format!(" (\u{201c}{q}\u{201d})"));
            }
            s
        }
        Cell::NotPublished(why) => why.clone(),
    }
}
