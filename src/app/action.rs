//! The viewer's vocabulary: everything a reader can ask for.

/// One thing the reader asked for; [`crate::app::App::update`] applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// One step of the view: the next page in page view, the next panel in panel view
    /// (Space, the mouse wheel).
    Next,
    /// One step back: the previous page in page view, the previous panel in panel view.
    Prev,
    /// The next panel in reading order, in both views (over page edges): in page view the
    /// focus moves, and the page turns after its last panel.
    NextPanel,
    PrevPanel,
    /// The panel below / above the current one on the page's grid.
    Below,
    Above,
    /// The next / previous panel that has commentary.
    NextNoted,
    PrevNoted,
    /// Show the current panel's art alone, as large as the terminal allows.
    ToggleArtAlone,
    NextPage,
    PrevPage,
    FirstPage,
    LastPage,
    /// A digit of a page number being typed.
    Digit(u8),
    /// Backspace while a page number is typed: remove its last digit.
    EraseDigit,
    /// Enter: jump to the typed page number, if any; else, in page view, open the focused
    /// panel in panel view.
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
    /// Ctrl-Z: the terminal edge stops the process; the state does not change.
    Suspend,
    ScrollUp,
    ScrollDown,
    ScrollPageUp,
    ScrollPageDown,
    /// The top / the end of the open overlay.
    ScrollTop,
    ScrollBottom,
    /// Show the cover card (the viewer opening a story at its start).
    ShowCover,
    /// `C`: commentary in a pane beside the page, or not.
    ToggleSide,
    /// `J` / `K`: scroll the side pane.
    SideDown,
    SideUp,
    /// `o`: open or close the overview of every page.
    ToggleOverview,
    /// Move the overview's cursor.
    Overview(crate::app::overview::OverviewStep),
    /// Enter in the overview: go to the cursor's panel.
    OverviewJump,
    /// A click on a panel in the overview.
    OverviewPick(crate::app::Position),
    /// `m`: bookmark the current panel, or remove its bookmark.
    ToggleBookmark,
    /// `/`: open the search prompt.
    SearchStart,
    /// A character typed into the search prompt.
    SearchInput(char),
    /// Backspace in the search prompt: remove the last character (grapheme).
    SearchErase,
    /// Enter in the search prompt: search, and go to the first hit from here.
    SearchSubmit,
    /// Tab in the search prompt: search every language, or only the one shown.
    SearchScope,
    /// `n` / `N`: the next / previous hit.
    SearchNext,
    SearchPrev,
    /// Go to a position (clamped into the story), e.g. from `render --page`.
    GoTo(crate::app::Position),
    /// Open panel `n` (index on the current page) in panel view.
    OpenPanel(usize),

    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

impl Action {
    /// The name a config file binds keys to (`next-panel`), for actions a key asks for.
    pub fn name(self) -> Option<&'static str> {
        use Action::*;
        Some(match self {
            Next => "next",
            Prev => "prev",
            NextPanel => "next-panel",
            PrevPanel => "prev-panel",
            Below => "below",
            Above => "above",
            NextNoted => "next-noted",
            PrevNoted => "prev-noted",
            ToggleArtAlone => "toggle-art-alone",
            NextPage => "next-page",
            PrevPage => "prev-page",
            FirstPage => "first-page",
            LastPage => "last-page",
            JumpOrLast => "jump-or-last",
            Confirm => "confirm",
            EraseDigit => "erase-digit",
            ToggleView => "toggle-view",
            ToggleCommentary => "toggle-commentary",
            ToggleHelp => "toggle-help",
            NextLanguage => "next-language",
            ToggleBookmark => "toggle-bookmark",
            ToggleOverview => "overview",
            ToggleSide => "side-pane",
            SideDown => "side-pane-down",
            SideUp => "side-pane-up",
            Overview(crate::app::overview::OverviewStep::NextPanel) => "overview-next",
            Overview(crate::app::overview::OverviewStep::PrevPanel) => "overview-prev",
            Overview(crate::app::overview::OverviewStep::RowDown) => "overview-down",
            Overview(crate::app::overview::OverviewStep::RowUp) => "overview-up",
            Overview(crate::app::overview::OverviewStep::NextPage) => "overview-next-page",
            Overview(crate::app::overview::OverviewStep::PrevPage) => "overview-prev-page",
            OverviewJump => "overview-jump",
            SearchStart => "search",
            SearchNext => "search-next",
            SearchPrev => "search-prev",
            Back => "back",
            Quit => "quit",
            Suspend => "suspend",
            ScrollUp => "scroll-up",
            ScrollDown => "scroll-down",
            ScrollPageUp => "scroll-page-up",
            ScrollPageDown => "scroll-page-down",
            ScrollTop => "scroll-top",
            ScrollBottom => "scroll-bottom",
            Digit(_) | SearchInput(_) | SearchErase | SearchSubmit | SearchScope | GoTo(_)
            | OpenPanel(_) | OverviewPick(_) | ShowCover | Resize(..) => return None,
        })
    }
}
