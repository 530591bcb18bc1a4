//! Axis maths: a linear map from values to pixels, round tick values and round ceilings.

/// A linear map from data values to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Data domain.
    pub domain: (f64, f64),
    /// Pixel range.
    pub range: (f64, f64),
}

impl Scale {
    /// Pixel position of a value.
    pub fn px(&self, v: f64) -> i32 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let t = if d1 == d0 { 0.5 } else { (v - d0) / (d1 - d0) };
        (r0 + t * (r1 - r0)).round() as i32
    }
}

/// Round tick values covering `min..=max`, about `target` of them, at steps of 1, 2 or 5
/// times a power of ten.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || target == 0 {
        return vec![0.0];
    }
    let raw = (max - min) / target as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// The smallest round number at or above `v` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power
/// of ten: fine enough that the longest bar fills most of the axis).
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let exp = v.log10().floor() as i32;
    // Divide by a power of ten rather than multiply by its inverse, so 6 × 0.1 is exactly 0.6.
    let scaled = |m: f64| {
        if exp < 0 {
            m / 10f64.powi(-exp)
        } else {
            m * 10f64.powi(exp)
        }
    };
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(scaled)
        .find(|c| *c >= v - 1e-9)
        .unwrap_or_else(|| scaled(10.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(nice_ticks(-6.0, 6.0, 4), vec![-5.0, 0.0, 5.0]);
        assert_eq!(
            nice_ticks(-6.0, 6.0, 6),
            vec![-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]
        );
        assert_eq!(nice_ticks(0.0, 100.0, 4), vec![0.0, 50.0, 100.0]);
        assert_eq!(
            nice_ticks(5.0, 5.0, 4),
            vec![0.0],
            "an empty domain gives one tick"
        );
    }

    #[test]
    fn ceilings_are_round() {
        assert_eq!(nice_ceiling(5.9), 6.0);
        assert_eq!(nice_ceiling(6.2), 8.0);
        assert_eq!(nice_ceiling(0.7), 0.8);
        assert_eq!(nice_ceiling(2.1), 2.5);
        assert_eq!(nice_ceiling(0.52), 0.6);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }
}
