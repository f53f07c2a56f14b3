//! Colors for the terminal: the color mode, the xterm 256-color palette, and shades for
//! terminals without colors.

/// How art colors reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColorMode {
    /// 24-bit colors.
    TrueColor,
    /// The xterm 256-color palette.
    Ansi256,
    /// No colors (`NO_COLOR`): shade characters by brightness.
    Mono,
}

impl ColorMode {
    /// From the environment: `NO_COLOR` wins, then `COLORTERM=truecolor|24bit`.
    pub fn detect() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return ColorMode::Mono;
        }
        match std::env::var("COLORTERM").as_deref() {
            Ok("truecolor" | "24bit") => ColorMode::TrueColor,
            _ => ColorMode::Ansi256,
        }
    }
}

/// Perceived brightness, 0–255.
pub(super) fn luma(p: [u8; 3]) -> u16 {
    (u16::from(p[0]) * 3 + u16::from(p[1]) * 6 + u16::from(p[2])) / 10
}

/// Brightness to a shade character (light pixels print as dense glyphs on a dark terminal).
pub(super) fn shade(l: u16) -> &'static str {
    match l {
        0..=40 => " ",
        41..=100 => "░",
        101..=160 => "▒",
        161..=220 => "▓",
        _ => "█",
    }
}

/// Nearest color in the xterm 256 palette (6×6×6 cube or the grey ramp).
pub fn ansi256([r, g, b]: [u8; 3]) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        let i = LEVELS
            .iter()
            .enumerate()
            .min_by_key(|(_, l)| (i32::from(**l) - i32::from(v)).abs());
        i.map_or(0, |(i, _)| i)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = [LEVELS[ri], LEVELS[gi], LEVELS[bi]];
    let grey_i = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3).saturating_sub(3) / 10;
    let grey_i = grey_i.min(23);
    let grey_v = u8::try_from(8 + grey_i * 10).unwrap_or(238);
    let dist = |c: [u8; 3]| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(c[0], r) + d(c[1], g) + d(c[2], b)
    };
    let cube_idx = u8::try_from(16 + 36 * ri + 6 * gi + bi).unwrap_or(16);
    if dist([grey_v; 3]) < dist(cube) {
        232 + u8::try_from(grey_i).unwrap_or(0)
    } else {
        cube_idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansi256_maps_pure_and_grey_colors() {
        assert_eq!(ansi256([255, 0, 0]), 196);
        assert_eq!(ansi256([0, 0, 0]), 16);
        assert_eq!(ansi256([128, 128, 128]), 244);
    }
}
