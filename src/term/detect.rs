//! What the terminal is, found once at start-up: the environment, tmux's own answers (run as
//! `tmux display-message`) and the terminal's replies to [`probe`]; then the choice of how to
//! show pictures ([`crate::art::choose`]).

use std::process::{Command, Stdio};
use std::time::Duration;

use ratatui::crossterm;

use super::probe;
use crate::art::{Choice, Graphics, TermFacts, TmuxFacts, choose};

/// What was found and what it led to.
#[derive(Debug, Clone)]
pub struct Detected {
    pub facts: TermFacts,
    pub choice: Choice,
    /// Keys the reader typed before the probe's answers came (given back to the loop).
    pub typed: Vec<crossterm::event::KeyEvent>,
}

/// Asks the terminal (raw mode must be on, nothing else reading it) and decides.
pub fn detect(graphics: Graphics) -> Detected {
    let mut facts = TermFacts::from_env();
    let mut typed = Vec::new();
    if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) {
        facts.tmux = Some(tmux_facts());
    }
    if facts.can_query() {
        let multiplexer = facts.tmux.is_some() || facts.screen;
        (facts.replies, typed) = probe::probe(probe::TIMEOUT, !multiplexer);
        if facts.replies.cell_px.is_none()
            && let (Some(px), Ok((cols, rows))) =
                (facts.replies.window_px, crossterm::terminal::size())
        {
            facts.replies.cell_px = probe::cell_from_window(px, (u32::from(cols), u32::from(rows)));
        }
    }
    let choice = choose(graphics, &facts);
    Detected {
        facts,
        choice,
        typed,
    }
}

/// tmux's version, passthrough setting and what it knows of the outer terminal.
fn tmux_facts() -> TmuxFacts {
    let format = "#{version}\t#{client_termtype}\t#{client_termfeatures}";
    let out = tmux(&["display-message", "-p", format]);
    let mut parts = out.trim_end().split('\t');
    let version = parts.next().unwrap_or("").to_string();
    let outer = parts.next().filter(|s| !s.is_empty()).map(str::to_string);
    let features = parts.next().unwrap_or("");
    let passthrough = ["-p", "-w", "-g"].iter().any(|scope| {
        let v = tmux(&["show-options", scope, "-q", "-v", "allow-passthrough"]);
        matches!(v.trim(), "on" | "all")
    });
    TmuxFacts {
        version: if version.is_empty() {
            "(unknown)".into()
        } else {
            version
        },
        passthrough,
        outer,
        sixel: features.split(',').any(|f| f == "sixel"),
    }
}

/// Runs `tmux ARGS` with a short deadline; its output, or nothing.
fn tmux(args: &[&str]) -> String {
    let Ok(mut child) = Command::new("tmux")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return String::new();
    };
    let deadline = std::time::Instant::now() + Duration::from_millis(500);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return String::new();
            }
        }
    }
    let mut out = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        let _ = std::io::Read::read_to_string(&mut stdout, &mut out);
    }
    out.chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .take(4096)
        .collect()
}
