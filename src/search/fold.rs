//! Case folding for search: Unicode lowercase, one character for one, so a match in the
//! folded text maps back to a byte range of the original.

/// The folded form of `c`: its lowercase (the first character of a multi-character one,
/// e.g. `İ` → `i`), with final sigma and long s folded as in Unicode simple case folding.
/// Scripts without case (CJK, kana, hangul) are unchanged: they match exactly.
pub fn fold_char(c: char) -> char {
    match c {
        'ς' => 'σ',
        'ſ' => 's',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        // CJK punctuation, kana, ideographs, Yi and hangul have no case: skip the table
        // lookup (most of a Chinese story's characters).
        '\u{3000}'..='\u{A63F}' | '\u{AC00}'..='\u{D7FF}' => c,
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Appends the folded `text` to `out`. Returns the original byte offset of every folded
/// character (and of the end) when some character changed its UTF-8 length in folding;
/// `None` when folded offsets are the original ones (always so for ASCII and CJK).
pub fn fold_into(text: &str, out: &mut String) -> Option<Vec<u32>> {
    let start = out.len();
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return None;
    }
    let mut same_len = true;
    for c in text.chars() {
        let f = fold_char(c);
        same_len &= f.len_utf8() == c.len_utf8();
        out.push(f);
    }
    if same_len {
        return None;
    }
    // Rare (`İ`, `ẞ`, the Kelvin sign): a table from folded to original offsets.
    let mut map = Vec::with_capacity(out.len() - start + 1);
    let mut orig = 0u32;
    for c in text.chars() {
        for _ in 0..fold_char(c).len_utf8() {
            map.push(orig);
        }
        orig += c.len_utf8() as u32;
    }
    map.push(orig);
    Some(map)
}

/// The folded query.
pub fn fold(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    fold_into(text, &mut s);
    s
}
