//! Shared by the hostile-input tests: the corpus of hostile strings, a story folder that
//! places each of them in every text field, and the check that output is clean.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// A marker put inside every escape sequence's payload: it must never reach the output.
pub const MARK: &str = "ZZPWN";

/// Residues of escape sequences: must never be in drawn or printed story text.
pub const RESIDUES: [&str; 7] = [MARK, "]52;", "]0;", "]8;", "]2;", "]1337;", "[?1049h"];

/// Panels per page in the hostile story (a 2×4 grid).
pub const PER_PAGE: usize = 8;

/// About 100 hostile strings: every C0 control but LF, DEL, every C1 control, escape
/// sequences of every family (7- and 8-bit, terminated, unterminated and nested), bidi
/// controls and invisible format characters.
pub fn corpus() -> Vec<String> {
    let mut v = Vec::new();
    for c in (0u32..0x20).chain([0x7f]).chain(0x80..0xa0) {
        if c == 0x0a {
            continue;
        }
        let c = char::from_u32(c).unwrap();
        v.push(format!("x{c}y"));
    }
    let m = MARK;
    for seq in [
        format!("\x1b]52;c;{m}\x07"),
        "\x1b]52;c;?\x07".to_string(),
        format!("\x1b]0;{m}\x07"),
        format!("\x1b]2;{m}\x1b\\"),
        format!("\x1b]8;;http://{m}/\x1b\\click\x1b]8;;\x1b\\"),
        format!("\x1b]1337;File=name={m}:AAAA\x07"),
        format!("\x1bP$q{m}\x1b\\"),
        format!("\x1bPq#0;2;0;0;0#0~~{m}\x1b\\"),
        format!("\x1b_Ga=T,f=100;{m}\x1b\\"),
        format!("\x1b^{m}\x1b\\"),
        format!("\x1bX{m}\x1b\\"),
        "\x1b[2J".to_string(),
        "\x1b[H".to_string(),
        "\x1b[6n".to_string(),
        "\x1b[c".to_string(),
        "\x1b[21t".to_string(),
        "\x1b[?1049h".to_string(),
        "\x1b[31;1m".to_string(),
        "\x1bc".to_string(),
        "\x1b7".to_string(),
        "\x1b8".to_string(),
        // The less CVE-2022-46663 shape: an OSC 8 with an embedded escape.
        format!("\x1b]8;;http://x\x1b[{m}\x07"),
        // A CSI interrupted by an OSC.
        format!("\x1b[12\x1b]0;{m}\x07"),
        // 8-bit CSI, OSC, DCS, APC, PM, SOS and ST.
        "\u{9b}2J".to_string(),
        format!("\u{9d}0;{m}\u{9c}"),
        format!("\u{9d}52;c;{m}\x07"),
        format!("\u{90}$q{m}\u{9c}"),
        format!("\u{9f}G{m}\u{9c}"),
        format!("\u{9e}{m}\u{9c}"),
        format!("\u{98}{m}\u{9c}"),
        // Unterminated: the rest of the string is payload.
        format!("\x1b]0;{m}"),
        format!("\x1b]52;c;{m}"),
    ] {
        v.push(format!("a{seq}b"));
    }
    for c in [
        '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
        '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200b}', '\u{2060}',
        '\u{feff}', '\u{ad}', '\u{200d}',
    ] {
        v.push(format!("evil{c}txt.exe"));
    }
    v
}

/// Whether `s` contains whitespace (an art path or url with it is refused for other reasons).
fn has_space(s: &str) -> bool {
    s.contains(char::is_whitespace)
}

/// A TOML basic string: C0 controls and DEL escaped (raw ones are not valid TOML), C1,
/// bidi and invisible characters written raw.
pub use super::story::toml_str;

/// The hostile story: one panel per corpus string, 8 per page.
pub struct HostileStory {
    pub corpus: Vec<String>,
    pub pages: usize,
}

/// The line on which each panel file writes its alt text, and its prefix.
pub const ALT_LINE: usize = 3;
pub const ALT_PREFIX: &str = "alt = { en = ";

/// Writes the hostile story into `dir` (which gets `panels/` and `assets/`).
pub fn write_story(dir: &Path) -> HostileStory {
    let corpus = corpus();
    let pages = corpus.len().div_ceil(PER_PAGE);
    std::fs::create_dir_all(dir.join("panels")).unwrap();
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    let all: String = corpus.concat();
    let mut s = String::new();
    let _ = writeln!(s, "schema = 1\nid = \"hostile\"\nlanguages = [\"en\"]");
    let _ = writeln!(s, "title = {{ en = {} }}", toml_str(&format!("T{all}")));
    let _ = writeln!(s, "summary = {{ en = {} }}", toml_str(&format!("S{all}")));
    for (i, h) in corpus.iter().enumerate() {
        let _ = writeln!(
            s,
            "\n[[credit]]\nrole = \"writer\"\nname = {}",
            toml_str(&format!("N{h}"))
        );
        let _ = writeln!(
            s,
            "\n[[character]]\nid = \"c{i}\"\nname = {{ en = {} }}",
            toml_str(&format!("C{h}"))
        );
        let url = if has_space(h) {
            format!("https://example.org/{i}")
        } else {
            format!("https://example.org/{h}")
        };
        let _ = writeln!(
            s,
            "\n[[source]]\nid = \"s{i}\"\ntitle = {}\npublisher = {}\nauthor = {}\n\
             date = \"2020\"\nurl = {}\nkind = \"news\"",
            toml_str(&format!("ST{h}")),
            toml_str(&format!("SP{h}")),
            toml_str(&format!("SA{h}")),
            toml_str(&url),
        );
    }
    for p in 0..pages {
        let chunk = &corpus[p * PER_PAGE..((p + 1) * PER_PAGE).min(corpus.len())];
        let title = format!("P{}", chunk.concat());
        let _ = writeln!(
            s,
            "\n[[page]]\nid = \"page{p}\"\ntitle = {{ en = {} }}\nrows = 2\ncols = 4",
            toml_str(&title)
        );
        for k in 0..PER_PAGE {
            let i = p * PER_PAGE + k;
            // The last page is filled up with plain panels.
            let id = if i < corpus.len() {
                format!("p{i:03}")
            } else {
                format!("fill{i:03}")
            };
            let _ = writeln!(
                s,
                "\n[[page.cell]]\npanel = \"{id}\"\nrow = {}\ncol = {}",
                k / 4 + 1,
                k % 4 + 1
            );
        }
    }
    std::fs::write(dir.join("panels/story.toml"), s).unwrap();
    for (i, h) in corpus.iter().enumerate() {
        std::fs::write(dir.join(format!("panels/p{i:03}.toml")), panel_toml(i, h)).unwrap();
    }
    for i in corpus.len()..pages * PER_PAGE {
        let text = format!("id = \"fill{i:03}\"\nalt = {{ en = \"plain\" }}\n");
        std::fs::write(dir.join(format!("panels/fill{i:03}.toml")), text).unwrap();
    }
    HostileStory { corpus, pages }
}

fn panel_toml(i: usize, h: &str) -> String {
    let art = if h.contains('/') {
        format!("assets/{i}.png")
    } else {
        format!("assets/{h}.png")
    };
    let mut s = String::new();
    let _ = writeln!(s, "id = \"p{i:03}\"");
    let _ = writeln!(s, "art = {}", toml_str(&art));
    // ALT_LINE:
    let _ = writeln!(s, "{ALT_PREFIX}{} }}", toml_str(h));
    let _ = writeln!(
        s,
        "\n[[line]]\nkind = \"speech\"\nspeaker = \"c{i}\"\ntext = {{ en = {} }}",
        toml_str(&format!("L{h}"))
    );
    let _ = writeln!(
        s,
        "\n[[line]]\nkind = \"caption\"\ntext = {{ en = {} }}",
        toml_str(&format!("K{h}"))
    );
    let _ = writeln!(
        s,
        "\n[[note]]\nkind = \"context\"\ntext.en = {}\ncites = [\"s{i}\"]",
        toml_str(&format!("O{h}"))
    );
    s
}

/// Expected 1-based column of the first unsafe character of corpus string `h` on the alt
/// line, or `None` if `h` holds nothing `check` reports (a tab).
pub fn alt_column(h: &str) -> Option<usize> {
    let first = comicterm::text::find_unsafe(h).into_iter().next()?;
    let before = toml_str(&h[..first.offset]);
    // `before` ends with a closing quote that is not in the file.
    Some(ALT_PREFIX.chars().count() + before.chars().count())
}

/// What is wrong with `out` (after removing SGR), if anything: a control other than LF, a C1
/// control, a bidi or invisible format character, or (if `residues`) a sequence's leftover.
pub fn problems(out: &str, residues: bool) -> Vec<String> {
    let clean = comicterm::text::strip_sgr(out);
    let mut found = Vec::new();
    for (i, c) in clean.char_indices() {
        let bad = (c.is_control() && c != '\n') || comicterm::text::is_invisible_format(c);
        if bad {
            let from = floor(&clean, i.saturating_sub(30));
            found.push(format!(
                "U+{:04X} at byte {i}, after {:?}",
                c as u32,
                &clean[from..i]
            ));
        }
    }
    if residues {
        for r in RESIDUES {
            if let Some(i) = clean.find(r) {
                let from = floor(&clean, i.saturating_sub(30));
                found.push(format!("residue {r:?} after {:?}", &clean[from..i]));
            }
        }
    }
    found
}

/// Fails with the first problems found in `out`.
pub fn assert_clean(what: &str, out: &str, residues: bool) {
    let p = problems(out, residues);
    assert!(
        p.is_empty(),
        "{what}: {} problem(s), first: {:#?}",
        p.len(),
        &p[..p.len().min(5)]
    );
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
