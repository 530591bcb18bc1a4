//! The answer first: the page's question answered from the figures for the chosen schools,
//! above the cards, each sentence with a link to the card that shows it (`crate::answer`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;
use crate::selection::Selection;
use crate::view::View;

/// The answer section; nothing where the dataset has no area figures to answer from.
#[component]
pub fn AnswerSection(dataset: Arc<Dataset>, view: Memo<View>) -> impl IntoView {
    // It follows the cohort alone: a subject, pupils or tab changes nothing here.
    // What it says of the area is the same for every cohort: made once.
    let cohort = Memo::new(move |_| view.with(|v| v.selection.cohort.clone()));
    let area = crate::answer::about_the_area(&dataset);
    let answer = Memo::new(move |_| {
        let sel = Selection::cohort(cohort.get());
        area.as_ref()
            .and_then(|a| crate::answer::for_schools(a, &dataset, &sel))
    });
    move || {
        answer.get().map(|a| {
            view! {
                <section class="answer" aria-labelledby="answer-question" data-testid="answer">
                    <h2 class="answer__question" id="answer-question">{a.question}</h2>
                    <ul class="answer__points">
                        {a.points.into_iter().map(|p| view! {
                            <li class="answer__point">
                                {p.text} " See "
                                <a class="answer__link" href=format!("#{}", p.chart.id())>{p.chart.name()}</a>
                                "."
                            </li>
                        }).collect_view()}
                    </ul>
                    <ul class="answer__caveats" aria-label="Read with care">
                        {a.caveats.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
