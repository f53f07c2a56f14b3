//! Art fitted to a cell area as half-block pairs: two pixels per cell, prepared once per area
//! size (drawn by [`super::halfblock`]).

use image::RgbaImage;

use super::palette::ColorMode;
use super::scale::{fit, resize};

/// One cell: the top and bottom pixel, `None` where transparent.
pub type CellPair = (Option<[u8; 3]>, Option<[u8; 3]>);

/// Art fitted to an area: `cols × rows` cells, to be centered in the area it was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub cols: u16,
    pub rows: u16,
    pub mode: ColorMode,
    pub cells: Vec<CellPair>,
}

impl Prepared {
    /// Scales `image` to fit `cols × rows` cells (two pixels per cell vertically), keeping
    /// its aspect ratio.
    pub fn new(image: &RgbaImage, cols: u16, rows: u16, mode: ColorMode) -> Self {
        let (pw, ph) = fit(
            image.width(),
            image.height(),
            u32::from(cols),
            u32::from(rows) * 2,
        );
        if pw == 0 || ph == 0 {
            return Self {
                cols: 0,
                rows: 0,
                mode,
                cells: Vec::new(),
            };
        }
        let scaled = resize(image, pw, ph);
        let px = scaled.as_raw();
        let pixel = |x: u32, y: u32| {
            let i = (y as usize * pw as usize + x as usize) * 4;
            px.get(i..i + 4)
                .filter(|p| p[3] >= 128)
                .map(|p| [p[0], p[1], p[2]])
        };
        let rows_out = ph.div_ceil(2);
        let mut cells = Vec::with_capacity(rows_out as usize * pw as usize);
        for r in 0..rows_out {
            cells.extend((0..pw).map(|x| (pixel(x, r * 2), pixel(x, r * 2 + 1))));
        }
        let to_u16 = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
        Self {
            cols: to_u16(pw),
            rows: to_u16(rows_out),
            mode,
            cells,
        }
    }

    /// Rough memory use, for the cache's bound.
    pub fn bytes(&self) -> usize {
        self.cells.len() * std::mem::size_of::<CellPair>() + std::mem::size_of::<Self>()
    }
}
