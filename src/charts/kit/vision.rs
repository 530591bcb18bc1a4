//! How far apart two colours look, to normal vision and to each of the three colour-vision
//! deficiencies: CIEDE2000 (Sharma, Wu and Dalal's formulation) between colours simulated by
//! Machado, Oliveira and Fernandes (2009) at full severity. The palette's tests use it: lines a
//! reader must tell apart are at least [`APART`] under every simulation.

use plotters::style::RGBColor;

/// The least ΔE2000 between colours a reader must tell apart.
pub const APART: f64 = 10.0;

/// A vision: normal, or one of the three deficiencies at full severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vision {
    /// Normal colour vision.
    Normal,
    /// No long-wavelength (red) cones.
    Protanopia,
    /// No medium-wavelength (green) cones.
    Deuteranopia,
    /// No short-wavelength (blue) cones.
    Tritanopia,
}

impl Vision {
    /// Every vision.
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado et al.'s matrix at severity 1.0, on linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Vision::Tritanopia => [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        }
    }
}

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// A colour as CIE L*a*b* (D65), as `vision` sees it.
pub fn lab(c: RGBColor, vision: Vision) -> (f64, f64, f64) {
    let rgb = [linear(c.0), linear(c.1), linear(c.2)];
    let m = vision.matrix();
    let seen: Vec<f64> = m
        .iter()
        .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
        .collect();
    let (r, g, b) = (seen[0], seen[1], seen[2]);
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    (116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz))
}

/// CIEDE2000 between two L*a*b* colours.
pub fn delta_e2000(p: (f64, f64, f64), q: (f64, f64, f64)) -> f64 {
    use std::f64::consts::PI;
    let (l1, a1, b1) = p;
    let (l2, a2, b2) = q;
    let c1 = a1.hypot(b1);
    let c2 = a2.hypot(b2);
    let cm = (c1 + c2) / 2.0;
    let g = 0.5 * (1.0 - (cm.powi(7) / (cm.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            let h = b.atan2(a).to_degrees();
            if h < 0.0 {
                h + 360.0
            } else {
                h
            }
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let dhh = 2.0 * (c1p * c2p).sqrt() * (dh.to_radians() / 2.0).sin();
    let lm = (l1 + l2) / 2.0;
    let cmp = (c1p + c2p) / 2.0;
    let hm = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * (hm - 30.0).to_radians().cos()
        + 0.24 * (2.0 * hm).to_radians().cos()
        + 0.32 * (3.0 * hm + 6.0).to_radians().cos()
        - 0.20 * (4.0 * hm - 63.0).to_radians().cos();
    let d_theta = 30.0 * (-((hm - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cmp.powi(7) / (cmp.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (lm - 50.0).powi(2) / (20.0 + (lm - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cmp;
    let sh = 1.0 + 0.015 * cmp * t;
    let rt = -(2.0 * d_theta * PI / 180.0).sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dhh / sh).powi(2) + rt * (dc / sc) * (dhh / sh))
        .sqrt()
}

/// The least ΔE2000 between two colours over every vision.
pub fn least_apart(a: RGBColor, b: RGBColor) -> f64 {
    Vision::ALL
        .iter()
        .map(|v| delta_e2000(lab(a, *v), lab(b, *v)))
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ciede2000_matches_sharma_wu_and_dalals_test_pairs() {
        // Pairs 1, 7 and 17 of the published test data.
        let pairs = [
            ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
            ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
            ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ];
        for (p, q, want) in pairs {
            let got = delta_e2000(p, q);
            assert!(
                (got - want).abs() < 1e-3,
                "{p:?} {q:?}: {got} against {want}"
            );
        }
    }

    #[test]
    fn red_and_green_look_alike_without_red_or_green_cones_but_not_to_normal_vision() {
        let (red, green) = (RGBColor(0xd0, 0x40, 0x30), RGBColor(0x50, 0x90, 0x30));
        let normal = delta_e2000(lab(red, Vision::Normal), lab(green, Vision::Normal));
        let deutan = delta_e2000(
            lab(red, Vision::Deuteranopia),
            lab(green, Vision::Deuteranopia),
        );
        assert!(normal > 30.0 && deutan < normal / 2.0, "{normal} {deutan}");
        assert_eq!(
            lab(RGBColor(255, 255, 255), Vision::Normal).0.round(),
            100.0
        );
    }
}

#[cfg(test)]
mod palette_tests {
    use super::*;
    use crate::charts::kit::palette;

    /// Each pair of colours a reader must tell apart, at least [`APART`] under every vision.
    fn all_apart(named: &[(&str, RGBColor)]) {
        for (i, (a, ca)) in named.iter().enumerate() {
            for (b, cb) in named.iter().skip(i + 1) {
                let d = least_apart(*ca, *cb);
                assert!(d >= APART, "{a} and {b}: {d:.1} apart at the least");
            }
        }
    }

    #[test]
    fn the_lines_over_the_years_are_apart_under_every_colour_vision() {
        // The schools over time: the school brought forward, the others (one muted grey, told
        // apart by marker and name), the area, England, the schools' mean and the
        // like-for-like group.
        all_apart(&[
            ("school brought forward", palette::SCHOOL),
            ("other schools", palette::OTHER_SCHOOL),
            ("area", palette::AREA),
            ("England", palette::ENGLAND),
            ("mean", palette::INK),
            ("like-for-like", palette::NEIGHBOUR),
        ]);
        // The area over time: the area, its region, England and its neighbours.
        all_apart(&[
            ("area", palette::AREA),
            ("region", palette::REGION),
            ("England", palette::ENGLAND),
            ("neighbours", palette::NEIGHBOUR),
        ]);
    }
}
