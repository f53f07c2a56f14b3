//! Story strings made safe for HTML: escaped for text and attributes, links only to http(s),
//! and runs of CJK script in untranslated strings marked with a `lang`.

use std::fmt::Write as _;

/// `s` escaped for HTML text and for a double- or single-quoted attribute value: `&`, `<`,
/// `>`, `"` and `'` become character references, so no story string can open or close a tag
/// or an attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with paragraphs (blank lines) as `<p>` and single line breaks as `<br>`.
pub fn paragraphs(s: &str) -> String {
    let mut out = String::new();
    for para in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = para.lines().map(escape).collect();
        let _ = write!(out, "<p>{}</p>", lines.join("<br>"));
    }
    out
}

/// Escaped text with single line breaks as `<br>` (for inline places).
pub fn lines(s: &str) -> String {
    s.trim()
        .lines()
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The address if it may become a link: `http:` or `https:` with a host, no whitespace or
/// control characters. Anything else (`javascript:`, `data:`, relative paths) stays text.
pub fn link_target(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (clean && !host.is_empty()).then_some(url)
}

/// Whether `c` is written in a CJK script (Han, kana, Hangul, CJK punctuation and fullwidth
/// forms).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Whether a language tag names Chinese, Japanese or Korean.
pub fn is_cjk_lang(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or("");
    ["zh", "ja", "ko"].contains(&primary)
}

/// Escaped text of a string the story does not translate (a source's title, a credit), marked
/// with the language it is most likely in, so that a browser picks the right font and a screen
/// reader the right voice: on a page not in a CJK language, each run of CJK characters gets a
/// `<span lang=…>` (`cjk_tag`: the story's Chinese tag if it has one, else `zh`); on a CJK page,
/// a string with no CJK character at all gets `latin_tag` (the story's first other language).
pub fn mixed(s: &str, page_lang: &str, cjk_tag: &str, latin_tag: Option<&str>) -> String {
    if is_cjk_lang(page_lang) {
        return match latin_tag {
            Some(tag) if !s.chars().any(is_cjk) && s.chars().any(char::is_alphabetic) => {
                format!("<span lang=\"{}\">{}</span>", escape(tag), escape(s))
            }
            _ => escape(s),
        };
    }
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            let tag = if run.chars().any(|c| matches!(c as u32, 0x3040..=0x30FF)) {
                "ja"
            } else if run.chars().any(|c| matches!(c as u32, 0xAC00..=0xD7AF)) {
                "ko"
            } else {
                cjk_tag
            };
            let _ = write!(out, "<span lang=\"{}\">{}</span>", escape(tag), escape(run));
            run.clear();
        }
    };
    for c in s.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push_str(&escape(&c.to_string()));
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        let s = r#"<script>alert("x")</script> & <img src=x onerror='y'>"#;
        let e = escape(s);
        assert_eq!(
            e,
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; \
             &lt;img src=x onerror=&#39;y&#39;&gt;"
        );
        for bad in ['<', '>', '"', '\''] {
            assert!(!e.contains(bad), "{bad} left in {e}");
        }
        // Already-escaped text is escaped again, not trusted.
        assert_eq!(escape("&lt;"), "&amp;lt;");
    }

    #[test]
    fn paragraphs_and_lines() {
        assert_eq!(
            paragraphs("a <b>\nc\n\n d "),
            "<p>a &lt;b&gt;<br>c</p><p>d</p>"
        );
        assert_eq!(lines("x\ny<"), "x<br>y&lt;");
    }

    #[test]
    fn only_http_and_https_become_links() {
        for good in [
            "https://example.org/a?b=1#c",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/x",
        ] {
            assert_eq!(link_target(good), Some(good));
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//example.org/x",
            "/etc/passwd",
            "https:///x",
            "https://",
            "http:example.org",
            "https://exa mple.org",
            "https://example.org/\u{7}",
            "ftp://example.org",
        ] {
            assert_eq!(link_target(bad), None, "{bad:?} became a link");
        }
    }

    #[test]
    fn cjk_runs_get_their_language_on_a_latin_page() {
        assert_eq!(
            mixed("China.com (中华网) <x>", "en", "zh-Hans", None),
            "China.com (<span lang=\"zh-Hans\">中华网</span>) &lt;x&gt;"
        );
        assert_eq!(
            mixed("ひらがな", "en", "zh-Hans", None),
            "<span lang=\"ja\">ひらがな</span>"
        );
        assert_eq!(mixed("plain", "en", "zh", None), "plain");
        // On a Chinese page, Chinese needs no mark; Latin-only text gets the other language.
        assert_eq!(mixed("中华网", "zh-Hans", "zh-Hans", Some("en")), "中华网");
        assert_eq!(
            mixed("The <b> Times", "zh-Hans", "zh-Hans", Some("en")),
            "<span lang=\"en\">The &lt;b&gt; Times</span>"
        );
        assert_eq!(mixed("2016", "zh-Hans", "zh-Hans", Some("en")), "2016");
        assert_eq!(mixed("Times", "zh-Hans", "zh-Hans", None), "Times");
        assert!(is_cjk_lang("zh-Hant") && is_cjk_lang("ja") && !is_cjk_lang("en"));
    }
}
