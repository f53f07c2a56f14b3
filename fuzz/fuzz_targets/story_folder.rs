//! A whole story folder from fuzzed bytes: story.toml, panel files, art files and links
//! (inside the folder, out of it, to a FIFO-less special file, to a folder), written to disk
//! and loaded as the viewer and `check` do; then every page rendered. Never panics; nothing
//! outside the folder is ever quoted; every diagnostic is located.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

/// Parts are separated by this line: story.toml, then panel files, then art files.
const SEP: &[u8] = b"\n%%%\n";
/// A marker only the outside file holds: it must never appear in any output.
const SECRET: &str = "OUTSIDE-SECRET-4d1f";

fn folder() -> PathBuf {
    std::env::temp_dir().join(format!("comicterm-fuzz-story-{}", std::process::id()))
}

fn split(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while let Some(i) = rest.windows(SEP.len()).position(|w| w == SEP) {
        parts.push(&rest[..i]);
        rest = &rest[i + SEP.len()..];
    }
    parts.push(rest);
    parts
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, data)) = data.split_first() else {
        return;
    };
    let root = folder();
    let _ = std::fs::remove_dir_all(&root);
    let (panels, assets) = (root.join("story/panels"), root.join("story/assets"));
    std::fs::create_dir_all(&panels).unwrap();
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::write(root.join("secret.toml"), format!("id = \"{SECRET}\"\n")).unwrap();
    let parts = split(data);
    let n_panels = usize::from(shape & 7);
    for (i, part) in parts.iter().enumerate() {
        let path = match i {
            0 => panels.join("story.toml"),
            i if i <= n_panels => panels.join(format!("{i:02}.toml")),
            i => assets.join(format!("{:02}.png", i - n_panels)),
        };
        std::fs::write(path, part).unwrap();
    }
    // Links chosen by the shape byte's high bits.
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        if shape & 0x10 != 0 {
            let _ = symlink(root.join("secret.toml"), panels.join("zz-out.toml"));
        }
        if shape & 0x20 != 0 {
            let _ = symlink("/dev/zero", assets.join("zero.png"));
        }
        if shape & 0x40 != 0 {
            let _ = symlink(&assets, panels.join("dir.toml"));
        }
        if shape & 0x80 != 0 {
            let _ = symlink("01.png", assets.join("in.png"));
        }
    }
    let source = comicterm::story::StorySource::Dir(root.join("story"));
    let outcome = comicterm::story::load(&source);
    let mut diagnostics = outcome.diagnostics;
    if let Some(story) = &outcome.story {
        diagnostics.extend(comicterm::art::verify(story));
        let view = comicterm::cli::ViewArgs {
            graphics: Some(comicterm::art::Graphics::Halfblocks),
            ..Default::default()
        };
        for page in 1..=story.pages.len().min(4) {
            let args = comicterm::cli::RenderArgs {
                path: None,
                page,
                panel: None,
                view: comicterm::cli::ViewKind::Page,
                size: (60, 20),
                commentary: page % 2 == 0,
                help_overlay: false,
                overview: page == 3,
                side: page == 4,
                format: comicterm::cli::RenderFormat::Ansi,
            };
            let mut out = Vec::new();
            comicterm::headless::render(story, &args, &view, &mut out).unwrap();
            assert!(!String::from_utf8_lossy(&out).contains(SECRET));
        }
    }
    let report = comicterm::diag::render_all(&diagnostics, false);
    assert!(!report.contains(SECRET), "{report}");
    for d in &diagnostics {
        assert!(d.line >= 1 && d.col >= 1, "{d:?}");
    }
});
