//! The Table tab: a core [`DataTable`] in the one markup the static page has too
//! (`crate::markup::table`).

use leptos::prelude::*;

use crate::table::DataTable;

/// A table with its caption; the first cell of each row heads the row. Long tables show their
/// first `page::TABLE_ROWS_SHOWN` rows of `total` and say so.
#[component]
pub fn DataTableView(table: DataTable, total: usize, testid: String) -> impl IntoView {
    let html = crate::markup::table(&table, total, Some(&testid));
    view! { <div class="markup" inner_html=html></div> }
}
