//! Why art could not be shown.

/// Why art could not be shown: one line for the panel's placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtError(pub String);

impl std::fmt::Display for ArtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(super) fn err(msg: impl Into<String>) -> ArtError {
    ArtError(msg.into())
}
