//! End-to-end: the real binary in tmux (isolated server), driven by keys, signals and a
//! forced panic; the terminal must always be given back.
//!
//! Without tmux the tests print a skip notice, unless `CI` is set: then they fail.

use crate::support::tmux as tmux_harness;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux_harness::{BIN, TIMEOUT, Tmux, status_line, trimmed};

#[test]
fn reader_session() {
    let Some(t) = Tmux::start("session", "", 120, 40) else {
        return;
    };
    let s = t.wait_for("Page 1/4");
    assert!(
        s.contains("┌ 1 ") && s.contains("┌ 4 "),
        "page 1 shows its panels:\n{s}"
    );
    assert_eq!(t.format("#{alternate_on}"), "1");

    t.keys(&["Space", "PageDown", "Space"]);
    t.wait_all(&["Page 4/4", "┌ 16 "]);

    t.keys(&["c"]);
    t.wait_all(&["Commentary", "Panel 13", "[Context]", "Esc close"]);

    t.keys(&["t"]);
    t.wait_all(&["评注", "第 13 格", "【背景】", "第 4/4 页", "简体中文"]);

    t.keys(&["?"]);
    t.wait_all(&["帮助 ─", "下一格（一页的最后一格之后到下一页）"]);

    t.keys(&["Escape"]);
    t.wait("help closed", |s| {
        !s.contains("下一格（一页的最后一格之后到下一页）")
            && !s.contains("评注 ─")
            && s.contains("第 4/4 页")
    });

    t.keys(&["g", "PageDown"]);
    t.wait_for("第 2/4 页");

    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    // Redrawn: the frames close on row 29 at column 100, the status bar is row 30.
    let s = t.wait("a 100x30 layout", |s| {
        let rows: Vec<&str> = s.lines().collect();
        rows.len() >= 29
            && rows[28].starts_with('└')
            && rows[28].ends_with('┘')
            && rows[28].chars().count() == 100
            && status_line(s).contains("第 2/4 页")
    });
    assert!(s.lines().count() <= 30, "{s}");

    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

#[test]
fn typed_page_number_and_panel_view() {
    let Some(t) = Tmux::start("jump", "--lang en", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["3"]);
    t.wait_for("Go to page: 3");
    t.keys(&["Enter"]);
    t.wait_for("Page 3/4");
    t.keys(&["Tab"]);
    t.wait_for("panel view");
    t.keys(&["Left"]);
    t.wait_for("Panel 8/16");
    t.keys(&["C-c"]);
    t.assert_exited_restored(0);
}

#[test]
fn signals_restore_the_terminal() {
    for (sig, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let Some(t) = Tmux::start(&format!("sig{sig}"), "", 100, 30) else {
            return;
        };
        t.wait_for("Page 1/4");
        let pid = t.viewer_pid();
        let killed = Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status();
        assert!(killed.is_ok_and(|s| s.success()));
        t.assert_exited_restored(code);
    }
}

#[test]
fn panic_restores_the_terminal() {
    // No art: art arriving would draw frames of its own and race the count.
    let Some(t) = Tmux::start("panic", "--graphics none --panic-after-frames 3", 100, 30) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["PageDown"]);
    t.wait_for("Page 2/4");
    t.keys(&["PageDown"]);
    let s = t.wait_for("EXIT=101");
    assert!(
        s.contains("panicked"),
        "the panic message is on the main screen:\n{s}"
    );
    t.assert_exited_restored(101);
}

/// The art is on here (`hostile::a_resize_storm_ends_in_the_same_frame_as_render` runs
/// without it, to compare the frame with `render` exactly): every size asks the art workers
/// for pictures of a new size, and the storm still ends in a clean frame.
#[test]
fn resize_storm_then_a_clean_frame() {
    let Some(t) = Tmux::start("storm", "", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    let mut seed = 7_u32;
    for _ in 0..60 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let w = 1 + (seed >> 8) % 200;
        let h = 1 + (seed >> 20) % 60;
        t.tmux(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);
    }
    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    t.wait("a clean 100x30 frame", |s| {
        let rows: Vec<&str> = s.lines().collect();
        rows.len() >= 29
            && rows[0].starts_with("┌ 1 ")
            && rows[28].ends_with('┘')
            && rows[28].chars().count() == 100
            && status_line(s).contains("Page 1/4")
    });
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

#[test]
fn mouse_wheel_turns_pages_and_a_click_opens_a_panel() {
    let Some(t) = Tmux::start("mouse", "", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    // SGR mouse reports, as a terminal sends them with mouse capture on (1-based x;y).
    t.keys(&["-l", "\x1b[<65;10;10M"]);
    t.wait_for("Page 2/4");
    t.keys(&["-l", "\x1b[<64;10;10M"]);
    t.wait_for("Page 1/4");
    t.keys(&["-l", "\x1b[<0;90;5M\x1b[<0;90;5m"]);
    t.wait_all(&["Panel 2/16", "panel view"]);
    // In panel view the wheel steps one panel, and a flick (three reports at once) is one step.
    t.keys(&["-l", "\x1b[<65;10;10M\x1b[<65;10;10M\x1b[<65;10;10M"]);
    t.wait_for("Panel 3/16");
    sleep(Duration::from_millis(400));
    assert!(
        status_line(&t.screen()).contains("Panel 3/16"),
        "{}",
        t.screen()
    );
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

#[test]
fn the_live_viewer_draws_art_in_colored_cells() {
    let Some(t) = Tmux::start("art", "--graphics halfblocks", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    // Art is prepared by workers; poll until the colored half-blocks arrive.
    let colored = |s: &str| s.matches("38;2;").count() + s.matches("38;5;").count();
    let start = Instant::now();
    let mut screen = String::new();
    while start.elapsed() < TIMEOUT {
        screen = t.tmux(&["capture-pane", "-e", "-p"]);
        if colored(&screen) >= 200 && screen.contains('▀') {
            break;
        }
        sleep(Duration::from_millis(100));
    }
    assert!(
        colored(&screen) >= 200,
        "half-block art in color ({} colored runs):\n{screen}",
        colored(&screen)
    );
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

/// Every overlay, in both languages, at several sizes (odd widths too): the live screen is
/// exactly `comicterm render` of the same state. A wide glyph cut by an overlay's edge used to
/// eat the overlay's border live while `render` showed it.
#[test]
fn overlays_look_the_same_live_and_in_render() {
    let sizes = [(200, 60), (120, 40), (80, 24), (101, 31), (40, 40)];
    for lang in ["en", "zh-Hans"] {
        for (w, h) in sizes {
            let args = format!("--lang {lang} --graphics none");
            let Some(t) = Tmux::start(&format!("ov-{lang}-{w}"), &args, w, h) else {
                return;
            };
            t.wait("page 1", |s| status_line(s).contains("1/4"));
            for (key, flag) in [("?", "--help-overlay"), ("c", "--commentary")] {
                t.keys(&[key]);
                let expected = render_frame(&args, flag, w, h);
                let what = format!("{lang} {w}x{h} {flag}");
                let last = t.wait_frame(&expected);
                assert_eq!(last, expected, "{what}: live differs from render");
                t.keys(&["Escape"]);
                t.wait(&format!("{what} closed"), |s| trimmed(s) != expected);
            }
        }
    }
}

fn render_frame(args: &str, flag: &str, w: u16, h: u16) -> String {
    let out = Command::new(BIN)
        .arg("render")
        .args(args.split(' '))
        .args([flag, "--format", "text", "--size", &format!("{w}x{h}")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    trimmed(&String::from_utf8(out.stdout).unwrap())
}

/// On a light terminal (a tmux pane with a white background, which tmux reports to OSC 11)
/// the viewer picks the light palette by itself: captions in dark gold (256-color 130), not
/// yellow, and no overlay paints a black box.
#[test]
fn a_light_terminal_gets_the_light_palette() {
    // (With `--theme dark` this test fails: yellow captions on white.)
    let script = format!("sleep 0.5; '{BIN}' --graphics none; echo EXIT=$?; sleep 30");
    let Some(t) = Tmux::start_cmd("light", &["sh", "-c", &script], 120, 40) else {
        return;
    };
    t.tmux(&["select-pane", "-P", "bg=#ffffff,fg=#000000"]);
    t.wait("page 1", |s| status_line(s).contains("1/4"));
    t.keys(&["c"]);
    t.wait_for("j/k");
    let colored = t.tmux(&["capture-pane", "-p", "-e"]);
    assert!(
        colored.contains("38;5;130"),
        "no light-palette caption color:\n{colored}"
    );
    // tmux writes the 16 named colors as 256-color indices (yellow 3, bright yellow 11).
    for yellow in ["[33m", ";33m", "[93m", ";93m", "38;5;3m", "38;5;11m"] {
        assert!(
            !colored.contains(yellow),
            "yellow text on white ({yellow}):\n{colored}"
        );
    }
    for black_bg in ["[40m", ";40m", "48;5;0m", "48;5;16m"] {
        assert!(
            !colored.contains(black_bg),
            "a black box ({black_bg}):\n{colored}"
        );
    }
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// The viewer opens in the locale's language when the story has it (`LANG=zh_CN.UTF-8`), and
/// `--lang` in any common spelling wins over the locale.
#[test]
fn the_locale_and_lang_aliases_choose_the_language() {
    let script = format!(
        "LC_ALL= LANG=zh_CN.UTF-8 '{BIN}' --graphics none; LC_ALL= LANG=zh_CN.UTF-8 '{BIN}' --graphics none --lang EN_us; sleep 30"
    );
    let Some(t) = Tmux::start_cmd("locale", &["sh", "-c", &script], 120, 40) else {
        return;
    };
    t.wait("Chinese from the locale", |s| {
        status_line(s).contains("简体中文")
    });
    t.keys(&["q"]);
    t.wait("English from --lang", |s| {
        status_line(s).contains("English")
    });
    t.keys(&["q"]);
}

/// With `NO_COLOR` the live screen has no colors but keeps bold and reverse (crossterm used to
/// turn every color change into a reset, which dropped them).
#[test]
fn no_color_keeps_bold_and_reverse_live() {
    let script = format!("NO_COLOR=1 '{BIN}' --graphics none; sleep 30");
    let Some(t) = Tmux::start_cmd("nocolor", &["sh", "-c", &script], 100, 30) else {
        return;
    };
    t.wait("page 1", |s| status_line(s).contains("Page 1/4"));
    let colored = t.tmux(&["capture-pane", "-p", "-e"]);
    // tmux writes `ESC[1m` or folds it into `ESC[0;1m`: read the SGR parameters.
    assert!(sgr_has(&colored, "1"), "no bold:\n{colored}");
    assert!(sgr_has(&colored, "7"), "no reverse:\n{colored}");
    assert!(
        !colored.contains("38;5;") && !colored.contains("48;5;"),
        "colors:\n{colored}"
    );
    t.keys(&["q"]);
}

/// Whether any SGR sequence (`ESC [ … m`) in `screen` carries parameter `param`.
fn sgr_has(screen: &str, param: &str) -> bool {
    screen.split("\x1b[").skip(1).any(|seq| {
        seq.split_once('m')
            .is_some_and(|(params, _)| params.split(';').any(|p| p == param))
    })
}

/// Quit on page 3, panel 10, in Chinese with the commentary open; start again: the reader
/// is back there. `--from-start` opens at the start and still saves the place and bookmarks
/// on quitting; `--no-state` neither reads nor writes them.
#[test]
fn the_viewer_reopens_where_the_reader_left() {
    let Some(t) = Tmux::start_cmd("resume", &["sh", "-c", "sleep 0.5"], 160, 48) else {
        return;
    };
    // Three runs in one shell, each waiting for a file (in the test's HOME) before it starts.
    let home = t.home().display().to_string();
    let script = format!(
        "'{BIN}' --graphics none; echo FIRST=$?; \
         while [ ! -e '{home}/go2' ]; do sleep 0.1; done; '{BIN}' --graphics none; \
         echo SECOND=$?; while [ ! -e '{home}/go3' ]; do sleep 0.1; done; \
         '{BIN}' --graphics none --from-start; echo THIRD=$?; \
         while [ ! -e '{home}/go4' ]; do sleep 0.1; done; '{BIN}' --graphics none --no-state; \
         echo FOURTH=$?; while [ ! -e '{home}/go5' ]; do sleep 0.1; done; \
         '{BIN}' --graphics none; echo FIFTH=$?; sleep 30"
    );
    t.tmux(&["respawn-pane", "-k", "sh", "-c", &script]);
    let go = |n: &str| std::fs::write(t.home().join(n), "").unwrap();
    t.wait_for("Page 1/4");
    // Page 3, then panel 10 (the second panel of page 3), Chinese, commentary.
    t.keys(&["3", "Enter"]);
    t.wait_for("Page 3/4");
    t.keys(&["Right", "t", "c"]);
    t.wait_all(&["第 3/4 页", "第 10/16 格", "评注 ─"]);
    t.keys(&["q"]);
    t.wait_for("FIRST=0");
    let state = t.home().join("state/comicterm");
    let files: Vec<_> = std::fs::read_dir(&state).expect("a state folder").collect();
    assert_eq!(files.len(), 1, "one state file for the story in {state:?}");
    go("go2");
    t.wait_all(&["第 3/4 页", "第 10/16 格", "评注 ─"]);
    t.keys(&["Escape", "q"]);
    t.wait_for("SECOND=0");
    go("go3");
    let s = t.wait_for("Page 1/4");
    assert!(
        s.contains("Panel 1/16"),
        "--from-start opens at the start:\n{s}"
    );
    // A bookmark on panel 1, then page 2: both saved on quitting.
    t.keys(&["m", "2", "Enter"]);
    t.wait_for("Page 2/4");
    t.keys(&["q"]);
    t.wait_for("THIRD=0");
    let file = std::fs::read_dir(&state)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("\"invitation\""),
        "the bookmark is saved: {saved}"
    );
    // --no-state: not read (the start, not page 2), not written.
    go("go4");
    let s = t.wait_for("Page 1/4");
    assert!(s.contains("Panel 1/16"), "--no-state reads nothing:\n{s}");
    t.keys(&["4", "Enter"]);
    t.wait_for("Page 4/4");
    t.keys(&["q"]);
    t.wait_for("FOURTH=0");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        saved,
        "--no-state writes nothing"
    );
    go("go5");
    t.wait_for("Page 2/4");
    t.keys(&["q"]);
    t.wait_for("FIFTH=0");
}

/// `/`, a word, Enter: the panel where it is said; `n` the next hit; the status bar counts.
#[test]
fn search_finds_the_roses() {
    let Some(t) = Tmux::start("search", "--graphics none", 160, 48) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["/"]);
    t.keys(&["-l", "roses"]);
    t.wait_for("/roses");
    t.keys(&["Enter"]);
    let s = t.wait_for("Page 2/4");
    assert!(s.contains("Panel 5/16") && s.contains("hit 1/"), "{s}");
    t.keys(&["/"]);
    t.keys(&["-l", "zzzqqq"]);
    t.keys(&["Enter"]);
    let s = t.wait_for("No hits for");
    assert!(s.contains("Panel 5/16"), "no hit: the place is kept\n{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// A config file that binds `x` to the next page: `x` turns the page, and help shows it.
#[test]
fn a_config_file_rebinds_a_key() {
    let script = format!("'{BIN}' --graphics none; echo EXIT=$?; sleep 30");
    let Some(t) = Tmux::start_cmd("config", &["sh", "-c", "sleep 0.5"], 160, 48) else {
        return;
    };
    let config = t.home().join("config/comicterm");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[keys]\nnext-page = [\"x\"]\n").unwrap();
    t.tmux(&["respawn-pane", "-k", "sh", "-c", &script]);
    t.wait_for("Page 1/4");
    t.keys(&["x"]);
    t.wait_for("Page 2/4");
    t.keys(&["?"]);
    t.wait_for("x              next page");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
}

/// A story opened at its start begins with its cover (title, summary, credits); Right
/// begins on page 1; past the last panel comes the end card, and Home starts again.
#[test]
fn cover_and_end_cards_frame_the_story() {
    let script = format!("COMICTERM_COVER=on '{BIN}' --graphics none; echo EXIT=$?; sleep 30");
    let Some(t) = Tmux::start_cmd("cover", &["sh", "-c", &script], 120, 40) else {
        return;
    };
    let s = t.wait_for("Right or Space: begin");
    assert!(s.contains("Dangerous Love") && s.contains("cover"), "{s}");
    t.keys(&["Right"]);
    let s = t.wait_for("page view");
    assert!(
        s.contains("Panel 1/16") && !s.contains("Right or Space: begin"),
        "{s}"
    );
    t.keys(&["End", "Right", "Right", "Right", "Right"]);
    let s = t.wait_for("The end");
    assert!(s.contains("Home: start again") && s.contains("[1]"), "{s}");
    t.keys(&["Home"]);
    t.wait_all(&["Page 1/4", "Panel 1/16"]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// `o`, move the cursor, Enter: the reader is where the cursor was; `C` shows the notes
/// beside the page and `C` again hides them.
#[test]
fn overview_jumps_and_the_side_pane_follows() {
    let Some(t) = Tmux::start("overview", "--graphics none", 160, 48) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["o"]);
    t.wait_all(&["overview (o", "Page 4 · "]);
    t.keys(&["Right", "Right", "Down", "Up", "PageDown", "Enter"]);
    let s = t.wait_for("Page 2/4");
    assert!(
        s.contains("Panel 5/16") && s.contains("page view (v)"),
        "{s}"
    );
    t.keys(&["C"]);
    let s = t.wait_for("┌ Commentary");
    assert!(
        s.contains("Panel 5\n") || s.contains("│Panel 5 "),
        "the pane shows panel 5's notes:\n{s}"
    );
    t.keys(&["Right"]);
    t.wait_for("│Panel 6");
    t.keys(&["C"]);
    t.wait("the pane closed", |s| !s.contains("┌ Commentary"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Two viewers on the same story at once, in two windows of one terminal, quit together:
/// the state file is whole and holds one reader's place (the last writer's), and no
/// temporary file is left beside it.
#[test]
fn two_viewers_quitting_together_leave_one_whole_state_file() {
    let script = format!("'{BIN}' --graphics none; echo EXIT=$?; sleep 30");
    let Some(t) = Tmux::start_cmd("two", &["sh", "-c", &script], 120, 40) else {
        return;
    };
    t.tmux(&["new-window", "-d", "sh", "-c", &script]);
    let both = |keys: &[&str]| {
        for w in [":0", ":1"] {
            let mut args = vec!["send-keys", "-t", w];
            args.extend_from_slice(keys);
            t.tmux(&args);
        }
    };
    let wait = |w: &str, text: &str| {
        t.wait_in(w, text);
    };
    wait(":0", "Page 1/4");
    wait(":1", "Page 1/4");
    t.tmux(&["send-keys", "-t", ":0", "2", "Enter"]);
    t.tmux(&["send-keys", "-t", ":1", "4", "Enter"]);
    wait(":0", "Page 2/4");
    wait(":1", "Page 4/4");
    both(&["q"]);
    wait(":0", "EXIT=0");
    wait(":1", "EXIT=0");
    let dir = t.home().join("state/comicterm");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one file, no temporary left: {files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let saved: toml::Table = toml::from_str(&text).expect("a whole TOML file");
    let page = saved["page"].as_integer();
    assert!(matches!(page, Some(1 | 3)), "one reader's page: {text}");
}

/// A corrupt state file: the viewer opens at the start and says so in the status bar once
/// (the next key clears it), and quitting replaces the file with a whole one.
#[test]
fn a_corrupt_state_file_is_said_once_and_replaced() {
    let Some(t) = Tmux::start_cmd("corrupt", &["sh", "-c", "sleep 0.5"], 120, 40) else {
        return;
    };
    let home = t.home().display().to_string();
    let script = format!(
        "'{BIN}' --graphics none; echo FIRST=$?; \
         while [ ! -e '{home}/go2' ]; do sleep 0.1; done; '{BIN}' --graphics none; \
         echo SECOND=$?; sleep 30"
    );
    t.tmux(&["respawn-pane", "-k", "sh", "-c", &script]);
    t.wait_for("Page 1/4");
    t.keys(&["3", "Enter"]);
    t.wait_for("Page 3/4");
    t.keys(&["q"]);
    t.wait_for("FIRST=0");
    let dir = t.home().join("state/comicterm");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&file, b"page = \"\x1b[2J\xff\xfe\ntrunc").unwrap();
    std::fs::write(t.home().join("go2"), "").unwrap();
    let s = t.wait_for("starting at the beginning");
    assert!(s.contains("Page 1/4"), "{s}");
    t.keys(&["Right"]);
    let s = t.wait_for("Panel 2/16");
    assert!(!s.contains("starting at the beginning"), "said once:\n{s}");
    t.keys(&["q"]);
    t.wait_for("SECOND=0");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(toml::from_str::<toml::Table>(&text).is_ok(), "{text}");
}

/// Keys typed while the viewer is still starting (a 2,000-panel story takes a moment to load,
/// then the terminal is asked what it is) are not lost: `3 Enter` typed at once lands on
/// page 3.
#[test]
fn keys_typed_while_starting_are_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("big");
    let made = Command::new(BIN)
        .args(["generate", "--panels", "2000"])
        .arg(&story)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let args = format!("--graphics none '{}'", story.display());
    let Some(t) = Tmux::start("typed", &args, 120, 40) else {
        return;
    };
    t.keys(&["3", "Enter"]);
    let s = t.wait_for("Page 3/500");
    assert!(s.contains("Page 3/500"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
