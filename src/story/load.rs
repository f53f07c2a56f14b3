//! Loading a story: reading its files (a folder, the built-in copy, or in-memory texts),
//! parsing and checking every file (panel files in parallel), and assembling the [`Story`]
//! with every problem found.

use std::collections::HashMap;
use std::path::Path;

use super::assets::AssetStore;
use super::check::{self, Checker, Unreadable, check_head, check_panel};
use super::files::{self, TomlFiles};
use super::raw::RawStory;
use super::{LoadOutcome, Panel, Story, StorySource, builtin, images, par, parse};
use crate::diag::{Diagnostic, Diags};

/// Reads and validates a story, collecting every problem.
pub fn load(source: &StorySource) -> LoadOutcome {
    let (files, assets) = match source {
        StorySource::Images(path) => {
            return match images::load(path) {
                Ok((story, diagnostics)) => LoadOutcome {
                    story: Some(story),
                    diagnostics,
                },
                Err(diagnostics) => LoadOutcome {
                    story: None,
                    diagnostics,
                },
            };
        }
        StorySource::Builtin => (builtin::toml_files(), builtin::assets()),
        StorySource::Dir(dir) => match open_dir(dir) {
            Ok(v) => v,
            Err(diagnostics) => {
                return LoadOutcome {
                    story: None,
                    diagnostics,
                };
            }
        },
    };
    check_all(&files, &assets)
}

/// Validates a story given as in-memory texts: `story.toml` and `(file name, text)` for each
/// panel file. Art paths resolve against an empty store (so they are reported missing).
/// For fuzzing and tests; the same checks as [`load`].
pub fn load_texts(story_toml: &str, panels: &[(&str, &str)]) -> LoadOutcome {
    let files = TomlFiles {
        story: files::source("panels/story.toml", story_toml),
        panels: panels
            .iter()
            .map(|(name, text)| {
                files::source(crate::diag::visible(&format!("panels/{name}")), *text)
            })
            .collect(),
    };
    let assets = AssetStore::Embedded(std::sync::Arc::default());
    check_all(&files, &assets)
}

/// Runs every check; the story is kept unless a problem blocks viewing. Diagnostics are
/// kept up to [`crate::diag::MAX_SHOWN_PER_FILE`] per file, then counted.
fn check_all(files: &TomlFiles, assets: &AssetStore) -> LoadOutcome {
    let mut diags = Diags::new();
    let story = build(files, assets, &mut diags);
    let diagnostics = diags.into_vec();
    let blocked = diagnostics.iter().any(|d| d.kind.blocks_viewing());
    LoadOutcome {
        story: story.filter(|_| !blocked),
        diagnostics,
    }
}

fn open_dir(dir: &Path) -> Result<(TomlFiles, AssetStore), Vec<Diagnostic>> {
    let root = dir.canonicalize().map_err(|e| {
        let name = crate::diag::visible(&dir.display().to_string());
        vec![files::io_error(
            &name,
            format!("cannot open the story folder `{name}`: {e}"),
            "",
        )]
    })?;
    let files = files::read_dir(&root)?;
    Ok((files, AssetStore::dir(root)))
}

fn build(files: &TomlFiles, assets: &AssetStore, diags: &mut Diags) -> Option<Story> {
    let raw: RawStory = match parse::parse_story(&files.story) {
        Ok(raw) => raw,
        Err(d) => {
            diags.push(d);
            // Still parse the panel files so their errors are reported too.
            par::map(&files.panels, |f| parse::parse_panel(f).err())
                .into_iter()
                .flatten()
                .for_each(|d| diags.push(d));
            return None;
        }
    };
    let mut c = Checker {
        file: files.story.clone(),
        languages: &[],
        diags,
    };
    let languages = check::check_languages(&raw, &mut c);
    let mut c = Checker {
        file: files.story.clone(),
        languages: &languages,
        diags: c.diags,
    };
    let head = check_head(&raw, &mut c);
    // Panels by id (moved onto their pages), and where each is defined, for diagnostics.
    let placed = check_panels(files, &languages, &head, assets, c.diags);
    let mut by_id = placed.by_id;
    let pages = check::check_pages(raw.page.get_ref(), &mut by_id, &placed.unreadable, &mut c);
    report_unplaced(&by_id, &placed.sites, c.diags);
    Some(Story {
        id: head.id,
        languages: head.languages,
        title: head.title,
        summary: head.summary,
        credits: head.credits,
        characters: head.characters,
        sources: head.sources,
        pages,
    })
}

/// The checked panels by id, where each is defined, and which files could not be read.
struct Panels {
    by_id: HashMap<String, Panel>,
    sites: HashMap<String, PanelSite>,
    unreadable: Unreadable,
}

/// Checks every panel file (in parallel), then gathers them: duplicate ids, the story-wide
/// note limit, and the unreadable files whose cells must not be reported twice.
fn check_panels(
    files: &TomlFiles,
    languages: &[String],
    head: &check::StoryHead,
    assets: &AssetStore,
    diags: &mut Diags,
) -> Panels {
    let mut by_id: HashMap<String, Panel> = HashMap::new();
    let mut sites: HashMap<String, PanelSite> = HashMap::new();
    let mut seen = HashMap::new();
    let mut unreadable = Unreadable::default();
    let mut notes = 0;
    let checked = par::map(&files.panels, |file| {
        check_panel_file(file, languages, head, assets)
    });
    for (file, result) in files.panels.iter().zip(checked) {
        let (id, panel, file_diags) = match result {
            Ok(checked) => checked,
            Err(d) => {
                diags.push(d);
                // Its cells in story.toml are not also reported as naming no panel file.
                match parse::panel_id_of(file) {
                    Some(id) => _ = unreadable.ids.insert(id),
                    None => unreadable.without_id = true,
                }
                continue;
            }
        };
        let mut pc = Checker {
            file: file.clone(),
            languages,
            diags: &mut *diags,
        };
        check::unique(&mut pc, &mut seen, &id, "panel");
        pc.diags.append(file_diags);
        let before = notes;
        notes += panel.notes.len();
        if before <= check::limits::MAX_NOTES && notes > check::limits::MAX_NOTES {
            pc.error_hint(
                crate::diag::Kind::TooMany,
                id.span(),
                format!(
                    "the story has more than {} notes; this panel passes the limit",
                    crate::diag::thousands(check::limits::MAX_NOTES)
                ),
                "the limits are listed in docs/format.md (\"Limits\")".into(),
            );
        }
        if !by_id.contains_key(&panel.id) {
            sites.insert(panel.id.clone(), (file.clone(), id.span()));
            by_id.insert(panel.id.clone(), panel);
        }
    }
    Panels {
        by_id,
        sites,
        unreadable,
    }
}

/// Parses and checks one panel file on its own (so files can be checked in parallel): its
/// id as written, the panel, and the file's diagnostics; or the parse error.
fn check_panel_file(
    file: &std::sync::Arc<crate::diag::SourceText>,
    languages: &[String],
    head: &check::StoryHead,
    assets: &AssetStore,
) -> Result<(toml::Spanned<String>, Panel, Diags), Diagnostic> {
    let raw = parse::parse_panel(file)?;
    let mut diags = Diags::new();
    let mut c = Checker {
        file: file.clone(),
        languages,
        diags: &mut diags,
    };
    let panel = check_panel(&raw, &mut c, head, assets);
    drop(c);
    Ok((raw.id, panel, diags))
}

type PanelSite = (
    std::sync::Arc<crate::diag::SourceText>,
    std::ops::Range<usize>,
);

fn report_unplaced(
    left: &HashMap<String, Panel>,
    all: &HashMap<String, PanelSite>,
    diags: &mut Diags,
) {
    let mut ids: Vec<&String> = left.keys().collect();
    ids.sort();
    for id in ids {
        let (file, span) = &all[id];
        if !diags.keeps(file) {
            diags.omit(crate::diag::Kind::UnplacedPanel, file);
            continue;
        }
        let d = Diagnostic::new(
            crate::diag::Kind::UnplacedPanel,
            file,
            span.clone(),
            format!(
                "panel `{}` is not placed on any page",
                crate::diag::excerpt(id)
            ),
        );
        diags
            .push(d.with_hint("add a `[[page.cell]]` with `panel = \"...\"` in panels/story.toml"));
    }
}
