//! Live reload, end to end: the real viewer in tmux on a story folder while its files are
//! edited the way an author's editor saves them.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use crate::support::tmux::{BIN, Tmux, status_line};

/// A new story (`comicterm new`) in `parent/story`, in English and Chinese.
fn new_story(parent: &Path) -> std::path::PathBuf {
    let dir = parent.join("story");
    let out = Command::new(BIN)
        .args(["new", "--lang", "en,zh-Hans"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    dir
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} in {text}");
    fs::write(file, text.replace(from, to)).unwrap();
}

/// Starts the viewer on `story`, typed as a relative path the way a person types it.
fn viewer(name: &str, parent: &Path, flags: &str) -> Option<Tmux> {
    let script = format!(
        "cd '{}' && '{BIN}' story {flags}; echo EXIT=$?; sleep 30",
        parent.display()
    );
    Tmux::start_cmd(name, &["sh", "-c", &script], 100, 30)
}

#[test]
fn a_save_reloads_in_place_and_a_broken_one_shows_its_problems_until_fixed() {
    let parent = tempfile::tempdir().unwrap();
    let dir = new_story(parent.path());
    let Some(t) = viewer("reload", parent.path(), "") else {
        return;
    };
    t.wait_for("Page 1/1");
    // Panel 2 in panel view, in Chinese: all of it is kept across the reload.
    t.keys(&["Right", "v", "t"]);
    t.wait_all(&["第 2/2 格", "未完待续"]);
    let end = dir.join("panels/02-end.toml");
    edit(&end, "未完待续。", "暂时到此为止。");
    let s = t.wait_all(&["暂时到此为止", "已重新载入"]);
    let status = status_line(&s);
    assert!(status.contains("第 2/2 格"), "the place is kept: {status}");
    assert!(!s.contains("未完待续"), "{s}");
    // A save that breaks the story: the last good version stays, the problems show.
    fs::write(&end, "id = \n").unwrap();
    let s = t.wait_all(&["保存的故事有错误", "panels/02-end.toml:1:6"]);
    assert!(s.contains('^'), "the caret under the column: {s}");
    // The fix closes the box by itself.
    restore_end(&dir);
    let s = t.wait("the box closes", |s| {
        !s.contains("保存的故事有错误") && s.contains("已重新载入")
    });
    assert!(status_line(&s).contains("第 2/2 格"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Writes panel 2 back as `comicterm new` wrote it, with the edited caption.
fn restore_end(dir: &Path) {
    let fresh = tempfile::tempdir().unwrap();
    let again = new_story(fresh.path());
    let text = fs::read_to_string(again.join("panels/02-end.toml")).unwrap();
    fs::write(
        dir.join("panels/02-end.toml"),
        text.replace("未完待续。", "暂时到此为止。"),
    )
    .unwrap();
}

#[test]
fn no_watch_leaves_the_story_as_it_was_opened() {
    let parent = tempfile::tempdir().unwrap();
    let dir = new_story(parent.path());
    let Some(t) = viewer("no-watch", parent.path(), "--no-watch") else {
        return;
    };
    t.wait_for("To be continued.");
    edit(
        &dir.join("panels/02-end.toml"),
        "To be continued.",
        "Changed.",
    );
    // Well past the quiet spell and a load; then a key makes the viewer draw again.
    sleep(Duration::from_millis(1500));
    t.keys(&["Right"]);
    let s = t.wait_for("Panel 2/2");
    assert!(
        s.contains("To be continued.") && !s.contains("Changed."),
        "{s}"
    );
    assert!(!s.contains("reloaded"), "{s}");
}
