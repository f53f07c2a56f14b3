//! The entropy-coded scan read for its DC terms only: each 8×8 block becomes one sample, its
//! average (what a 1/8-scale inverse DCT gives), and the AC terms are skipped by their code
//! lengths without being decoded to values or stored. Corrupt data is handled exactly as
//! `jpeg-decoder` handles it (zero bits after a marker, its end-of-band runs, its way of
//! leaving a coefficient past the block's end); anything it would refuse is `None` here.

use super::bits::{Bits, extend};
use super::huffman::Table;
use super::segments::Layout;

/// One component's samples, a sample per block, rows `stride` apart.
pub struct Plane {
    pub data: Vec<u8>,
    pub stride: usize,
}

/// How the blocks of the scan are grouped: per MCU, each component's `h`×`v` blocks.
struct Grid {
    mcus_x: usize,
    mcus_y: usize,
    /// Per component: horizontal and vertical blocks per MCU.
    blocks: Vec<(usize, usize)>,
}

impl Grid {
    fn new(layout: &Layout) -> Grid {
        let (w, h) = (layout.width, layout.height);
        if layout.components.len() == 1 {
            // A one-component scan is not interleaved: each MCU is one block.
            return Grid {
                mcus_x: w.div_ceil(8),
                mcus_y: h.div_ceil(8),
                blocks: vec![(1, 1)],
            };
        }
        let blocks = layout.components.iter().map(|c| (c.h, c.v)).collect();
        Grid {
            mcus_x: w.div_ceil(8 * layout.max_h()),
            mcus_y: h.div_ceil(8 * layout.max_v()),
            blocks,
        }
    }
}

/// Per-component decoding state that restarts reset.
struct State {
    predictors: [i16; 3],
    eob_run: u16,
}

/// Decodes the scan starting at `layout.data` and checks that `EOI` ends it.
pub fn decode(bytes: &[u8], layout: &Layout) -> Option<Vec<Plane>> {
    let grid = Grid::new(layout);
    let mut planes: Vec<Plane> = grid
        .blocks
        .iter()
        .map(|&(h, v)| {
            let stride = grid.mcus_x * h;
            Plane {
                data: vec![0; stride * grid.mcus_y * v],
                stride,
            }
        })
        .collect();
    let mut bits = Bits::new(bytes, layout.data);
    let mut state = State {
        predictors: [0; 3],
        eob_run: 0,
    };
    let (mut left, mut expected) = (layout.restart, 0u8);
    for mcu_y in 0..grid.mcus_y {
        for mcu_x in 0..grid.mcus_x {
            if layout.restart > 0 {
                if left == 0 {
                    if bits.take_marker()? != 0xD0 + expected {
                        return None;
                    }
                    state.predictors = [0; 3];
                    state.eob_run = 0;
                    expected = (expected + 1) % 8;
                    left = layout.restart;
                }
                left -= 1;
            }
            decode_mcu(
                &mut bits,
                layout,
                &grid,
                (mcu_x, mcu_y),
                &mut state,
                &mut planes,
            )?;
        }
    }
    (bits.take_marker()? == 0xD9).then_some(planes)
}

fn decode_mcu(
    bits: &mut Bits,
    layout: &Layout,
    grid: &Grid,
    (mcu_x, mcu_y): (usize, usize),
    state: &mut State,
    planes: &mut [Plane],
) -> Option<()> {
    for (i, component) in layout.components.iter().enumerate() {
        let dc = layout.dc_tables[component.dc_table].as_ref()?;
        let ac = layout.ac_tables[component.ac_table].as_ref()?;
        let (bh, bv) = grid.blocks[i];
        let plane = &mut planes[i];
        for v in 0..bv {
            let row = (mcu_y * bv + v) * plane.stride + mcu_x * bh;
            for h in 0..bh {
                let pred = &mut state.predictors[i];
                *pred = pred.wrapping_add(dc_diff(bits, dc)?);
                skip_ac(bits, ac, &mut state.eob_run)?;
                plane.data[row + h] = sample(*pred, component.dc_step);
            }
        }
    }
    Some(())
}

/// The block's average as a sample: what `jpeg-decoder`'s 1×1 inverse DCT gives.
#[inline]
fn sample(dc: i16, step: u16) -> u8 {
    let value = (i32::from(dc).wrapping_mul(i32::from(step))).wrapping_add(1024) / 8;
    value.clamp(0, 255) as u8
}

/// The DC difference of a block (T.81 F.2.2.1).
#[inline]
fn dc_diff(bits: &mut Bits, table: &Table) -> Option<i16> {
    if bits.count() < 32 {
        bits.refill()?;
    }
    let (size, len) = table.lookup(bits.peek16())?;
    bits.skip(len);
    match size {
        0 => Some(0),
        1..=11 => Some(extend(bits.take(u32::from(size))?, u32::from(size))),
        _ => None,
    }
}

/// Steps over a block's 63 AC terms (T.81 F.2.2.2) without decoding their values.
#[inline]
fn skip_ac(bits: &mut Bits, table: &Table, eob_run: &mut u16) -> Option<()> {
    if *eob_run > 0 {
        *eob_run -= 1;
        return Some(());
    }
    let mut k = 1u32;
    while k < 64 {
        if bits.count() < 32 {
            bits.refill()?;
        }
        let (symbol, len) = table.lookup(bits.peek16())?;
        let (run, size) = (u32::from(symbol >> 4), u32::from(symbol & 15));
        if size == 0 {
            bits.skip(len);
            if run == 15 {
                k += 16;
                continue;
            }
            // An end-of-band run: this block ends, and so do the next `eob_run` blocks.
            *eob_run = (1 << run) - 1;
            if run > 0 {
                *eob_run += bits.take(run)?;
            }
            return Some(());
        }
        k += run;
        if k >= 64 {
            // A term past the block's end. `jpeg-decoder` consumes its value bits only when
            // code and value fit its 8-bit lookup; the next block starts where it would.
            bits.skip(if len + size <= 8 { len + size } else { len });
            return Some(());
        }
        bits.skip(len + size);
        k += 1;
    }
    Some(())
}
