//! `comicterm check`'s art pass: decode every image up front and report what fails, at the
//! line of its `art = ...`.

use crate::diag::{Diagnostic, Kind};
use crate::story::{ArtOrigin, Story, source_named};

use std::collections::HashMap;

use super::decode::decode;
use super::error::ArtError;
use super::read::read_bytes;

/// Decodes each picture once (panels often share one); returns a diagnostic for each panel
/// whose art fails and was not already reported while loading.
pub fn verify(story: &Story) -> Vec<Diagnostic> {
    let mut results: HashMap<String, Option<ArtError>> = HashMap::new();
    story
        .panels()
        .filter_map(|p| p.art.as_ref())
        .filter_map(|art| {
            let error = results
                .entry(art.cache_key())
                .or_insert_with(|| read_bytes(&art.origin).and_then(|b| decode(&b)).err())
                .clone()?;
            let msg = format!("`{}` cannot be shown: {error}", art.path);
            let d = match &art.site {
                // Refused while loading a story folder: already reported with its line.
                Some(_) if matches!(art.origin, ArtOrigin::Broken(_)) => return None,
                Some(site) => Diagnostic::new(Kind::ArtFormat, &site.file, site.span.clone(), msg),
                // A plain image: the file itself is the location.
                None => Diagnostic::new(Kind::ArtFormat, &source_named(&art.path), 0..0, msg),
            };
            Some(d.with_hint("re-export the image as PNG or JPEG"))
        })
        .collect()
}
