//! The few colours and patterns charts use. Series differ by pattern as well as colour, so
//! they can be told apart in greyscale print and by readers who do not see the colours;
//! every colour that carries meaning has at least 3:1 contrast on white (WCAG 1.4.11), and
//! text at least 4.5:1 (WCAG 1.4.3).

/// A colour as red, green, blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// How a bar is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Filled with the colour.
    Solid,
    /// Stripes rising to the right: `/`.
    Rising,
    /// Stripes falling to the right: `\`.
    Falling,
    /// Both, crossed thin.
    Cross,
}

/// How many series look different; a fifth series looks like the first again.
pub const LOOKS: usize = 4;

/// Series colours and patterns, in order.
const SERIES: [(Rgb, Pattern); LOOKS] = [
    (Rgb(0x1f, 0x5f, 0xa8), Pattern::Solid),
    (Rgb(0xb3, 0x47, 0x00), Pattern::Rising),
    (Rgb(0x2e, 0x7d, 0x32), Pattern::Falling),
    (Rgb(0x6a, 0x3d, 0x9a), Pattern::Cross),
];

/// Text.
pub const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Secondary text, the outline of a suppressed marker and of a progress track.
pub const MUTED: Rgb = Rgb(0x59, 0x59, 0x59);
/// Grid lines: decoration, deliberately faint.
pub const GRID: Rgb = Rgb(0xd9, 0xd9, 0xd9);
/// The inside of a progress track.
pub const TRACK: Rgb = Rgb(0xee, 0xee, 0xee);
/// The chart's background.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// Distance between stripes and their width, in abstract units.
pub const STRIPE_GAP: f32 = 5.0;
/// The width of one stripe of `/` or `\`.
pub const STRIPE: f32 = 2.5;
/// The width of one line of a cross-hatch.
pub const CROSS: f32 = 1.2;

/// The colour and pattern of a series.
pub fn series(index: usize) -> (Rgb, Pattern) {
    SERIES[index % LOOKS]
}

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        let Rgb(r, g, b) = self;
        // The three-digit form when it says the same (#fff), as SVG allows.
        if [r, g, b].iter().all(|c| c % 17 == 0) {
            format!("#{:x}{:x}{:x}", r / 17, g / 17, b / 17)
        } else {
            format!("#{r:02x}{g:02x}{b:02x}")
        }
    }

    /// Each channel from 0 to 1, as PDF colour operators take them.
    pub fn unit(self) -> [f32; 3] {
        [self.0, self.1, self.2].map(|c| f32::from(c) / 255.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast_on_white(c: Rgb) -> f64 {
        1.05 / (luminance(c) + 0.05)
    }

    #[test]
    fn colours_that_mean_something_stand_out_from_white() {
        for (colour, _) in SERIES {
            assert!(contrast_on_white(colour) >= 3.0, "{}", colour.hex());
        }
        assert!(contrast_on_white(TEXT) >= 4.5);
        assert!(contrast_on_white(MUTED) >= 4.5);
    }

    #[test]
    fn series_differ_by_pattern_not_only_colour() {
        let patterns: Vec<Pattern> = SERIES.iter().map(|(_, p)| *p).collect();
        for (i, p) in patterns.iter().enumerate() {
            assert!(!patterns[i + 1..].contains(p));
        }
    }
}
