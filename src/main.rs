//! comicterm's entry point: parse the command line, load and validate the story, dispatch.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use comicterm::cli::{CheckFormat, Cli, Command};
use comicterm::diag::render_all;
use comicterm::story::{LoadOutcome, Story, StorySource, load};

fn main() -> ExitCode {
    let cli = Cli::parse();

    let code = match &cli.command {
        Some(Command::Check { path, format }) => match source(path.as_deref()) {
            Ok(source) => check(load(&source), *format, cli.view.lang.as_deref()),
            Err(code) => code,
        },
        Some(Command::Render(args)) => with_story(args.path.as_deref(), |story| {
            warn_language(story, cli.view.lang.as_deref());
            let mut out = std::io::stdout().lock();
            comicterm::headless::render(story, args, &cli.view, &mut out).and_then(|()| out.flush())
        }),
        Some(Command::Export { path, format }) => with_story(path.as_deref(), |story| {
            // `--lang all` (HTML: every language) is not a language to warn about.
            let lang = cli.view.lang.as_deref();
            if lang != Some(comicterm::export::ALL_LANGUAGES) {
                warn_language(story, lang);
            }
            let mut out = std::io::stdout().lock();
            comicterm::headless::export(story, *format, &cli.view, &mut out)
                .and_then(|()| out.flush())
        }),
        Some(Command::Doctor) => {
            let graphics = comicterm::art::Graphics::resolve(cli.view.graphics);
            let detected = comicterm::term::detect_once(graphics);
            let mut out = std::io::stdout().lock();
            finish_output(
                comicterm::doctor::report(&detected, graphics, &mut out).and_then(|()| out.flush()),
            )
        }
        Some(Command::Search(args)) => match open(args.path()) {
            Ok(story) => {
                warn_language(&story, cli.view.lang.as_deref());
                let mut out = std::io::stdout().lock();
                let lang = cli.view.lang.as_deref();
                let code = comicterm::search::command(
                    &story,
                    &args.text(),
                    lang,
                    args.all_langs,
                    &mut out,
                );
                finish_with_code(code.and_then(|c| out.flush().map(|()| c)))
            }
            // Exit status 1 means "no hit": a story that cannot be read is 2.
            Err(_) => 2,
        },
        Some(Command::Config(args)) => finish_with_code(comicterm::config::command(
            args,
            &cli.view,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
            styled_stderr(),
        )),
        Some(Command::New { dir, force }) => new_story(dir, cli.view.lang.as_deref(), *force),
        Some(Command::Completions { shell }) => {
            let mut out = std::io::stdout().lock();
            finish_output(
                comicterm::shell::completions(*shell, &mut out).and_then(|()| out.flush()),
            )
        }
        Some(Command::Man) => {
            let mut out = std::io::stdout().lock();
            finish_output(comicterm::shell::man(&mut out).and_then(|()| out.flush()))
        }
        Some(Command::Generate {
            out,
            panels,
            art_files,
        }) => match comicterm::generate::write_story(out, *panels, *art_files) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("comicterm: {e}");
                1
            }
        },
        None => match open(cli.path.as_deref()) {
            // The story is checked first: its errors are worth more than this one.
            Ok(_) if !std::io::stdout().is_terminal() => {
                eprintln!(
                    "comicterm: standard output is not a terminal; to write the story as text \
                     use `comicterm export` (a transcript) or `comicterm render` (one frame)"
                );
                2
            }
            Ok(story) => comicterm::viewer::run(
                &story,
                &StorySource::from_arg(cli.path.as_deref()),
                &cli.view,
            )
            .unwrap_or_else(|e| {
                eprintln!("comicterm: {e}");
                1
            }),
            Err(code) => code,
        },
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// `comicterm check`: every problem (art decoded up front), or a one-line summary; exit
/// code 1 if there is a problem, in either format.
fn check(mut outcome: LoadOutcome, format: CheckFormat, lang: Option<&str>) -> i32 {
    if let Some(story) = &outcome.story {
        warn_language(story, lang);
        outcome.diagnostics.extend(comicterm::art::verify(story));
    }
    let passed = outcome
        .story
        .as_ref()
        .filter(|_| outcome.diagnostics.is_empty());
    if format == CheckFormat::Json {
        let counts = passed.map(|s| comicterm::diag::StoryCounts {
            pages: s.pages.len(),
            panels: s.panel_count(),
            notes: s.note_count(),
            languages: s.languages.clone(),
        });
        let json = comicterm::diag::render_json(&outcome.diagnostics, counts.as_ref());
        let mut out = std::io::stdout().lock();
        let code = finish_output(out.write_all(json.as_bytes()).and_then(|()| out.flush()));
        return if passed.is_some() { code } else { 1 };
    }
    if let Some(story) = passed {
        let mut out = std::io::stdout().lock();
        return finish_output(writeln!(out, "{}", summary(story)).and_then(|()| out.flush()));
    }
    report(&outcome.diagnostics);
    1
}

/// `comicterm new DIR`: writes the starter story and says what to do next.
fn new_story(dir: &std::path::Path, langs: Option<&str>, force: bool) -> i32 {
    let written = comicterm::scaffold::languages(langs)
        .and_then(|langs| comicterm::scaffold::write(dir, &langs, force));
    match written {
        Ok(files) => {
            let shown = comicterm::path_arg::one_line(dir);
            let mut out = std::io::stdout().lock();
            let text = format!(
                "wrote a new story in {shown}: {}
next: comicterm check {shown}, then comicterm {shown}
",
                files.join(", ")
            );
            finish_output(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "comicterm: {e}");
            1
        }
    }
}

/// Prints diagnostics on stderr; a failing stderr is not a reason to panic.
fn report(diagnostics: &[comicterm::diag::Diagnostic]) {
    let text = render_all(diagnostics, styled_stderr());
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Exit code for a command whose output is done: 0, or 1 with the error on stderr (a reader
/// who closed the pipe early, e.g. `| head`, is not an error).
fn finish_output(result: std::io::Result<()>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "comicterm: {e}");
            1
        }
    }
}

/// The exit code a command chose, or [`finish_output`]'s for its output error.
fn finish_with_code(result: std::io::Result<i32>) -> i32 {
    result.unwrap_or_else(|e| finish_output(Err(e)))
}

/// `ok: 4 pages, 16 panels, 52 notes (36 established, 8 single-source, 5 disputed,
/// 3 unverified), languages en, zh-Hans` (`1 page`, `1 note`, `language en` for one); statuses
/// with no notes are left out.
/// `--lang` naming a language the story lacks: say so (the first language is used).
fn warn_language(story: &Story, lang: Option<&str>) {
    if let Some(l) = lang
        && comicterm::story::lang::resolve(&story.languages, l).is_none()
    {
        let _ = writeln!(
            std::io::stderr(),
            "comicterm: the story is not in `{}`; it has {} (using {})",
            comicterm::diag::visible(l),
            story.languages.join(", "),
            story.languages.first().map_or("en", String::as_str)
        );
    }
}

fn summary(s: &Story) -> String {
    let by_status: Vec<String> = s
        .notes_by_status()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{n} {}", status.keyword()))
        .collect();
    let by_status = if by_status.is_empty() {
        String::new()
    } else {
        format!(" ({})", by_status.join(", "))
    };
    let count = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    format!(
        "ok: {}, {}, {}{by_status}, {} {}",
        count(s.pages.len(), "page"),
        count(s.panel_count(), "panel"),
        count(s.note_count(), "note"),
        if s.languages.len() == 1 {
            "language"
        } else {
            "languages"
        },
        s.languages.join(", ")
    )
}

/// The story a PATH argument names; a path that cannot be a story is one line on stderr
/// and exit code 2 (the story's own problems are left to the loader).
fn source(path: Option<&std::path::Path>) -> Result<StorySource, i32> {
    if let Some(p) = path
        && let Err(line) = comicterm::path_arg::check(p)
    {
        let _ = writeln!(std::io::stderr(), "comicterm: {line}");
        return Err(comicterm::path_arg::EXIT_USAGE);
    }
    Ok(StorySource::from_arg(path))
}

/// Loads a story for viewing; prints blocking problems on the normal screen.
fn open(path: Option<&std::path::Path>) -> Result<Story, i32> {
    let outcome = load(&source(path)?);
    match outcome.story {
        Some(story) => Ok(story),
        None => {
            report(&outcome.diagnostics);
            Err(1)
        }
    }
}

fn with_story(
    path: Option<&std::path::Path>,
    f: impl FnOnce(&Story) -> std::io::Result<()>,
) -> i32 {
    match open(path).map(|s| f(&s)) {
        Ok(result) => finish_output(result),
        Err(code) => code,
    }
}

fn styled_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
