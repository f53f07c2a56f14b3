//! Hostile input at every level below a real terminal: escape sequences in story text,
//! paths out of the story, image bombs and damaged images, stories grown 100x, damaged
//! config and state files, every terminal size.
//! Which binary a new test goes in: tests/README.md.

#[path = "../support/mod.rs"]
mod support;

mod corpus;
mod image_files;
mod images;
mod paths;
mod reader;
mod render_sizes;
mod sanitize_prop;
mod scale;
