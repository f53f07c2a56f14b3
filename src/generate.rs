//! Synthetic stories for benchmarks (`comicterm generate`, hidden from help): any number of
//! panels, four to a page, in two languages, with lines and cited notes. The art is the
//! built-in story's 16 pictures, copied to `art_files` files (`assets/art-00001.png`, ...:
//! file `j` holds picture `j % 16`), shared between panels: panel `i` shows file `i % art_files`.
//! The art cache keys by path, so more files means more distinct art to cache.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::art::read_bytes;
use crate::story::{StorySource, load};

/// Panels per page (a 2×2 grid; the last page may hold fewer, in a 1-row grid).
const PER_PAGE: usize = 4;

/// Writes a story folder with `panels` panels and `art_files` image files to `dir` (created
/// if missing).
pub fn write_story(dir: &Path, panels: usize, art_files: usize) -> io::Result<()> {
    let arts = copy_builtin_art(dir, art_files.max(1))?;
    let panels_dir = dir.join("panels");
    std::fs::create_dir_all(&panels_dir)?;
    let mut story = String::from(STORY_HEAD);
    for (page, first) in (0..panels).step_by(PER_PAGE).enumerate() {
        let count = PER_PAGE.min(panels - first);
        let (rows, cols) = if count == PER_PAGE {
            (2, 2)
        } else {
            (1, count)
        };
        let _ = write!(
            story,
            "\n[[page]]\nid = \"p{}\"\ntitle = {{ en = \"Page {0}\", zh-Hans = \"第{0}页\" }}\nrows = {rows}\ncols = {cols}\n",
            page + 1
        );
        for k in 0..count {
            let (row, col) = if count == PER_PAGE {
                (k / 2 + 1, k % 2 + 1)
            } else {
                (1, k + 1)
            };
            let _ = write!(
                story,
                "\n[[page.cell]]\npanel = \"n{}\"\nrow = {row}\ncol = {col}\n",
                first + k + 1
            );
        }
    }
    std::fs::write(panels_dir.join("story.toml"), story)?;
    for i in 0..panels {
        let art = arts.get(i % arts.len().max(1)).map_or("", String::as_str);
        std::fs::write(
            panels_dir.join(format!("{:05}.toml", i + 1)),
            panel_file(i + 1, art),
        )?;
    }
    Ok(())
}

/// Writes `count` art files to `dir/assets/`; returns their story-relative paths.
fn copy_builtin_art(dir: &Path, count: usize) -> io::Result<Vec<String>> {
    let builtin = load(&StorySource::Builtin)
        .story
        .ok_or_else(|| io::Error::other("the built-in story does not load"))?;
    let pictures = builtin
        .panels()
        .filter_map(|p| p.art.as_ref())
        .map(|art| read_bytes(&art.origin).map_err(|e| io::Error::other(e.0)))
        .collect::<io::Result<Vec<_>>>()?;
    std::fs::create_dir_all(dir.join("assets"))?;
    let mut paths = Vec::new();
    for (j, bytes) in pictures.iter().cycle().take(count).enumerate() {
        let path = format!("assets/art-{:05}.png", j + 1);
        std::fs::write(dir.join(&path), bytes)?;
        paths.push(path);
    }
    Ok(paths)
}

fn panel_file(n: usize, art: &str) -> String {
    format!(
        r#"id = "n{n}"
art = "{art}"
alt = {{ en = "Panel {n}: two people talk in a room with a window; the light is late afternoon.", zh-Hans = "第{n}格：两个人在有窗的房间里交谈，傍晚的光线。" }}

[[line]]
kind = "caption"
text = {{ en = "Panel {n}. Later that day, in the office.", zh-Hans = "第{n}格。当天晚些时候，在办公室。" }}

[[line]]
kind = "speech"
speaker = "ada"
text = {{ en = "Did you read the report? It is longer than we thought, and the numbers do not add up.", zh-Hans = "你看报告了吗？比我们想的长，数字也对不上。" }}

[[line]]
kind = "speech"
speaker = "bo"
text = {{ en = "I did. Let us go through it again tomorrow morning.", zh-Hans = "看了。明天早上我们再过一遍。" }}

[[note]]
kind = "context"
text.en = """
A note on panel {n}: the report is the one introduced on the first page; its numbers matter later."""
text.zh-Hans = """
第{n}格注释：报告就是第一页出现的那份，它的数字后面很重要。"""
cites = ["book"]
"#
    )
}

const STORY_HEAD: &str = r#"schema = 1
id = "synthetic"
languages = ["en", "zh-Hans"]
title = { en = "A Synthetic Story", zh-Hans = "合成故事" }
summary = { en = "Generated for benchmarks.", zh-Hans = "为基准测试生成。" }

[[credit]]
role = "writer"
name = "comicterm generate"

[[character]]
id = "ada"
name = { en = "Ada", zh-Hans = "阿达" }

[[character]]
id = "bo"
name = { en = "Bo", zh-Hans = "博" }

[[source]]
id = "book"
title = "A Book"
publisher = "A Publisher"
date = "2024"
kind = "reference"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_stories_load_without_problems() {
        for n in [1, 6, 16] {
            let dir = tempfile::tempdir().unwrap();
            write_story(dir.path(), n, 5).unwrap();
            let outcome = load(&StorySource::Dir(dir.path().to_path_buf()));
            assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
            assert_eq!(outcome.story.unwrap().panel_count(), n);
        }
    }
}
