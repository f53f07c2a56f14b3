//! A bounded collection of diagnostics: the first ones kept, the rest counted.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Diagnostic, Kind, MAX_SHOWN, MAX_SHOWN_PER_FILE, Omitted, SourceText};

/// Collects diagnostics, keeping at most [`MAX_SHOWN_PER_FILE`] per file and [`MAX_SHOWN`]
/// in all, and counting the rest: memory and output stay bounded however many problems a
/// story has. Files are told apart by name.
#[derive(Debug, Default)]
pub struct Diags {
    kept: Vec<Diagnostic>,
    files: HashMap<String, Tally>,
    /// Files with errors omitted, in the order first seen.
    order: Vec<String>,
    /// Errors in files with none kept (over [`MAX_SHOWN`]).
    others: Option<(Diagnostic, Omitted)>,
    /// Files counted only through an imported summary of other files.
    imported_files: usize,
}

#[derive(Debug, Default)]
struct Tally {
    kept: usize,
    omitted: usize,
    /// An omitted diagnostic (the first blocking one, else the first), for its kind and file.
    example: Option<Diagnostic>,
    /// Counted in [`Diags::others`].
    in_others: bool,
}

impl Diags {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether a diagnostic in `file` would be kept: if not, [`Diags::omit`] counts it
    /// without building it (its hint may be costly).
    pub fn keeps(&self, file: &SourceText) -> bool {
        let kept = self.files.get(&file.name).map_or(0, |t| t.kept);
        kept < MAX_SHOWN_PER_FILE && (self.kept.len() < MAX_SHOWN)
    }

    /// Counts a diagnostic of `kind` in `file` that is not kept.
    pub fn omit(&mut self, kind: Kind, file: &Arc<SourceText>) {
        self.count_omitted(Diagnostic::new(kind, file, 0..0, String::new()), 1, 0);
    }

    /// Keeps `d` if there is room, else counts it; a summary adds its count.
    pub fn push(&mut self, d: Diagnostic) {
        if let Some(o) = d.omitted {
            self.count_omitted(d, o.errors, o.files);
        } else if self.keeps(&d.file) {
            self.tally(&d.file.name).kept += 1;
            self.kept.push(d);
        } else {
            self.count_omitted(d, 1, 0);
        }
    }

    /// Adds every diagnostic and count of `other` (in its order).
    pub fn append(&mut self, other: Diags) {
        let Diags {
            kept,
            mut files,
            order,
            others,
            imported_files: _,
        } = other;
        kept.into_iter().for_each(|d| self.push(d));
        for name in order {
            if let Some(t) = files.remove(&name)
                && let Some(example) = t.example
            {
                self.count_omitted(example, t.omitted, 0);
            }
        }
        if let Some((d, o)) = others {
            self.push(Diagnostic {
                omitted: Some(o),
                ..d
            });
        }
    }

    fn tally(&mut self, name: &str) -> &mut Tally {
        if !self.files.contains_key(name) {
            self.files.insert(name.to_string(), Tally::default());
        }
        self.files.get_mut(name).expect("just inserted")
    }

    fn count_omitted(&mut self, d: Diagnostic, errors: usize, files: usize) {
        if files > 0 {
            self.imported_files += files;
            self.add_to_others(d, errors, files);
            return;
        }
        let name = d.file.name.clone();
        let t = self.tally(&name);
        if t.kept == 0 {
            let new_file = !t.in_others;
            t.in_others = true;
            self.add_to_others(d, errors, usize::from(new_file));
            return;
        }
        t.omitted += errors;
        let first = t.example.is_none();
        if first
            || (d.kind.blocks_viewing()
                && !t.example.as_ref().is_some_and(|e| e.kind.blocks_viewing()))
        {
            t.example = Some(d);
        }
        if first {
            self.order.push(name);
        }
    }

    fn add_to_others(&mut self, d: Diagnostic, errors: usize, files: usize) {
        match &mut self.others {
            None => self.others = Some((d, Omitted { errors, files })),
            Some((example, o)) => {
                o.errors += errors;
                o.files += files;
                if d.kind.blocks_viewing() && !example.kind.blocks_viewing() {
                    *example = d;
                }
            }
        }
    }

    /// Errors in all, kept or not, and the number of files they are in.
    pub fn totals(&self) -> (usize, usize) {
        let omitted: usize = self.files.values().map(|t| t.omitted).sum();
        let others = self.others.as_ref().map_or(0, |(_, o)| o.errors);
        let files = self
            .files
            .values()
            .filter(|t| t.kept > 0 || t.in_others)
            .count();
        let imported = self.imported_files;
        // A file counted through an imported summary was not seen by name.
        (self.kept.len() + omitted + others, files + imported)
    }

    /// The kept diagnostics, then one summary per file with errors omitted, then one for
    /// the files with none kept.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        let mut out = std::mem::take(&mut self.kept);
        for name in &self.order {
            if let Some(t) = self.files.get(name)
                && let Some(example) = &t.example
            {
                out.push(Diagnostic::summary(
                    example.kind,
                    &example.file,
                    Omitted {
                        errors: t.omitted,
                        files: 0,
                    },
                ));
            }
        }
        if let Some((example, o)) = self.others {
            out.push(Diagnostic::summary(example.kind, &example.file, o));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::render_all;

    fn file(text: &str) -> Arc<SourceText> {
        SourceText::new("panels/x.toml", text)
    }

    #[test]
    fn at_most_a_few_diagnostics_per_file_then_a_count() {
        let a = file(&"x\n".repeat(500));
        let b = SourceText::new("panels/b.toml", "y\n");
        let mut all = Vec::new();
        for i in 0..120 {
            all.push(Diagnostic::new(
                Kind::BadValue,
                &a,
                2 * i..2 * i + 1,
                format!("a{i}"),
            ));
        }
        all.push(Diagnostic::new(Kind::ControlChar, &b, 0..1, "b".into()));
        let out = render_all(&all, false);
        assert_eq!(out.matches("error[bad-value]").count(), MAX_SHOWN_PER_FILE);
        assert!(
            out.contains("error[control-char]"),
            "the other file is still shown"
        );
        assert!(
            out.contains("70 more errors in panels/x.toml not shown (at most 50 per file)"),
            "{out}"
        );
        assert!(out.trim_end().ends_with("121 errors in 2 files"), "{out}");
        // The loader's collector keeps the same and says whether an omitted one blocks.
        let mut diags = Diags::new();
        all.into_iter().for_each(|d| diags.push(d));
        let list = diags.into_vec();
        assert_eq!(list.len(), MAX_SHOWN_PER_FILE + 2);
        let summary = list.last().unwrap();
        assert_eq!(
            summary.omitted,
            Some(Omitted {
                errors: 70,
                files: 0
            })
        );
        assert!(summary.kind.blocks_viewing());
        // Rendering the collected list again gives the same report.
        assert_eq!(render_all(&list, false), out);
    }

    #[test]
    fn past_the_total_cap_whole_files_are_counted() {
        let files: Vec<Arc<SourceText>> = (0..100)
            .map(|i| SourceText::new(format!("panels/{i:03}.toml"), "x\n"))
            .collect();
        let mut diags = Diags::new();
        for f in &files {
            for _ in 0..20 {
                diags.push(Diagnostic::new(Kind::ControlChar, f, 0..1, "c".into()));
            }
        }
        assert_eq!(diags.totals(), (2_000, 100));
        let list = diags.into_vec();
        assert_eq!(list.len(), MAX_SHOWN + 1);
        let last = list.last().unwrap();
        assert_eq!(
            last.omitted,
            Some(Omitted {
                errors: 1_000,
                files: 50
            })
        );
        assert!(
            !last.kind.blocks_viewing(),
            "only control characters were omitted"
        );
        let out = render_all(&list, false);
        assert!(
            out.contains("1,000 more errors in 50 more files not shown"),
            "{out}"
        );
        assert!(
            out.trim_end().ends_with("2000 errors in 100 files"),
            "{out}"
        );
    }
}
