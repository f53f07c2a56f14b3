//! Viewer-level tests, in process: frames drawn from the app state (snapshots, sizes, CJK),
//! art in the frame, `render`, and the source's module structure.
//! Which binary a new test goes in: tests/README.md.

#[path = "../support/mod.rs"]
mod support;

mod art;
mod art_protocols;
mod cjk;
mod headless;
mod reader;
mod reload;
mod sizes;
mod snapshots;
mod structure;
