//! The one rule for invisible characters, shared by [`crate::text::sanitize`] (what the viewer
//! draws) and [`crate::text::find_unsafe`] (what `comicterm check` reports), so the two always
//! agree.
//!
//! Invisible characters fall into two classes:
//!
//! - **Always removed** ([`is_invisible_format`]): characters that can spoof or hide text and
//!   belong to no grapheme: bidi controls (U+061C, U+200E/200F, U+202A–202E, U+2066–2069),
//!   zero-width space U+200B, word joiner and invisible operators U+2060–2064, BOM U+FEFF,
//!   Mongolian vowel separator U+180E, soft hyphen U+00AD (a hyphenation hint the viewer does not
//!   use, drawn by some terminals as a hyphen and by others as nothing, so it would shift a
//!   frame), the language tag U+E0001, the other format controls of Unicode category Cf, and
//!   unassigned default-ignorable code points.
//! - **Kept where they belong to a grapheme** ([`is_stray_invisible`] decides from the
//!   neighbours): the zero-width joiner U+200D between two emoji (as in 👨‍👩‍👧‍👦, 🏳️‍🌈,
//!   👩🏽‍💻, ❤️‍🔥) or between two letters or marks of a script shaped with joiners (Arabic
//!   and Persian, Syriac, N'Ko, the Indic scripts, Myanmar, Khmer, Mongolian, …); the zero-width
//!   non-joiner U+200C between two such letters or marks (Persian می‌خواهم, Hindi क्‌ष); tag
//!   characters U+E0020–E007F only as an emoji tag sequence, U+1F3F4 🏴 then 1 to
//!   [`TAG_SPEC_MAX`] tag characters then CANCEL TAG U+E007F (🏴󠁧󠁢󠁳󠁣󠁴󠁿). Anywhere else (at the
//!   start or end of a text, next to a space, ASCII, punctuation or a digit, in a run of
//!   joiners) they are lone invisibles and go.
//!
//! Variation selectors (U+FE00–FE0F, U+E0100–E01EF) are combining marks, not format
//! characters: they are kept like any accent (a lone one joins nothing and is drawn as nothing).
//!
//! The rule only ever looks at a kept character's immediate neighbours, and those are never
//! removed themselves, so removing what it rejects never changes a verdict: sanitizing twice
//! gives the same text, and a sanitized text passes `check`.

use unicode_width::UnicodeWidthChar;

/// Zero-width joiner.
pub const ZWJ: char = '\u{200d}';
/// Zero-width non-joiner.
pub const ZWNJ: char = '\u{200c}';
/// The base of every emoji tag sequence in use (the subdivision flags): 🏴.
pub const BLACK_FLAG: char = '\u{1f3f4}';
/// CANCEL TAG, the end of an emoji tag sequence.
pub const CANCEL_TAG: char = '\u{e007f}';
/// The most tag characters (between 🏴 and CANCEL TAG) a kept tag sequence may have. Flags in
/// use have 5 or 6 (`gbsct`, `gbeng`, `usca`…); the bound keeps each verdict O(1).
pub const TAG_SPEC_MAX: usize = 16;

/// A format character that is removed wherever it stands (bidi controls, zero-width space,
/// BOM, soft hyphen, …). The joiners and tag characters are not in this class: they are kept
/// or removed by [`is_stray_invisible`], from their neighbours.
pub fn is_invisible_format(c: char) -> bool {
    // Fast answer for the common cases (ASCII, Latin, CJK): no such character lies below
    // U+00AD or between U+2070 and U+FEFE.
    let u = u32::from(c);
    if u < 0xAD || (0x2070..0xFEFF).contains(&u) {
        return false;
    }
    matches!(c,
        '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e001f}'
        | '\u{e0080}'..='\u{e00ff}'
        | '\u{e01f0}'..='\u{e0fff}'
    )
}

/// A character kept or removed by its neighbours: ZWJ, ZWNJ and the tag characters.
pub fn is_contextual(c: char) -> bool {
    matches!(c, ZWJ | ZWNJ | '\u{e0020}'..='\u{e007f}')
}

/// The one rule: whether the character starting at byte `at` of `text` is an invisible
/// character that [`sanitize`](crate::text::sanitize) removes and `check` reports (an
/// [`is_invisible_format`] character, or a joiner or tag character that belongs to no
/// grapheme). Visible characters and controls answer false (controls have their own rule).
///
/// `text` is the text as the reader will see it: `sanitize` asks after removing escape
/// sequences and controls, `check` asks on the string as written (where a control next to a
/// joiner is reported anyway). Panics if `at` is not a character boundary of `text`.
pub fn is_stray_invisible(text: &str, at: usize) -> bool {
    let Some(c) = text[at..].chars().next() else {
        return false;
    };
    if is_invisible_format(c) {
        return true;
    }
    if !is_contextual(c) {
        return false;
    }
    let before = &text[..at];
    let after = &text[at + c.len_utf8()..];
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let kept = match c {
        ZWJ => {
            (emoji_ends(before) && next.is_some_and(is_pictographic))
                || (prev.is_some_and(is_joining_letter) && next.is_some_and(is_joining_letter))
        }
        ZWNJ => prev.is_some_and(is_joining_letter) && next.is_some_and(is_joining_letter),
        _ => in_tag_sequence(before, c, after),
    };
    !kept
}

/// `before` ends with an emoji that a ZWJ may follow: a pictograph, optionally followed by
/// one variation selector or skin-tone modifier (🏳️, 👩🏽, ❤️).
fn emoji_ends(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some(c) if is_pictographic(c) => true,
        Some('\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}') => back.next().is_some_and(is_pictographic),
        _ => false,
    }
}

/// Tag character `c` (between `before` and `after`) is part of 🏴 + 1..=[`TAG_SPEC_MAX`] tag
/// characters + CANCEL TAG. Looks at most `TAG_SPEC_MAX + 1` characters each way.
fn in_tag_sequence(before: &str, c: char, after: &str) -> bool {
    let is_spec = |c: char| ('\u{e0020}'..='\u{e007e}').contains(&c);
    // Tag characters before `c`, up to the base.
    let mut run = 0;
    let mut base = None;
    for b in before.chars().rev().take(TAG_SPEC_MAX + 1) {
        if is_spec(b) {
            run += 1;
        } else {
            base = Some(b);
            break;
        }
    }
    if base != Some(BLACK_FLAG) {
        return false;
    }
    if c == CANCEL_TAG {
        return (1..=TAG_SPEC_MAX).contains(&run);
    }
    // `c` is a tag character itself: the run goes on to a CANCEL TAG.
    run += 1;
    for a in after.chars().take(TAG_SPEC_MAX + 1) {
        if a == CANCEL_TAG {
            return run <= TAG_SPEC_MAX;
        }
        if !is_spec(a) {
            return false;
        }
        run += 1;
    }
    false
}

/// A letter or combining mark of a script written with joiners (ZWJ/ZWNJ change how its
/// letters connect or form conjuncts): Arabic (and Persian, Urdu…), Syriac, Thaana, N'Ko,
/// Mandaic, the Indic scripts from Devanagari to Sinhala, Myanmar, Khmer, Mongolian, the
/// Brahmic scripts of the supplementary plane, Hanifi Rohingya, Adlam. Letters are Alphabetic;
/// marks are the zero-width characters of those blocks (virama, nukta, harakat, …); digits,
/// punctuation and format characters are neither.
pub fn is_joining_letter(c: char) -> bool {
    let in_script = matches!(c,
        '\u{600}'..='\u{8ff}'
        | '\u{900}'..='\u{dff}'
        | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{18af}'
        | '\u{1cd0}'..='\u{1cff}'
        | '\u{a8e0}'..='\u{a8ff}'
        | '\u{a9e0}'..='\u{a9ff}'
        | '\u{aa60}'..='\u{aa7f}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{fefe}'
        | '\u{10d00}'..='\u{10d3f}'
        | '\u{11000}'..='\u{11dff}'
        | '\u{1e900}'..='\u{1e95f}'
    );
    in_script
        && !is_invisible_format(c)
        && (c.is_alphabetic() || (c.width() == Some(0) && !c.is_whitespace()))
}

/// Extended_Pictographic (UTS #51), the property by which UAX #29 joins `pictograph ZWJ
/// pictograph` into one grapheme (rule GB11). The table is the one unicode-segmentation 1.13
/// (Unicode 17) splits graphemes by, as the wrapper and ratatui do; a test checks every code
/// point against it, so an update of the crate that changes the property fails that test.
pub fn is_pictographic(c: char) -> bool {
    let u = u32::from(c);
    if u < 0xA9 {
        return false;
    }
    if u >= 0x10000 {
        return PICT_SMP.iter().any(|&(a, b)| (a..=b).contains(&u));
    }
    PICT_BMP.iter().any(|&(a, b)| (a..=b).contains(&u))
}

#[rustfmt::skip]
const PICT_BMP: &[(u32, u32)] = &[
    (0xA9, 0xA9), (0xAE, 0xAE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D), (0x2620, 0x2620),
    (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663),
    (0x2665, 0x2666), (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697),
    (0x2699, 0x2699), (0x269B, 0x269C), (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB),
    (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26C8, 0x26C8), (0x26CE, 0x26CF),
    (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5), (0x26F7, 0x26FA),
    (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797),
    (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299),
];

#[rustfmt::skip]
const PICT_SMP: &[(u32, u32)] = &[
    (0x1F004, 0x1F004), (0x1F02C, 0x1F02F), (0x1F094, 0x1F09F), (0x1F0AF, 0x1F0B0),
    (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0), (0x1F0F6, 0x1F0FF), (0x1F170, 0x1F171),
    (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AE, 0x1F1E5),
    (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A),
    (0x1F23C, 0x1F23F), (0x1F249, 0x1F25F), (0x1F266, 0x1F321), (0x1F324, 0x1F393),
    (0x1F396, 0x1F397), (0x1F399, 0x1F39B), (0x1F39E, 0x1F3F0), (0x1F3F3, 0x1F3F5),
    (0x1F3F7, 0x1F3FA), (0x1F400, 0x1F4FD), (0x1F4FF, 0x1F53D), (0x1F549, 0x1F54E),
    (0x1F550, 0x1F567), (0x1F56F, 0x1F570), (0x1F573, 0x1F57A), (0x1F587, 0x1F587),
    (0x1F58A, 0x1F58D), (0x1F590, 0x1F590), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A5),
    (0x1F5A8, 0x1F5A8), (0x1F5B1, 0x1F5B2), (0x1F5BC, 0x1F5BC), (0x1F5C2, 0x1F5C4),
    (0x1F5D1, 0x1F5D3), (0x1F5DC, 0x1F5DE), (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3),
    (0x1F5E8, 0x1F5E8), (0x1F5EF, 0x1F5EF), (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F64F),
    (0x1F680, 0x1F6C5), (0x1F6CB, 0x1F6D2), (0x1F6D5, 0x1F6E5), (0x1F6E9, 0x1F6E9),
    (0x1F6EB, 0x1F6F0), (0x1F6F3, 0x1F6FF), (0x1F7DA, 0x1F7FF), (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF),
    (0x1F8BC, 0x1F8BF), (0x1F8C2, 0x1F8CF), (0x1F8D9, 0x1F8FF), (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA58, 0x1FA5F), (0x1FA6E, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{find_unsafe, sanitize};
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;

    /// Emoji sequences in use (RGI), each one grapheme.
    const EMOJI: &[(&str, &str)] = &[
        // 👨‍👩‍👧‍👦
        (
            "family",
            "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}",
        ),
        // 🏳️‍🌈
        ("rainbow flag", "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}"),
        // 🏳️‍⚧️
        (
            "transgender flag",
            "\u{1f3f3}\u{fe0f}\u{200d}\u{26a7}\u{fe0f}",
        ),
        // 🏴󠁧󠁢󠁳󠁣󠁴󠁿
        (
            "Scotland",
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
        ),
        // 🏴󠁧󠁢󠁷󠁬󠁳󠁿
        (
            "Wales",
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}",
        ),
        // 👩🏽‍💻
        ("technologist", "\u{1f469}\u{1f3fd}\u{200d}\u{1f4bb}"),
        // ❤️‍🔥
        ("heart on fire", "\u{2764}\u{fe0f}\u{200d}\u{1f525}"),
        // 🧑‍🤝‍🧑
        (
            "holding hands",
            "\u{1f9d1}\u{200d}\u{1f91d}\u{200d}\u{1f9d1}",
        ),
        // 👁️‍🗨️
        (
            "eye in bubble",
            "\u{1f441}\u{fe0f}\u{200d}\u{1f5e8}\u{fe0f}",
        ),
        // 🐻‍❄️
        ("polar bear", "\u{1f43b}\u{200d}\u{2744}\u{fe0f}"),
        // 👨🏻‍❤️‍💋‍👨🏼
        (
            "kiss",
            "\u{1f468}\u{1f3fb}\u{200d}\u{2764}\u{fe0f}\u{200d}\u{1f48b}\u{200d}\u{1f468}\u{1f3fc}",
        ),
    ];

    /// Words shaped with ZWNJ or ZWJ.
    const WORDS: &[(&str, &str)] = &[
        // می‌خواهم (Persian, "I want"): ZWNJ after the prefix می
        (
            "Persian mi-khaham",
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        ),
        // نمی‌دانم (Persian, "I don't know")
        (
            "Persian nemidanam",
            "\u{646}\u{645}\u{6cc}\u{200c}\u{62f}\u{627}\u{646}\u{645}",
        ),
        // کتاب‌ها (Persian, "books"): ZWNJ before the plural suffix
        (
            "Persian ketab-ha",
            "\u{6a9}\u{62a}\u{627}\u{628}\u{200c}\u{647}\u{627}",
        ),
        // क्‍ष (Hindi: KA, VIRAMA, ZWJ, SSA: the half form of KA)
        ("Hindi ZWJ", "\u{915}\u{94d}\u{200d}\u{937}"),
        // क्‌ष (Hindi: KA, VIRAMA, ZWNJ, SSA: an explicit virama)
        ("Hindi ZWNJ", "\u{915}\u{94d}\u{200c}\u{937}"),
        // र्‍य (Devanagari eyelash RA: RA, VIRAMA, ZWJ, YA)
        ("Devanagari eyelash ra", "\u{930}\u{94d}\u{200d}\u{92f}"),
        // র‍্যাব (Bengali RAB: RA, ZWJ, VIRAMA, YA: the ya-phala form)
        (
            "Bengali ya-phala",
            "\u{9b0}\u{200d}\u{9cd}\u{9af}\u{9be}\u{9ac}",
        ),
        // ශ්‍රී (Sinhala "Sri": SHA, VIRAMA (al-lakuna), ZWJ, RA, II)
        ("Sinhala sri", "\u{dc1}\u{dca}\u{200d}\u{dbb}\u{dd3}"),
    ];

    fn legit() -> impl Iterator<Item = (&'static str, &'static str)> {
        EMOJI.iter().chain(WORDS).copied()
    }

    #[test]
    fn sequences_and_words_are_kept_whole() {
        for (name, s) in legit() {
            assert_eq!(sanitize(s), s, "{name}");
            assert_eq!(find_unsafe(s), [], "{name}");
            for (a, b) in [("", ""), ("Ada ", " codes."), ("你好", "。"), ("\t", "\n")] {
                let text = format!("{a}{s}{b}");
                assert_eq!(find_unsafe(&text), [], "{name} in {text:?}");
                let clean = sanitize(&text);
                assert!(clean.contains(s), "{name} in {text:?}: {clean:?}");
            }
            // Twice in a row, and next to each other's kind.
            let twice = format!("{s}{s}");
            assert_eq!(sanitize(&twice), twice, "{name} twice");
        }
    }

    #[test]
    fn an_emoji_sequence_is_one_grapheme_two_columns_wide() {
        // What the wrapper and ratatui assume: one grapheme, 2 columns.
        for (name, s) in EMOJI {
            assert_eq!(s.graphemes(true).count(), 1, "{name}");
            assert_eq!(s.width(), 2, "{name}");
        }
    }

    #[test]
    fn a_stray_joiner_is_removed() {
        let z = ZWJ;
        let n = ZWNJ;
        let cases = [
            // At the start, the end, between ASCII, next to spaces.
            (format!("{z}abc"), "abc"),
            (format!("abc{z}"), "abc"),
            (format!("evil{z}txt.exe"), "eviltxt.exe"),
            (format!("a {z} b"), "a  b"),
            (format!("{n}abc"), "abc"),
            (format!("abc{n}"), "abc"),
            (format!("pay{n}pal"), "paypal"),
            // An emoji on one side only.
            ("\u{1f469}\u{200d}".to_string(), "\u{1f469}"),
            ("\u{200d}\u{1f4bb}".to_string(), "\u{1f4bb}"),
            ("\u{1f469}\u{200d}a".to_string(), "\u{1f469}a"),
            ("a\u{200d}\u{1f4bb}".to_string(), "a\u{1f4bb}"),
            // A letter on one side only, a digit, a space, Latin letters.
            ("\u{628}\u{200d}1".to_string(), "\u{628}1"),
            ("\u{628}\u{200d} \u{62a}".to_string(), "\u{628} \u{62a}"),
            ("\u{6cc}\u{200c}".to_string(), "\u{6cc}"),
            ("\u{200c}\u{6cc}".to_string(), "\u{6cc}"),
            ("\u{6cc}\u{200c}\u{6f1}".to_string(), "\u{6cc}\u{6f1}"),
            ("caf\u{e9}\u{200c}\u{e9}".to_string(), "caf\u{e9}\u{e9}"),
            // ZWNJ joins no emoji; two joiners in a row join nothing.
            (
                "\u{1f469}\u{200c}\u{1f4bb}".to_string(),
                "\u{1f469}\u{1f4bb}",
            ),
            (
                "\u{1f469}\u{200d}\u{200d}\u{1f4bb}".to_string(),
                "\u{1f469}\u{1f4bb}",
            ),
            (
                "\u{915}\u{200d}\u{200c}\u{937}".to_string(),
                "\u{915}\u{937}",
            ),
            // A letter and an emoji do not join.
            ("\u{628}\u{200d}\u{1f4bb}".to_string(), "\u{628}\u{1f4bb}"),
            // Alone.
            (z.to_string(), ""),
            (format!("{z}{n}{z}"), ""),
        ];
        for (input, want) in &cases {
            assert_eq!(&sanitize(input), want, "{input:?}");
            let found = find_unsafe(input);
            assert!(
                !found.is_empty() && found.iter().all(|u| is_contextual(u.ch)),
                "{input:?}: {found:?}"
            );
        }
    }

    #[test]
    fn tags_outside_a_flag_sequence_are_removed() {
        let scotland = "\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}";
        let flag = BLACK_FLAG;
        let cancel = CANCEL_TAG;
        let long = "\u{e0061}".repeat(TAG_SPEC_MAX + 1);
        let cases = [
            // No flag, no cancel, neither, nothing between.
            (format!("a{scotland}{cancel}"), "a".to_string()),
            (format!("{flag}{scotland}"), flag.to_string()),
            (format!("x{scotland}y"), "xy".into()),
            (format!("{flag}{cancel}"), flag.to_string()),
            (format!("{cancel}"), String::new()),
            // Another base: only 🏴 takes tags.
            (format!("\u{1f3f3}{scotland}{cancel}"), "\u{1f3f3}".into()),
            // A space between the flag and its tags; a second cancel; too long a run.
            (format!("{flag} {scotland}{cancel}"), format!("{flag} ")),
            (
                format!("{flag}{scotland}{cancel}{cancel}"),
                format!("{flag}{scotland}{cancel}"),
            ),
            (format!("{flag}{long}{cancel}"), flag.to_string()),
            // The language tag and unassigned tag-block code points always go.
            ("a\u{e0001}\u{e0065}\u{e006e}b".to_string(), "ab".into()),
            // (What remains around a removed character decides: here a whole flag.)
            (
                format!("{flag}\u{e0001}{scotland}{cancel}"),
                format!("{flag}{scotland}{cancel}"),
            ),
            ("a\u{e0002}\u{e0080}\u{e0fff}b".to_string(), "ab".into()),
        ];
        for (input, want) in &cases {
            assert_eq!(&sanitize(input), want, "{input:?}");
            assert!(!find_unsafe(input).is_empty(), "{input:?}");
        }
        // The longest kept run.
        let max = format!("{flag}{}{cancel}", "\u{e0061}".repeat(TAG_SPEC_MAX));
        assert_eq!(sanitize(&max), max);
    }

    #[test]
    fn bidi_controls_and_invisible_formats_always_go() {
        let bidi = [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ];
        let others = [
            '\u{200b}',
            '\u{2060}',
            '\u{2061}',
            '\u{2062}',
            '\u{2063}',
            '\u{2064}',
            '\u{2065}',
            '\u{feff}',
            '\u{180e}',
            '\u{ad}',
            '\u{e0001}',
        ];
        for c in bidi.into_iter().chain(others) {
            assert!(is_invisible_format(c), "U+{:04X}", c as u32);
            // Even inside a sequence or a word, where a joiner would be kept.
            for (name, s) in legit() {
                let mid = s.char_indices().nth(1).map_or(0, |(i, _)| i);
                let text = format!("{}{c}{}", &s[..mid], &s[mid..]);
                let clean = sanitize(&text);
                assert!(!clean.contains(c), "U+{:04X} in {name}", c as u32);
                let found = find_unsafe(&text);
                assert_eq!(found[0].ch, c, "U+{:04X} in {name}", c as u32);
            }
            assert_eq!(sanitize(&format!("a{c}b")), "ab");
        }
        // A joiner next to a removed character is judged by what remains around it.
        // (in check, both are reported: the ZWJ stands next to the ZWSP as written).
        let woman_technologist = "\u{1f469}\u{200d}\u{1f4bb}";
        assert_eq!(
            sanitize("\u{1f469}\u{200b}\u{200d}\u{1f4bb}"),
            woman_technologist
        );
    }

    #[test]
    fn variation_selectors_stay_like_other_marks() {
        for s in [
            "*\u{fe0f}",
            "\u{2764}\u{fe0e}",
            "\u{8fbb}\u{e0100}",
            "#\u{fe0f}\u{20e3}",
        ] {
            assert_eq!(sanitize(s), s);
            assert_eq!(find_unsafe(s), []);
        }
    }

    #[test]
    fn the_rule_is_stable_under_its_own_removals() {
        // Each verdict depends on neighbours that are never removed: sanitizing again keeps
        // everything, and what sanitize returns passes check.
        let pieces: Vec<String> = legit()
            .map(|(_, s)| s.to_string())
            .chain(
                [
                    "\u{200d}",
                    "\u{200c}",
                    "\u{e007f}",
                    "\u{e0067}",
                    "\u{1f3f4}",
                    "\u{fe0f}",
                    "\u{1f3fd}",
                    "\u{202e}",
                    "\u{200b}",
                    "\x1b[31m",
                    "a",
                    " ",
                    "\t",
                    "\u{628}",
                    "\u{94d}",
                    "\u{1f469}",
                ]
                .map(String::from),
            )
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(&pieces[(seed % pieces.len() as u64) as usize]);
            }
            let once = sanitize(&text);
            assert_eq!(sanitize(&once), once, "{text:?}");
            assert_eq!(find_unsafe(&once), [], "{text:?} -> {once:?}");
        }
    }

    #[test]
    fn describes_joiners_and_tags() {
        let found = find_unsafe("a\u{200d}b\u{200c}c\u{e0067}");
        let names: Vec<String> = found.iter().map(|u| u.describe()).collect();
        assert_eq!(
            names,
            [
                "U+200D (zero-width joiner, not between two letters or emoji)",
                "U+200C (zero-width non-joiner, not between two letters)",
                "U+E0067 (tag character, not in a 🏴 flag sequence)",
            ]
        );
    }

    #[test]
    fn pictographic_table_matches_the_grapheme_rule() {
        // UAX #29 GB11 joins `pictograph ZWJ pictograph` into one grapheme, and nothing else
        // that starts a string: unicode-segmentation (what the wrapper and ratatui split by)
        // is the reference for the table.
        let mut wrong = Vec::new();
        let mut buf = String::new();
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            buf.clear();
            buf.push(c);
            buf.push(ZWJ);
            buf.push('\u{1f600}');
            let joined = buf.graphemes(true).count() == 1;
            if joined != is_pictographic(c) {
                wrong.push(format!("U+{:04X}", c as u32));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} differ: {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(40)]
        );
    }

    #[test]
    fn joining_letters() {
        for c in [
            '\u{628}', '\u{6cc}', '\u{64e}', '\u{915}', '\u{94d}', '\u{93c}', '\u{9b0}', '\u{dca}',
        ] {
            assert!(is_joining_letter(c), "U+{:04X}", c as u32);
        }
        for c in [
            'a', 'é', '1', ' ', '\u{660}', '\u{6f1}', '\u{60c}', '\u{964}', '\u{966}', '\u{600}',
            '\u{5d0}', '\u{4f60}',
        ] {
            assert!(!is_joining_letter(c), "U+{:04X}", c as u32);
        }
    }
}
