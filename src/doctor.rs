//! `comicterm doctor`: what the terminal was detected as, how pictures will be shown and the
//! rule that chose it, in plain text a reader can paste into a bug report.

use std::io::{self, Write};

use crate::art::{ColorMode, Graphics, TermFacts, identify};
use crate::term::detect::Detected;

/// Writes the report for `detected` (asked with `requested`).
pub fn report(detected: &Detected, requested: Graphics, out: &mut impl Write) -> io::Result<()> {
    let f = &detected.facts;
    let r = &f.replies;
    let or_none = |v: Option<String>| v.unwrap_or_else(|| "(none)".into());
    writeln!(out, "comicterm {}", env!("CARGO_PKG_VERSION"))?;
    writeln!(out, "terminal:        {:?}", identify(f))?;
    writeln!(out, "  XTVERSION:     {}", or_none(r.xtversion.clone()))?;
    writeln!(
        out,
        "  answered:      {}",
        if r.answered { "yes (DA1)" } else { "no" }
    )?;
    writeln!(out, "  DA1:           {:?} (4 = sixel)", r.da1)?;
    writeln!(
        out,
        "  kitty query:   {}",
        if r.kitty_graphics { "OK" } else { "no answer" }
    )?;
    writeln!(
        out,
        "  kitty zlib:    {}",
        if r.kitty_zlib {
            "OK (o=z)"
        } else {
            "no answer"
        }
    )?;
    writeln!(
        out,
        "  cell size:     {}",
        r.cell_px
            .map_or("unknown (assuming 10x20 px)".into(), |(w, h)| format!(
                "{w}x{h} px"
            ))
    )?;
    writeln!(out, "  background:    {}", background(f))?;
    env_lines(f, out)?;
    match &f.tmux {
        Some(t) => writeln!(
            out,
            "tmux:            {} (allow-passthrough {}, outer terminal {}, sixel {})",
            t.version,
            if t.passthrough { "on" } else { "off" },
            t.outer.as_deref().unwrap_or("unknown"),
            if t.sixel { "yes" } else { "no" }
        )?,
        None => writeln!(out, "tmux:            no")?,
    }
    writeln!(out, "colors:          {:?}", ColorMode::detect())?;
    writeln!(out, "requested:       --graphics {requested:?}")?;
    let c = &detected.choice;
    let through = if c.passthrough {
        " through tmux passthrough"
    } else {
        ""
    };
    let zlib = if c.zlib { ", zlib-compressed" } else { "" };
    writeln!(out, "pictures:        {}{through}{zlib}", c.method.name())?;
    writeln!(out, "because:         {}", c.reason)
}

fn background(f: &TermFacts) -> String {
    match f.replies.background {
        Some((r, g, b)) => format!(
            "#{r:02x}{g:02x}{b:02x} ({})",
            if crate::ui::is_light((r, g, b)) {
                "light"
            } else {
                "dark"
            }
        ),
        None => "unknown (dark assumed)".into(),
    }
}

fn env_lines(f: &TermFacts, out: &mut impl Write) -> io::Result<()> {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(unset)".into());
    writeln!(out, "environment:")?;
    writeln!(out, "  TERM:          {}", show(&f.term))?;
    writeln!(
        out,
        "  TERM_PROGRAM:  {} {}",
        show(&f.term_program),
        f.term_program_version.clone().unwrap_or_default()
    )?;
    writeln!(out, "  LC_TERMINAL:   {}", show(&f.lc_terminal))?;
    writeln!(
        out,
        "  NO_COLOR:      {}",
        if f.no_color { "set" } else { "unset" }
    )?;
    writeln!(
        out,
        "  GNU screen:    {}",
        if f.screen { "yes" } else { "no" }
    )
}
