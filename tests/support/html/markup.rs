//! A strict reading of the exporter's markup: every start tag and attribute it may write.

/// Every tag and attribute name the exporter writes. A story string that made its way out as
/// markup would show up as another tag or attribute.
const TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "script",
    "body",
    "header",
    "main",
    "nav",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "div",
    "p",
    "span",
    "b",
    "a",
    "br",
    "img",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "ol",
    "li",
    "button",
];
const ATTRS: &[&str] = &[
    "lang",
    "class",
    "id",
    "src",
    "alt",
    "href",
    "rel",
    "content",
    "http-equiv",
    "name",
    "charset",
    "aria-label",
    "aria-labelledby",
    "hidden",
    "type",
    "data-v",
    "data-show",
    "start",
    "value",
];

/// The start tags of `html` as (name, attribute names), checking that every attribute value
/// is double-quoted. The contents of `<style>` and `<script>` are skipped (raw text).
pub fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>')
            .expect("a tag ends");
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                break;
            }
            if name == "!DOCTYPE" {
                rest = &rest[rest.find('>').unwrap()..];
                continue;
            }
            let end = rest
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .expect("an attribute ends");
            attrs.push(rest[..end].to_string());
            rest = &rest[end..];
            if let Some(r) = rest.strip_prefix('=') {
                let r = r.strip_prefix('"').unwrap_or_else(|| {
                    panic!("attribute {:?} of <{name}> is not quoted", attrs.last())
                });
                rest = &r[r.find('"').expect("a value ends") + 1..];
            }
        }
        if name == "style" || name == "script" {
            rest = &rest[rest.find(&format!("</{name}>")).expect("raw text ends")..];
        }
        out.push((name, attrs));
    }
    out
}

/// Fails unless every tag and attribute is one the exporter writes.
pub fn assert_only_own_markup(html: &str) {
    for (name, attrs) in tags(html) {
        assert!(TAGS.contains(&name.as_str()), "unexpected tag <{name}>");
        for a in attrs {
            let own = ATTRS.contains(&a.as_str())
                || a.strip_prefix("data-alt-")
                    .or_else(|| a.strip_prefix("data-lang-"))
                    .is_some_and(|n| n.parse::<usize>().is_ok());
            assert!(own, "unexpected attribute {a:?} on <{name}>");
        }
    }
}
