//! Huffman tables of a JPEG scan (ITU T.81 annex C), decoded from the top of a bit buffer:
//! codes up to [`FAST_BITS`] long in one table lookup, longer ones by code length.

/// Codes this long or shorter are found in one lookup.
pub const FAST_BITS: u32 = 9;

/// One table: the canonical codes of a DHT segment.
pub struct Table {
    /// For every `FAST_BITS`-bit prefix: `length << 8 | symbol`, or 0 if the code is longer.
    fast: Box<[u16; 1 << FAST_BITS]>,
    /// Largest code of each length (index = length), -1 if none.
    max_code: [i32; 17],
    /// Added to a code of each length to give its symbol's index.
    offset: [i32; 17],
    symbols: Vec<u8>,
}

impl Table {
    /// Builds a table from the 16 code counts and the symbols; `None` if they do not form a
    /// valid prefix code (no symbols, more than 256, or more codes than a length allows).
    pub fn new(counts: &[u8; 16], symbols: &[u8]) -> Option<Table> {
        let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
        if total == 0 || total > 256 || symbols.len() != total {
            return None;
        }
        let mut fast = Box::new([0u16; 1 << FAST_BITS]);
        let (mut max_code, mut offset) = ([-1i32; 17], [0i32; 17]);
        let (mut code, mut index) = (0u32, 0usize);
        for len in 1..=16u32 {
            let count = u32::from(counts[len as usize - 1]);
            if count > 0 {
                if code + count > 1 << len {
                    return None;
                }
                offset[len as usize] = index as i32 - code as i32;
                for _ in 0..count {
                    if len <= FAST_BITS {
                        let shift = FAST_BITS - len;
                        let entry = (len as u16) << 8 | u16::from(symbols[index]);
                        let start = (code << shift) as usize;
                        fast[start..start + (1 << shift)].fill(entry);
                    }
                    code += 1;
                    index += 1;
                }
                max_code[len as usize] = code as i32 - 1;
            }
            code <<= 1;
        }
        Some(Table {
            fast,
            max_code,
            offset,
            symbols: symbols.to_vec(),
        })
    }

    /// The symbol whose code starts `top` (the next 16 bits, most significant first) and the
    /// code's length; `None` if no code matches.
    #[inline]
    pub fn lookup(&self, top: u32) -> Option<(u8, u32)> {
        let entry = self.fast[(top >> (16 - FAST_BITS)) as usize];
        if entry != 0 {
            return Some(((entry & 0xFF) as u8, u32::from(entry >> 8)));
        }
        self.slow(top)
    }

    #[cold]
    fn slow(&self, top: u32) -> Option<(u8, u32)> {
        (FAST_BITS + 1..=16).find_map(|len| {
            let code = (top >> (16 - len)) as i32;
            (code <= self.max_code[len as usize]).then(|| {
                let at = (code + self.offset[len as usize]) as usize;
                self.symbols.get(at).map(|&s| (s, len))
            })?
        })
    }
}
