//! The `--graphics` setting: how the reader asked for panel art to be shown.

/// How panel art is shown (`--graphics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Graphics {
    /// The terminal's graphics protocol if it has one (not inside tmux), else half-blocks.
    #[default]
    Auto,
    /// The kitty graphics protocol.
    Kitty,
    /// Sixel graphics.
    Sixel,
    /// The iTerm2 inline image protocol.
    Iterm2,
    /// Colored half-block characters: works in every terminal.
    Halfblocks,
    /// No art: the framed alt text.
    None,
}

impl Graphics {
    /// `--graphics`, else `COMICTERM_GRAPHICS`, else auto.
    pub fn resolve(flag: Option<Graphics>) -> Graphics {
        use clap::ValueEnum;
        flag.or_else(|| {
            let env = std::env::var("COMICTERM_GRAPHICS").ok()?;
            Graphics::from_str(env.trim(), true).ok()
        })
        .unwrap_or_default()
    }
}
