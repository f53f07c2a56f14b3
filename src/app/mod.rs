//! Reader state and the actions that change it.
//!
//! [`App`] holds where the reader is and what is shown; it changes only through
//! [`App::update`] with an [`Action`]. [`keymap`] turns terminal events into actions.

mod action;
pub mod keymap;
pub mod lang;
pub mod nav;
mod state;
mod update;

pub use action::Action;
pub use state::{App, Message, Overlay, Position, View};

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
