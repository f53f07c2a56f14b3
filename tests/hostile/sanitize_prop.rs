//! Properties of the one sanitizer, over 10,000 generated strings each: the output holds no
//! control (except `\n`), no bidi or invisible format character; sanitizing twice changes
//! nothing; ordinary text passes unchanged, with its display width. Joiners and tags: the
//! output holds no lone ZWJ/ZWNJ and no tag character outside a 🏴 flag sequence, emoji
//! sequences and Persian/Indic words pass unchanged, and `check` accepts a string exactly
//! when the sanitizer leaves it as it is.

use comicterm::text::{find_unsafe, is_invisible_format, sanitize};
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

/// Emoji sequences and words that hold joiners or tags where they belong (see the unit tests
/// in `src/text/invisible.rs` for what each is).
const LEGIT: [&str; 12] = [
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}",
    "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}",
    "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
    "\u{1f469}\u{1f3fd}\u{200d}\u{1f4bb}",
    "\u{2764}\u{fe0f}\u{200d}\u{1f525}",
    "\u{1f468}\u{1f3fb}\u{200d}\u{2764}\u{fe0f}\u{200d}\u{1f48b}\u{200d}\u{1f468}\u{1f3fc}",
    "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
    "\u{646}\u{645}\u{6cc}\u{200c}\u{62f}\u{627}\u{646}\u{645}",
    "\u{915}\u{94d}\u{200d}\u{937}",
    "\u{915}\u{94d}\u{200c}\u{937}",
    "\u{9b0}\u{200d}\u{9cd}\u{9af}\u{9be}\u{9ac}",
    "\u{dc1}\u{dca}\u{200d}\u{dbb}\u{dd3}",
];

const ZWJ: char = '\u{200d}';
const ZWNJ: char = '\u{200c}';

fn is_tag(c: char) -> bool {
    ('\u{e0000}'..='\u{e00ff}').contains(&c)
}

/// Pieces of joined text, their fragments, and the hostile pieces around them.
fn joiner_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(LEGIT.to_vec()).prop_map(String::from),
        // A legit sequence cut anywhere (a fragment keeps or loses its joiner).
        (
            prop::sample::select(LEGIT.to_vec()),
            any::<prop::sample::Index>()
        )
            .prop_map(|(s, i)| {
                let cut: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
                s[..cut[i.index(cut.len())]].to_string()
            }),
        prop::sample::select(vec![
            "\u{200d}",
            "\u{200c}",
            "\u{1f3f4}",
            "\u{e007f}",
            "\u{e0067}",
            "\u{e0001}",
            "\u{fe0f}",
            "\u{1f3fd}",
            "\u{1f469}",
            "\u{1f4bb}",
            "\u{628}",
            "\u{6cc}",
            "\u{94d}",
            "\u{915}",
            "\u{9cd}",
            "\u{6f1}",
            "a",
            " ",
            "\n",
            "1",
            "你",
            "\u{200b}",
            "\u{2060}",
            "\u{2064}",
            "\u{feff}",
            "\u{ad}",
        ])
        .prop_map(String::from),
        (0xe0000u32..0xe0100).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        hostile_piece(),
    ]
}

fn joiner_string() -> impl Strategy<Value = String> {
    prop::collection::vec(joiner_piece(), 0..24).prop_map(|v| v.concat())
}

/// No bidi control, no lone ZWJ/ZWNJ, no tag character outside `🏴 tags… CANCEL TAG`,
/// checked independently of the rule in `src/text/invisible.rs`.
fn check_no_lone_invisible(out: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        prop_assert!(!BIDI.contains(&c), "bidi U+{:04X} in {:?}", c as u32, out);
        if c == ZWJ || c == ZWNJ {
            let lone = |n: Option<&char>| {
                n.is_none_or(|&n| {
                    n.is_ascii()
                        || n.is_whitespace()
                        || n.is_numeric()
                        || n == ZWJ
                        || n == ZWNJ
                        || is_tag(n)
                })
            };
            let (prev, next) = (i.checked_sub(1).map(|p| &chars[p]), chars.get(i + 1));
            prop_assert!(
                !lone(prev) && !lone(next),
                "lone U+{:04X} in {:?}",
                c as u32,
                out
            );
        }
        if is_tag(c) {
            // A run of tag characters: after 🏴, ending in CANCEL TAG and only there.
            let start = i;
            while i < chars.len() && is_tag(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            prop_assert!(
                start > 0 && chars[start - 1] == '\u{1f3f4}',
                "tags in {:?}",
                out
            );
            prop_assert!(
                run.len() >= 2 && run[run.len() - 1] == '\u{e007f}',
                "tags in {:?}",
                out
            );
            prop_assert!(
                run[..run.len() - 1]
                    .iter()
                    .all(|&t| ('\u{e0020}'..='\u{e007e}').contains(&t)),
                "tags in {:?}",
                out
            );
            continue;
        }
        i += 1;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn output_holds_no_lone_joiner_tag_or_bidi(s in joiner_string()) {
        let out = sanitize(&s);
        check_clean(&out)?;
        check_no_lone_invisible(&out)?;
        // What the viewer draws passes `check`.
        prop_assert_eq!(find_unsafe(&out), vec![], "{:?} -> {:?}", s, out);
    }

    #[test]
    fn arbitrary_text_also_holds_no_lone_joiner(s in hostile_string()) {
        check_no_lone_invisible(&sanitize(&s))?;
    }

    #[test]
    fn sanitizing_joined_text_twice_changes_nothing(s in joiner_string()) {
        let once = sanitize(&s);
        prop_assert_eq!(sanitize(&once), once);
    }

    /// Emoji sequences and shaped words among ordinary text pass unchanged, and `check`
    /// accepts them.
    #[test]
    fn legit_sequences_pass_unchanged(
        parts in prop::collection::vec(
            prop_oneof![prop::sample::select(LEGIT.to_vec()).prop_map(String::from), ordinary()],
            0..8,
        ),
        sep in prop::sample::select(vec!["", " ", "\n", "你", "a", ", "]),
    ) {
        let s = parts.join(sep);
        prop_assert_eq!(find_unsafe(&s), vec![]);
        prop_assert_eq!(sanitize(&s), s);
    }

    /// The viewer and `check` agree: a string (without tabs and line ends to rewrite) is
    /// accepted by `check` exactly when the sanitizer leaves it as it is.
    #[test]
    fn check_accepts_exactly_what_sanitize_keeps(s in joiner_string()) {
        let s = s.replace(['\t', '\r', '\u{2028}', '\u{2029}'], "");
        prop_assert_eq!(find_unsafe(&s).is_empty(), sanitize(&s) == s, "{:?}", s);
    }
}

#[test]
fn a_huge_nested_input_is_removed_whole() {
    // 1.4 million nested introducers: handled without recursion (no stack overflow).
    let s = "\x1b]\x1b[\u{9d}\x1bP".repeat(200_000);
    assert_eq!(sanitize(&s), "");
}
