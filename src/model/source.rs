//! Where figures come from: every document a figure cites, and a count with its source.

use serde::{Deserialize, Serialize};

/// A document that figures cite.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short stable id that figures refer to.
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, in words when the source gives no date.
    pub date: String,
    /// A one-line citation shown under charts.
    pub citation: String,
    /// Where it can be found, when there is an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// When it was published, for people: ISO dates in words.
    pub fn when(&self) -> String {
        crate::format::dates_in_words(&self.date)
    }

    /// When it was published, unless the title already says it ("… as at 31 July 2018"), so
    /// no date is written twice.
    pub fn when_not_in_title(&self) -> Option<String> {
        let when = self.when();
        let head = when.split(" (").next().unwrap_or(&when);
        (!head.is_empty() && !self.title.contains(head)).then_some(when)
    }

    /// "Publisher, when. " for a list of sources, after the title.
    pub fn publisher_and_when(&self) -> String {
        match self.when_not_in_title() {
            Some(when) => format!("{}, {when}. ", self.publisher),
            None => format!("{}. ", self.publisher),
        }
    }

    /// "Publisher, Title": the source named, for a tooltip or a fact.
    pub fn named(&self) -> String {
        format!("{}, {}", self.publisher, self.title)
    }

    /// "Publisher, Title, when" for a source line.
    pub fn cited(&self) -> String {
        match self.when_not_in_title() {
            Some(when) => format!("{}, {when}", self.named()),
            None => self.named(),
        }
    }
}

/// A whole number with the source it came from.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedCount {
    /// The number.
    pub value: u32,
    /// Id of the source.
    pub source: String,
}
