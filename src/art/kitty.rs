//! Kitty graphics by direct placement: for terminals that speak the kitty protocol but have no
//! Unicode placeholders (kitty before 0.28, WezTerm, Konsole). The picture is sent and placed
//! at the cursor (the top-left cell of its area) in one command, scaled to a number of cells;
//! the cells under it are left alone by the diff. Placements do not follow the text, so the
//! viewer deletes them all ([`DELETE_ALL`]) whenever the scene changes, then redraws the whole
//! screen. Clearing the screen also frees kitty's copy of the data, so every placement sends
//! the picture again (the diff sends it only when its cell is drawn anew).

use std::io::Cursor;
use std::sync::atomic::{AtomicU32, Ordering};

use base64::Engine;
use image::RgbaImage;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

/// Deletes every placement of every image. `q=2`: no reply.
pub const DELETE_ALL: &str = "\x1b_Ga=d,d=a,q=2\x1b\\";

/// Largest payload of one transmission chunk (the protocol's limit).
const CHUNK: usize = 4096;

/// A picture ready to place.
pub struct KittyImage {
    cols: u16,
    rows: u16,
    /// Transmit-and-place, in chunks.
    command: String,
}

impl KittyImage {
    /// Encodes `image` (already scaled to its pixel size) to be shown over `cols × rows`
    /// cells.
    pub fn new(image: &RgbaImage, cols: u16, rows: u16) -> Result<Self, String> {
        let id = next_id();
        let mut png = Vec::new();
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new_with_quality(
                Cursor::new(&mut png),
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::Adaptive,
            ),
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| e.to_string())?;
        let data = base64::engine::general_purpose::STANDARD.encode(&png);
        Ok(Self {
            cols,
            rows,
            command: transmit(
                &format!("a=T,f=100,i={id},p=1,c={cols},r={rows},C=1,q=2"),
                &data,
            ),
        })
    }

    pub fn size(&self) -> (u16, u16) {
        (self.cols, self.rows)
    }

    /// Bytes kept for this picture (the encoded transmission).
    pub fn bytes(&self) -> usize {
        self.command.len()
    }

    /// Writes the command into the top-left cell of `area` and tells the diff to leave the
    /// other cells alone.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let area = Rect::new(area.x, area.y, self.cols, self.rows).intersection(buf.area);
        if area.width < self.cols || area.height < self.rows {
            return;
        }
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.reset();
                    cell.set_diff_option(CellDiffOption::Skip);
                }
            }
        }
        if let Some(cell) = buf.cell_mut((area.x, area.y)) {
            cell.set_symbol(&self.command)
                .set_diff_option(CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN));
        }
    }
}

/// Ids unique within this process and unlikely to clash with another program's.
fn next_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let base = (std::process::id() & 0xffff) << 12;
    let n = NEXT.fetch_add(1, Ordering::Relaxed) & 0xfff;
    (base | n).max(1)
}

/// The command with `keys` and the base64 `data`, in chunks of at most 4096 bytes.
fn transmit(keys: &str, data: &str) -> String {
    let mut out = String::with_capacity(data.len() + data.len() / CHUNK * 40 + 64);
    let chunks: Vec<&[u8]> = data.as_bytes().chunks(CHUNK).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let more = u8::from(i + 1 < chunks.len());
        if i == 0 {
            out.push_str(&format!("\x1b_G{keys},m={more};"));
        } else {
            out.push_str(&format!("\x1b_Gm={more};"));
        }
        out.push_str(std::str::from_utf8(chunk).unwrap_or(""));
        out.push_str("\x1b\\");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_and_places_in_the_top_left_cell_and_skips_the_rest() {
        let img = RgbaImage::from_pixel(64, 64, image::Rgba([200, 40, 40, 255]));
        let k = KittyImage::new(&img, 4, 2).unwrap();
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 5));
        k.render(Rect::new(1, 1, 6, 3), &mut buf);
        let first = buf[(1, 1)].symbol().to_string();
        assert!(first.starts_with("\x1b_Ga=T,f=100,i="), "{first:?}");
        assert!(first.contains(",p=1,c=4,r=2,C=1,q=2,m=0;"), "{first:?}");
        assert!(first.ends_with("\x1b\\"));
        assert!(!first.contains("U=1"), "no Unicode placeholders");
        assert_eq!(buf[(2, 1)].diff_option, CellDiffOption::Skip);
        assert_eq!(buf[(4, 2)].diff_option, CellDiffOption::Skip);
        assert_eq!(
            buf[(5, 1)].diff_option,
            CellDiffOption::None,
            "outside the picture"
        );
        let mut again = Buffer::empty(Rect::new(0, 0, 10, 5));
        k.render(Rect::new(1, 1, 6, 3), &mut again);
        assert_eq!(
            again[(1, 1)].symbol(),
            first,
            "the same cell each frame: the diff sends it once"
        );
    }

    #[test]
    fn large_pictures_go_in_chunks_of_4096() {
        let data = "A".repeat(10_000);
        let t = transmit("a=T,i=7", &data);
        assert_eq!(t.matches("\x1b_G").count(), 3);
        assert!(t.contains("m=1;") && t.contains("\x1b_Gm=0;"));
    }

    #[test]
    fn too_small_an_area_draws_nothing() {
        let img = RgbaImage::new(8, 8);
        let k = KittyImage::new(&img, 4, 2).unwrap();
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        k.render(buf.area, &mut buf);
        assert_eq!(buf[(0, 0)].symbol(), " ");
    }
}
