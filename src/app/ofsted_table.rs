//! The Ofsted chart's figures as tables: counts and shares per group, then each named
//! school's latest inspection.

use leptos::prelude::*;

use crate::aggregate::{judgement_shares, OfstedChart};
use crate::format;
use crate::model::Judgement;

/// Counts and shares per group, then the chosen schools' own judgements.
#[component]
pub fn OfstedTable(model: Memo<OfstedChart>) -> impl IntoView {
    view! {
        <table class="data-table" data-testid="table-ofsted">
            <caption>"Schools by Ofsted overall effectiveness: count (share)"</caption>
            <thead>
                <tr>
                    <th scope="col">"Group"</th>
                    {Judgement::ALL.map(|j| view! { <th scope="col" class="num">{j.label()}</th> }).collect_view()}
                    <th scope="col" class="num">"Schools"</th>
                </tr>
            </thead>
            <tbody>
                {move || model.with(|m| m.rows.iter().map(|r| {
                    let cells = judgement_shares(&r.counts);
                    view! {
                        <tr>
                            <th scope="row">{r.label.clone()}</th>
                            {cells.into_iter().map(|(_, n, share)| view! {
                                <td class="num">{format!("{} ({share})", format::count(n))}</td>
                            }).collect_view()}
                            <td class="num">{format::count(r.counts.total())}</td>
                        </tr>
                    }
                }).collect_view())}
            </tbody>
        </table>
        <table class="data-table" data-testid="table-ofsted-schools">
            <caption>"Latest inspection of each named school"</caption>
            <thead>
                <tr>
                    <th scope="col">"School (URN)"</th>
                    <th scope="col">"Inspected"</th>
                    <th scope="col">"Overall effectiveness"</th>
                    <th scope="col">"Leadership and management"</th>
                    <th scope="col">"Note"</th>
                </tr>
            </thead>
            <tbody>
                {move || model.with(|m| m.schools.iter().map(|s| {
                    let name = format!("{} ({})", s.name, s.urn);
                    match &s.inspection {
                        Some(i) => view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{format::date(&i.date)}</td>
                                <td>{i.judgement.label()}</td>
                                <td>{i.leadership_and_management.map_or("not published", |j| j.label())}</td>
                                <td>{i.note.clone().unwrap_or_default()}</td>
                            </tr>
                        }.into_any(),
                        None => view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td colspan="4">"No inspection in the dataset"</td>
                            </tr>
                        }.into_any(),
                    }
                }).collect_view())}
            </tbody>
        </table>
    }
}
