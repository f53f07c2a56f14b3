//! Helpers shared by every test binary (tests/README.md lists them). Each binary includes
//! this folder as its `support` module.

#![allow(dead_code)] // Each binary uses a different part of it.

pub mod frame;
pub mod hostile;
pub mod html;
pub mod lab;
pub mod png;
pub mod story;
pub mod tmux;
