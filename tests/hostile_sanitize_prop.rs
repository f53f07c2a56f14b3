//! Properties of the one sanitizer, over 10,000 generated strings each: the output holds no
//! control (except `\n`), no bidi or invisible format character; sanitizing twice changes
//! nothing; ordinary text passes unchanged, with its display width.

use comicterm::text::{is_invisible_format, sanitize};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// The nine bidi embedding/override/isolate controls plus ALM, LRM, RLM.
const BIDI: [char; 12] = [
    '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Pieces that stress the escape parser: introducers, terminators and payload characters.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\x1b".to_string()),
        Just("\x1b[".to_string()),
        Just("\x1b]".to_string()),
        Just("\x1bP".to_string()),
        Just("\x1b_".to_string()),
        Just("\x1b^".to_string()),
        Just("\x1bX".to_string()),
        Just("\x1b\\".to_string()),
        Just("\x07".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9c}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{90}".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("52;c;".to_string()),
        Just("你好".to_string()),
        Just("é".to_string()),
        (0u32..0x100).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        prop::sample::select(BIDI.to_vec()).prop_map(String::from),
        any::<char>().prop_map(String::from),
        "[a-z0-9;?]{0,4}",
    ]
}

fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(hostile_piece(), 0..40).prop_map(|v| v.concat()),
    ]
}

/// Text with no control, format, surrogate, private-use or unassigned character and no
/// line/paragraph separator: what a story normally holds.
fn ordinary() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\\p{C}\\p{Zl}\\p{Zp}]{0,60}",
        "[a-zA-Z0-9 ,.!?'\"“”…—你好世界小李，。！？：；①■]{0,60}",
    ]
}

fn check_clean(out: &str) -> Result<(), TestCaseError> {
    for c in out.chars() {
        prop_assert!(!(c.is_control() && c != '\n'), "control U+{:04X}", c as u32);
        prop_assert!(!BIDI.contains(&c), "bidi U+{:04X}", c as u32);
        prop_assert!(!is_invisible_format(c), "invisible U+{:04X}", c as u32);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn output_is_clean(s in hostile_string()) {
        check_clean(&sanitize(&s))?;
    }

    #[test]
    fn sanitizing_twice_changes_nothing(s in hostile_string()) {
        let once = sanitize(&s);
        prop_assert_eq!(sanitize(&once), once);
    }

    #[test]
    fn ordinary_text_is_unchanged(s in ordinary()) {
        let out = sanitize(&s);
        prop_assert_eq!(out.width(), s.width());
        prop_assert_eq!(out, s);
    }

    /// Tabs expand to stops of 4 display columns: each line's width becomes a known value.
    #[test]
    fn tabs_expand_to_four_column_stops(parts in prop::collection::vec(ordinary(), 1..5)) {
        let s = parts.join("\t");
        let out = sanitize(&s);
        let mut col = 0;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                col += 4 - col % 4;
            }
            col += p.width();
        }
        prop_assert!(!out.contains('\t'));
        prop_assert_eq!(out.width(), col);
    }

    /// Nothing is lost around a removed sequence: ordinary text before and after survives.
    #[test]
    fn text_around_a_sequence_survives(a in ordinary(), b in ordinary(), payload in "[ -~]{0,20}") {
        let payload = payload.replace(['\x07', '\x1b'], "");
        for seq in [
            format!("\x1b]52;c;{payload}\x07"),
            format!("\x1b]0;{payload}\x1b\\"),
            format!("\x1b_G{payload}\x1b\\"),
            format!("\u{9d}8;;{payload}\u{9c}"),
            "\x1b[2J".to_string(),
        ] {
            let s = format!("{a}{seq}{b}");
            prop_assert_eq!(sanitize(&s), format!("{a}{b}"), "{:?}", s);
        }
    }
}

#[test]
fn a_huge_nested_input_is_removed_whole() {
    // 1.4 million nested introducers: handled without recursion (no stack overflow).
    let s = "\x1b]\x1b[\u{9d}\x1bP".repeat(200_000);
    assert_eq!(sanitize(&s), "");
}
