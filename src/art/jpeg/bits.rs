//! The entropy-coded bits of a JPEG scan: stuffed `FF 00` bytes become `FF`, and a marker
//! ends the data. After a marker the bits read as zeros, as in `jpeg-decoder`, so a scan cut
//! short by a marker decodes the same way in both decoders.

/// Reads a scan's bits, most significant first, from a byte slice.
pub struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    /// Unread bits, left-aligned.
    buf: u64,
    count: u32,
    /// The marker that ended the data (its second byte), once seen.
    marker: Option<u8>,
    /// Zero bits appended after the marker.
    filled: u32,
}

impl<'a> Bits<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Bits<'a> {
        Bits {
            data,
            pos,
            buf: 0,
            count: 0,
            marker: None,
            filled: 0,
        }
    }

    /// Tops the buffer up to more than 56 bits. `None` if the bytes end without a marker, or
    /// a marker is malformed (`FF FF .. 00`).
    #[inline]
    pub fn refill(&mut self) -> Option<()> {
        if self.marker.is_none() && self.count <= 56 && self.pos + 8 <= self.data.len() {
            // Fast path: take whole bytes at once when none of the next eight is FF.
            let next = u64::from_be_bytes(self.data[self.pos..self.pos + 8].try_into().ok()?);
            if !has_ff(next) {
                let take = (64 - self.count) / 8;
                let bytes = next >> (64 - 8 * take);
                self.buf |= (bytes << (64 - 8 * take)) >> self.count;
                self.count += 8 * take;
                self.pos += take as usize;
                return Some(());
            }
        }
        while self.count <= 56 {
            let byte = self.next_byte()?;
            self.buf |= u64::from(byte) << (56 - self.count);
            self.count += 8;
        }
        Some(())
    }

    /// The next data byte, or 0 once a marker has ended the data.
    fn next_byte(&mut self) -> Option<u8> {
        if self.marker.is_some() {
            self.filled += 8;
            return Some(0);
        }
        let byte = *self.data.get(self.pos)?;
        self.pos += 1;
        if byte != 0xFF {
            return Some(byte);
        }
        let mut next = *self.data.get(self.pos)?;
        self.pos += 1;
        if next == 0 {
            return Some(0xFF);
        }
        while next == 0xFF {
            next = *self.data.get(self.pos)?;
            self.pos += 1;
        }
        if next == 0 {
            return None;
        }
        self.marker = Some(next);
        self.filled += 8;
        Some(0)
    }

    /// The next 16 bits without consuming them (the buffer must hold at least 16 after a
    /// [`Bits::refill`]).
    #[inline]
    pub fn peek16(&self) -> u32 {
        (self.buf >> 48) as u32
    }

    #[inline]
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Consumes `n` bits (at most the buffered count).
    #[inline]
    pub fn skip(&mut self, n: u32) {
        self.buf <<= n;
        self.count -= n;
    }

    /// Takes `n` bits (1..=16) as a number, refilling first if needed.
    #[inline]
    pub fn take(&mut self, n: u32) -> Option<u16> {
        if self.count < n {
            self.refill()?;
        }
        let value = (self.buf >> (64 - n)) as u16;
        self.skip(n);
        Some(value)
    }

    /// At a restart or the end of the scan: reads on until a marker and returns it, leaving
    /// the reader just after it with an empty buffer. `None` unless only the padding of the
    /// last byte (fewer than 8 data bits) came before the marker.
    pub fn take_marker(&mut self) -> Option<u8> {
        self.refill()?;
        let marker = self.marker.take()?;
        let data_left = self.count.saturating_sub(self.filled);
        (data_left < 8).then_some(marker).inspect(|_| {
            self.buf = 0;
            self.count = 0;
            self.filled = 0;
        })
    }
}

/// Whether any byte of `word` is FF (a zero byte of its complement).
#[inline]
fn has_ff(word: u64) -> bool {
    let v = !word;
    v.wrapping_sub(0x0101_0101_0101_0101) & !v & 0x8080_8080_8080_8080 != 0
}

/// The signed value of `bits` (`n` bits long) in JPEG's magnitude coding (T.81 F.2.2.1).
#[inline]
pub fn extend(bits: u16, n: u32) -> i16 {
    if n == 0 {
        return 0;
    }
    let bits = i32::from(bits);
    if bits < 1 << (n - 1) {
        (bits - (1 << n) + 1) as i16
    } else {
        bits as i16
    }
}
