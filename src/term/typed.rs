//! Keys the reader typed while the viewer was starting (loading a big story, asking the
//! terminal what it is): they arrive mixed with the terminal's replies to the probe, which
//! reads them all. The replies are left out and the keys given back to the event loop, so a
//! reader who types `12 Enter` before the first frame still lands on page 12.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The keys among `bytes` (what the probe read), in order; the terminal's replies (CSI
/// `?…c`, `…t`, `>…` answers and string sequences: DCS, OSC, APC) are left out, and so is
/// anything that is not a key the viewer reads.
pub fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (key, used) = next(&bytes[i..]);
        out.extend(key);
        i += used.max(1);
    }
    out
}

/// The key at the start of `b` (if it is one) and how many bytes it took.
fn next(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match b[0] {
        0x1b => escape(b),
        b'\r' | b'\n' => (plain(KeyCode::Enter), 1),
        b'\t' => (plain(KeyCode::Tab), 1),
        0x7f | 0x08 => (plain(KeyCode::Backspace), 1),
        c @ 0x01..=0x1a => {
            let letter = char::from(b'a' + c - 1);
            (
                Some(KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL)),
                1,
            )
        }
        0x20..=0x7e => (plain(KeyCode::Char(char::from(b[0]))), 1),
        _ => utf8(b),
    }
}

/// A character written in UTF-8 (`页`, `é`); a broken sequence is one byte skipped.
fn utf8(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let len = match b[0] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return (None, 1),
    };
    match b.get(..len).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => {
            let c = s.chars().next().unwrap_or(' ');
            (
                Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                len,
            )
        }
        None => (None, 1),
    }
}

/// ESC alone, an arrow or paging key (`ESC [ A`, `ESC O A`, `ESC [ 5 ~`), or a reply to skip.
fn escape(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let key = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match b.get(1) {
        None => (key(KeyCode::Esc), 1),
        Some(b'[') => {
            let Some(end) = b[2..].iter().position(|c| (0x40..=0x7e).contains(c)) else {
                return (None, b.len());
            };
            let (params, last) = (&b[2..2 + end], b[2 + end]);
            (csi_key(params, last).and_then(key), 3 + end)
        }
        Some(b'O') => {
            let code = b.get(2).and_then(|&c| csi_key(b"", c));
            (code.and_then(key), 3.min(b.len()))
        }
        Some(b'P' | b'_' | b']') => (None, string_len(b)),
        Some(_) => (key(KeyCode::Esc), 1),
    }
}

/// The key a CSI sequence stands for; `None` for replies (`?…c`, `…t`, `>…`) and the rest.
fn csi_key(params: &[u8], last: u8) -> Option<KeyCode> {
    Some(match (params, last) {
        (b"", b'A') => KeyCode::Up,
        (b"", b'B') => KeyCode::Down,
        (b"", b'C') => KeyCode::Right,
        (b"", b'D') => KeyCode::Left,
        (b"", b'H') | (b"1" | b"7", b'~') => KeyCode::Home,
        (b"", b'F') | (b"4" | b"8", b'~') => KeyCode::End,
        (b"5", b'~') => KeyCode::PageUp,
        (b"6", b'~') => KeyCode::PageDown,
        (b"", b'Z') => KeyCode::BackTab,
        _ => return None,
    })
}

/// Length of a string sequence (DCS, APC, OSC) up to its terminator (ST or BEL), or all of
/// `b` when it is cut short.
fn string_len(b: &[u8]) -> usize {
    for j in 2..b.len() {
        if b[j] == 0x07 {
            return j + 1;
        }
        if b[j] == 0x1b && b.get(j + 1) == Some(&b'\\') {
            return j + 2;
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> Vec<String> {
        keys(bytes)
            .iter()
            .map(|k| {
                let ctrl = if k.modifiers.contains(KeyModifiers::CONTROL) {
                    "C-"
                } else {
                    ""
                };
                format!("{ctrl}{:?}", k.code)
            })
            .collect()
    }

    #[test]
    fn keys_typed_among_an_xterm_sixel_reply_are_kept_in_order() {
        // `1`, `2`, Enter typed while loading, an arrow during the probe, then the replies.
        let bytes = b"12\r\x1b[C\x1b]11;rgb:ffff/ffff/dddd\x1b\\\x1b[6;20;10t\x1bP>|XTerm(390)\x1b\\\x1b[?63;1;4c";
        assert_eq!(codes(bytes), ["Char('1')", "Char('2')", "Enter", "Right"]);
    }

    #[test]
    fn kitty_replies_page_keys_utf8_and_control_keys() {
        let bytes = "\x1b_Gi=31;OK\x1b\\页\x1b[5~\x1b[6~\x1bOB\x7f\x03q\x1b[>1;4000;29c\x1b[?62;c";
        assert_eq!(
            codes(bytes.as_bytes()),
            [
                "Char('页')",
                "PageUp",
                "PageDown",
                "Down",
                "Backspace",
                "C-Char('c')",
                "Char('q')"
            ]
        );
    }

    #[test]
    fn nothing_typed_cut_short_or_hostile_gives_no_key_and_no_panic() {
        assert!(keys(b"").is_empty());
        assert!(keys(b"\x1b[?62;22c").is_empty());
        assert!(keys(b"\x1b]11;rgb:0/0/0").is_empty(), "an OSC cut short");
        assert!(keys(b"\x1b[12;").is_empty(), "a CSI cut short");
        assert_eq!(codes(b"\x1b"), ["Esc"]);
        assert_eq!(codes(b"\xff\xfe\xe9x"), ["Char('x')"]);
        for n in 0..=255u8 {
            let _ = keys(&[0x1b, n, n, 0x1b]);
        }
    }
}
