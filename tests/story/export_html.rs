//! `export --format html` (issue 13), read as text: the built-in story complete (16 figures
//! with their alt text and pictures, every note with its status and citations, every source,
//! `lang` attributes), and a story full of HTML and script payloads that come out as text only.
//! tests/e2e/html_browser.rs opens the same files in Chromium.

use crate::support::hostile as hostile_support;
use crate::support::html as export_html_support;

use crate::support::story::builtin;
use comicterm::story::{NoteStatus, StorySource};
use export_html_support::markup::{assert_only_own_markup, tags};
use export_html_support::{MARK, PAYLOADS, TITLE, html, load_story, write_story};

/// What the exporter must write for a story string in text or an attribute.
fn escaped(s: &str) -> String {
    comicterm::export::html::escape::escape(s)
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn the_builtin_story_is_complete() {
    let story = builtin();
    let out = html(story, None);
    assert_only_own_markup(&out);
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(count(&out, "<figure "), 16);
    assert_eq!(count(&out, "<figcaption>"), 16);
    assert_eq!(count(&out, "<img src=\"data:image/png;base64,"), 16);
    assert_eq!(count(&out, "<h1>"), 1);
    assert_eq!(count(&out, "<h2 id=\"page-"), story.pages.len());
    for panel in story.panels() {
        let alt = format!("alt=\"{}\"", escaped(panel.alt.get("en")));
        assert_eq!(count(&out, &alt), 1, "panel {}: {alt}", panel.number);
        assert!(out.contains(&format!("id=\"panel-{}\"", panel.number)));
        for line in &panel.lines {
            assert!(out.contains(&escaped(line.text.get("en"))));
        }
    }
    // Notes: numbered 1..n across the story, each with its status and its citations linked.
    assert_eq!(count(&out, "<li class=\"note "), story.note_count());
    let mut n = 0;
    for note in story.panels().flat_map(|p| &p.notes) {
        n += 1;
        let li = format!(
            "<li class=\"note {}\" id=\"note-{n}\">",
            note.status.keyword()
        );
        let at = out.find(&li).unwrap_or_else(|| panic!("{li} missing"));
        let item = &out[at..at + out[at..].find("</li>").unwrap()];
        let label = match note.status {
            NoteStatus::Established => "established",
            NoteStatus::SingleSource => "single source",
            NoteStatus::Disputed => "disputed",
            NoteStatus::Unverified => "unverified",
        };
        assert!(item.contains(&format!("<span class=\"badge status\">{label}</span>")));
        for id in &note.cites {
            let k = story.source_number(id).unwrap();
            assert!(
                item.contains(&format!("href=\"#source-{k}\"")),
                "note {n}: [{k}]"
            );
        }
    }
    // Sources: every one, numbered as cited, linked.
    assert_eq!(count(&out, "<li id=\"source-"), story.sources.len());
    for (i, src) in story.sources.iter().enumerate() {
        assert!(out.contains(&format!("<li id=\"source-{0}\" value=\"{0}\">", i + 1)));
        if let Some(url) = &src.url {
            assert!(out.contains(&format!("href=\"{}\"", escaped(url))), "{url}");
        }
    }
    // Chinese in an untranslated source name is marked on the English page.
    assert!(out.contains("<span lang=\"zh-Hans\">中华网</span>"));
    // No script without the switch; the policy forbids any and all network.
    assert!(!out.contains("<script"));
    assert!(out.contains("content=\"default-src 'none'; img-src data:; style-src 'sha256-"));
    assert!(out.contains("script-src 'none'"));
}

#[test]
fn chinese_has_its_lang_and_marks_what_is_not() {
    let story = builtin();
    let out = html(story, Some("zh-Hans"));
    assert_only_own_markup(&out);
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"));
    assert_eq!(count(&out, "<figure "), 16);
    for panel in story.panels() {
        let alt = format!("alt=\"{}\"", escaped(panel.alt.get("zh-Hans")));
        assert!(out.contains(&alt), "{alt}");
    }
    assert!(out.contains("<span>危险的爱情（重述版）</span>"));
    // English source titles carry their language; Chinese ones need none.
    let scmp = escaped(&comicterm::ui::describe_source(
        &story.sources[0],
        "zh-Hans",
    ));
    assert!(
        out.contains(&format!("<span lang=\"en\">{scmp}</span>")),
        "{scmp}"
    );
    assert!(out.contains("公民举报危害国家安全行为奖励办法"));
}

/// The `<li>` of source `n` in `out`.
fn source_item(out: &str, n: usize) -> &str {
    let li = format!("<li id=\"source-{n}\" value=\"{n}\">");
    let at = out.find(&li).unwrap_or_else(|| panic!("{li} missing"));
    &out[at..at + out[at..].find("</li>").unwrap()]
}

#[test]
fn sources_are_described_in_the_page_language_and_the_rest_marked() {
    let story = builtin();
    let zh = html(story, Some("zh-Hans"));
    let en = html(story, Some("en"));
    for (i, src) in story.sources.iter().enumerate() {
        let item = source_item(&zh, i + 1);
        // The description is in the page's language: no `lang` of its own.
        let d = src.title.description("zh-Hans").unwrap();
        let div = format!("<div class=\"description\">{}</div>", escaped(d));
        assert!(item.contains(&div), "{}: {item}", src.id);
        let d_en = src.title.description("en").unwrap();
        assert!(!item.contains(&escaped(d_en)), "{}", src.id);
        let en_item = source_item(&en, i + 1);
        assert!(en_item.contains(&format!(
            "<div class=\"description\">{}</div>",
            escaped(d_en)
        )));
        match src.title.get("zh-Hans") {
            // Our own description of the work: in Chinese, in fullwidth brackets.
            (title, true) => {
                let span = format!("<span class=\"supplied\">［{}］</span>", escaped(title));
                assert!(item.contains(&span), "{}: {item}", src.id);
                let (title_en, _) = src.title.get("en");
                let span = format!("<span class=\"supplied\">[{}].</span>", escaped(title_en));
                assert!(en_item.contains(&span), "{}: {en_item}", src.id);
            }
            // The work's own English title keeps its language on the Chinese page.
            (title, false) if title.is_ascii() => {
                let lang_en = format!("<span lang=\"en\">{}", escaped(title));
                assert!(
                    item.starts_with(&format!(
                        "<li id=\"source-{0}\" value=\"{0}\">{lang_en}",
                        i + 1
                    )),
                    "{item}"
                );
            }
            (title, false) => assert!(item.contains(title), "{}", src.id),
        }
    }
    // The one Chinese title on the English page is marked Chinese.
    let legal = story.source_number("legaldaily-2022-rewards").unwrap();
    let item = source_item(&en, legal);
    assert!(
        item.contains("<span lang=\"zh-Hans\">公民举报危害国家安全行为奖励办法</span>"),
        "{item}"
    );
}

#[test]
fn credit_roles_are_in_the_page_language() {
    let story = builtin();
    let zh = html(story, Some("zh-Hans"));
    for role in ["编剧", "翻译", "绘画", "资料整理"] {
        assert!(
            zh.contains(&format!("<dt><span>{role}</span></dt>")),
            "{role}"
        );
    }
    assert!(!zh.contains("<dt>writer") && !zh.contains(">writer<"));
    let en = html(story, Some("en"));
    assert!(en.contains("<dt><span>Writer</span></dt>"));
    // With every language, each role once per language, marked for the switch.
    let all = html(story, Some("all"));
    assert!(all.contains("<dt><span data-v=\"0\" lang=\"en\">Writer</span><span data-v=\"1\" lang=\"zh-Hans\">编剧</span></dt>"));
}

#[test]
fn every_language_with_a_switch() {
    let story = builtin();
    let out = html(story, Some("all"));
    assert_only_own_markup(&out);
    assert_eq!(count(&out, "<figure "), 16);
    assert!(out.contains("<h1><span data-v=\"0\" lang=\"en\">Dangerous Love (a retelling)</span><span data-v=\"1\" lang=\"zh-Hans\">危险的爱情（重述版）</span></h1>"));
    for panel in story.panels() {
        for (i, l) in ["en", "zh-Hans"].iter().enumerate() {
            let alt = format!(
                "data-alt-{i}=\"{}\" data-lang-{i}=\"{l}\"",
                escaped(panel.alt.get(l))
            );
            assert!(out.contains(&alt), "{alt}");
        }
    }
    assert_eq!(count(&out, "<script>"), 1);
    assert!(out.contains("<nav id=\"langs\" class=\"langs\" hidden"));
    assert!(out.contains("script-src 'sha256-"));
}

#[test]
fn hostile_strings_come_out_as_text() {
    let dir = tempfile::tempdir().unwrap();
    write_story(dir.path());
    let mut story = load_story(&StorySource::Dir(dir.path().to_path_buf()));
    // The checker refuses such addresses; the exporter must not trust that it did.
    story.sources[0].url = Some("javascript:document.title='PWNED'".into());
    story.sources[1].url = Some("data:text/html,<script>alert(1)</script>".into());
    for lang in [None, Some("zh-Hans")] {
        let out = html(&story, lang);
        assert_only_own_markup(&out);
        assert!(!out.contains("<script"), "a script in {lang:?}");
        assert!(out.contains(&format!("<title>{}</title>", escaped(TITLE))));
        for p in PAYLOADS {
            assert!(out.contains(&escaped(p)), "{p} not shown as text");
        }
        assert!(!out.contains("href=\"javascript") && !out.contains("href=\"data:"));
        assert!(
            out.contains("<span class=\"url\">javascript:document.title=&#39;PWNED&#39;</span>")
        );
        // The http address that breaks out of its quotes is a link to itself, quotes escaped.
        assert!(out.contains(
            "href=\"https://example.org/2&quot;onmouseover=&quot;document.title=&#39;PWNED&#39;&quot;\""
        ));
        // The missing picture: its alt text, and why, with the markup in its name as text.
        assert_eq!(count(&out, "<img "), 1);
        assert!(out.contains("<div class=\"no-art\">"));
        assert!(out.contains("assets/&lt;img src=x onerror=alert(1)&gt;.png"));
        assert!(out.contains(MARK));
    }
    // With the switch, the only script is the exporter's own.
    let out = html(&story, Some("all"));
    assert_only_own_markup(&out);
    assert_eq!(count(&out, "<script"), 1);
}

#[test]
fn the_command_line_writes_html_and_refuses_all_for_text() {
    let bin = env!("CARGO_BIN_EXE_comicterm");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("HOME", std::env::temp_dir())
            .output()
            .unwrap()
    };
    let out = run(&["export", "--format", "html", "--lang", "all"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .ends_with("</html>\n")
    );
    let out = run(&["export", "--lang", "all"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`--lang all` needs `--format html`"));
}

#[test]
fn the_markup_check_catches_injected_markup() {
    // The check above is only worth something if markup that slipped through fails it.
    let page = "<p class=\"x\">a<svg onload=\"alert(1)\"></svg></p>";
    let found = tags(page);
    assert_eq!(found[1], ("svg".to_string(), vec!["onload".to_string()]));
    for bad in [
        page,
        "<p onmouseover=\"x\">a</p>",
        "<p class=\"a\" onclick='x'>",
        "<img src=\"x\" alt=\"\" onerror=\"y\">",
    ] {
        let caught = std::panic::catch_unwind(|| assert_only_own_markup(bad)).is_err();
        assert!(caught, "{bad} passed the check");
    }
    assert_only_own_markup("<p class=\"a\" lang=\"en\">&lt;svg onload=&quot;x&quot;&gt;</p>");
}

#[test]
fn headings_go_down_one_level_at_a_time() {
    let story = builtin();
    for lang in [None, Some("zh-Hans"), Some("all")] {
        let out = html(story, lang);
        let levels: Vec<u8> = tags(&out)
            .iter()
            .filter_map(|(name, _)| name.strip_prefix('h')?.parse().ok())
            .collect();
        assert_eq!(levels.first(), Some(&1), "{lang:?}");
        assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1);
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{lang:?}: h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        assert!(levels.contains(&4), "{lang:?}: {levels:?}");
    }
}

#[test]
fn the_terminal_escape_corpus_leaves_no_control_in_the_html() {
    // The corpus of control characters, escape sequences, bidi and invisible characters in
    // every field (tests/hostile/corpus.rs): nothing of it reaches the file, in any language
    // mode, and it adds no markup.
    let dir = tempfile::tempdir().unwrap();
    let h = hostile_support::write_story(dir.path());
    let story = load_story(&StorySource::Dir(dir.path().to_path_buf()));
    assert_eq!(story.panel_count(), h.pages * hostile_support::PER_PAGE);
    for lang in [None, Some("all")] {
        let out = html(&story, lang);
        assert_only_own_markup(&out);
        hostile_support::assert_clean(&format!("export html {lang:?}"), &out, true);
        assert_eq!(count(&out, "<figure "), story.panel_count());
    }
}
