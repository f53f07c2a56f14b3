//! Panel art as `data:` URIs, read through the same confined reader as the viewer.

use std::collections::HashMap;
use std::rc::Rc;

use base64::Engine as _;

use crate::art::{decode, read_bytes};
use crate::story::ArtRef;

/// Most bytes of encoded pictures kept for panels that share them; past this a picture is read
/// again when another panel shows it (a story of many large pictures is never held whole).
const KEEP_BYTES: usize = 64 << 20;

/// Each picture read, checked and encoded once while it fits [`KEEP_BYTES`] (a story may share
/// one among many panels); each refusal once.
#[derive(Default)]
pub struct Pictures {
    done: HashMap<String, Result<Rc<str>, Rc<str>>>,
    kept: usize,
}

impl Pictures {
    /// The art as a `data:image/…;base64,…` URI, or why it cannot be shown (one line, not yet
    /// escaped). Only PNG and JPEG data passes, and only if the viewer's decoder (with its size
    /// limits) accepts it: a browser is never handed bytes the viewer would refuse.
    pub fn data_uri(&mut self, art: &ArtRef) -> Result<Rc<str>, Rc<str>> {
        let key = art.cache_key();
        if let Some(done) = self.done.get(&key) {
            return done.clone();
        }
        let done: Result<Rc<str>, Rc<str>> = encode(art).map(Rc::from).map_err(Rc::from);
        let size = done.as_ref().map_or(0, |uri| uri.len());
        if self.kept + size <= KEEP_BYTES {
            self.kept += size;
            self.done.insert(key, done.clone());
        }
        done
    }
}

fn encode(art: &ArtRef) -> Result<String, String> {
    let bytes = read_bytes(&art.origin).map_err(|e| e.0)?;
    let mime = mime(&bytes).ok_or("the file is neither PNG nor JPEG data")?;
    decode(&bytes).map_err(|e| e.0)?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    Ok(format!("data:{mime};base64,{b64}"))
}

/// The media type by content, never by name.
fn mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::ArtOrigin;
    use std::sync::Arc;

    fn art(path: &str, origin: ArtOrigin) -> ArtRef {
        ArtRef {
            path: path.into(),
            origin,
            site: None,
        }
    }

    #[test]
    fn only_decodable_png_or_jpeg_is_embedded() {
        let mut png = Vec::new();
        image::RgbaImage::new(2, 2)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let mut p = Pictures::default();
        let uri = p
            .data_uri(&art(
                "a.png",
                ArtOrigin::Embedded(Arc::from(png.as_slice())),
            ))
            .unwrap();
        assert!(
            uri.starts_with("data:image/png;base64,iVBORw0KGgo"),
            "{uri}"
        );
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>";
        assert!(
            p.data_uri(&art("b.png", ArtOrigin::Embedded(Arc::from(&svg[..]))))
                .is_err()
        );
        // PNG magic but no image behind it.
        let fake = b"\x89PNG\r\n\x1a\nnot really";
        assert!(
            p.data_uri(&art("c.png", ArtOrigin::Embedded(Arc::from(&fake[..]))))
                .is_err()
        );
        let broken = p.data_uri(&art(
            "d.png",
            ArtOrigin::Broken("`x.png` does not exist".into()),
        ));
        assert_eq!(broken.unwrap_err().as_ref(), "`x.png` does not exist");
    }
}
