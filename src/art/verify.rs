//! `comicterm check`'s art pass: decode every image up front and report what fails, at the
//! line of its `art = ...`.

use crate::diag::{Diagnostic, Kind};
use crate::story::{ArtOrigin, Story};

use super::decode::{decode, read_bytes};

/// Decodes each panel's art once; returns a diagnostic for each that fails.
pub fn verify(story: &Story) -> Vec<Diagnostic> {
    story
        .panels()
        .filter_map(|p| p.art.as_ref())
        .filter(|art| !matches!(art.origin, ArtOrigin::Broken(_)))
        .filter_map(|art| {
            let error = read_bytes(&art.origin).and_then(|b| decode(&b)).err()?;
            let site = art.site.as_ref()?;
            let msg = format!("`{}` cannot be shown: {error}", art.path);
            Some(
                Diagnostic::new(Kind::ArtFormat, &site.file, site.span.clone(), msg)
                    .with_hint("re-export the image as PNG or JPEG"),
            )
        })
        .collect()
}
