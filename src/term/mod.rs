//! The terminal edge: setup, teardown, signals and the event loop (built by the viewer issue).

use crate::cli::ViewArgs;
use crate::story::Story;

/// Runs the interactive viewer on `story` until the reader quits; returns the exit code.
pub fn run(story: &Story, _args: &ViewArgs) -> std::io::Result<i32> {
    println!("{}", story.title.get(&story.languages[0]));
    println!("{}", story.summary.get(&story.languages[0]));
    Ok(0)
}
