use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::*;

fn new_story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::scaffold::write(dir.path(), &["en".to_string()], false).unwrap();
    dir
}

fn start_text(dir: &Path) -> String {
    fs::read_to_string(dir.join("panels/01-start.toml")).unwrap()
}

#[test]
fn only_story_files_matter() {
    let root = Path::new("/s");
    for yes in [
        "/s/panels/01.toml",
        "/s/panels/story.toml",
        "/s/assets/a.png",
        "/s/assets/sub/b.jpg",
    ] {
        assert!(matters(root, Path::new(yes)), "{yes}");
    }
    for no in [
        "/s/README.md",
        "/s/.git/index",
        "/s/panels/.01.toml.swp",
        "/s/panels/01.toml~",
        "/s/panels/4913",
        "/s/panels/.#01.toml",
        "/s/assets/.hidden/a.png",
        "/elsewhere/panels/01.toml",
        "/s",
    ] {
        assert!(!matters(root, Path::new(no)), "{no}");
    }
}

#[test]
fn settle_waits_for_a_quiet_spell_and_ends_with_the_sender() {
    let (tx, rx) = mpsc::channel();
    let feeder = std::thread::spawn(move || {
        for i in 0..5 {
            tx.send(i).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    let start = Instant::now();
    // Events 20 ms apart keep it waiting; it returns once they stop, or reports the end.
    let settled = settle(&rx, Duration::from_millis(150), Duration::from_secs(5));
    feeder.join().unwrap();
    assert!(start.elapsed() >= Duration::from_millis(80));
    if settled {
        assert!(
            rx.try_recv().is_err(),
            "every event of the burst was consumed"
        );
    }
    let (tx, rx) = mpsc::channel::<()>();
    drop(tx);
    assert!(
        !settle(&rx, Duration::from_secs(5), Duration::from_secs(5)),
        "a closed channel ends the wait"
    );
}

#[test]
fn settle_gives_up_waiting_for_quiet_after_the_longest_wait() {
    let (tx, rx) = mpsc::channel();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let feeder = std::thread::spawn(move || {
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = tx.send(());
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    // Events every 10 ms never leave 100 ms of quiet: the wait ends after the longest wait.
    let settled = settle(&rx, Duration::from_millis(100), Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    feeder.join().unwrap();
    assert!(
        settled,
        "a folder written to without pause is still reloaded"
    );
}

#[test]
fn a_good_save_reloads_and_a_broken_one_reports_file_line_and_column() {
    let dir = new_story();
    let text = start_text(dir.path()).replace("Hello!", "Hi there!");
    fs::write(dir.path().join("panels/01-start.toml"), &text).unwrap();
    match reload(dir.path()) {
        Reloaded::Story(story, None) => {
            let said = format!("{:?}", story.pages[0].panels[0]);
            assert!(said.contains("Hi there!"), "{said}");
        }
        other => panic!("expected the story, got {other:?}"),
    }
    let broken = format!("{text}\n[[speech\n");
    fs::write(dir.path().join("panels/01-start.toml"), broken).unwrap();
    match reload(dir.path()) {
        Reloaded::Broken(report) => {
            assert!(report.contains("panels/01-start.toml:"), "{report}");
            assert!(!report.contains('\x1b'), "plain text: {report:?}");
        }
        other => panic!("expected a report, got {other:?}"),
    }
}

/// Waits up to 10 s for the watcher to send something.
fn next(rx: &mpsc::Receiver<Reloaded>) -> Reloaded {
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the watcher reloads within 10 s")
}

#[test]
fn the_watcher_reloads_after_writes_renames_and_breakage() {
    let dir = new_story();
    let (tx, rx) = mpsc::channel();
    // Given through a symbolic link: events name the real path, which the link is not a
    // prefix of (a relative path, as typed, is the same case).
    let other = tempfile::tempdir().unwrap();
    let link = other.path().join("link");
    std::os::unix::fs::symlink(dir.path(), &link).unwrap();
    let _watch = Watch::start(&link, move |r| tx.send(r).is_ok()).unwrap();
    let panel = dir.path().join("panels/01-start.toml");
    let text = start_text(dir.path());
    // A plain write.
    fs::write(&panel, text.replace("Hello!", "Written!")).unwrap();
    assert!(matches!(next(&rx), Reloaded::Story(s, _) if format!("{s:?}").contains("Written!")));
    // A save through a temp file renamed over the panel (vim, many IDEs).
    let temp = dir.path().join("panels/.01-start.toml.tmp");
    fs::write(&temp, text.replace("Hello!", "Renamed!")).unwrap();
    fs::rename(&temp, &panel).unwrap();
    assert!(matches!(next(&rx), Reloaded::Story(s, _) if format!("{s:?}").contains("Renamed!")));
    // A burst of saves is one reload.
    for i in 0..5 {
        fs::write(&panel, text.replace("Hello!", &format!("Burst {i}!"))).unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(matches!(next(&rx), Reloaded::Story(s, _) if format!("{s:?}").contains("Burst 4!")));
    assert!(
        rx.recv_timeout(QUIET * 3).is_err(),
        "one reload for the burst"
    );
    // A broken save, then the fix.
    fs::write(&panel, "id = ").unwrap();
    assert!(matches!(next(&rx), Reloaded::Broken(r) if r.contains("01-start.toml")));
    fs::write(&panel, &text).unwrap();
    assert!(matches!(next(&rx), Reloaded::Story(..)));
    // Files that do not belong to the story change nothing.
    fs::write(dir.path().join("NOTES.md"), "todo").unwrap();
    fs::write(dir.path().join("panels/01-start.toml~"), "backup").unwrap();
    assert!(rx.recv_timeout(QUIET * 3).is_err(), "no reload for litter");
}
