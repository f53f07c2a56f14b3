//! The viewer's vocabulary: everything a reader can ask for.

/// One thing the reader asked for; [`crate::app::App::update`] applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Next page in page view, next panel in panel view (rolls over page edges).
    Next,
    /// Previous page in page view, previous panel in panel view.
    Prev,
    NextPage,
    PrevPage,
    FirstPage,
    LastPage,
    /// A digit of a page number being typed.
    Digit(u8),
    /// Backspace while a page number is typed: remove its last digit.
    EraseDigit,
    /// Enter: jump to the typed page number, if any.
    Confirm,
    /// `G`: jump to the typed page number, or to the last page.
    JumpOrLast,
    /// Switch between page view and panel view.
    ToggleView,
    ToggleCommentary,
    ToggleHelp,
    /// Next story language (text and interface).
    NextLanguage,
    /// Esc: clear the typed number, else close the top overlay. Never quits (a second Esc
    /// pressed to close a box must not lose the reader's place): `q` and Ctrl-C quit.
    Back,
    Quit,
    ScrollUp,
    ScrollDown,
    ScrollPageUp,
    ScrollPageDown,
    /// The top / the end of the open overlay.
    ScrollTop,
    ScrollBottom,
    /// Go to a position (clamped into the story), e.g. from `render --page`.
    GoTo(crate::app::Position),
    /// Open panel `n` (index on the current page) in panel view.
    OpenPanel(usize),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}
