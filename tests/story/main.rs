//! Story-level tests: loading and checking stories, the shipped story's content, the
//! commands that print without a terminal (`check`, `search`, `config`, `export`, `new`), the
//! command-line errors and what the packaged crate holds.
//! Which binary a new test goes in: tests/README.md.

#[path = "../support/mod.rs"]
mod support;

mod author_errors;
mod author_new;
mod author_package;
mod check_cli;
mod content;
mod export_html;
mod loader;
mod reader_cli;
mod sources;
