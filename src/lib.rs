//! comicterm: a terminal comic and story viewer.
//!
//! The story model and its loader (`story`), text sanitizing (`text`) and diagnostics
//! (`diag`) know nothing of the terminal; the viewer (`app`, `ui`, `term`) and the headless
//! commands (`headless`) build on them.

pub mod app;
pub mod art;
pub mod cli;
pub mod config;
pub mod diag;
pub mod doctor;
pub mod export;
pub mod generate;
pub mod headless;
pub mod path_arg;
pub mod reload;
pub mod scaffold;
pub mod search;
pub mod shell;
pub mod state_file;
pub mod story;
pub mod term;
pub mod text;
pub mod ui;
pub mod viewer;

#[cfg(test)]
mod reader_tests;
