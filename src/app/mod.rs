//! Reader state and the actions that change it.
//!
//! [`App`] holds where the reader is and what is shown; it changes only through
//! [`App::update`] with an [`Action`]. [`keys`] is the one table of keys; [`keymap`] says
//! which action a key does now. The terminal edge turns its events into [`keys::Key`]s.

mod action;
pub mod find;
pub mod geometry;
pub mod keymap;
pub mod keys;
pub mod nav;
pub mod overview;
mod reload;
mod state;
mod update;

pub use action::Action;
pub use geometry::{Geometry, OverlayRows};
pub use reload::Carry;
pub use state::{App, Card, Message, Overlay, Position, View};

#[cfg(test)]
pub(crate) mod testing;
