//! End to end: the real binary in tmux, in real terminal emulators under Xvfb (the lab), and
//! the exported HTML in headless Chromium. Each test skips when its tool is missing, unless
//! `CI` is set. Which binary a new test goes in: tests/README.md.

#[path = "../support/mod.rs"]
mod support;

mod hostile;
mod html_browser;
mod lab;
mod tmux;
