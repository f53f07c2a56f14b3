//! The marker segments before a JPEG's first scan (ITU T.81 annex B), read for the DC-only
//! path ([`super::scan`]). Only the common case is taken: one baseline or extended Huffman
//! frame of 8-bit grey or YCbCr (component ids 1, 2, 3: what `jpeg-decoder` also reads as
//! YCbCr), chroma at full or half resolution, one scan holding every component. Anything
//! else, and anything malformed, is `None`: the full decoder then reads the file and gives
//! its own answer.

use super::huffman::Table;

/// A JPEG component of the frame and the scan.
pub struct Component {
    /// Horizontal and vertical sampling factors.
    pub h: usize,
    pub v: usize,
    /// First quantization step (the DC one).
    pub dc_step: u16,
    pub dc_table: usize,
    pub ac_table: usize,
}

/// Everything the scan needs.
pub struct Layout {
    pub width: usize,
    pub height: usize,
    pub components: Vec<Component>,
    pub dc_tables: [Option<Table>; 4],
    pub ac_tables: [Option<Table>; 4],
    /// MCUs between restart markers (0: none).
    pub restart: usize,
    /// Where the entropy-coded data starts.
    pub data: usize,
}

impl Layout {
    pub fn max_h(&self) -> usize {
        self.components.iter().map(|c| c.h).max().unwrap_or(1)
    }

    pub fn max_v(&self) -> usize {
        self.components.iter().map(|c| c.v).max().unwrap_or(1)
    }
}

/// A frame component before the scan: id, sampling factors, quantization table.
struct FrameComponent {
    id: u8,
    h: usize,
    v: usize,
    tq: usize,
}

#[derive(Default)]
struct Headers {
    frame: Option<(usize, usize, bool, Vec<FrameComponent>)>,
    dc_steps: [Option<u16>; 4],
    dc_tables: [Option<Table>; 4],
    ac_tables: [Option<Table>; 4],
    restart: usize,
}

/// Reads the segments up to the first scan; `None` if this path does not take the file.
pub fn read(bytes: &[u8]) -> Option<Layout> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut pos = 2;
    let mut headers = Headers::default();
    loop {
        // A segment starts FF, any fill FFs, then the marker; nothing else between segments.
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        while *bytes.get(pos)? == 0xFF {
            pos += 1;
        }
        let marker = *bytes.get(pos)?;
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(pos + 1)?,
            *bytes.get(pos + 2)?,
        ]));
        let body = bytes.get(pos + 3..(pos + 1 + len).max(pos + 3))?;
        if len < 2 {
            return None;
        }
        pos += 1 + len;
        match marker {
            0xC0 | 0xC1 => headers.frame(marker == 0xC0, body)?,
            0xC4 => headers.huffman(body)?,
            0xDB => headers.quantization(body)?,
            0xDD => headers.restart = usize::from(u16::from_be_bytes(body.try_into().ok()?)),
            0xE0..=0xED | 0xEF | 0xFE => {}
            // Adobe's segment: `jpeg-decoder` refuses a colour transform over 2.
            0xEE => {
                if body.len() >= 12 && body.starts_with(b"Adobe\0") && body[11] > 2 {
                    return None;
                }
            }
            0xDA => return headers.scan(body, pos),
            _ => return None,
        }
    }
}

impl Headers {
    fn frame(&mut self, baseline: bool, body: &[u8]) -> Option<()> {
        let [precision, h1, h0, w1, w0, count, rest @ ..] = body else {
            return None;
        };
        let (height, width) = (
            u16::from_be_bytes([*h1, *h0]),
            u16::from_be_bytes([*w1, *w0]),
        );
        if self.frame.is_some() || *precision != 8 || height == 0 || width == 0 {
            return None;
        }
        if rest.len() != 3 * usize::from(*count) || !matches!(count, 1 | 3) {
            return None;
        }
        let components: Vec<FrameComponent> = rest
            .chunks_exact(3)
            .map(|c| FrameComponent {
                id: c[0],
                h: usize::from(c[1] >> 4),
                v: usize::from(c[1] & 15),
                tq: usize::from(c[2]),
            })
            .collect();
        let ids: Vec<u8> = components.iter().map(|c| c.id).collect();
        // Grey at 1×1; YCbCr with chroma at 1×1 and luma at 1 or 2 each way.
        let sampling_ok = match components.as_slice() {
            [y] => (y.h, y.v) == (1, 1),
            [y, cb, cr] => {
                ids == [1, 2, 3]
                    && (1..=2).contains(&y.h)
                    && (1..=2).contains(&y.v)
                    && (cb.h, cb.v, cr.h, cr.v) == (1, 1, 1, 1)
            }
            _ => false,
        };
        if !sampling_ok || components.iter().any(|c| c.tq > 3) {
            return None;
        }
        self.frame = Some((
            usize::from(width),
            usize::from(height),
            baseline,
            components,
        ));
        Some(())
    }

    fn huffman(&mut self, mut body: &[u8]) -> Option<()> {
        let baseline = self.frame.as_ref().is_some_and(|f| f.2);
        while !body.is_empty() {
            let (class, index) = (body[0] >> 4, usize::from(body[0] & 15));
            if class > 1 || index > 3 || (baseline && index > 1) {
                return None;
            }
            let counts: &[u8; 16] = body.get(1..17)?.try_into().ok()?;
            let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
            let table = Table::new(counts, body.get(17..17 + total)?)?;
            let slot = if class == 0 {
                &mut self.dc_tables
            } else {
                &mut self.ac_tables
            };
            slot[index] = Some(table);
            body = &body[17 + total..];
        }
        Some(())
    }

    fn quantization(&mut self, mut body: &[u8]) -> Option<()> {
        while !body.is_empty() {
            let (precision, index) = (usize::from(body[0] >> 4), usize::from(body[0] & 15));
            if precision > 1 || index > 3 {
                return None;
            }
            let table = body.get(1..1 + 64 * (precision + 1))?;
            // `jpeg-decoder` refuses a table with a zero step anywhere.
            let steps: Vec<u16> = match precision {
                0 => table.iter().map(|&b| u16::from(b)).collect(),
                _ => table
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect(),
            };
            if steps.contains(&0) {
                return None;
            }
            self.dc_steps[index] = Some(steps[0]);
            body = &body[1 + 64 * (precision + 1)..];
        }
        Some(())
    }

    /// The scan header: every frame component once, in frame order, sequential (Ss 0, Se 63,
    /// no successive approximation), with its tables defined.
    fn scan(self, body: &[u8], data: usize) -> Option<Layout> {
        let (width, height, baseline, frame) = self.frame?;
        let (&count, rest) = body.split_first()?;
        if usize::from(count) != frame.len() || rest.len() != 2 * frame.len() + 3 {
            return None;
        }
        let mut components = Vec::with_capacity(frame.len());
        for (f, sel) in frame.iter().zip(rest.chunks_exact(2)) {
            let (dc_table, ac_table) = (usize::from(sel[1] >> 4), usize::from(sel[1] & 15));
            let limit = if baseline { 1 } else { 3 };
            if sel[0] != f.id || dc_table > limit || ac_table > limit {
                return None;
            }
            self.dc_tables[dc_table].as_ref()?;
            self.ac_tables[ac_table].as_ref()?;
            components.push(Component {
                h: f.h,
                v: f.v,
                dc_step: self.dc_steps[f.tq]?,
                dc_table,
                ac_table,
            });
        }
        if rest[2 * frame.len()..] != [0, 63, 0] {
            return None;
        }
        Some(Layout {
            width,
            height,
            components,
            dc_tables: self.dc_tables,
            ac_tables: self.ac_tables,
            restart: self.restart,
            data,
        })
    }
}
