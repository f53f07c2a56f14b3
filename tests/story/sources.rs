//! Sources in the reader's language (issue 16): `source.title` is the work's own title (a
//! string) or our description of it (a table by language, shown in brackets), and
//! `source.description` says in each language what the source is. Every mistake is reported
//! at its file, line and column, like every other localized field.

use comicterm::diag::Kind;
use comicterm::story::{LoadOutcome, Story, TitleName, load_texts};

use crate::support::story::page;

/// A two-language story head (line 1 to 5), then `source` from line 7, then one page.
fn story_with(source: &str) -> String {
    let head = "schema = 1\nid = \"s\"\nlanguages = [\"en\", \"zh-Hans\"]\n\
                title = { en = \"T\", zh-Hans = \"故事\" }\nsummary = { en = \"S\", zh-Hans = \"简介\" }\n";
    format!("{head}\n{source}{}", page("p", "a"))
}

const PANEL: &str = "id = \"a\"\nalt = { en = \"a\", zh-Hans = \"甲\" }\n\n[[note]]\nkind = \"context\"\ntext = { en = \"n\", zh-Hans = \"注\" }\ncites = [\"s1\"]\n";

fn load_source(source: &str) -> LoadOutcome {
    load_texts(&story_with(source), &[("a.toml", PANEL)])
}

/// `[[source]]` with id `s1` and `title`/`description` lines as given (line 8 on).
fn source(lines: &str) -> String {
    format!(
        "[[source]]\nid = \"s1\"\n{lines}publisher = \"Daily Paper\"\ndate = \"2024-05\"\nkind = \"news\"\n"
    )
}

fn loaded(lines: &str) -> Story {
    let outcome = load_source(&source(lines));
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    outcome.story.unwrap()
}

/// A diagnostic's kind, line and column.
type Located = (Kind, usize, usize);

/// Every diagnostic as (kind, line, column).
fn located(lines: &str) -> Vec<Located> {
    load_source(&source(lines))
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.line, d.col))
        .collect()
}

#[test]
fn a_string_title_is_the_works_own_and_a_description_is_localized() {
    let story = loaded(
        "title = \"Daily Paper on the poster\"\n\
         description = { en = \"A report on the poster.\", zh-Hans = \"关于海报的报道。\" }\n",
    );
    let title = &story.sources[0].title;
    assert_eq!(
        title.name,
        TitleName::Own("Daily Paper on the poster".into())
    );
    for lang in ["en", "zh-Hans"] {
        assert_eq!(title.get(lang), ("Daily Paper on the poster", false));
    }
    assert_eq!(title.description("en"), Some("A report on the poster."));
    assert_eq!(title.description("zh-Hans"), Some("关于海报的报道。"));
}

#[test]
fn a_title_by_language_is_our_description_and_dotted_keys_work() {
    let story = loaded(
        "title.en = \"Report on the poster\"\ntitle.zh-Hans = \"海报报道\"\n\
         description.en = \"A copy.\"\ndescription.zh-Hans = \"转载。\"\n",
    );
    let title = &story.sources[0].title;
    assert_eq!(title.get("en"), ("Report on the poster", true));
    assert_eq!(title.get("zh-Hans"), ("海报报道", true));
    assert_eq!(title.description("zh-Hans"), Some("转载。"));
}

#[test]
fn a_source_without_a_description_still_loads() {
    let story = loaded("title = \"[Our own words]\"\n");
    let title = &story.sources[0].title;
    // An older story's bracketed string is kept as written.
    assert_eq!(title.get("zh-Hans"), ("[Our own words]", false));
    assert_eq!(title.description("en"), None);
}

#[test]
fn description_mistakes_are_located() {
    let t = "title = \"t\"\n";
    let cases: &[(&str, &[Located])] = &[
        // A missing language: at the table, inline or dotted.
        (
            "description = { en = \"x\" }\n",
            &[(Kind::MissingLanguage, 10, 15)],
        ),
        (
            "description.en = \"x\"\n",
            &[(Kind::MissingLanguage, 10, 1)],
        ),
        // A language the story does not declare: at its key.
        (
            "description = { en = \"x\", zh-Hans = \"甲\", fr = \"y\" }\n",
            &[(Kind::UnknownLanguage, 10, 42)],
        ),
        // Empty or only spaces: at the text.
        (
            "description = { en = \" \", zh-Hans = \"甲\" }\n",
            &[(Kind::EmptyText, 10, 22)],
        ),
        // A plain string is not localized text, as for every other localized field.
        ("description = \"x\"\n", &[(Kind::WrongType, 10, 15)]),
    ];
    for (lines, want) in cases {
        assert_eq!(located(&format!("{t}{lines}")), *want, "{lines}");
    }
}

#[test]
fn title_mistakes_are_located() {
    let cases: &[(&str, &[Located])] = &[
        ("title.en = \"x\"\n", &[(Kind::MissingLanguage, 9, 1)]),
        (
            "title = { en = \"x\", zh-Hans = \"甲\", de = \"y\" }\n",
            &[(Kind::UnknownLanguage, 9, 36)],
        ),
        // Our description brings no brackets of its own: the viewer adds them.
        (
            "title = { en = \"[x]\", zh-Hans = \"甲\" }\n",
            &[(Kind::BadValue, 9, 16)],
        ),
        (
            "title = { en = \"x\", zh-Hans = \"\" }\n",
            &[(Kind::EmptyText, 9, 31)],
        ),
        ("title = 5\n", &[(Kind::WrongType, 9, 9)]),
        ("title = []\n", &[(Kind::WrongType, 9, 9)]),
    ];
    for (lines, want) in cases {
        assert_eq!(located(lines), *want, "{lines}");
    }
    let wrong = load_source(&source("title = 5\n"));
    let msg = &wrong.diagnostics[0].message;
    assert!(
        msg.contains("a string (the work's own title) or a table by language"),
        "{msg}"
    );
}

#[test]
fn long_texts_are_refused_at_their_value() {
    let long = "x".repeat(1_001);
    let lines = format!("title = \"t\"\ndescription = {{ en = \"{long}\", zh-Hans = \"甲\" }}\n");
    assert_eq!(located(&lines), [(Kind::TooLong, 10, 22)]);
    let fine = "x".repeat(1_000);
    let lines = format!("title = \"t\"\ndescription = {{ en = \"{fine}\", zh-Hans = \"甲\" }}\n");
    assert_eq!(located(&lines), []);
    let lines = format!("title = {{ en = \"{long}\", zh-Hans = \"甲\" }}\n");
    assert_eq!(located(&lines), [(Kind::TooLong, 9, 16)]);
}

#[test]
fn control_characters_are_located_and_never_shown() {
    let lines = "title = { en = \"Ours\", zh-Hans = \"我们\\u001b[31m的\" }\n\
                 description = { en = \"A \\u202Ereport\", zh-Hans = \"报道\" }\n";
    assert_eq!(
        located(lines),
        [(Kind::ControlChar, 9, 37), (Kind::ControlChar, 10, 25)]
    );
    // The story still opens (as with control characters anywhere), without them: the
    // whole escape sequence is dropped.
    let story = load_source(&source(lines)).story.unwrap();
    let title = &story.sources[0].title;
    assert_eq!(title.get("zh-Hans"), ("我们的", true));
    assert_eq!(title.description("en"), Some("A report"));
    let transcript = export_text(&story, "zh-Hans") + &export_text(&story, "en");
    assert!(
        !transcript.contains(['\u{1b}', '\u{202e}']),
        "{transcript:?}"
    );
    assert!(
        transcript.contains("［我们的］ Daily Paper, 2024-05.\n    报道\n"),
        "{transcript}"
    );
    assert!(
        transcript.contains("[Ours]. Daily Paper, 2024-05.\n    A report\n"),
        "{transcript}"
    );
}

fn export_text(story: &Story, lang: &str) -> String {
    let mut out = Vec::new();
    let format = comicterm::cli::ExportFormat::Text;
    comicterm::export::export(story, format, Some(lang), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}
