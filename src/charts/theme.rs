//! Themes for drawings. Charts are drawn in the light palette; [`recolour`] maps each of its
//! colours to the theme's in one pass over the SVG text, so drawing code knows no themes.
//! Every theme keeps 4.5:1 for text and 3:1 for marks against its background, and 4.5:1 for
//! the text written on Ofsted segments (checked in the tests below).

use crate::view::Theme;

/// Light palette colour → (contrast, dark), as plotters writes them (`#RRGGBB`, upper case).
const MAP: [(&str, &str, &str); 17] = [
    ("#FFFFFF", "#FFFFFF", "#121212"), // background; text on Ofsted segments; rules
    ("#1B1B1B", "#000000", "#F2F2F2"), // ink
    ("#505050", "#1B1B1B", "#C4C4C4"), // muted text
    ("#DDDDDD", "#8C8C8C", "#444444"), // grid
    ("#1D4E89", "#002D62", "#8AB8F0"), // schools
    ("#A63F10", "#7A2A00", "#F4A06B"), // local area
    ("#4D4D4D", "#2B2B2B", "#C8C8C8"), // England
    ("#0B4F2E", "#003B1F", "#6FD3A5"), // Outstanding
    ("#2E7D32", "#1B5E20", "#B5E0B7"), // Good
    ("#8A5600", "#5C3A00", "#FFCC80"), // Requires improvement
    ("#A4262C", "#7F1D1D", "#F6A9AE"), // Inadequate
    ("#5F6368", "#37474F", "#CFD8DC"), // Not graded
    ("#6A3D9A", "#4B1F7A", "#C8A8EE"), // region
    ("#00707A", "#004D55", "#7FD6DE"), // statistical neighbours
    ("#8F2D56", "#6B1F40", "#F4A3C4"), // a second school
    ("#D5ECEE", "#BFDFE2", "#1E3A3D"), // neighbours' band (fill)
    ("#F0F0F0", "#E0E0E0", "#262626"), // years without figures (fill)
];

/// The colour `light` becomes in `theme`.
pub fn colour(light: &str, theme: Theme) -> Option<&'static str> {
    MAP.iter()
        .find(|(l, _, _)| *l == light)
        .map(|(l, c, d)| match theme {
            Theme::Light => *l,
            Theme::Contrast => *c,
            Theme::Dark => *d,
        })
}

/// The SVG with every palette colour replaced by the theme's.
pub fn recolour(svg: &str, theme: Theme) -> String {
    if theme == Theme::Light {
        return svg.to_string();
    }
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let candidate = rest.get(i..i + 7).unwrap_or("");
        match colour(candidate, theme) {
            Some(c) => {
                out.push_str(c);
                rest = &rest[i + 7..];
            }
            None => {
                out.push('#');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_theme_meets_wcag_aa_for_text_and_marks() {
        for theme in Theme::ALL {
            let c = |light: &str| colour(light, theme).unwrap_or("#000000");
            let bg = c("#FFFFFF");
            for text in ["#1B1B1B", "#505050"] {
                assert!(
                    contrast(c(text), bg) >= 4.5,
                    "{theme:?}: text {text} {:.2}",
                    contrast(c(text), bg)
                );
            }
            for mark in [
                "#1D4E89", "#A63F10", "#4D4D4D", "#0B4F2E", "#2E7D32", "#8A5600", "#A4262C",
                "#5F6368", "#6A3D9A", "#00707A",
            ] {
                assert!(
                    contrast(c(mark), bg) >= 3.0,
                    "{theme:?}: mark {mark} {:.2}",
                    contrast(c(mark), bg)
                );
            }
            // Labels on Ofsted segments are drawn in the background colour.
            for seg in ["#0B4F2E", "#2E7D32", "#8A5600", "#A4262C", "#5F6368"] {
                assert!(
                    contrast(c(seg), bg) >= 4.5,
                    "{theme:?}: label on {seg} {:.2}",
                    contrast(c(seg), bg)
                );
            }
        }
    }

    #[test]
    fn recolouring_replaces_palette_colours_only_and_in_one_pass() {
        let svg = r##"<rect fill="#FFFFFF"/><text fill="#1B1B1B">#1 school</text><path stroke="#123456"/>"##;
        let dark = recolour(svg, Theme::Dark);
        assert_eq!(
            dark,
            r##"<rect fill="#121212"/><text fill="#F2F2F2">#1 school</text><path stroke="#123456"/>"##
        );
        assert_eq!(recolour(svg, Theme::Light), svg);
    }
}
