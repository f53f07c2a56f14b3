//! Frames drawn in process, as the viewer draws them.

use comicterm::app::{Action, App};
use comicterm::story::Story;
use comicterm::ui::{self, ViewCtx};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The viewer's state on `story` at `size` in `lang` (None: the story's first language),
/// after `actions`.
pub fn app<'s>(
    story: &'s Story,
    lang: Option<&str>,
    size: (u16, u16),
    actions: &[Action],
) -> App<'s> {
    let mut app = App::new(story, &ui::GEOMETRY, lang, size);
    actions.iter().for_each(|a| app.update(*a));
    app
}

/// The frame `app` draws without art (a plain [`ViewCtx`]), in a buffer of the app's size.
pub fn buffer(app: &App) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size.0, app.size.1));
    ui::render(app, &ViewCtx::new(app), buf.area, &mut buf);
    buf
}

/// The same frame drawn through a `TestBackend` terminal (what the snapshots show).
pub fn terminal(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| ui::draw(f, app, &ViewCtx::new(app))).unwrap();
    t
}
