//! End to end: the real binary in tmux, in real terminal emulators under Xvfb (the lab), and
//! the exported HTML in headless Chromium, the completion scripts in their shells and the manual
//! page in `man`. Each test skips when its tool is missing, unless
//! `CI` is set. Which binary a new test goes in: tests/README.md.

#[path = "../support/mod.rs"]
mod support;

mod author_shell;
mod hostile;
mod html_browser;
mod lab;
mod reload;
mod tmux;
