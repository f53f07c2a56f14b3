//! Area-averaging downscaler fed one source row at a time (large PNGs are decoded through it
//! without ever holding the full-size image).

use image::RgbaImage;

/// Area-averaging downscaler fed one source row at a time. Output pixel `(ox, oy)` is the
/// mean of the source columns `xstart[ox]..xstart[ox + 1]` over the source rows that map to
/// `oy`; with alpha, colors are weighted by it, so transparent pixels do not darken others.
/// Rows are summed column by column as they come (a loop the compiler vectorizes); each band
/// of rows is then reduced across columns once.
pub struct BoxDown {
    /// Source column where each output column starts (`tw + 1` entries, the last is `w`).
    xstart: Vec<usize>,
    h: u32,
    th: u32,
    channels: usize,
    /// Per-source-column sums of the band so far (`w × channels`; with alpha, colors are
    /// premultiplied by it).
    band: Vec<u32>,
    /// Source rows in the band so far, and its output row.
    rows: u32,
    oy: u32,
    out: Vec<u8>,
}

impl BoxDown {
    pub fn new(w: u32, h: u32, tw: u32, th: u32, channels: usize) -> Self {
        let xstart = (0..=tw)
            .map(|ox| (u64::from(ox) * u64::from(w)).div_ceil(u64::from(tw)) as usize)
            .collect();
        Self {
            xstart,
            h,
            th,
            channels,
            band: vec![0; w as usize * channels],
            rows: 0,
            oy: 0,
            out: Vec::with_capacity(tw as usize * th as usize * 4),
        }
    }

    pub fn add_row(&mut self, y: u32, data: &[u8]) {
        let oy = (u64::from(y) * u64::from(self.th) / u64::from(self.h)) as u32;
        if oy != self.oy {
            self.flush();
            self.oy = oy;
        }
        let ch = self.channels;
        if ch % 2 == 1 {
            for (s, &v) in self.band.iter_mut().zip(data) {
                *s += u32::from(v);
            }
        } else if ch == 4 {
            // Eight pixels at a time in fixed-size arrays, so the compiler sums them as vectors;
            let (band, band_rest) = self.band.as_chunks_mut::<32>();
            let (pixels, rest) = data.as_chunks::<32>();
            for (s, p) in band.iter_mut().zip(pixels) {
                // products in 16 bits (255 × 255 fits), which baseline x86-64 multiplies as vectors.
                let weight: [u16; 32] =
                    std::array::from_fn(|i| if i % 4 == 3 { 1 } else { u16::from(p[i | 3]) });
                for i in 0..32 {
                    s[i] += u32::from(u16::from(p[i]) * weight[i]);
                }
            }
            for (s, p) in band_rest.chunks_exact_mut(4).zip(rest.chunks_exact(4)) {
                let a = u32::from(p[3]);
                s[0] += u32::from(p[0]) * a;
                s[1] += u32::from(p[1]) * a;
                s[2] += u32::from(p[2]) * a;
                s[3] += a;
            }
        } else {
            for (s, p) in self.band.chunks_exact_mut(ch).zip(data.chunks_exact(ch)) {
                let a = u32::from(p[ch - 1]);
                for (s, &v) in s.iter_mut().zip(&p[..ch - 1]) {
                    *s += u32::from(v) * a;
                }
                s[ch - 1] += a;
            }
        }
        self.rows += 1;
    }

    fn flush(&mut self) {
        if self.rows == 0 || self.oy >= self.th {
            return;
        }
        match self.channels {
            1 => self.reduce::<1>(),
            2 => self.reduce::<2>(),
            3 => self.reduce::<3>(),
            _ => self.reduce::<4>(),
        }
        self.band.fill(0);
        self.rows = 0;
    }

    /// Sums the band across each output column's source columns; writes one output row.
    fn reduce<const CH: usize>(&mut self) {
        let alpha = CH.is_multiple_of(2);
        let rows = self.rows as f32;
        for x in self.xstart.windows(2) {
            let mut sum = [0u32; CH];
            for p in self.band[x[0] * CH..x[1] * CH].chunks_exact(CH) {
                for c in 0..CH {
                    sum[c] += p[c];
                }
            }
            let n = (x[1] - x[0]) as f32 * rows;
            // Divide by the pixel count, or by the summed alpha where colors are weighted.
            let (div, a) = if alpha {
                let a = sum[CH - 1] as f32;
                (a, a / n.max(1.0))
            } else {
                (n, 255.0)
            };
            let px = if div > 0.0 {
                let inv = 1.0 / div;
                let c = |v: u32| (v as f32 * inv + 0.5) as u8;
                if CH <= 2 {
                    let g = c(sum[0]);
                    [g, g, g, (a + 0.5) as u8]
                } else {
                    [c(sum[0]), c(sum[1]), c(sum[2]), (a + 0.5) as u8]
                }
            } else {
                [0; 4]
            };
            self.out.extend_from_slice(&px);
        }
    }

    pub fn finish(mut self) -> Option<RgbaImage> {
        self.flush();
        let (tw, th) = ((self.xstart.len() - 1) as u32, self.th);
        RgbaImage::from_raw(tw, th, self.out)
    }
}
