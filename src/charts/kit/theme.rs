//! Themes for drawings. Charts are drawn in the light palette; [`recolour`] maps each of its
//! colours to the theme's in one pass over the SVG text, so drawing code knows no themes.
//! Every theme keeps 4.5:1 for text and 3:1 for marks against its background, and 4.5:1 for
//! the text written on Ofsted segments (checked in the tests below).

use plotters::style::RGBColor;

use super::palette;

/// A colour theme. Without one in the link the page follows the reader's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on white.
    Light,
    /// Black on white, darker marks and rules: for projectors that wash colours out.
    Contrast,
    /// Light text on near-black.
    Dark,
}

impl Theme {
    /// All themes.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Contrast, Theme::Dark];

    /// Id used in links and as the page's `data-theme`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Contrast => "contrast",
            Theme::Dark => "dark",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// A colour as plotters writes it in SVG: `#RRGGBB`, upper case.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The palette's colours as plotters writes them, light first (made once).
fn themed() -> &'static [(String, String, String)] {
    static TABLE: std::sync::OnceLock<Vec<(String, String, String)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        palette::THEMED
            .iter()
            .map(|(l, c, d)| (hex(*l), hex(*c), hex(*d)))
            .collect()
    })
}

/// The colour `light` becomes in `theme`.
pub fn colour(light: &str, theme: Theme) -> Option<&'static str> {
    themed()
        .iter()
        .find(|(l, _, _)| l == light)
        .map(|(l, c, d)| match theme {
            Theme::Light => l.as_str(),
            Theme::Contrast => c.as_str(),
            Theme::Dark => d.as_str(),
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
                "#1D4E89", "#A63F10", "#4D4D4D", "#12436D", "#2F6FB0", "#B7791F", "#7A1A1A",
                "#5F6368", "#6A3D9A", "#00707A", "#2E7D32", "#8F2D56",
            ] {
                assert!(
                    contrast(c(mark), bg) >= 3.0,
                    "{theme:?}: mark {mark} {:.2}",
                    contrast(c(mark), bg)
                );
            }
            // Labels on Ofsted segments are drawn in the background colour, on amber in black.
            for seg in ["#12436D", "#2F6FB0", "#7A1A1A", "#5F6368"] {
                assert!(
                    contrast(c(seg), bg) >= 4.5,
                    "{theme:?}: label on {seg} {:.2}",
                    contrast(c(seg), bg)
                );
            }
            assert!(
                contrast(c("#B7791F"), "#000000") >= 4.5,
                "{theme:?}: black on amber"
            );
        }
    }

    /// sRGB hex → CIELAB after simulating a colour-vision deficiency (Machado, Oliveira and
    /// Fernandes 2009, severity 1; `None` for none).
    fn seen(hex: &str, cvd: Option<usize>) -> [f64; 3] {
        const M: [[[f64; 3]; 3]; 3] = [
            [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        ];
        let lin = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let rgb = [lin(1), lin(3), lin(5)];
        let rgb = match cvd {
            Some(k) => M[k]
                .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0)),
            None => rgb,
        };
        let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.950_47;
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.088_83;
        let f = |t: f64| {
            if t > 0.008_856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    #[test]
    fn ofsted_colours_stay_apart_for_colour_blind_readers_in_every_theme() {
        let light = ["#12436D", "#2F6FB0", "#B7791F", "#7A1A1A"];
        for theme in Theme::ALL {
            let pal: Vec<&str> = light
                .iter()
                .map(|l| colour(l, theme).unwrap_or(l))
                .collect();
            for cvd in [None, Some(0), Some(1), Some(2)] {
                for (i, a) in pal.iter().enumerate() {
                    for b in &pal[i + 1..] {
                        let (p, q) = (seen(a, cvd), seen(b, cvd));
                        let d =
                            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2))
                                .sqrt();
                        assert!(d >= 12.0, "{theme:?} {cvd:?}: {a} and {b} are {d:.1} apart");
                    }
                }
            }
            // Amber (Requires improvement) is not the area's rust under any simulation.
            for cvd in [None, Some(0), Some(1), Some(2)] {
                let (p, q) = (
                    seen(colour("#B7791F", theme).unwrap_or(""), cvd),
                    seen(colour("#A63F10", theme).unwrap_or(""), cvd),
                );
                let d =
                    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt();
                assert!(
                    d >= 10.0,
                    "{theme:?} {cvd:?}: amber and the area's rust are {d:.1} apart"
                );
            }
        }
    }

    fn hex(c: plotters::style::RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    #[test]
    fn each_school_line_has_its_own_colour_apart_from_the_others_and_the_comparisons() {
        use crate::charts::kit::palette;
        let comparisons = [
            palette::AREA,
            palette::ENGLAND,
            palette::NEIGHBOUR,
            palette::INK,
        ];
        for theme in Theme::ALL {
            let seen_as = |c| {
                let h = hex(c);
                colour(&h, theme).map(str::to_string).unwrap_or(h)
            };
            let schools: Vec<String> = palette::SCHOOLS.iter().map(|&c| seen_as(c)).collect();
            let page = seen_as(palette::WHITE);
            for (i, a) in schools.iter().enumerate() {
                let ratio = contrast(a, &page);
                assert!(
                    ratio >= 3.0,
                    "{theme:?}: {a} is {ratio:.1}:1 against the page"
                );
                for b in &schools[i + 1..] {
                    let (p, q) = (seen(a, None), seen(b, None));
                    let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2))
                        .sqrt();
                    assert!(d >= 20.0, "{theme:?}: schools {a} and {b} are {d:.1} apart");
                }
                for &c in &comparisons {
                    let c = seen_as(c);
                    let (p, q) = (seen(a, None), seen(&c, None));
                    let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2))
                        .sqrt();
                    assert!(
                        d >= 25.0,
                        "{theme:?}: school {a} and comparison {c} are {d:.1} apart"
                    );
                }
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
