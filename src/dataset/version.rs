//! The schema version check: a file of another version is refused with a message naming the
//! version this build reads, rather than a list of every field that changed; and how a JSON
//! path is written for a person.

use serde::Deserialize;

use crate::error::{DataError, DataErrors, Problem};
use crate::model::SCHEMA_VERSION;

/// Refuses a file of another schema version, so the message says "version 3 is not
/// supported" rather than listing every field that changed. Only read where the full parse
/// failed: a file that parses pays for one reading, not two.
pub(super) fn check_version(text: &str) -> Result<(), DataErrors> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<Found>,
    }
    // A file that is not JSON at all is reported by the full parse, with its path.
    // Through the dataset's own reading (`super::parse`): serde_json's reading code is in the
    // page's wasm once.
    let Ok(probe) = super::parse::<Probe>(&mut text.as_bytes()) else {
        return Ok(());
    };
    match probe.schema_version {
        Some(Found::Number(n)) if n == f64::from(SCHEMA_VERSION) => Ok(()),
        Some(found) => Err(unsupported_version(found.to_string())),
        None => Err(unsupported_version("missing".to_string())),
    }
}

/// The file's `schema_version` (as written) is not the one this build reads.
pub(super) fn unsupported_version(found: String) -> DataErrors {
    DataErrors::one(DataError::at(
        "schema_version",
        Problem::UnsupportedVersion {
            found,
            expected: SCHEMA_VERSION,
        },
    ))
}

/// What a file gives as its `schema_version`, written back as JSON writes it (`3`, `"2"`,
/// `null`; a list or an object in short). Read without `serde_json::Value`, whose parser and
/// printer would otherwise be in the page's wasm for this one field.
enum Found {
    Number(f64),
    Text(String),
    Other(&'static str),
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Found::Number(n) => write!(f, "{n}"),
            Found::Text(t) => write!(f, "\"{t}\""),
            Found::Other(o) => f.write_str(o),
        }
    }
}

impl<'de> Deserialize<'de> for Found {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Found;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a schema version")
            }
            fn visit_u64<E>(self, v: u64) -> Result<Found, E> {
                Ok(Found::Number(v as f64))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Found, E> {
                Ok(Found::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Found, E> {
                Ok(Found::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Found, E> {
                Ok(Found::Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Found, E> {
                Ok(Found::Other(if v { "true" } else { "false" }))
            }
            fn visit_unit<E>(self) -> Result<Found, E> {
                Ok(Found::Other("null"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Found::Other("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Found::Other("an object"))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The root has no path; a person reads `(root)` better than nothing.
pub(super) fn display_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        "(root)".to_string()
    } else {
        path.to_string()
    }
}
