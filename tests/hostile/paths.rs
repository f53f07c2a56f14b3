//! Art paths from a hostile story: 24 cases, each refused with its error kind at the art
//! path's line and column, or accepted; nothing is read before it is checked, a FIFO never
//! blocks, a 1 GiB file is refused by its size.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use comicterm::diag::Kind;
use comicterm::story::{ArtOrigin, StorySource, load};

const BIN: &str = env!("CARGO_BIN_EXE_comicterm");
const PNG: &str = "assets/01-invitation.png";

/// `(art path as written, expected kind or None when accepted)`, after `setup` ran.
struct Case {
    art: String,
    expect: Option<Kind>,
}

fn case(art: impl Into<String>, expect: Option<Kind>) -> Case {
    Case {
        art: art.into(),
        expect,
    }
}

/// The story folder `root` and a folder `outside` next to it, with every file the cases use.
fn setup(root: &Path, outside: &Path) {
    let assets = root.join("assets");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::create_dir_all(root.join("panels")).unwrap();
    std::fs::create_dir_all(outside).unwrap();
    let png = std::fs::read(PNG).unwrap();
    std::fs::write(root.join("p1.png"), &png).unwrap();
    std::fs::write(assets.join("real.png"), &png).unwrap();
    std::fs::write(outside.join("secret.png"), &png).unwrap();
    std::fs::create_dir(assets.join("dir.png")).unwrap();
    symlink(outside.join("secret.png"), assets.join("out.png")).unwrap();
    symlink("real.png", assets.join("in.png")).unwrap();
    symlink("c2.png", assets.join("c1.png")).unwrap();
    symlink(outside.join("c3.png"), assets.join("c2.png")).unwrap();
    symlink("secret.png", outside.join("c3.png")).unwrap();
    symlink("/dev/zero", assets.join("zero.png")).unwrap();
    symlink("dir.png", assets.join("todir.png")).unwrap();
    symlink("loop2.png", assets.join("loop1.png")).unwrap();
    symlink("loop1.png", assets.join("loop2.png")).unwrap();
    let fifo = assets.join("fifo.png");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // 1 GiB, sparse, starting like a PNG: only its size can refuse it.
    let big = std::fs::File::create(assets.join("big.png")).unwrap();
    std::io::Write::write_all(&mut &big, &png[..16]).unwrap();
    big.set_len(1 << 30).unwrap();
    std::fs::write(
        assets.join("gif.png"),
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    )
    .unwrap();
    std::fs::write(assets.join("png.jpg"), &png).unwrap();
    std::fs::write(assets.join("text.png"), b"hello").unwrap();
}

fn cases() -> Vec<Case> {
    use Kind::*;
    vec![
        case("../x.png", Some(ArtPath)),
        case("a/../../x.png", Some(ArtPath)),
        case("assets/../../x.png", Some(ArtPath)),
        case("/etc/passwd", Some(ArtPath)),
        case("C:\\x.png", Some(ArtPath)),
        case("c:x.png", Some(ArtPath)),
        case("\\\\?\\C:\\x", Some(ArtPath)),
        case("..\\x.png", Some(ArtPath)),
        case("", Some(ArtPath)),
        case("a\0b.png", Some(ArtPath)),
        case("a".repeat(5000) + ".png", Some(ArtPath)),
        case("assets/", Some(ArtNotFile)),
        case("assets/dir.png", Some(ArtNotFile)),
        case("assets/todir.png", Some(ArtNotFile)),
        case("assets/out.png", Some(ArtPath)),
        case("assets/c1.png", Some(ArtPath)),
        case("assets/zero.png", Some(ArtPath)),
        case("assets/fifo.png", Some(ArtNotFile)),
        case("assets/big.png", Some(ArtTooLarge)),
        case("assets/loop1.png", Some(ArtMissing)),
        case("assets/missing.png", Some(ArtMissing)),
        case("assets/gif.png", Some(ArtFormat)),
        case("assets/png.jpg", Some(ArtFormat)),
        case("assets/text.png", Some(ArtFormat)),
        case("./p1.png", None),
        case("assets/in.png", None),
        case("assets/./real.png", None),
    ]
}

use crate::support::story::toml_str;

/// Writes one panel per case (`panels/NN.toml`, art on line 2) and a story placing them.
fn write_story(root: &Path, cases: &[Case]) {
    let mut story = String::from(
        "schema = 1\nid = \"paths\"\nlanguages = [\"en\"]\n\
         title = { en = \"Paths\" }\nsummary = { en = \"Hostile art paths.\" }\n",
    );
    for (i, c) in cases.iter().enumerate() {
        story.push_str(&format!(
            "\n[[page]]\nid = \"page{i}\"\nrows = 1\ncols = 1\n\
             [[page.cell]]\npanel = \"p{i:02}\"\nrow = 1\ncol = 1\n"
        ));
        let panel = format!(
            "id = \"p{i:02}\"\nart = {}\nalt = {{ en = \"case {i}\" }}\n",
            toml_str(&c.art)
        );
        std::fs::write(root.join(format!("panels/{i:02}.toml")), panel).unwrap();
    }
    std::fs::write(root.join("panels/story.toml"), story).unwrap();
}

#[test]
fn every_path_case_is_refused_or_accepted_as_expected() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, outside) = (tmp.path().join("story"), tmp.path().join("outside"));
    setup(&root, &outside);
    let cases = cases();
    assert!(cases.len() >= 16);
    write_story(&root, &cases);

    // Loading must never block (FIFO) or read the 1 GiB file: a thread with a deadline.
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = root.clone();
    std::thread::spawn(move || {
        let start = Instant::now();
        let outcome = load(&StorySource::Dir(dir));
        let _ = tx.send((outcome, start.elapsed()));
    });
    let (outcome, took) = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("loading finishes (a FIFO must not block it)");
    println!("loading took {took:?}");

    let story = outcome
        .story
        .as_ref()
        .expect("art problems never block viewing");
    let mut refused = 0;
    for (i, c) in cases.iter().enumerate() {
        let name = format!("panels/{i:02}.toml");
        let art_diags: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.file.name == name && d.kind != Kind::ControlChar)
            .collect();
        let panel = story.panels().find(|p| p.id == format!("p{i:02}")).unwrap();
        let origin = &panel.art.as_ref().unwrap().origin;
        match c.expect {
            Some(kind) => {
                assert_eq!(art_diags.len(), 1, "{:?}: {art_diags:?}", c.art);
                let d = art_diags[0];
                assert_eq!(d.kind, kind, "{:?}: {}", c.art, d.message);
                assert_eq!((d.line, d.col), (2, 7), "{:?}", c.art);
                assert!(matches!(origin, ArtOrigin::Broken(_)), "{:?}", c.art);
                refused += 1;
            }
            None => {
                assert!(art_diags.is_empty(), "{:?}: {art_diags:?}", c.art);
                assert!(matches!(origin, ArtOrigin::File(_)), "{:?}", c.art);
            }
        }
    }
    assert_eq!(refused, cases.iter().filter(|c| c.expect.is_some()).count());
}

#[test]
fn check_reports_each_path_with_line_and_column_and_never_hangs() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, outside) = (tmp.path().join("story"), tmp.path().join("outside"));
    setup(&root, &outside);
    let cases = cases();
    write_story(&root, &cases);
    let (code, stderr) = run_check(&[root.as_os_str()], tmp.path());
    assert_eq!(code, Some(1));
    for (i, c) in cases.iter().enumerate() {
        let loc = format!("panels/{i:02}.toml:2:7");
        match c.expect {
            Some(kind) => {
                let at = stderr
                    .find(&loc)
                    .unwrap_or_else(|| panic!("{loc} for {:?}", c.art));
                // The `error[kind]` line precedes its location.
                let head = &stderr[..at];
                let code = head.rsplit("error[").next().unwrap();
                assert!(code.starts_with(kind.code()), "{:?}: {code}", c.art);
            }
            None => assert!(!stderr.contains(&loc), "{:?} accepted", c.art),
        }
    }
    // The secret outside the story is never named or read.
    assert!(!stderr.contains("secret"), "{stderr}");
}

#[test]
fn the_refused_1gib_file_was_never_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, outside) = (tmp.path().join("story"), tmp.path().join("outside"));
    setup(&root, &outside);
    let cases = vec![case("assets/big.png", Some(Kind::ArtTooLarge))];
    write_story(&root, &cases);
    let start = Instant::now();
    let outcome = load(&StorySource::Dir(root));
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(outcome.diagnostics.len(), 1);
    assert_eq!(outcome.diagnostics[0].kind, Kind::ArtTooLarge);
    // A sparse 1 GiB file read to the end would take far longer and allocate 1 GiB.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(hwm) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb: u64 = hwm.split_whitespace().nth(1).unwrap().parse().unwrap();
        assert!(kb < 512 * 1024, "peak RSS {kb} kB");
    }
}

// ---- Story files (story.toml and panel files) follow the same rules as art ----

/// A copy of the built-in story in `root` (its panels and its PNGs).
fn copy_builtin(root: &Path) {
    for sub in ["panels", "assets"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
        for entry in std::fs::read_dir(sub).unwrap() {
            let path = entry.unwrap().path();
            let keep = path.extension().is_some_and(|e| e == "toml" || e == "png");
            if keep {
                std::fs::copy(&path, root.join(sub).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// Runs `comicterm check ARGS` with a deadline, an environment holding a sentinel and a
/// temporary HOME; returns (exit code, stdout + stderr).
fn run_check(args: &[&std::ffi::OsStr], home: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(BIN)
        .arg("check")
        .args(args)
        .env("HOME", home)
        .env("COMICTERM_TEST_SENTINEL", "sentinel-7f3a9c")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("check {args:?} did not finish within 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

#[test]
fn panel_files_linked_out_of_the_story_are_refused_and_never_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("story");
    copy_builtin(&root);
    let creds = tmp.path().join("creds.toml");
    std::fs::write(&creds, "id = \"x\"\napi_token = \"hunter2-secret-line\"\n").unwrap();
    let links: [(&str, &Path); 3] = [
        ("x-passwd.toml", Path::new("/etc/passwd")),
        ("x-environ.toml", Path::new("/proc/self/environ")),
        ("x-creds.toml", &creds),
    ];
    for (name, target) in links {
        symlink(target, root.join("panels").join(name)).unwrap();
    }
    let (code, out) = run_check(&[root.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    for (name, _) in links {
        assert!(
            out.contains(&format!("panels/{name}` leads outside the story folder")),
            "{name} not reported: {out}"
        );
    }
    for leaked in ["root:", "sentinel-7f3a9c", "hunter2", "api_token", "PATH="] {
        assert!(!out.contains(leaked), "`{leaked}` leaked: {out}");
    }
}

#[test]
fn story_toml_and_the_panels_folder_linked_out_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    // story.toml itself a link to a file outside.
    let a = tmp.path().join("a");
    copy_builtin(&a);
    let outside = tmp.path().join("outside.toml");
    std::fs::copy(a.join("panels/story.toml"), &outside).unwrap();
    std::fs::remove_file(a.join("panels/story.toml")).unwrap();
    symlink(&outside, a.join("panels/story.toml")).unwrap();
    let (code, out) = run_check(&[a.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("panels/story.toml` leads outside"), "{out}");
    assert!(
        !out.contains("Dangerous"),
        "the refused file was quoted: {out}"
    );

    // The whole panels folder a link to a folder outside.
    let b = tmp.path().join("b");
    copy_builtin(&b);
    let moved = tmp.path().join("panels-elsewhere");
    std::fs::rename(b.join("panels"), &moved).unwrap();
    symlink(&moved, b.join("panels")).unwrap();
    let (code, out) = run_check(&[b.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("leads outside the story folder"), "{out}");

    // Links that stay inside the story folder are fine.
    let c = tmp.path().join("c");
    copy_builtin(&c);
    std::fs::rename(c.join("panels/01-invitation.toml"), c.join("01.real")).unwrap();
    symlink(c.join("01.real"), c.join("panels/01-invitation.toml")).unwrap();
    let (code, out) = run_check(&[c.as_os_str()], tmp.path());
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn fifos_as_story_files_or_archives_never_block() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("story");
    copy_builtin(&root);
    let mkfifo = |p: &Path| assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
    mkfifo(&root.join("panels/zz-fifo.toml"));
    let (code, out) = run_check(&[root.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("panels/zz-fifo.toml` is not a regular file"),
        "{out}"
    );

    let cbz = tmp.path().join("x.cbz");
    mkfifo(&cbz);
    let (code, out) = run_check(&[cbz.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("is not a regular file"), "{out}");
}

#[test]
fn odd_panel_file_names_are_reported_on_one_line() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("story");
    copy_builtin(&root);
    // A name that is not UTF-8 is reported, not skipped.
    let bad = std::ffi::OsStr::from_bytes(b"caf\xe9.toml");
    std::fs::write(root.join("panels").join(bad), "id = \"cafe\"\n").unwrap();
    let (code, out) = run_check(&[root.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("is not valid UTF-8"), "{out}");
    std::fs::remove_file(root.join("panels").join(bad)).unwrap();

    // A newline in a name cannot forge an output line.
    let forged = "x\nerror: forged line\n.toml";
    std::fs::write(root.join("panels").join(forged), "id = [\n").unwrap();
    let (code, out) = run_check(&[root.as_os_str()], tmp.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        !out.lines().any(|l| l.starts_with("error: forged")),
        "a file name forged a line: {out}"
    );
    assert!(out.contains("x␊error: forged line␊.toml"), "{out}");
}
