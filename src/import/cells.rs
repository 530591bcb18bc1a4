//! One cell at a time: URNs, numbers as published, DfE's "no figure" symbols, years in file
//! names, dates (ISO, DD/MM/YYYY, Excel day numbers) and Ofsted judgements.

use super::*;

/// True for the values DfE and EES print where no figure is published.
pub fn is_not_published(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_uppercase().as_str(),
        "" | "SUPP" | "NE" | "LOWCOV" | "NP" | "NA" | "N/A" | "X" | "C" | "Z" | ":" | "LOW"
    )
}

pub(super) fn number(
    file: &str,
    line: usize,
    column: &str,
    v: &str,
    what: &str,
) -> Result<Option<f64>, ImportError> {
    if is_not_published(v) {
        return Ok(None);
    }
    match v.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(x)),
        _ => Err(err(
            file,
            line,
            column,
            format!("{what} or SUPP, NE, LOWCOV, NP or empty"),
            quoted(v),
        )),
    }
}

pub(super) fn urn(file: &str, line: usize, column: &str, v: &str) -> Result<Urn, ImportError> {
    v.trim()
        .parse::<Urn>()
        .ok()
        .filter(|u| (100_000..=999_999).contains(u))
        .ok_or_else(|| err(file, line, column, "a six-digit URN", quoted(v)))
}

/// A year cell (`crate::dates::year`), or an error naming what was expected.
pub(super) fn year_cell(
    file: &str,
    line: usize,
    column: &str,
    v: &str,
) -> Result<u16, ImportError> {
    crate::dates::year(v).ok_or_else(|| {
        err(
            file,
            line,
            column,
            "a year such as 2019 (1990 to 2100)",
            quoted(v),
        )
    })
}

/// A four-digit year 2000–2099 in a file name, e.g. `england_ks2_2019_schools.csv` → 2019.
/// DfE names a download folder by its academic year, `2018-2019`: that is 2019 (the year the
/// tests were sat), not 2018.
pub fn year_in_name(name: &str) -> Option<u16> {
    let b = name.as_bytes();
    let years: Vec<(usize, u16)> = (0..b.len().saturating_sub(3))
        .filter_map(|i| {
            let w = b.get(i..i + 4)?;
            let digits = w.iter().all(u8::is_ascii_digit);
            let before = i == 0 || !b[i - 1].is_ascii_digit();
            let after = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
            if digits && before && after && w.starts_with(b"20") {
                Some((i, std::str::from_utf8(w).ok()?.parse().ok()?))
            } else {
                None
            }
        })
        .collect();
    for pair in years.windows(2) {
        let ((i, a), (j, z)) = (pair[0], pair[1]);
        if j == i + 5 && z == a + 1 && matches!(b.get(i + 4), Some(b'-' | b'_')) {
            return Some(z);
        }
    }
    years.first().map(|(_, y)| *y)
}

/// A date written in a file name (`…_2018-07-31.csv`), as `YYYY-MM-DD`.
pub(super) fn date_in_name(name: &str) -> Option<String> {
    (0..name.len().saturating_sub(9)).find_map(|i| {
        let s = name.get(i..i + 10)?;
        is_iso_date(s).then(|| s.to_string())
    })
}

/// Windows-1252's characters for bytes 0x80–0x9F (the rest of the upper half is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a byte-order mark).
    Utf8,
    /// Not UTF-8: read as Windows-1252, what Excel's "CSV (Comma delimited)" writes.
    Windows1252,
}

/// A file's bytes as text: UTF-8, else Windows-1252 (Excel's default CSV). An Excel
/// workbook or other binary file is refused with what to do instead. Written here rather
/// than taking `encoding_rs`: Windows-1252 is one 32-entry table, and the page's wasm stays
/// smaller.
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(err(
            name,
            0,
            "file",
            "a CSV file: in Excel choose File, Save As, \u{201c}CSV UTF-8 (Comma delimited) (*.csv)\u{201d}",
            "an Excel workbook (.xlsx)",
        ));
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(err(
            name,
            0,
            "file",
            "a CSV file: in Excel choose File, Save As, \u{201c}CSV UTF-8 (Comma delimited) (*.csv)\u{201d}",
            "an old Excel workbook (.xls)",
        ));
    }
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Ok((t.to_string(), Encoding::Utf8));
    }
    if bytes.contains(&0) {
        return Err(err(
            name,
            0,
            "file",
            "a text (CSV or JSON) file",
            "binary data",
        ));
    }
    let text = bytes
        .iter()
        .map(|b| match *b {
            0x80..=0x9f => CP1252_HIGH[usize::from(*b - 0x80)],
            b => char::from(b),
        })
        .collect();
    Ok((text, Encoding::Windows1252))
}

pub use crate::format::slug;

/// An Excel serial day (1900 system) as `YYYY-MM-DD`: 42803 → 2017-03-09.
pub fn excel_date(serial: i64) -> String {
    crate::dates::from_day_number(serial - 25_569)
}

/// An inspection date as ISO `YYYY-MM-DD`, an Excel day number, or `DD/MM/YYYY`.
pub(super) fn date(file: &str, line: usize, column: &str, v: &str) -> Result<String, ImportError> {
    let t = v.trim();
    let bad = || {
        err(
            file,
            line,
            column,
            "a date (YYYY-MM-DD, DD/MM/YYYY or an Excel day number)",
            quoted(v),
        )
    };
    if is_iso_date(t) {
        return Ok(t.to_string());
    }
    if let Ok(serial) = t.parse::<i64>() {
        // Day 1 is 1900-01-01; 80,000 is in 2119: anything outside is not a date.
        return if (1..80_000).contains(&serial) {
            Ok(excel_date(serial))
        } else {
            Err(bad())
        };
    }
    let parts: Vec<&str> = t.split('/').collect();
    if let [d, m, y] = parts.as_slice() {
        let iso = format!("{y:0>4}-{m:0>2}-{d:0>2}");
        if is_iso_date(&iso) {
            return Ok(iso);
        }
    }
    Err(bad())
}

/// An overall-effectiveness value: 1–4, the words, or "not graded".
pub(super) fn judgement(
    file: &str,
    line: usize,
    column: &str,
    v: &str,
) -> Result<Option<Judgement>, ImportError> {
    let t = v.trim().to_ascii_lowercase();
    Ok(Some(match t.as_str() {
        "" | "null" | "na" => return Ok(None),
        "1" | "outstanding" => Judgement::Outstanding,
        "2" | "good" => Judgement::Good,
        "3" | "requires improvement" | "requires_improvement" | "satisfactory" => {
            Judgement::RequiresImprovement
        }
        "4" | "inadequate" | "serious weaknesses" | "special measures" => Judgement::Inadequate,
        "not graded" | "not_graded" | "ungraded" | "9" => Judgement::NotGraded,
        _ => {
            return Err(err(
                file,
                line,
                column,
                "1, 2, 3, 4, Outstanding, Good, Requires improvement, Inadequate or Not graded",
                quoted(v),
            ))
        }
    }))
}
