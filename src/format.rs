//! How numbers are written on the page, in one place so labels, tables and text agree.
//!
//! Negative numbers use the true minus sign (U+2212), as DfE and ONS style guides do, so a
//! minus is as wide as a plus and is read out by screen readers as "minus".

/// A KS2 progress score with one decimal and an explicit sign: `+0.4`, `−0.2`, `0.0`.
pub fn progress(value: f64) -> String {
    // Round first so that -0.04 does not print as "−0.0".
    let rounded = (value * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded < 0.0 {
        format!("\u{2212}{:.1}", -rounded)
    } else {
        "0.0".to_string()
    }
}

/// A progress score at the precision its source publishes, with an explicit sign:
/// `+0.4`, `−0.91`, `0.00`.
pub fn progress_at(value: f64, decimals: u8) -> String {
    let d = usize::from(decimals);
    let f = 10f64.powi(i32::from(decimals));
    let rounded = (value * f).round() / f;
    if rounded > 0.0 {
        format!("+{rounded:.d$}")
    } else if rounded < 0.0 {
        format!("\u{2212}{:.d$}", -rounded)
    } else {
        format!("{:.d$}", 0.0)
    }
}

/// A percentage at the precision its source publishes: `23.0%`, `60%`.
pub fn percent_at(value: f64, decimals: u8) -> String {
    let d = usize::from(decimals);
    format!("{value:.d$}%")
}

/// A difference between two progress scores, in words: `0.4 above`, `0.2 below`, `the same as`.
pub fn difference_words(diff: f64) -> String {
    let rounded = (diff * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("{rounded:.1} above")
    } else if rounded < 0.0 {
        format!("{:.1} below", -rounded)
    } else {
        "the same as".to_string()
    }
}

/// A percentage as published: `23%`, `14.5%` (no trailing `.0`).
pub fn percent(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

/// A share of a whole, rounded to a whole per cent; `<1%` rather than a misleading `0%`.
pub fn share(count: u32, total: u32) -> String {
    if total == 0 {
        return "not published".to_string();
    }
    let pct = f64::from(count) * 100.0 / f64::from(total);
    if count > 0 && pct < 0.5 {
        "<1%".to_string()
    } else {
        format!("{pct:.0}%")
    }
}

/// A whole number with thousands separators: `16,669`. Takes any unsigned count (`u32`
/// figures, `usize` lengths).
pub fn count(n: impl TryInto<u64>) -> String {
    let digits = n.try_into().unwrap_or(u64::MAX).to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// An ISO date `2017-03-09` as `9 March 2017`; other text is returned as it is.
pub fn date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

/// A name in the possessive: "Stoke-on-Trent's", "West Midlands'".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// An ISO date as its month and year, `March 2017`; other text is returned as it is.
pub fn month_year(iso: &str) -> String {
    let full = date(iso);
    match full.split_once(' ') {
        Some((day, rest)) if day.parse::<u32>().is_ok() => rest.to_string(),
        _ => full,
    }
}

/// Joins phrases as English lists do: "a", "a and b", "a, b and c".
pub fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A progress score at its published precision, else at one place.
pub fn progress_text(value: f64, decimals: Option<u8>) -> String {
    match decimals {
        Some(d) => crate::format::progress_at(value, d),
        None => crate::format::progress(value),
    }
}

/// A school's name without a trailing " School", which every label would repeat.
pub fn short_school_name(name: &str) -> String {
    name.strip_suffix(" School")
        .unwrap_or(name)
        .trim_end()
        .to_string()
}

/// A slug for ids: lowercase letters, digits and single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Text made safe for an HTML attribute value in double quotes.
pub fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Every ISO date (`2025-12-01`) inside `text` written as a person writes it ("1 December
/// 2025"), the rest untouched: for text that comes from data, where dates may sit in a
/// sentence.
pub fn dates_in_words(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let candidate = text.get(i..i + 10);
        let digits_around =
            |j: Option<usize>| j.and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit);
        if let Some(c) = candidate.filter(|c| {
            let b = c.as_bytes();
            b.iter().enumerate().all(|(k, ch)| {
                if k == 4 || k == 7 {
                    *ch == b'-'
                } else {
                    ch.is_ascii_digit()
                }
            })
        }) {
            let words = date(c);
            if words != c && !digits_around(i.checked_sub(1)) && !digits_around(Some(i + 10)) {
                out.push_str(&words);
                i += 10;
                continue;
            }
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// `text` in brackets, with any brackets inside it turned into a comma ("Watermill (special)"
/// becomes "(Watermill, special)"): the page never nests brackets.
pub fn bracketed(text: &str) -> String {
    format!("({})", unbracket(text))
}

/// `text` with its bracketed asides turned into comma-separated ones, for use inside brackets.
pub fn unbracket(text: &str) -> String {
    text.replace(" (", ", ").replace(['(', ')'], "")
}

/// An ISO 8601 time `2026-11-23T18:55:02.123Z` as `23 November 2026, 18:55 UTC`.
pub fn date_time(iso: &str) -> String {
    match iso.split_once('T') {
        Some((d, t)) if t.len() >= 5 => format!("{}, {} UTC", date(d), &t[..5]),
        _ => date(iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_as_english() {
        let w = |v: &[&str]| join_words(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&["a"]), "a");
        assert_eq!(w(&["a", "b"]), "a and b");
        assert_eq!(w(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn progress_scores_carry_a_sign_and_a_true_minus() {
        assert_eq!(progress(0.4), "+0.4");
        assert_eq!(progress(-0.2), "\u{2212}0.2");
        assert_eq!(progress(0.0), "0.0");
        assert_eq!(
            progress(-0.04),
            "0.0",
            "a value that rounds to zero has no sign"
        );
        assert_eq!(progress(2.0), "+2.0");
    }

    #[test]
    fn dates_inside_text_are_written_in_words_and_brackets_never_nest() {
        assert_eq!(
            dates_in_words("updated 2025-12-01"),
            "updated 1 December 2025"
        );
        assert_eq!(
            dates_in_words("before it (2013-06-12) gave Good; 2013-13-01 stays"),
            "before it (12 June 2013) gave Good; 2013-13-01 stays"
        );
        assert_eq!(dates_in_words("x12018-07-31"), "x12018-07-31");
        assert_eq!(dates_in_words("–é 2018-07-31"), "–é 31 July 2018");
        assert_eq!(bracketed("Watermill (special)"), "(Watermill, special)");
        assert_eq!(bracketed("Etruscan Primary"), "(Etruscan Primary)");
    }

    #[test]
    fn differences_read_as_words() {
        assert_eq!(difference_words(0.5), "0.5 above");
        assert_eq!(difference_words(-0.25), "0.3 below");
        assert_eq!(difference_words(0.01), "the same as");
    }

    #[test]
    fn percentages_drop_a_trailing_zero() {
        assert_eq!(percent(23.0), "23%");
        assert_eq!(percent(14.5), "14.5%");
    }

    #[test]
    fn shares_round_to_whole_percent_but_never_hide_a_school() {
        assert_eq!(share(12, 16), "75%");
        assert_eq!(share(1, 16_669), "<1%");
        assert_eq!(share(0, 16), "0%");
        assert_eq!(share(0, 0), "not published");
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(16_669), "16,669");
        assert_eq!(count(476), "476");
        assert_eq!(count(1_000_000), "1,000,000");
    }

    #[test]
    fn times_read_as_words() {
        assert_eq!(
            date_time("2026-11-23T18:55:02.123Z"),
            "23 November 2026, 18:55 UTC"
        );
        assert_eq!(date_time("2026-11-23"), "23 November 2026");
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(date("2017-03-09"), "9 March 2017");
        assert_eq!(date("undated"), "undated");
    }
}
