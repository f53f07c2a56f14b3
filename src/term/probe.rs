//! Asking the terminal what it is: its name and version (XTVERSION), whether it answers the
//! kitty graphics query, its device attributes (DA1: sixel), its cell size in pixels and its
//! background color. One write, then replies are read on the calling thread until the DA1
//! answer (every terminal sends it, after the others) or a deadline: no thread is left
//! reading the terminal afterwards, so no key of the reader's is ever eaten.
//!
//! Parsing is pure ([`parse_replies`]) and tested on recorded answers.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use crate::art::TermReplies;

/// The kitty graphics queries: a 1×1 image (id 31), and the same image zlib-compressed
/// (`o=z`, id 32), which a terminal answers `OK` only if it inflated it. Never sent inside
/// tmux or GNU screen: they take an APC string as a window title.
pub const KITTY_QUERY: &str = concat!(
    "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\",
    "\x1b_Gi=32,s=1,v=1,a=q,t=d,f=24,o=z;eJxjYGAAAAADAAE=\x1b\\",
);

/// XTVERSION, cell size, window size, background, and DA1 last: terminals answer in order,
/// so DA1 ends the exchange.
pub const QUERY: &str = concat!(
    "\x1b[>0q",
    "\x1b[16t",
    "\x1b[14t",
    "\x1b]11;?\x1b\\",
    "\x1b[c",
);

/// How long to wait for a terminal that does not answer at all.
pub const TIMEOUT: Duration = Duration::from_millis(1000);

/// Queries the controlling terminal; raw mode must be on (so replies are not echoed and
/// arrive byte by byte). `kitty`: also send the kitty graphics query. Returns what was
/// understood (an empty answer when nothing came) and the keys typed meanwhile.
pub fn probe(
    timeout: Duration,
    kitty: bool,
) -> (TermReplies, Vec<ratatui::crossterm::event::KeyEvent>) {
    let query = if kitty {
        format!("{KITTY_QUERY}{QUERY}")
    } else {
        QUERY.to_string()
    };
    let bytes = probe_tty(&query, timeout).unwrap_or_default();
    let mut r = parse_replies(&bytes);
    if r.cell_px.is_none() {
        // xterm, by default, does not answer `CSI 16 t` or `CSI 14 t`; the kernel's window
        // size often has the pixels.
        r.cell_px = winsize_cell_px();
    }
    (r, super::typed::keys(&bytes))
}

/// Cell size from the window size in pixels that the terminal gave the kernel.
#[cfg(unix)]
fn winsize_cell_px() -> Option<(u32, u32)> {
    use std::os::fd::AsRawFd;
    let tty = std::fs::File::open("/dev/tty").ok()?;
    // SAFETY: TIOCGWINSZ fills a winsize struct we own.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(tty.as_raw_fd(), libc::TIOCGWINSZ, &mut ws) } != 0 {
        return None;
    }
    cell_from_window(
        (u32::from(ws.ws_xpixel), u32::from(ws.ws_ypixel)),
        (u32::from(ws.ws_col), u32::from(ws.ws_row)),
    )
}

#[cfg(not(unix))]
fn winsize_cell_px() -> Option<(u32, u32)> {
    None
}

/// Pixels per cell from a window's pixels and cells, if both are known.
pub fn cell_from_window((w, h): (u32, u32), (cols, rows): (u32, u32)) -> Option<(u32, u32)> {
    (w > 0 && h > 0 && cols > 0 && rows > 0).then(|| (w / cols, h / rows))
}

#[cfg(unix)]
fn probe_tty(query: &str, timeout: Duration) -> io::Result<Vec<u8>> {
    use std::os::fd::AsRawFd;
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    tty.write_all(query.as_bytes())?;
    tty.flush()?;
    let deadline = Instant::now() + timeout;
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    while !parse_replies(&got).answered {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let mut fds = libc::pollfd {
            fd: tty.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = libc::c_int::try_from(left.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd for a descriptor we own.
        let ready = unsafe { libc::poll(&mut fds, 1, ms.max(1)) };
        if ready < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if ready == 0 {
            break;
        }
        // Poll said readable: one read, which does not block.
        let n = tty.read(&mut buf)?;
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
        if got.len() > 64 * 1024 {
            break;
        }
    }
    Ok(got)
}

#[cfg(not(unix))]
fn probe_tty(_query: &str, _timeout: Duration) -> io::Result<Vec<u8>> {
    Err(io::Error::other("terminal queries need a Unix terminal"))
}

/// Understands the replies to [`QUERY`] in `bytes`; anything else (keys typed meanwhile) is
/// ignored.
pub fn parse_replies(bytes: &[u8]) -> TermReplies {
    let mut r = TermReplies::default();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != 0x1b || i + 1 >= bytes.len() {
            i += 1;
            continue;
        }
        let kind = bytes[i + 1];
        let body_start = i + 2;
        let (body, next) = match kind {
            b'[' => match bytes[body_start..]
                .iter()
                .position(|b| (0x40..=0x7e).contains(b))
            {
                Some(p) => (&bytes[body_start..=body_start + p], body_start + p + 1),
                None => break,
            },
            b'P' | b'_' | b']' => match string_end(&bytes[body_start..]) {
                Some((len, term)) => (
                    &bytes[body_start..body_start + len],
                    body_start + len + term,
                ),
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let text = String::from_utf8_lossy(body);
        match kind {
            b'[' => csi_reply(&text, &mut r),
            b'P' => {
                if let Some(v) = text.strip_prefix(">|") {
                    r.xtversion = Some(printable(v));
                }
            }
            b'_' => {
                let ok = text.contains(";OK");
                match kitty_reply_id(&text) {
                    Some("31") => r.kitty_graphics = ok,
                    Some("32") => r.kitty_zlib = ok,
                    _ => {}
                }
            }
            _ => {
                if let Some(rgb) = text.strip_prefix("11;") {
                    r.background = parse_rgb(rgb);
                }
            }
        }
        i = next;
    }
    r
}

/// The image id a kitty graphics reply (`Gi=31;OK`, `Gi=32,p=1;EINVAL:…`) answers for.
fn kitty_reply_id(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("Gi=")?;
    Some(&rest[..rest.find([',', ';']).unwrap_or(rest.len())])
}

/// Length of a string-type sequence's body and of its terminator (ST `ESC \` or BEL).
fn string_end(b: &[u8]) -> Option<(usize, usize)> {
    for (j, &c) in b.iter().enumerate() {
        if c == 0x07 {
            return Some((j, 1));
        }
        if c == 0x1b && b.get(j + 1) == Some(&b'\\') {
            return Some((j, 2));
        }
    }
    None
}

fn csi_reply(text: &str, r: &mut TermReplies) {
    if let Some(attrs) = text.strip_prefix('?').and_then(|t| t.strip_suffix('c')) {
        r.answered = true;
        r.da1 = attrs.split(';').filter_map(|a| a.parse().ok()).collect();
        return;
    }
    let Some(nums) = text.strip_suffix('t') else {
        return;
    };
    let n: Vec<u32> = nums.split(';').filter_map(|a| a.parse().ok()).collect();
    match n.as_slice() {
        [6, h, w] if *h > 0 && *w > 0 => r.cell_px = Some((*w, *h)),
        [4, h, w] if *h > 0 && *w > 0 => r.window_px = Some((*w, *h)),
        _ => {}
    }
}

/// `rgb:RRRR/GGGG/BBBB` (1–4 hex digits each) to 8-bit channels.
fn parse_rgb(s: &str) -> Option<(u8, u8, u8)> {
    let s = s.strip_prefix("rgb:")?;
    let mut it = s.split('/').map(|c| {
        let v = u32::from_str_radix(c, 16).ok()?;
        let max = (1u32 << (4 * c.len().clamp(1, 4))) - 1;
        u8::try_from(v * 255 / max).ok()
    });
    Some((it.next()??, it.next()??, it.next()??))
}

/// The terminal's own words, without control characters, at most 64 characters.
fn printable(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kitty_0_26_answers_are_understood() {
        let answer = b"\x1bP>|kitty(0.26.5)\x1b\\\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[4;600;800t\
            \x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;c";
        let r = parse_replies(answer);
        assert_eq!(r.xtversion.as_deref(), Some("kitty(0.26.5)"));
        assert!(r.kitty_graphics);
        assert_eq!(r.cell_px, Some((10, 20)));
        assert_eq!(r.window_px, Some((800, 600)));
        assert_eq!(r.background, Some((0, 0, 0)));
        assert!(r.answered);
        assert_eq!(r.da1, vec![62]);
    }

    #[test]
    fn the_compressed_kitty_query_is_told_apart() {
        // kitty 0.26.5's answers, recorded under Xvfb: it inflates the compressed query.
        let r = parse_replies(b"\x1b_Gi=31;OK\x1b\\\x1b_Gi=32;OK\x1b\\\x1b[?62;c");
        assert!(r.kitty_graphics && r.kitty_zlib);
        // A terminal that cannot inflate: the plain query alone is OK.
        let r = parse_replies(
            b"\x1b_Gi=31;OK\x1b\\\x1b_Gi=32;EINVAL:Failed to inflate image data\x1b\\\x1b[?62;c",
        );
        assert!(r.kitty_graphics && !r.kitty_zlib);
        // Answers to other ids (ours start at 31) and replies with more keys.
        let r = parse_replies(b"\x1b_Gi=321;OK\x1b\\\x1b_Gi=3;OK\x1b\\\x1b[?62;c");
        assert!(!r.kitty_graphics && !r.kitty_zlib);
        let r = parse_replies(b"\x1b_Gi=32,p=1;OK\x1b\\\x1b[?62;c");
        assert!(r.kitty_zlib && !r.kitty_graphics);
    }

    #[test]
    fn the_compressed_query_inflates_to_the_plain_one() {
        use base64::Engine;
        use std::io::Read;
        let payload = |id: &str| {
            let start = KITTY_QUERY.find(&format!("i={id},")).unwrap();
            let rest = &KITTY_QUERY[start..];
            let data = &rest[rest.find(';').unwrap() + 1..rest.find('\x1b').unwrap()];
            base64::engine::general_purpose::STANDARD
                .decode(data)
                .unwrap()
        };
        let mut inflated = Vec::new();
        flate2::read::ZlibDecoder::new(&payload("32")[..])
            .read_to_end(&mut inflated)
            .unwrap();
        assert_eq!(inflated, payload("31"));
        assert!(KITTY_QUERY.contains("i=32,s=1,v=1,a=q,t=d,f=24,o=z;"));
    }

    #[test]
    fn xterm_sixel_answers_and_typed_keys_are_understood() {
        // xterm ignores the kitty query (no reply) and answers OSC 11 with BEL.
        let answer = b"j\x1bP>|XTerm(390)\x1b\\\x1b[6;17;8t\x1b]11;rgb:ffff/ffff/ffff\x07k\
            \x1b[?63;1;2;4;6;9;15;22c";
        let r = parse_replies(answer);
        assert_eq!(r.xtversion.as_deref(), Some("XTerm(390)"));
        assert!(!r.kitty_graphics);
        assert_eq!(r.cell_px, Some((8, 17)));
        assert_eq!(r.background, Some((255, 255, 255)));
        assert!(r.da1.contains(&4));
    }

    #[test]
    fn partial_hostile_and_empty_answers_do_not_panic() {
        assert!(!parse_replies(b"").answered);
        assert!(!parse_replies(b"\x1b[?62").answered);
        let r = parse_replies(b"\x1bP>|evil\x1b]0;x\x07\x1b\\\x1b[?1;2c");
        assert!(r.xtversion.unwrap().chars().all(|c| !c.is_control()));
        let r = parse_replies(b"\x1b_Gi=31;ENOTSUPPORTED:no\x1b\\\x1b[?1c");
        assert!(!r.kitty_graphics);
        assert_eq!(parse_rgb("rgb:f/8/0"), Some((255, 136, 0)));
        assert_eq!(parse_rgb("rgb:zz/0/0"), None);
        for n in 0..200u8 {
            let bytes: Vec<u8> = (0..n)
                .map(|i| [0x1b, b'[', b'P', b'?', b'\\', b'c'][(i % 6) as usize])
                .collect();
            let _ = parse_replies(&bytes);
        }
    }
}
