//! Where in a JSON text an error happened, as a path (`cohorts[2].schools[1]`), found by
//! reading the text up to the place serde_json names (line and column).
//!
//! This replaces `serde_path_to_error`, which wraps every deserializer and visitor the
//! dataset's types use: a second copy of all the parsing code (about 7% of the page's wasm,
//! measured with twiggy for issue 11). Paths are needed only when something is wrong, so
//! they are worked out only then, from the text, at no cost to a file that parses.

/// One open container at the place: an object and the key whose value is being read, or an
/// array and the index of the element being read.
enum Frame {
    Object {
        key: Option<String>,
        awaiting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The byte offset of serde_json's 1-based line and (byte) column, clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    if line <= 1 {
        return column.min(text.len());
    }
    let start = text
        .match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1);
    (start + column).min(text.len())
}

/// The JSON path of the value being read at `line`:`column` of `text`, in the dataset's
/// notation: keys joined by `.`, array indexes in brackets; empty at the root.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset_of(text, line, column);
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                awaiting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, awaiting_key }) => {
                    *key = None;
                    *awaiting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, awaiting_key }) = stack.last_mut() {
                    if *awaiting_key {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                        *key = Some(raw.replace("\\\"", "\"").replace("\\\\", "\\"));
                        *awaiting_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's own error position leads to, for a text and a type.
    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        match serde_json::from_str::<T>(text) {
            Ok(v) => format!("parsed: {v:?}"),
            Err(e) => path_at(text, e.line(), e.column()),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Score {
        value: f64,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct School {
        urn: u32,
        ks2: Vec<Score>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        schools: Vec<School>,
    }

    #[test]
    fn a_wrong_type_deep_in_arrays_is_placed_at_its_key() {
        let text = r#"{"name": "x", "schools": [
            {"urn": 1, "ks2": [{"value": 1.0}]},
            {"urn": 2, "ks2": [{"value": 1.0}, {"value": "two"}]}
        ]}"#;
        assert_eq!(path_of_error::<Doc>(text), "schools[1].ks2[1].value");
    }

    #[test]
    fn a_missing_field_is_placed_at_its_object() {
        let text = r#"{"name": "x", "schools": [{"urn": 1, "ks2": []}, {"ks2": []}]}"#;
        assert_eq!(path_of_error::<Doc>(text), "schools[1]");
    }

    #[test]
    fn a_bare_word_is_placed_where_it_stands() {
        let text = "{\"name\": \"x\",\n \"schools\": [{\"urn\": 1, \"ks2\": [{\"value\": NaN}]}]}";
        assert_eq!(path_of_error::<Doc>(text), "schools[0].ks2[0].value");
    }

    #[test]
    fn strings_with_brackets_quotes_and_commas_do_not_move_the_place() {
        let text = r#"{"name": "a, [b] {c} \"d\", e\\", "schools": [{"urn": "1", "ks2": []}]}"#;
        assert_eq!(path_of_error::<Doc>(text), "schools[0].urn");
    }

    #[test]
    fn an_error_at_the_top_is_the_root() {
        assert_eq!(path_of_error::<Doc>("5"), "");
        assert_eq!(path_of_error::<Doc>(""), "");
    }

    #[test]
    fn a_place_past_the_end_is_clamped() {
        assert_eq!(path_at("{\"a\": [1", 9, 99), "a[0]");
    }
}
