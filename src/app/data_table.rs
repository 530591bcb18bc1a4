//! Renders a core [`DataTable`] as an HTML table (the Table tab).

use leptos::prelude::*;

use crate::table::DataTable;

/// Rows shown in the page; the CSV download has every row.
pub use crate::page::TABLE_ROWS_SHOWN as MAX_ROWS_SHOWN;

/// A table with its caption; the first cell of each row heads the row. Long tables show their
/// first [`MAX_ROWS_SHOWN`] rows and say so.
#[component]
pub fn DataTableView(table: DataTable, testid: String) -> impl IntoView {
    let total = table.rows.len();
    let cut = crate::page::table_cut(total)
        .map(|words| view! { <p class="data-table__cut" data-testid="table-cut">{words}</p> });
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
        .take(MAX_ROWS_SHOWN)
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
        // Scrolled by keyboard (tabindex), named by its table's caption alone: a region named
        // by the caption too would say the chart's title once more.
        <div class="data-table__scroll" tabindex="0">
            <table class="data-table" data-testid=testid>
                <caption>{table.caption.clone()}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {cut}
    }
}
