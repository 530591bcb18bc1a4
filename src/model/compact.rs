//! Two small types that let a school's yearly rows be held compactly: all of England over four
//! years is 65,000 KS2 rows, and the page keeps every one of them in memory.
//!
//! - [`Maybe`]: a figure that may be absent, in the 8 bytes of an `f64` rather than the 16 of
//!   an `Option<f64>` (absent is a NaN, which no JSON number is).
//! - [`SourceId`]: a source's id, shared by every row that cites it: a dataset read through
//!   [`interning`] holds each id once, where each row held its own `String`.
//!
//! Both read and write exactly as `Option<f64>` and `String` do, so the file's shape and its
//! JSON schema do not change. Written here rather than taken from a crate: the interning is
//! scoped to one reading (no table that outlives it and grows with every file a reader
//! loads), which the interning crates (`internment`, `string-interner`) do not offer.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A figure that may be absent ("not published", never zero), in 8 bytes: read it with
/// [`Maybe::get`]. It reads and writes as an `Option<f64>`.
#[derive(Clone, Copy)]
pub struct Maybe(f64);

impl Maybe {
    /// No figure.
    pub const NONE: Maybe = Maybe(f64::NAN);

    /// A figure.
    pub fn some(v: f64) -> Self {
        Maybe(v)
    }

    /// The figure, if there is one.
    pub fn get(self) -> Option<f64> {
        (!self.0.is_nan()).then_some(self.0)
    }

    /// Whether there is no figure.
    pub fn is_none(&self) -> bool {
        self.0.is_nan()
    }
}

impl Default for Maybe {
    fn default() -> Self {
        Maybe::NONE
    }
}

/// `Some(NaN)` is no figure: a NaN is never a published number.
impl From<Option<f64>> for Maybe {
    fn from(v: Option<f64>) -> Self {
        Maybe(v.unwrap_or(f64::NAN))
    }
}

impl From<Maybe> for Option<f64> {
    fn from(v: Maybe) -> Self {
        v.get()
    }
}

impl PartialEq for Maybe {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for Maybe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl Serialize for Maybe {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Maybe {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<f64>::deserialize(d).map(Maybe::from)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Maybe {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Option<f64>>::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<f64>>::json_schema(generator)
    }
}

/// The id of a source a figure cites, shared by every figure that cites it. It reads and
/// writes as a string; it is 8 bytes in wasm, where a `String` was 12 and its own allocation.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(Arc<str>);

impl SourceId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SourceId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SourceId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SourceId {
    fn from(s: &str) -> Self {
        SourceId(intern(s))
    }
}

impl From<&SourceId> for SourceId {
    fn from(s: &SourceId) -> Self {
        s.clone()
    }
}

impl From<String> for SourceId {
    fn from(s: String) -> Self {
        SourceId::from(s.as_str())
    }
}

impl From<SourceId> for String {
    fn from(s: SourceId) -> Self {
        s.0.to_string()
    }
}

impl PartialEq<String> for SourceId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SourceId> for String {
    fn eq(&self, other: &SourceId) -> bool {
        **self == *other.0
    }
}

impl PartialEq<&str> for SourceId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for SourceId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SourceId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Id;
        impl serde::de::Visitor<'_> for Id {
            type Value = SourceId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a source's id")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SourceId, E> {
                Ok(SourceId::from(v))
            }
        }
        d.deserialize_str(Id)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for SourceId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

thread_local! {
    /// The ids met so far by the reading under way, if one is.
    static TABLE: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
}

/// One shared copy of `s` while a reading is under way ([`interning`]), else a copy of its own.
fn intern(s: &str) -> Arc<str> {
    TABLE.with(|t| match t.borrow_mut().as_mut() {
        Some(table) => match table.get(s) {
            Some(id) => Arc::clone(id),
            None => {
                let id: Arc<str> = Arc::from(s);
                table.insert(Arc::clone(&id));
                id
            }
        },
        None => Arc::from(s),
    })
}

/// Runs `f` (a reading) with one shared copy of each source id it makes; the table goes
/// when it ends, so nothing outlives the reading but the ids themselves.
pub fn interning<R>(f: impl FnOnce() -> R) -> R {
    let before = TABLE.with(|t| t.replace(Some(HashSet::new())));
    let out = f();
    TABLE.with(|t| t.replace(before));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_figure_reads_and_writes_as_null_and_stays_absent() -> serde_json::Result<()> {
        let v: Vec<Maybe> = serde_json::from_str("[1.5, null, -0.0]")?;
        assert_eq!(v[0].get(), Some(1.5));
        assert_eq!(v[1].get(), None);
        assert_eq!(v[2].get(), Some(-0.0));
        assert_eq!(serde_json::to_string(&v)?, "[1.5,null,-0.0]");
        assert_eq!(Maybe::from(Some(f64::NAN)), Maybe::NONE);
        assert_ne!(Maybe::some(0.0), Maybe::NONE, "zero is a figure, not none");
        assert_eq!(std::mem::size_of::<Maybe>(), 8);
        Ok(())
    }

    #[test]
    fn a_reading_shares_each_source_id_and_keeps_no_table_after() -> serde_json::Result<()> {
        let ids: Vec<SourceId> =
            interning(|| serde_json::from_str(r#"["ks2-1","ks2-2","ks2-1"]"#))?;
        assert!(Arc::ptr_eq(&ids[0].0, &ids[2].0), "one copy of ks2-1");
        assert!(!Arc::ptr_eq(&ids[0].0, &ids[1].0));
        assert_eq!(ids[1], "ks2-2");
        assert_eq!(serde_json::to_string(&ids)?, r#"["ks2-1","ks2-2","ks2-1"]"#);
        assert!(
            TABLE.with(|t| t.borrow().is_none()),
            "the table went with the reading"
        );
        let apart: Vec<SourceId> = serde_json::from_str(r#"["a","a"]"#)?;
        assert!(
            !Arc::ptr_eq(&apart[0].0, &apart[1].0),
            "outside a reading, own copies"
        );
        Ok(())
    }
}
