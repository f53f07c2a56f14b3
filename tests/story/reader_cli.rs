//! `comicterm config` and `comicterm search` as scripts run them (issue 12). Every run points
//! HOME and the XDG folders at a temporary directory: the real home is never read or written.

use std::path::Path;
use std::process::{Command, Output};

fn run(home: &Path, extra_env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_comicterm"));
    c.args(args)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_STATE_HOME")
        .env_remove("NO_COLOR")
        .env("LANG", "C");
    for (k, v) in extra_env {
        c.env(k, v);
    }
    c.output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn config_path_follows_home_and_xdg_config_home() {
    let t = tempfile::tempdir().unwrap();
    let o = run(t.path(), &[], &["config", "--path"]);
    assert!(o.status.success());
    let expected = t.path().join(".config/comicterm/config.toml");
    assert_eq!(stdout(&o).trim_end(), expected.display().to_string());

    let xdg = t.path().join("xdg");
    let o = run(
        t.path(),
        &[("XDG_CONFIG_HOME", xdg.to_str().unwrap())],
        &["config", "--path"],
    );
    assert_eq!(
        stdout(&o).trim_end(),
        xdg.join("comicterm/config.toml").display().to_string()
    );
}

#[test]
fn the_default_file_checks_clean_and_a_bad_one_is_located() {
    let t = tempfile::tempdir().unwrap();
    let o = run(t.path(), &[], &["config", "--default"]);
    assert!(o.status.success());
    let default = stdout(&o);
    let dir = t.path().join(".config/comicterm");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");

    let o = run(t.path(), &[], &["config"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("no file (defaults): "),
        "{}",
        stdout(&o)
    );

    std::fs::write(&file, &default).unwrap();
    let o = run(t.path(), &[], &["config"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("ok: "), "{}", stdout(&o));
    assert!(stdout(&o).contains("\ntheme = auto\n"), "{}", stdout(&o));

    std::fs::write(
        &file,
        "theme = \"dark\"\nvieww = \"panel\"\n[keys]\nquit = \"hyper-q\"\n",
    )
    .unwrap();
    let o = run(t.path(), &[], &["config"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("config.toml:2:1") && err.contains("vieww = \"panel\""),
        "{err}"
    );
    assert!(err.contains("known keys: language, view"), "{err}");
    assert!(err.contains("config.toml:4:8"), "{err}");
    assert!(err.contains("2 errors in 1 file"), "{err}");
}

#[test]
fn a_huge_config_is_refused_without_reading_it() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("xdg/comicterm");
    std::fs::create_dir_all(&dir).unwrap();
    let f = std::fs::File::create(dir.join("config.toml")).unwrap();
    f.set_len(10 << 20).unwrap();
    let xdg = t.path().join("xdg");
    let o = run(
        t.path(),
        &[("XDG_CONFIG_HOME", xdg.to_str().unwrap())],
        &["config"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("file-too-large"), "{}", stderr(&o));
}

#[test]
fn search_prints_hits_and_exits_by_whether_it_found_any() {
    let t = tempfile::tempdir().unwrap();
    let o = run(t.path(), &[], &["search", "ROSES"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    let cols: Vec<&str> = first.split('\t').collect();
    assert_eq!(cols.len(), 5, "{first}");
    assert_eq!(&cols[..4], ["2", "5", "caption 1", "en"], "{first}");
    assert!(cols[4].to_lowercase().contains("roses"), "{first}");

    let o = run(t.path(), &[], &["search", "玫瑰", "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o)
            .lines()
            .all(|l| l.contains("\tzh-Hans\t") && l.contains("玫瑰"))
    );
    let o = run(t.path(), &[], &["search", "玫瑰"]);
    assert_eq!(o.status.code(), Some(1), "the English text has no Chinese");
    assert!(o.stdout.is_empty());
    let o = run(t.path(), &[], &["search", "--all-langs", "玫瑰"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn search_takes_a_path_and_tells_a_bad_story_from_no_hit() {
    let t = tempfile::tempdir().unwrap();
    let story = t.path().join("story");
    let o = run(
        t.path(),
        &[],
        &["generate", story.to_str().unwrap(), "--panels", "40"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(
        t.path(),
        &[],
        &["search", story.to_str().unwrap(), "panel 37."],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("\t37\tcaption 1\ten\tPanel 37."),
        "{lines:?}"
    );

    let missing = t.path().join("missing");
    let o = run(t.path(), &[], &["search", missing.to_str().unwrap(), "x"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        t.path(),
        &[],
        &["search", "--all-langs", "--lang", "en", "x"],
    );
    assert_eq!(o.status.code(), Some(2), "the two options conflict");
}

#[test]
fn viewer_state_flags_parse() {
    use clap::Parser;
    let cli =
        comicterm::cli::Cli::try_parse_from(["comicterm", "--from-start", "--no-state"]).unwrap();
    assert!(cli.view.from_start && cli.view.no_state);
    let cli = comicterm::cli::Cli::try_parse_from(["comicterm", "story"]).unwrap();
    assert!(!cli.view.from_start && !cli.view.no_state);
}

#[test]
fn precedence_command_line_then_environment_then_file_then_defaults() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join(".config/comicterm");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "theme = \"light\"\nview = \"panel\"\ncommentary = \"side\"\n[keys]\nnext-page = \"x\"\n",
    )
    .unwrap();
    let env = [
        ("COMICTERM_THEME", "dark"),
        ("COMICTERM_VIEW", "page"),
        ("COMICTERM_RESUME", "no"),
    ];
    let o = run(t.path(), &env, &["config", "--theme", "high-contrast"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "theme = high-contrast", // command line over environment and file
        "view = page",           // environment over file
        "resume = false",        // environment over default
        "commentary = side",     // file over default
        "graphics = auto",       // default
        "next-page = x",
    ] {
        assert!(out.lines().any(|l| l == line), "{line} missing in:\n{out}");
    }
    // Without the environment the file's values show.
    let o = run(t.path(), &[], &["config"]);
    let out = stdout(&o);
    assert!(
        out.contains("theme = light\n") && out.contains("view = panel\n"),
        "{out}"
    );
    // An environment value not understood is named on stderr and ignored.
    let o = run(t.path(), &[("COMICTERM_THEME", "neon")], &["config"]);
    assert!(
        stderr(&o).contains("COMICTERM_THEME=neon is ignored"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("theme = light\n"));
}
