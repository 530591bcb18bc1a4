//! plotters' SVG made smaller, looking the same: its `opacity="1"` left out, the text's font
//! family said once on the drawing (the text inherits it), and a dashed line written as one
//! line with `stroke-dasharray` rather than a line per dash (plotters' `DashedPathElement`:
//! 261 lines of a 340-line drawing of the area's progress, a third of its bytes).

/// A run of dashes is merged from this many dashes.
const LEAST_RUN: usize = 3;

/// The drawing, smaller.
pub fn compact(svg: &str) -> String {
    let svg = svg.replace(" opacity=\"1\"", "");
    let svg = font_once(&svg);
    merge_dashes(&svg)
}

/// The first font family of the drawing's text said on the `<svg>` element alone.
fn font_once(svg: &str) -> String {
    const ATTR: &str = " font-family=\"";
    let Some(family) = svg
        .find(ATTR)
        .and_then(|i| svg[i + ATTR.len()..].split('"').next())
    else {
        return svg.to_string();
    };
    let attr = format!("{ATTR}{family}\"");
    let stripped = svg.replace(&attr, "");
    stripped.replacen("<svg ", &format!("<svg{attr} "), 1)
}

/// A dash: a two-point line, its style (everything but its points) and its ends.
#[derive(Clone, Copy)]
struct Dash<'a> {
    style: &'a str,
    from: (i64, i64),
    to: (i64, i64),
}

fn point(p: &str) -> Option<(i64, i64)> {
    let (x, y) = p.split_once(',')?;
    Some((x.parse().ok()?, y.parse().ok()?))
}

/// A line of the drawing read as a dash, if it is one.
fn dash(line: &str) -> Option<Dash<'_>> {
    let rest = line.strip_prefix("<polyline fill=\"none\"")?;
    let (style, points) = rest.split_once(" points=\"")?;
    let points = points.strip_suffix("\"/>")?;
    let mut it = points.split_whitespace();
    let (from, to) = (point(it.next()?)?, point(it.next()?)?);
    if it.next().is_some() || style.contains("dasharray") {
        return None;
    }
    Some(Dash { style, from, to })
}

fn length(a: (i64, i64), b: (i64, i64)) -> f64 {
    (((b.0 - a.0).pow(2) + (b.1 - a.1).pow(2)) as f64).sqrt()
}

/// Whether `d` carries on the run from `first` whose last dash is `last`: the same style, on
/// the same straight line (within a pixel of rounding), a dash and a gap as long as the run's.
fn continues(first: &Dash, last: &Dash, d: &Dash, dash_len: f64, gap: Option<f64>) -> bool {
    if d.style != first.style || (length(d.from, d.to) - dash_len).abs() > 1.0 {
        return false;
    }
    let this_gap = length(last.to, d.from);
    if this_gap < 0.5 || gap.is_some_and(|g| (this_gap - g).abs() > 1.0) {
        return false;
    }
    // Distance of d's far end from the line through the run's first dash.
    let (ax, ay) = (first.from.0 as f64, first.from.1 as f64);
    let (bx, by) = (first.to.0 as f64 - ax, first.to.1 as f64 - ay);
    let (px, py) = (d.to.0 as f64 - ax, d.to.1 as f64 - ay);
    let norm = (bx * bx + by * by).sqrt().max(1.0);
    ((bx * py - by * px) / norm).abs() <= 1.0
}

/// Runs of dashes of one line written as that line, dashed.
fn merge_dashes(svg: &str) -> String {
    let lines: Vec<&str> = svg.split_inclusive('\n').collect();
    let mut out = String::with_capacity(svg.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = dash(lines[i].trim_end()) else {
            out.push_str(lines[i]);
            i += 1;
            continue;
        };
        let dash_len = length(first.from, first.to);
        let (mut j, mut last, mut gaps) = (i + 1, first, Vec::new());
        while let Some(d) = lines.get(j).and_then(|l| dash(l.trim_end())) {
            let gap = gaps.first().copied();
            if !continues(&first, &last, &d, dash_len, gap) {
                break;
            }
            gaps.push(length(last.to, d.from));
            last = d;
            j += 1;
        }
        if j - i < LEAST_RUN {
            out.push_str(lines[i]);
            i += 1;
            continue;
        }
        let gap = gaps.iter().sum::<f64>() / gaps.len() as f64;
        let dashes = (j - i) as f64;
        // The pattern's lengths from the whole run, so that its last dash ends where it did.
        let whole = length(first.from, last.to);
        let dash_len = (whole - gap * (dashes - 1.0)) / dashes;
        out.push_str(&format!(
            "<polyline fill=\"none\"{} stroke-dasharray=\"{:.1} {:.1}\" points=\"{},{} {},{} \"/>\n",
            first.style, dash_len, gap, first.from.0, first.from.1, last.to.0, last.to.1
        ));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_dashes_becomes_one_dashed_line_and_nothing_else_changes() {
        let style = " stroke=\"#1B1B1B\" stroke-width=\"1\"";
        let mut svg = String::from("<svg width=\"10\" height=\"10\">\n");
        for k in 0..5 {
            svg.push_str(&format!(
                "<polyline fill=\"none\" opacity=\"1\"{style} points=\"69,{} 69,{} \"/>\n",
                48 + 5 * k,
                50 + 5 * k
            ));
        }
        svg.push_str("<polyline fill=\"none\" opacity=\"1\" stroke=\"#00707A\" stroke-width=\"1\" points=\"1,1 9,9 \"/>\n");
        svg.push_str(
            "<text x=\"1\" y=\"1\" font-family=\"Arial, sans-serif\" font-size=\"11\">a</text>\n",
        );
        svg.push_str("<text x=\"1\" y=\"5\" font-family=\"Arial, sans-serif\" font-size=\"11\">b</text>\n</svg>\n");
        let out = compact(&svg);
        assert_eq!(out.matches("<polyline").count(), 2, "{out}");
        assert!(out.contains(&format!("<polyline fill=\"none\"{style} stroke-dasharray=\"2.0 3.0\" points=\"69,48 69,70 \"/>")), "{out}");
        assert!(out.contains("points=\"1,1 9,9 \""), "a lone line is kept");
        assert!(!out.contains("opacity=\"1\""));
        assert_eq!(out.matches("font-family").count(), 1, "{out}");
        assert!(out.starts_with("<svg font-family=\"Arial, sans-serif\" width="));
    }

    #[test]
    fn dashes_of_two_lines_or_styles_are_not_merged() {
        let line = |x: i64, y: i64, c: &str| {
            format!("<polyline fill=\"none\" stroke=\"{c}\" stroke-width=\"1\" points=\"{x},{y} {x},{} \"/>\n", y + 2)
        };
        let svg = [
            line(5, 0, "#111"),
            line(5, 5, "#111"),
            line(9, 10, "#111"),
            line(9, 15, "#222"),
        ]
        .concat();
        assert_eq!(compact(&svg).matches("<polyline").count(), 4);
    }
}
