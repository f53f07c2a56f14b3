//! Named styles for everything the viewer draws.

use ratatui::style::{Color, Modifier, Style};

pub const FRAME: Style = Style::new().fg(Color::Gray);
pub const FRAME_CURRENT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const ART_FRAME: Style = Style::new().fg(Color::DarkGray);
pub const ALT: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
pub const CAPTION: Style = Style::new().fg(Color::Yellow);
pub const NARRATION: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::ITALIC);
pub const SPEAKER: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const SPEECH: Style = Style::new();
pub const THOUGHT: Style = Style::new().add_modifier(Modifier::ITALIC);
pub const SIGN: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub const SOUND: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
pub const STATUS: Style = Style::new().fg(Color::Black).bg(Color::Gray);
pub const STATUS_ALERT: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
pub const OVERLAY: Style = Style::new().fg(Color::White).bg(Color::Black);
pub const HEADING: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const NOTE_KIND: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const DISPUTED: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const CITE: Style = Style::new().fg(Color::Cyan);
pub const KEY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const WARNING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
