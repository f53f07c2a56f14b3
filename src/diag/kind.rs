//! The kinds of problem, with their stable codes (`error[unknown-key]`, JSON `kind`).

/// What went wrong, for tests and for the `error[...]` code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Syntax,
    WrongType,
    UnknownKey,
    MissingKey,
    DuplicateKey,
    BadValue,
    DuplicateId,
    UnknownSpeaker,
    SpeakerNotAllowed,
    UnknownSource,
    /// A note's `status` and the number of sources it cites do not fit together.
    StatusCites,
    /// A key that an older version of the format used, with its replacement in the hint.
    ObsoleteKey,
    UnknownPanel,
    UnplacedPanel,
    PanelPlacedTwice,
    MissingLanguage,
    UnknownLanguage,
    EmptyText,
    GridOverlap,
    GridGap,
    GridOutOfBounds,
    ArtPath,
    ArtMissing,
    ArtNotFile,
    ArtTooLarge,
    ArtFormat,
    ControlChar,
    FileTooLarge,
    /// A text longer than the format allows (docs/format.md, "Limits").
    TooLong,
    /// A list with more items than the format allows.
    TooMany,
    /// The story as a whole is larger than the format allows (files, bytes).
    StoryTooLarge,
    Io,
}

impl Kind {
    /// A short stable code shown as `error[code]`.
    pub fn code(self) -> &'static str {
        use Kind::*;
        match self {
            Syntax => "syntax",
            WrongType => "wrong-type",
            UnknownKey => "unknown-key",
            MissingKey => "missing-key",
            DuplicateKey => "duplicate-key",
            BadValue => "bad-value",
            DuplicateId => "duplicate-id",
            UnknownSpeaker => "unknown-speaker",
            SpeakerNotAllowed => "speaker-not-allowed",
            UnknownSource => "unknown-source",
            StatusCites => "status-cites",
            ObsoleteKey => "obsolete-key",
            UnknownPanel => "unknown-panel",
            UnplacedPanel => "unplaced-panel",
            PanelPlacedTwice => "panel-placed-twice",
            MissingLanguage => "missing-language",
            UnknownLanguage => "unknown-language",
            EmptyText => "empty-text",
            GridOverlap => "grid-overlap",
            GridGap => "grid-gap",
            GridOutOfBounds => "grid-out-of-bounds",
            ArtPath => "art-path",
            ArtMissing => "art-missing",
            ArtNotFile => "art-not-file",
            ArtTooLarge => "art-too-large",
            ArtFormat => "art-format",
            ControlChar => "control-char",
            FileTooLarge => "file-too-large",
            TooLong => "too-long",
            TooMany => "too-many",
            StoryTooLarge => "story-too-large",
            Io => "io",
        }
    }

    /// Whether the viewer can still open a story with this problem: control characters are
    /// never shown, and a panel whose art is refused shows its alt text and the reason.
    pub fn blocks_viewing(self) -> bool {
        use Kind::*;
        !matches!(
            self,
            ControlChar | ArtPath | ArtMissing | ArtNotFile | ArtTooLarge | ArtFormat
        )
    }
}
