//! Removing SGR color sequences from output, to check what else is left in it (tests, fuzz
//! targets and tools use this; the viewer never needs it).

/// Removes the renderer's own SGR sequences (`ESC [ digits;… m`) and nothing else.
pub fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(after.len());
        if after[n..].starts_with('m') {
            rest = &after[n + 1..];
        } else {
            // Not an SGR: keep it, so a check of what is left sees it.
            out.push_str("\x1b[");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::strip_sgr;

    #[test]
    fn only_sgr_is_removed() {
        assert_eq!(strip_sgr("\x1b[0;38;2;1;2;3mA\x1b[0mB"), "AB");
        assert_eq!(strip_sgr("\x1b[2JA"), "\x1b[2JA");
        assert_eq!(strip_sgr("\x1b[?1049hA"), "\x1b[?1049hA");
    }
}
