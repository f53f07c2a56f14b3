//! `comicterm new DIR` (issue 13): the story it writes passes `check`, in the languages
//! asked for; a folder that is not empty is refused without --force, and no file is ever
//! replaced without it.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_STATE_HOME", home)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn new_then_check(lang: Option<&str>, expected_languages: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my story");
    let d = dir.to_str().unwrap();
    let mut args = vec!["new", d];
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    let out = run(&args, tmp.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("panels/story.toml") && said.contains("comicterm check"),
        "{said}"
    );
    for file in [
        "panels/story.toml",
        "panels/01-start.toml",
        "panels/02-end.toml",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let png = fs::read(dir.join("assets/placeholder.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let out = run(&["check", d], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("ok: 1 page, 2 panels, 1 note (1 established), {expected_languages}\n")
    );
    let story = fs::read_to_string(dir.join("panels/story.toml")).unwrap();
    assert!(story.contains("id = \"my-story\""), "{story}");
}

#[test]
fn a_new_story_passes_check_in_english() {
    new_then_check(None, "language en");
}

#[test]
fn a_new_story_passes_check_in_english_and_chinese() {
    new_then_check(Some("en,zh-Hans"), "languages en, zh-Hans");
}

#[test]
fn a_language_without_a_translation_gets_the_english_to_translate() {
    new_then_check(Some("fr,zh-Hans"), "languages fr, zh-Hans");
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    fs::create_dir_all(dir.join("panels")).unwrap();
    fs::write(dir.join("panels/story.toml"), "mine").unwrap();
    let out = run(&["new", dir.to_str().unwrap()], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("is not empty") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.join("panels/story.toml")).unwrap(),
        "mine"
    );
    assert!(!dir.join("panels/01-start.toml").exists());
    assert!(!dir.join("assets").exists());
}

#[test]
fn force_writes_into_a_folder_replacing_only_the_story_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    fs::create_dir_all(dir.join("panels")).unwrap();
    fs::write(dir.join("notes.txt"), "keep me").unwrap();
    fs::write(dir.join("panels/story.toml"), "old").unwrap();
    // A link in place of a story file is replaced, never written through.
    let outside = tmp.path().join("outside.toml");
    fs::write(&outside, "outside").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("panels/01-start.toml")).unwrap();
    let d = dir.to_str().unwrap();
    let out = run(&["new", d, "--force"], tmp.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "outside");
    assert!(
        !fs::symlink_metadata(dir.join("panels/01-start.toml"))
            .unwrap()
            .is_symlink()
    );
    assert_ne!(
        fs::read_to_string(dir.join("panels/story.toml")).unwrap(),
        "old"
    );
    assert_eq!(run(&["check", d], tmp.path()).status.code(), Some(0));
}

#[test]
fn an_empty_folder_is_used_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("empty");
    fs::create_dir(&d).unwrap();
    let out = run(&["new", d.to_str().unwrap()], tmp.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn bad_languages_and_a_file_in_the_way_are_refused_with_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    for lang in ["e", "en,\"x\"", "en,,fr"] {
        let out = run(&["new", dir.to_str().unwrap(), "--lang", lang], tmp.path());
        assert_eq!(out.status.code(), Some(1), "{lang}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("not a language tag"), "{lang}: {stderr}");
        assert!(!dir.exists(), "{lang}");
    }
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    let out = run(&["new", file.to_str().unwrap(), "--force"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
}
