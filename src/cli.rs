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

    /// Colors: auto follows the terminal's background (asked at start), dark, light or
    /// high-contrast (also COMICTERM_THEME and the config file; default auto).
    #[arg(long, value_enum, global = true)]
    pub theme: Option<Theme>,

    /// Open at the first page, ignoring the saved place (it is still saved on quitting).
    #[arg(long)]
    pub from_start: bool,

    /// Neither read nor write the saved place and bookmarks ($XDG_STATE_HOME/comicterm/).
    #[arg(long)]
    pub no_state: bool,
    /// Open without the cover card (title, summary, credits) before page 1.
    #[arg(long)]
    pub no_cover: bool,

    /// Do not watch the story folder: by default a saved change reloads the story in place.
    #[arg(long)]
    pub no_watch: bool,

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
    /// Print the whole story in reading order: a transcript, or one self-contained HTML file
    /// (`--lang all` puts every language in it, with a switch).
    Export {
        /// Story folder, image, folder of images or .cbz (default: the built-in story).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Text)]
        format: ExportFormat,
    },
    /// Find TEXT in captions, speech, alt text and commentary; one hit per line:
    /// page, panel (as the status bar numbers them), where, language and the line, tab
    /// separated. Exit status 0 with hits, 1 without, 2 when the story cannot be read.
    #[command(override_usage = "comicterm search [OPTIONS] [PATH] <TEXT>")]
    Search(SearchArgs),
    /// The config file: check it (no option), print where it is read from (--path) or print
    /// a complete default one (--default).
    Config(ConfigArgs),
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
pub struct SearchArgs {
    /// [PATH] TEXT: the story folder, image, folder of images or .cbz (default: the built-in
    /// story), then the text to find (case ignored for Latin and other cased scripts, exact
    /// for CJK).
    #[arg(value_name = "[PATH] TEXT", num_args = 1..=2, required = true)]
    pub words: Vec<std::ffi::OsString>,
    /// Search every language of the story (default: --lang, else the story's first).
    #[arg(long, conflicts_with = "lang")]
    pub all_langs: bool,
}

impl SearchArgs {
    /// The story path, if given.
    pub fn path(&self) -> Option<&std::path::Path> {
        (self.words.len() == 2).then(|| std::path::Path::new(&self.words[0]))
    }

    /// The text to find.
    pub fn text(&self) -> String {
        self.words
            .last()
            .map_or_else(String::new, |t| t.to_string_lossy().into_owned())
    }
}

#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// Print a complete, commented config file holding the defaults.
    #[arg(long, conflicts_with = "path")]
    pub default: bool,
    /// Print where the config file is read from ($XDG_CONFIG_HOME/comicterm/config.toml).
    #[arg(long)]
    pub path: bool,
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
    /// Show the overview of every page (its cursor on the panel given).
    #[arg(long)]
    pub overview: bool,
    /// Show the commentary side pane (100 columns and wider).
    #[arg(long)]
    pub side: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
    pub format: RenderFormat,
}

/// The color themes (`--theme`); defined with the palettes they choose.
pub use crate::ui::Theme;

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
    /// A plain-text transcript.
    Text,
    /// One HTML file: pictures embedded, no network, readable without JavaScript.
    Html,
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
