//! Calendar dates as the files write them (`YYYY-MM-DD`): checking, counting days between
//! two, and the day after. One place for the arithmetic the importer, the validator and the
//! inspection rule share; how a date reads in words is [`crate::format::date`].

/// The years a dataset's figures may be of: every reader and the validator take this one
/// range.
pub const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

/// A year as files write it: `2019`, or an academic year `2018/19`, `2018/2019` or `201819`,
/// which is the year it ends (the year the tests were sat). `None` for anything else, or a
/// year outside [`YEARS`].
pub fn year(text: &str) -> Option<u16> {
    let t = text.trim();
    let end = match t.split_once('/') {
        Some((start, end)) => {
            let start: u16 = start.trim().parse().ok()?;
            let end: u16 = end.trim().parse().ok()?;
            let full = if end < 100 {
                (start / 100) * 100 + end
            } else {
                end
            };
            (full == start + 1).then_some(full)?
        }
        None if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) => {
            let start: u16 = t.get(..4)?.parse().ok()?;
            let end: u16 = t.get(4..)?.parse().ok()?;
            (end == (start + 1) % 100).then_some(start + 1)?
        }
        None => t.parse().ok()?,
    };
    YEARS.contains(&end).then_some(end)
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Days since 1 January 1970 of an ISO date; `None` for anything else.
pub fn day_number(iso: &str) -> Option<i64> {
    if !is_iso(iso) {
        return None;
    }
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date of a day number (days since 1 January 1970).
pub fn from_day_number(n: i64) -> String {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whole days between two ISO dates, either order; `None` where either is not a date.
pub fn days_apart(a: &str, b: &str) -> Option<i64> {
    Some((day_number(a)? - day_number(b)?).abs())
}

/// The day after an ISO date (a school that closes on one day is succeeded the next).
pub fn next_day(iso: &str) -> Option<String> {
    day_number(iso).map(|n| from_day_number(n + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_parser_reads_years_and_academic_years_alike() {
        assert_eq!(year("2019"), Some(2019));
        assert_eq!(year(" 2015 "), Some(2015));
        assert_eq!(year("2018/19"), Some(2019));
        assert_eq!(year("2018/2019"), Some(2019));
        assert_eq!(year("201819"), Some(2019));
        assert_eq!(year("2018/20"), None, "not one academic year");
        assert_eq!(year("1899"), None, "outside the years a dataset holds");
        assert_eq!(year("twenty"), None);
    }

    #[test]
    fn real_dates_only() {
        assert!(is_iso("2024-02-29"));
        assert!(!is_iso("2023-02-29"));
        assert!(!is_iso("2017-3-9"));
        assert!(!is_iso("42803"));
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_centuries() {
        for iso in [
            "1970-01-01",
            "2000-02-29",
            "2016-06-30",
            "2100-03-01",
            "1899-12-30",
        ] {
            let n = day_number(iso).unwrap_or(i64::MIN);
            assert_eq!(from_day_number(n), iso);
        }
        assert_eq!(day_number("1970-01-02"), Some(1));
    }

    #[test]
    fn a_month_end_is_followed_by_the_first_of_the_next() {
        assert_eq!(next_day("2016-06-30").as_deref(), Some("2016-07-01"));
        assert_eq!(next_day("2016-12-31").as_deref(), Some("2017-01-01"));
        assert_eq!(next_day("nope"), None);
        assert_eq!(days_apart("2015-04-28", "2015-04-29"), Some(1));
        assert_eq!(days_apart("2015-04-29", "2015-04-28"), Some(1));
    }
}
