//! Command-line interface: `comicterm [PATH]`, `check`, `render`, `export`, `new`,
//! `completions`, `man`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A terminal comic and story viewer.
///
/// With no PATH, opens the built-in story ("Dangerous Love", a retelling).
#[derive(Debug, Parser)]
#[command(name = "comicterm", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Story folder, image, folder of images or .cbz to open (default: the built-in story).
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub view: ViewArgs,
}

/// Options shared by the viewer and `render`.
#[derive(Debug, Clone, Args, Default)]
pub struct ViewArgs {
    /// Language of the story text and the interface (e.g. en, zh-Hans); for `new`, the new
    /// story's languages, separated by commas (default en).
    #[arg(long, global = true)]
    pub lang: Option<String>,

    /// How to show panel art (also COMICTERM_GRAPHICS): auto asks the terminal; kitty picks
    /// placeholders or direct placement as the terminal supports; sixel, iterm2, halfblocks
    /// (colored cells, any terminal) or none (alt text). `comicterm doctor` shows the choice.
    #[arg(long, value_enum, global = true)]
    pub graphics: Option<crate::art::Graphics>,

    /// Colors: auto follows the terminal's background (asked at start), dark or light.
    #[arg(long, value_enum, global = true, default_value_t = Theme::Auto)]
    pub theme: Theme,

    /// Test-only: the first art job panics inside its worker thread.
    #[arg(long, hide = true, global = true)]
    pub panic_in_decoder: bool,

    /// Test-only: panic after this many frames (to check that the terminal is restored).
    #[arg(long, hide = true, global = true)]
    pub panic_after_frames: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a story and print every problem with file, line and column.
    Check {
        /// Story folder, image, folder of images or .cbz (default: the built-in story).
        path: Option<PathBuf>,
        /// Report format: text (for people: the summary on stdout, problems on stderr) or
        /// json (JSON Lines on stdout for editors and CI; docs/format.md). Exit codes are
        /// the same.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Write one frame, exactly as the viewer would draw it, to stdout.
    Render(RenderArgs),
    /// Show what the terminal was detected as and how pictures will be shown (for bug reports).
    Doctor,
    /// Print the whole story in reading order: a transcript.
    Export {
        /// Story folder, image, folder of images or .cbz (default: the built-in story).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Text)]
        format: ExportFormat,
    },
    /// Write a small complete story to start from (languages from --lang, e.g. en,zh-Hans).
    New {
        /// Folder to write the story in (created if missing; must be empty without --force).
        dir: PathBuf,
        /// Write into a folder that is not empty, replacing files with the same names.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (e.g. `comicterm completions bash > ~/.local/share/bash-completion/completions/comicterm`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), e.g. `comicterm man | man -l -`.
    Man,
    /// Benchmarks only: write a synthetic story of PANELS panels to OUT.
    #[command(hide = true)]
    Generate {
        /// Folder to write (created if missing).
        out: PathBuf,
        /// How many panels.
        #[arg(long, default_value_t = 16)]
        panels: usize,
        /// How many image files the panels share (copies of the built-in art).
        #[arg(long, default_value_t = 16)]
        art_files: usize,
    },
}

#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// Story folder, image, folder of images or .cbz (default: the built-in story).
    pub path: Option<PathBuf>,
    /// Page number, 1-based.
    #[arg(long, default_value_t = 1)]
    pub page: usize,
    /// Panel number across the story, 1-based, as in the status bar (its page is drawn;
    /// overrides --page; implies nothing about the view).
    #[arg(long)]
    pub panel: Option<usize>,
    /// Which view to draw.
    #[arg(long, value_enum, default_value_t = ViewKind::Page)]
    pub view: ViewKind,
    /// Frame size as COLSxROWS.
    #[arg(long, default_value = "120x40", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Open the commentary overlay.
    #[arg(long)]
    pub commentary: bool,
    /// Open the help overlay.
    #[arg(long)]
    pub help_overlay: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
    pub format: RenderFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Theme {
    /// Light if the terminal says its background is light, else dark.
    #[default]
    Auto,
    Dark,
    Light,
}

impl Theme {
    /// Whether to use the light palette, given the terminal's background if known.
    pub fn light(self, background: Option<(u8, u8, u8)>) -> bool {
        match self {
            Theme::Auto => background.is_some_and(crate::ui::is_light),
            Theme::Dark => false,
            Theme::Light => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ViewKind {
    #[default]
    Page,
    Panel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Text,
    Ansi,
}

/// Shells `comicterm completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Text,
}

/// Parses `120x40` into `(120, 40)`.
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected COLSxROWS, e.g. 120x40, got `{s}`"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| format!("`{v}` is not a size between 1 and 1000"))
    };
    Ok((parse(w)?, parse(h)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("120x40"), Ok((120, 40)));
        assert_eq!(parse_size("1X1"), Ok((1, 1)));
        assert!(parse_size("0x5").is_err());
        assert!(parse_size("120").is_err());
        assert!(parse_size("axb").is_err());
    }
}
