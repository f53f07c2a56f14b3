//! `export --format html` in a real browser (issue 13): headless Chromium opens the exported
//! files from disk. Its dumped DOM must hold the 16 figures with their alt text, the notes, the
//! sources and the `lang` attributes; with `--lang all` the switch's script runs (so the
//! Content-Security-Policy hash is right); and the hostile story runs no script: no payload
//! changes the title or the DOM, each shows as text. A control page with the same payloads
//! unescaped shows that the check catches a script that runs.
//!
//! Screenshots (desktop and phone widths) and the exported files are kept in a folder printed
//! by each test (`COMICTERM_HTML_SHOTS` chooses it). Needs the Debian package `chromium`:
//! without it the tests print a skip line and pass, unless `CI` is set: then they fail.

use crate::support::html as export_html_support;

use std::path::{Path, PathBuf};

use crate::support::story::builtin;
use comicterm::story::StorySource;
use export_html_support::browser::{browser, shots};
use export_html_support::{PAYLOADS, TITLE, html, load_story, write_story};

/// How Chromium serializes text content: `&`, `<`, `>` escaped.
fn dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Whether `dom` holds attribute `name` with value `v`, as Chromium serializes it (`&` and
/// `"` escaped; newer versions also escape `<` and `>`).
fn has_attr(dom: &str, name: &str, v: &str) -> bool {
    let base = v.replace('&', "&amp;").replace('"', "&quot;");
    let newer = base.replace('<', "&lt;").replace('>', "&gt;");
    dom.contains(&format!("{name}=\"{base}\"")) || dom.contains(&format!("{name}=\"{newer}\""))
}

fn export_to(
    dir: &Path,
    name: &str,
    story: &comicterm::story::Story,
    lang: Option<&str>,
) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, html(story, lang)).unwrap();
    file
}

#[test]
fn the_builtin_story_in_chromium() {
    let Some(b) = browser("the_builtin_story_in_chromium") else {
        return;
    };
    let dir = shots("the_builtin_story_in_chromium");
    let story = builtin();
    let file = export_to(&dir, "dangerous-love.en.html", story, None);
    let dom = b.dom(&file);
    assert!(dom.contains("<html lang=\"en\">"));
    assert_eq!(dom.matches("<figure ").count(), 16);
    assert_eq!(dom.matches("<figcaption>").count(), 16);
    assert_eq!(dom.matches("<img src=\"data:image/png;base64,").count(), 16);
    for p in story.panels() {
        assert!(
            has_attr(&dom, "alt", p.alt.get("en")),
            "panel {} alt",
            p.number
        );
    }
    assert_eq!(dom.matches("<li class=\"note ").count(), story.note_count());
    assert_eq!(dom.matches("<li id=\"source-").count(), story.sources.len());
    for src in &story.sources {
        if let Some(url) = &src.url {
            assert!(has_attr(&dom, "href", url), "{url}");
        }
    }
    assert!(dom.contains("<span lang=\"zh-Hans\">中华网</span>"));
    b.screenshot(&file, &dir.join("dangerous-love.desktop.png"), (1280, 2400));
    b.screenshot(&file, &dir.join("dangerous-love.phone.png"), (390, 2400));

    let file = export_to(&dir, "dangerous-love.zh-Hans.html", story, Some("zh-Hans"));
    let dom = b.dom(&file);
    assert!(dom.contains("<html lang=\"zh-Hans\">"));
    assert_eq!(dom.matches("<figure ").count(), 16);
    for p in story.panels() {
        assert!(
            has_attr(&dom, "alt", p.alt.get("zh-Hans")),
            "panel {} alt",
            p.number
        );
    }
    assert!(dom.contains("<span lang=\"en\">"));
    b.screenshot(
        &file,
        &dir.join("dangerous-love.zh-Hans.desktop.png"),
        (1280, 1600),
    );
}

#[test]
fn the_language_switch_runs_under_its_policy() {
    let Some(b) = browser("the_language_switch_runs_under_its_policy") else {
        return;
    };
    let dir = shots("the_language_switch_runs_under_its_policy");
    let story = builtin();
    let file = export_to(&dir, "dangerous-love.all.html", story, Some("all"));
    let dom = b.dom(&file);
    // The script ran (the policy's hash matches it): English is chosen, the switch shows.
    assert!(
        dom.contains("<html lang=\"en\" data-show=\"0\">"),
        "the switch did not run"
    );
    assert!(dom.contains("<nav id=\"langs\" class=\"langs\" aria-label=\"Language\">"));
    assert!(
        dom.contains("<button type=\"button\" data-show=\"0\" lang=\"en\" aria-pressed=\"true\">")
    );
    assert_eq!(dom.matches("<figure ").count(), 16);
    assert!(dom.contains("<span data-v=\"1\" lang=\"zh-Hans\">危险的爱情（重述版）</span>"));
    b.screenshot(
        &file,
        &dir.join("dangerous-love.all.desktop.png"),
        (1280, 1600),
    );
}

/// Checks that nothing in `dom` ran: the title is the story's, no payload set `data-pwned` or
/// wrote to the document, and each payload is there as text.
fn assert_nothing_ran(dom: &str, what: &str, scripts: usize) {
    assert!(
        dom.contains(&format!("<title>{}</title>", dom_text(TITLE))),
        "{what}: the title changed"
    );
    assert!(
        !dom.contains("data-pwned=\""),
        "{what}: a payload set an attribute"
    );
    let writes = dom.matches("PWNED-WRITE").count();
    assert_eq!(
        writes,
        dom.matches("document.write('PWNED-WRITE')").count(),
        "{what}: document.write ran"
    );
    assert!(writes > 0, "{what}: the payload is not shown");
    for tag in ["<iframe", "<svg", "<img src=\"x\""] {
        assert!(!dom.contains(tag), "{what}: {tag} in the DOM");
    }
    assert_eq!(dom.matches("<script").count(), scripts, "{what}: scripts");
    for p in PAYLOADS {
        assert!(
            dom.contains(&dom_text(p)),
            "{what}: {p} is not shown as text"
        );
    }
}

#[test]
fn the_hostile_story_runs_no_script() {
    let Some(b) = browser("the_hostile_story_runs_no_script") else {
        return;
    };
    let dir = shots("the_hostile_story_runs_no_script");
    let src = tempfile::tempdir().unwrap();
    write_story(src.path());
    let mut story = load_story(&StorySource::Dir(src.path().to_path_buf()));
    story.sources[0].url = Some("javascript:document.title='PWNED'".into());
    for (name, lang, scripts) in [
        ("hostile.en.html", None, 0),
        ("hostile.zh-Hans.html", Some("zh-Hans"), 0),
        ("hostile.all.html", Some("all"), 1),
    ] {
        let file = export_to(&dir, name, &story, lang);
        let dom = b.dom(&file);
        assert_nothing_ran(&dom, name, scripts);
        // `href="javascript:` only as the text of a payload, never as a link.
        assert_eq!(
            dom.matches("href=\"javascript").count(),
            dom.matches("&lt;a href=\"javascript").count(),
            "{name}: a javascript: link"
        );
        assert!(dom.contains("<span class=\"url\">javascript:document.title='PWNED'</span>"));
    }
    b.screenshot(
        &dir.join("hostile.en.html"),
        &dir.join("hostile.en.desktop.png"),
        (1280, 1600),
    );
}

#[test]
fn the_check_catches_a_script_that_runs() {
    let Some(b) = browser("the_check_catches_a_script_that_runs") else {
        return;
    };
    let dir = shots("the_check_catches_a_script_that_runs");
    // The payloads written raw, as a careless exporter would.
    let file = dir.join("control.html");
    let raw = format!(
        "<!DOCTYPE html><html><head><title>x</title></head><body><p>{TITLE}{}{}</p></body></html>",
        PAYLOADS[0], PAYLOADS[1]
    );
    std::fs::write(&file, raw).unwrap();
    let dom = b.dom(&file);
    assert!(dom.contains("<title>PWNED</title>"), "{dom}");
    assert!(dom.contains("data-pwned=\""), "{dom}");
    let caught = std::panic::catch_unwind(|| assert_nothing_ran(&dom, "control", 0));
    assert!(caught.is_err());
}
