//! `comicterm check`'s art pass: decode every image up front and report what fails, at the
//! line of its `art = ...`.

use crate::diag::{Diagnostic, Kind};
use crate::story::{ArtOrigin, Story, source_named};

use super::decode::{decode, read_bytes};

/// Decodes each panel's art once; returns a diagnostic for each that fails and was not
/// already reported while loading.
pub fn verify(story: &Story) -> Vec<Diagnostic> {
    story
        .panels()
        .filter_map(|p| p.art.as_ref())
        .filter_map(|art| {
            let error = read_bytes(&art.origin).and_then(|b| decode(&b)).err()?;
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
