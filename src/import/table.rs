//! CSV files with their columns found by name and rows with true line numbers, and the
//! collector of every problem found (`file:line: column: expected …, found …`).

use super::*;

/// A CSV file with its columns found by name.
pub(super) struct Table<'a> {
    pub(super) file: &'a str,
    pub(super) headers: Vec<String>,
    pub(super) reader: csv::Reader<&'a [u8]>,
    /// The text read (after any byte-order mark), for line numbers.
    text: &'a str,
}

pub(super) fn err(
    file: &str,
    line: usize,
    column: &str,
    expected: impl Into<String>,
    found: impl Into<String>,
) -> ImportError {
    ImportError {
        file: file.to_string(),
        line,
        column: column.to_string(),
        expected: expected.into(),
        found: found.into(),
    }
}

pub(super) fn quoted(s: &str) -> String {
    if s.is_empty() {
        "an empty value".to_string()
    } else {
        format!("\u{201c}{s}\u{201d}")
    }
}

impl<'a> Table<'a> {
    pub(super) fn open(input: InputFile<'a>) -> Result<Self, ImportError> {
        if input.text.len() > MAX_FILE_BYTES {
            return Err(err(
                input.name,
                0,
                "file",
                format!("at most {} MB", MAX_FILE_BYTES / (1024 * 1024)),
                format!("{} MB", input.text.len() / (1024 * 1024)),
            ));
        }
        let text = input.text.strip_prefix('\u{feff}').unwrap_or(input.text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| err(input.name, 1, "header", "a CSV header row", e.to_string()))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect::<Vec<_>>();
        if headers.iter().all(String::is_empty) {
            return Err(err(
                input.name,
                1,
                "header",
                "a CSV header row",
                "an empty file",
            ));
        }
        Ok(Self {
            file: input.name,
            headers,
            reader,
            text,
        })
    }

    /// The position of the first of `names` present, or an error naming the column.
    pub(super) fn require(&self, names: &[&str]) -> Result<usize, ImportError> {
        self.find(names).ok_or_else(|| {
            err(
                self.file,
                1,
                names.first().copied().unwrap_or("column"),
                format!("a column named {}", names.join(" or ")),
                format!("columns {}", self.headers.join(", ")),
            )
        })
    }

    pub(super) fn find(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| h == n))
    }

    /// Every data row with its line number (header is line 1).
    pub(super) fn rows(&mut self) -> Vec<Result<(usize, csv::StringRecord), ImportError>> {
        let file = self.file;
        let text = self.text.as_bytes();
        // Lines counted from the record's byte offset: the csv crate's own line count is one
        // short in files with CRLF line ends. Records come in order, so counting goes on
        // from the last one.
        let (mut at, mut line_at) = (0usize, 1usize);
        self.reader
            .records()
            .enumerate()
            .map(move |(i, r)| {
                let line = match r.as_ref().ok().and_then(|rec| rec.position()) {
                    Some(p) => {
                        let mut to = usize::try_from(p.byte())
                            .unwrap_or(usize::MAX)
                            .min(text.len());
                        // The offset can point at the line end before the record.
                        while text.get(to).is_some_and(|b| *b == b'\n' || *b == b'\r') {
                            to += 1;
                        }
                        if to >= at {
                            line_at += text.get(at..to).map_or(0, bytecount);
                            at = to;
                        }
                        line_at
                    }
                    None => i + 2,
                };
                r.map(|rec| (line, rec)).map_err(|e| {
                    err(
                        file,
                        i + 2,
                        "row",
                        "a row with as many fields as the header",
                        e.to_string(),
                    )
                })
            })
            .collect()
    }
}

fn bytecount(b: &[u8]) -> usize {
    b.iter().filter(|c| **c == b'\n').count()
}

pub(super) struct Collector {
    pub(super) errors: Vec<ImportError>,
}

impl Collector {
    pub(super) fn take<T>(&mut self, r: Result<T, ImportError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                if self.errors.len() < DataErrors::LIMIT {
                    self.errors.push(e);
                } else {
                    // Past the limit, one last line counts the rest.
                    let more = match self.errors.last() {
                        Some(last) if last.column.is_empty() => last.line + 1,
                        _ => 1,
                    };
                    if more > 1 {
                        self.errors.pop();
                    }
                    self.errors.push(ImportError {
                        file: format!(
                            "and {more} more problem{}",
                            if more == 1 { "" } else { "s" }
                        ),
                        line: more,
                        column: String::new(),
                        expected: String::new(),
                        found: String::new(),
                    });
                }
                None
            }
        }
    }
}
