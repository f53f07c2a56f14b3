//! Which way of showing pictures a terminal gets: one pure function from what the terminal
//! said about itself (and the environment) to a method and the rule that chose it. The
//! terminal is asked in `term::probe`; this module only decides, so every row of the table
//! is a unit test.

use super::graphics::Graphics;

/// The terminal's answers to the start-up queries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermReplies {
    /// The DA1 answer came (it ends the exchange).
    pub answered: bool,
    /// XTVERSION, e.g. `kitty(0.26.5)`, `XTerm(390)`, `WezTerm 20240203-110809-5046fc22`.
    pub xtversion: Option<String>,
    /// The kitty graphics query was answered `OK`.
    pub kitty_graphics: bool,
    /// The zlib-compressed kitty query (`o=z`) was answered `OK`: the terminal inflates.
    pub kitty_zlib: bool,
    /// DA1 attributes (4 = sixel).
    pub da1: Vec<u16>,
    /// Cell size in pixels (width, height), from `CSI 16 t`.
    pub cell_px: Option<(u32, u32)>,
    /// Text area size in pixels (width, height), from `CSI 14 t`.
    pub window_px: Option<(u32, u32)>,
    /// Default background, from OSC 11.
    pub background: Option<(u8, u8, u8)>,
}

/// What tmux says about itself and the terminal it runs in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TmuxFacts {
    /// e.g. `3.3a`.
    pub version: String,
    /// `allow-passthrough` is on for this pane.
    pub passthrough: bool,
    /// The outer terminal's XTVERSION as tmux saw it (`#{client_termtype}`), if any.
    pub outer: Option<String>,
    /// tmux can show sixel on this client (`#{client_termfeatures}` has `sixel`).
    pub sixel: bool,
}

/// Everything the choice depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermFacts {
    pub replies: TermReplies,
    /// `TERM`, `TERM_PROGRAM`, `TERM_PROGRAM_VERSION`, `LC_TERMINAL`.
    pub term: Option<String>,
    pub term_program: Option<String>,
    pub term_program_version: Option<String>,
    pub lc_terminal: Option<String>,
    /// Inside tmux (and what it said).
    pub tmux: Option<TmuxFacts>,
    /// Inside GNU screen, or a tmux we cannot ask (`TERM=tmux*` without `TMUX`, e.g. over ssh).
    pub screen: bool,
    pub no_color: bool,
}

impl TermFacts {
    /// The environment part, read from the process environment.
    pub fn from_env() -> Self {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let term = var("TERM");
        Self {
            screen: term.as_deref().is_some_and(|t| t.starts_with("screen"))
                && var("TMUX").is_none(),
            term,
            term_program: var("TERM_PROGRAM"),
            term_program_version: var("TERM_PROGRAM_VERSION"),
            lc_terminal: var("LC_TERMINAL"),
            no_color: var("NO_COLOR").is_some(),
            ..Self::default()
        }
    }

    /// Whether asking the terminal anything makes sense (a dumb or absent `TERM` would print
    /// the queries as text).
    pub fn can_query(&self) -> bool {
        !matches!(self.term.as_deref(), None | Some("dumb" | "unknown"))
    }
}

/// A terminal we know by name, with the version where it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Terminal {
    Kitty(Version),
    Ghostty,
    WezTerm,
    Iterm2,
    Konsole,
    Foot,
    XTerm,
    AppleTerminal,
    VsCode,
    Other(String),
    Unknown,
}

/// A dotted version, compared numerically.
pub type Version = (u32, u32, u32);

fn version(s: &str) -> Version {
    let mut it = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(0));
    (
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
    )
}

/// Names a terminal from its XTVERSION answer.
pub fn from_xtversion(v: &str) -> Terminal {
    let lower = v.to_ascii_lowercase();
    let rest =
        |name: &str| v[name.len()..].trim_matches(|c: char| c == '(' || c == ')' || c == ' ');
    if lower.starts_with("kitty") {
        Terminal::Kitty(version(rest("kitty")))
    } else if lower.starts_with("ghostty") {
        Terminal::Ghostty
    } else if lower.starts_with("wezterm") {
        Terminal::WezTerm
    } else if lower.starts_with("iterm2") {
        Terminal::Iterm2
    } else if lower.starts_with("konsole") {
        Terminal::Konsole
    } else if lower.starts_with("foot") {
        Terminal::Foot
    } else if lower.starts_with("xterm") {
        Terminal::XTerm
    } else {
        Terminal::Other(v.to_string())
    }
}

/// Names the terminal: its own answer first, then the environment.
pub fn identify(f: &TermFacts) -> Terminal {
    if let Some(v) = &f.replies.xtversion {
        return from_xtversion(v);
    }
    let program = f.term_program.as_deref().unwrap_or("");
    match program {
        "iTerm.app" => return Terminal::Iterm2,
        "WezTerm" => return Terminal::WezTerm,
        "Apple_Terminal" => return Terminal::AppleTerminal,
        "vscode" => return Terminal::VsCode,
        "ghostty" => return Terminal::Ghostty,
        _ => {}
    }
    if f.lc_terminal.as_deref() == Some("iTerm2") {
        return Terminal::Iterm2;
    }
    if f.term.as_deref() == Some("xterm-kitty") {
        // Kitty without an answer: assume the oldest behaviour (no placeholders).
        return Terminal::Kitty((0, 0, 0));
    }
    Terminal::Unknown
}

/// How pictures are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Kitty graphics with Unicode placeholders (kitty ≥ 0.28, Ghostty): cells the terminal
    /// keeps in sync with the text.
    KittyPlaceholders,
    /// Kitty graphics placed at the cursor and deleted by id on every scene change (older
    /// kitty, WezTerm, Konsole, other kitty-protocol terminals without placeholders).
    KittyDirect,
    Sixel,
    Iterm2,
    Halfblocks,
    None,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::KittyPlaceholders => "kitty (Unicode placeholders)",
            Method::KittyDirect => "kitty (direct placement)",
            Method::Sixel => "sixel",
            Method::Iterm2 => "iTerm2 inline images",
            Method::Halfblocks => "half-blocks",
            Method::None => "none (alt text)",
        }
    }

    /// Whether the terminal draws the picture (not cells we write).
    pub fn is_protocol(self) -> bool {
        !matches!(self, Method::Halfblocks | Method::None)
    }
}

/// The decision and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub method: Method,
    /// Protocol output is wrapped for tmux passthrough.
    pub passthrough: bool,
    /// Kitty placeholder images are sent zlib-compressed (`o=z`): only when the terminal
    /// inflated the compressed query, so never through tmux, which is not asked.
    pub zlib: bool,
    pub reason: String,
}

fn pick(method: Method, reason: impl Into<String>) -> Choice {
    Choice {
        method,
        passthrough: false,
        zlib: false,
        reason: reason.into(),
    }
}

/// Kitty placeholders arrived in kitty 0.28.0.
const PLACEHOLDERS_SINCE: Version = (0, 28, 0);

fn has_placeholders(t: &Terminal) -> bool {
    match t {
        Terminal::Kitty(v) => *v >= PLACEHOLDERS_SINCE,
        Terminal::Ghostty => true,
        _ => false,
    }
}

/// The method for `requested` on the terminal described by `f`, and whether its kitty
/// placeholder images go compressed.
pub fn choose(requested: Graphics, f: &TermFacts) -> Choice {
    let mut c = choose_method(requested, f);
    c.zlib = c.method == Method::KittyPlaceholders && !c.passthrough && f.replies.kitty_zlib;
    c
}

fn choose_method(requested: Graphics, f: &TermFacts) -> Choice {
    match requested {
        Graphics::None => return pick(Method::None, "--graphics none"),
        Graphics::Halfblocks => return pick(Method::Halfblocks, "--graphics halfblocks"),
        Graphics::Sixel => return forced(Method::Sixel, f, "--graphics sixel"),
        Graphics::Iterm2 => return forced(Method::Iterm2, f, "--graphics iterm2"),
        Graphics::Kitty => {
            let t = outer_terminal(f);
            let m = if has_placeholders(&t) {
                Method::KittyPlaceholders
            } else {
                Method::KittyDirect
            };
            return forced(m, f, "--graphics kitty");
        }
        Graphics::Auto => {}
    }
    if f.no_color {
        return pick(Method::Halfblocks, "NO_COLOR is set: shaded half-blocks");
    }
    if f.screen {
        return pick(
            Method::Halfblocks,
            "inside GNU screen (or a tmux that cannot be asked): no graphics pass through",
        );
    }
    if let Some(tmux) = &f.tmux {
        return in_tmux(tmux);
    }
    if !f.can_query() {
        return pick(
            Method::Halfblocks,
            "TERM is dumb or unset: no terminal queries",
        );
    }
    by_terminal(&identify(f), f)
}

fn forced(method: Method, f: &TermFacts, why: &str) -> Choice {
    Choice {
        method,
        passthrough: f.tmux.is_some() && method != Method::Sixel,
        zlib: false,
        reason: why.to_string(),
    }
}

/// The terminal that will draw the picture: inside tmux, the one tmux runs in.
fn outer_terminal(f: &TermFacts) -> Terminal {
    match &f.tmux {
        Some(t) => t.outer.as_deref().map_or(Terminal::Unknown, from_xtversion),
        None => identify(f),
    }
}

fn in_tmux(t: &TmuxFacts) -> Choice {
    let outer = t.outer.as_deref().map(from_xtversion);
    let name = t.outer.as_deref().unwrap_or("an unknown terminal");
    if let Some(o) = &outer
        && has_placeholders(o)
    {
        if t.passthrough {
            return Choice {
                method: Method::KittyPlaceholders,
                passthrough: true,
                zlib: false,
                reason: format!(
                    "tmux {} with allow-passthrough, in {name}: kitty placeholders through tmux",
                    t.version
                ),
            };
        }
        if !t.sixel {
            return pick(
                Method::Halfblocks,
                format!(
                    "tmux {} in {name}: turn on allow-passthrough (tmux set -g allow-passthrough on) for pictures",
                    t.version
                ),
            );
        }
    }
    if t.sixel {
        return pick(
            Method::Sixel,
            format!("tmux {} draws sixel on {name}", t.version),
        );
    }
    pick(
        Method::Halfblocks,
        format!("tmux {} in {name}: no graphics tmux can pass on", t.version),
    )
}

fn by_terminal(t: &Terminal, f: &TermFacts) -> Choice {
    let sixel = f.replies.da1.contains(&4);
    match t {
        Terminal::Kitty(v) if *v >= PLACEHOLDERS_SINCE => pick(
            Method::KittyPlaceholders,
            format!("kitty {}.{}.{} has Unicode placeholders", v.0, v.1, v.2),
        ),
        Terminal::Kitty(v) => pick(
            Method::KittyDirect,
            format!(
                "kitty {}.{}.{} predates Unicode placeholders (0.28): direct placement",
                v.0, v.1, v.2
            ),
        ),
        Terminal::Ghostty => pick(
            Method::KittyPlaceholders,
            "Ghostty has kitty Unicode placeholders",
        ),
        Terminal::WezTerm => pick(
            Method::KittyDirect,
            "WezTerm speaks kitty graphics without placeholders",
        ),
        Terminal::Konsole => pick(
            Method::KittyDirect,
            "Konsole speaks kitty graphics without placeholders (its sixel is unreliable)",
        ),
        Terminal::Iterm2 => pick(Method::Iterm2, "iTerm2: its own inline images"),
        Terminal::AppleTerminal => pick(
            Method::Halfblocks,
            "Apple Terminal has no graphics protocol",
        ),
        _ if sixel => pick(
            Method::Sixel,
            format!("{} reports sixel (DA1 attribute 4)", label(t)),
        ),
        _ if f.replies.kitty_graphics => pick(
            Method::KittyDirect,
            format!(
                "{} answered the kitty graphics query: direct placement",
                label(t)
            ),
        ),
        _ if !f.replies.answered => pick(
            Method::Halfblocks,
            "the terminal did not answer the queries",
        ),
        _ => pick(
            Method::Halfblocks,
            format!("{} reports no graphics protocol", label(t)),
        ),
    }
}

fn label(t: &Terminal) -> String {
    match t {
        Terminal::Other(name) => name.clone(),
        Terminal::Unknown => "the terminal".into(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests;
