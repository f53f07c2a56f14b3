use std::collections::BTreeSet;
use std::ffi::OsString;

use super::*;
use crate::story::{Story, StorySource, load};

fn builtin() -> Story {
    load(&StorySource::Builtin)
        .story
        .expect("built-in story loads")
}

fn saved(story: &Story, page: usize, panel: usize) -> Saved {
    Saved {
        story: story.id.clone(),
        content: content_hash(story),
        place: Place {
            page,
            panel,
            panel_id: story.pages[page].panels[panel].id.clone(),
            view: SavedView::Panel,
            language: Some("zh-Hans".into()),
            commentary: true,
        },
        bookmarks: BTreeSet::from([story.pages[0].panels[0].id.clone()]),
    }
}

fn temp() -> (tempfile::TempDir, StateDir) {
    let t = tempfile::tempdir().unwrap();
    let dir = StateDir::at(t.path().join("comicterm"));
    (t, dir)
}

#[test]
fn save_then_load_round_trips() {
    let story = builtin();
    let (_t, dir) = temp();
    let s = saved(&story, 2, 1);
    dir.save(&s).unwrap();
    let loaded = dir.load(&story.id);
    assert_eq!(loaded.message, None);
    assert_eq!(loaded.saved.as_ref(), Some(&s));
    let r = restore(&story, content_hash(&story), loaded.saved.as_ref().unwrap());
    assert_eq!((r.page, r.panel, r.lost), (2, 1, false));
    assert_eq!(r.view, SavedView::Panel);
    assert_eq!(r.language.as_deref(), Some("zh-Hans"));
    assert!(r.commentary);
    assert_eq!(r.bookmarks, s.bookmarks);
}

#[test]
fn missing_file_is_a_fresh_start_without_message() {
    let (_t, dir) = temp();
    assert_eq!(dir.load("nothing"), Loaded::default());
}

#[test]
fn odd_ids_round_trip_and_stay_in_the_folder() {
    let (_t, dir) = temp();
    for id in [
        "a\"b\\c",
        "../../etc/passwd",
        "控制\u{1b}[31m\u{7}",
        "",
        "x\ny",
    ] {
        let s = Saved {
            story: id.into(),
            content: u64::MAX,
            place: Place {
                panel_id: format!("{id}-panel"),
                ..Place::default()
            },
            bookmarks: BTreeSet::from([id.to_string(), "\u{0}".into()]),
        };
        let path = dir.path_for(id);
        assert_eq!(path.parent(), Some(dir.dir.as_path()), "{id:?}");
        dir.save(&s).unwrap();
        assert_eq!(dir.load(id).saved, Some(s), "{id:?}");
    }
    assert_ne!(dir.path_for("a-b"), dir.path_for("a/b"));
}

#[test]
fn an_edited_story_resumes_by_panel_id() {
    let story = builtin();
    let s = saved(&story, 2, 1);
    let id = s.place.panel_id.clone();
    // A panel inserted before it: the saved indices now hold another panel.
    let mut edited = story.clone();
    let extra = edited.pages[2].panels[0].clone();
    edited.pages[2].panels.insert(0, extra);
    edited.pages[2].panels[0].id = "new-panel".into();
    let hash = content_hash(&edited);
    assert_ne!(hash, s.content);
    let r = restore(&edited, hash, &s);
    assert_eq!((r.page, r.panel, r.lost), (2, 2, false));
    assert_eq!(edited.pages[r.page].panels[r.panel].id, id);
}

#[test]
fn a_removed_panel_falls_back_to_the_start() {
    let story = builtin();
    let mut s = saved(&story, 2, 1);
    s.bookmarks.insert("no-such-panel-xyz".into());
    let mut edited = story.clone();
    edited.pages[2].panels.remove(1);
    let r = restore(&edited, content_hash(&edited), &s);
    assert_eq!((r.page, r.panel, r.lost), (0, 0, true));
    // The reader's choices stay; bookmarks on panels that are gone go.
    assert_eq!(r.view, SavedView::Panel);
    assert!(r.commentary);
    assert!(!r.bookmarks.contains("no-such-panel-xyz"));
    assert!(r.bookmarks.contains(&story.pages[0].panels[0].id));
}

#[test]
fn indices_out_of_range_never_panic() {
    let story = builtin();
    let mut s = saved(&story, 0, 0);
    s.place.page = usize::MAX;
    s.place.panel = usize::MAX;
    let r = restore(&story, s.content, &s);
    assert_eq!((r.page, r.panel), (0, 0));
    assert!(!r.lost, "the id is still found");
}

#[test]
fn the_hash_sees_text_and_layout_changes() {
    let story = builtin();
    let h = content_hash(&story);
    assert_eq!(h, content_hash(&builtin()), "stable across loads");
    let mut t = story.clone();
    t.pages[0].panels[0]
        .alt
        .insert("en".into(), "changed".into());
    assert_ne!(content_hash(&t), h);
    let mut c = story.clone();
    c.pages[0].panels[0].cell.col_span += 1;
    assert_ne!(content_hash(&c), h);
}

fn assert_fresh_with_message(dir: &StateDir, id: &str, what: &str) {
    let loaded = dir.load(id);
    assert_eq!(loaded.saved, None, "{what}");
    let m = loaded
        .message
        .unwrap_or_else(|| panic!("{what}: no message"));
    assert!(m.contains("starting at the beginning"), "{what}: {m}");
    assert!(
        !m.contains('\n') && !m.chars().any(char::is_control),
        "{what}: {m:?}"
    );
}

#[test]
fn bad_files_load_as_a_fresh_start_with_one_line() {
    let story = builtin();
    let (_t, dir) = temp();
    dir.save(&saved(&story, 1, 0)).unwrap();
    let path = dir.path_for(&story.id);
    let good = std::fs::read(&path).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("binary", (0..=255u8).cycle().take(3000).collect()),
        ("corrupt", b"version = = 1\n\x1b]52;c;aGk=\x07".to_vec()),
        ("wrong types", b"version = 1\nstory = 5\n".to_vec()),
        (
            "future version",
            String::from_utf8(good.clone())
                .unwrap()
                .replace("version = 1", "version = 9")
                .into_bytes(),
        ),
        (
            "other story",
            String::from_utf8(good.clone())
                .unwrap()
                .replace(&story.id, "other")
                .into_bytes(),
        ),
    ];
    for (what, bytes) in cases {
        std::fs::write(&path, &bytes).unwrap();
        assert_fresh_with_message(&dir, &story.id, what);
    }
}

#[test]
fn a_huge_file_is_not_read() {
    let (_t, dir) = temp();
    std::fs::create_dir_all(&dir.dir).unwrap();
    let f = std::fs::File::create(dir.path_for("big")).unwrap();
    f.set_len(10 * MAX_FILE_BYTES).unwrap();
    assert_fresh_with_message(&dir, "big", "huge");
}

#[test]
fn a_folder_or_fifo_in_place_of_the_file_neither_fails_nor_hangs() {
    let (_t, dir) = temp();
    std::fs::create_dir_all(dir.path_for("folder")).unwrap();
    assert_fresh_with_message(&dir, "folder", "folder");
    let fifo = dir.path_for("fifo");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    assert_fresh_with_message(&dir, "fifo", "fifo");
}

#[test]
fn a_read_only_file_still_loads_and_is_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let story = builtin();
    let (_t, dir) = temp();
    dir.save(&saved(&story, 1, 0)).unwrap();
    let path = dir.path_for(&story.id);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    assert!(dir.load(&story.id).saved.is_some());
    let later = saved(&story, 3, 0);
    dir.save(&later).unwrap();
    assert_eq!(dir.load(&story.id).saved, Some(later));
}

#[test]
fn an_unwritable_folder_is_a_message_not_a_failure() {
    let story = builtin();
    let t = tempfile::tempdir().unwrap();
    // A file where the folder should be: fails even for root.
    let blocker = t.path().join("comicterm");
    std::fs::write(&blocker, "x").unwrap();
    let dir = StateDir::at(&blocker);
    let e = dir.save(&saved(&story, 0, 0)).unwrap_err();
    assert!(e.starts_with("place not saved"), "{e}");
    assert_eq!(dir.load(&story.id).saved, None);
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn two_writers_at_once_leave_one_whole_file() {
    let story = builtin();
    let (_t, dir) = temp();
    let a = saved(&story, 1, 0);
    let mut b = saved(&story, 3, 0);
    b.bookmarks = (0..500).map(|i| format!("bookmark-{i}")).collect();
    let (a, b, dir, id) = (&a, &b, &dir, story.id.as_str());
    std::thread::scope(|s| {
        for which in [a, b] {
            s.spawn(move || {
                for _ in 0..200 {
                    dir.save(which).unwrap();
                }
            });
        }
        s.spawn(move || {
            for _ in 0..400 {
                let l = dir.load(id);
                assert_eq!(l.message, None);
                let s = l.saved.as_ref();
                assert!(s.is_none() || s == Some(a) || s == Some(b));
            }
        });
    });
    let last = dir.load(id).saved.unwrap();
    assert!(last == *a || last == *b);
    let leftovers: Vec<_> = std::fs::read_dir(&dir.dir).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn xdg_state_home_then_home() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    };
    let d = |p: &[(&'static str, &'static str)]| {
        let pairs: &'static [(&'static str, &'static str)] = Vec::leak(p.to_vec());
        StateDir::from_env(env(pairs)).map(|s| s.dir)
    };
    assert_eq!(
        d(&[("XDG_STATE_HOME", "/x/state"), ("HOME", "/h")]),
        Some("/x/state/comicterm".into())
    );
    assert_eq!(
        d(&[("XDG_STATE_HOME", "relative"), ("HOME", "/h")]),
        Some("/h/.local/state/comicterm".into())
    );
    assert_eq!(
        d(&[("HOME", "/h")]),
        Some("/h/.local/state/comicterm".into())
    );
    assert_eq!(d(&[("HOME", "")]), None);
    assert_eq!(d(&[]), None);
}

#[test]
fn image_folders_are_told_apart_by_path_and_story_folders_by_id() {
    use crate::story::StorySource;
    let t = tempfile::tempdir().unwrap();
    let (a, b) = (t.path().join("a"), t.path().join("b"));
    let ka = story_key("images", &StorySource::Images(a.clone()));
    let kb = story_key("images", &StorySource::Images(b));
    assert_ne!(ka, kb);
    assert!(ka.starts_with("images@") && ka.ends_with("/a"), "{ka}");
    assert_eq!(
        story_key("dangerous-love", &StorySource::Builtin),
        "dangerous-love"
    );
    assert_eq!(story_key("tale", &StorySource::Dir(a)), "tale");
}
