//! Renders a core [`DataTable`] as an HTML table (the Table tab).

use leptos::prelude::*;

use crate::table::DataTable;

/// A table with its caption; the first cell of each row heads the row.
#[component]
pub fn DataTableView(table: DataTable, testid: String) -> impl IntoView {
    let numeric: Vec<bool> = table.columns.iter().map(|c| c.numeric).collect();
    let heads = table
        .columns
        .iter()
        .map(|c| {
            let class = if c.numeric { "num" } else { "" };
            view! { <th scope="col" class=class>{c.name.clone()}</th> }
        })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(i, cell)| {
                    let class = if numeric.get(i).copied().unwrap_or(false) {
                        "num"
                    } else {
                        ""
                    };
                    if i == 0 {
                        view! { <th scope="row" class=class>{cell.text}</th> }.into_any()
                    } else {
                        view! { <td class=class>{cell.text}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="data-table__scroll" tabindex="0" role="region" aria-label=table.caption.clone()>
            <table class="data-table" data-testid=testid>
                <caption>{table.caption.clone()}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
