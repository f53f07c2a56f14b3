use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::SgrBackend;

/// A writer whose bytes can be read after the backend that owns it wrote them.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Shared {
    fn bytes(&self) -> Vec<u8> {
        self.0.borrow().clone()
    }
}

const COLORS: [Color; 19] = [
    Color::Reset,
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
    Color::Indexed(200),
    Color::Rgb(0, 128, 255),
];

/// What each backend writes for the same cells.
fn both(cells: &[(u16, u16, Cell)]) -> (Vec<u8>, Vec<u8>) {
    ratatui::crossterm::style::force_color_output(true);
    let (a, b) = (Shared::default(), Shared::default());
    let mut theirs = CrosstermBackend::new(a.clone());
    let mut ours = SgrBackend::new(b.clone());
    theirs
        .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
        .unwrap();
    ours.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
        .unwrap();
    (a.bytes(), b.bytes())
}

#[test]
fn every_color_and_attribute_change_is_written_as_crossterm_writes_it() {
    let mut cells = Vec::new();
    let mods: Vec<Modifier> = (0..=Modifier::all().bits())
        .step_by(7)
        .map(Modifier::from_bits_truncate)
        .collect();
    let mut n = 0u16;
    for (i, fg) in COLORS.iter().enumerate() {
        for (j, bg) in COLORS.iter().enumerate() {
            let mut cell = Cell::new(if (i + j) % 3 == 0 { "▀" } else { "页" });
            cell.set_style(
                Style::new()
                    .fg(*fg)
                    .bg(*bg)
                    .underline_color(COLORS[(i * 7 + j) % COLORS.len()])
                    .add_modifier(mods[(i * 19 + j) % mods.len()]),
            );
            // Runs of neighbours and jumps, so both cursor rules are seen.
            let (x, y) = (n % 50 + (n / 50) % 3, n / 50);
            cells.push((x, y, cell));
            n += 1;
        }
    }
    // Every modifier on its own, on and off, from and to everything else.
    for m in Modifier::all().iter() {
        for from in [Modifier::empty(), Modifier::all(), Modifier::all() - m] {
            let mut a = Cell::new("a");
            a.modifier = from;
            let mut b = Cell::new("b");
            b.modifier = from ^ m;
            cells.push((0, n, a));
            cells.push((1, n, b));
            n += 1;
        }
    }
    let (theirs, ours) = both(&cells);
    assert_eq!(
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs)
    );
}

#[test]
fn no_cells_and_far_positions() {
    let (theirs, ours) = both(&[]);
    assert_eq!(ours, theirs);
    let far = [
        (999, 499, Cell::new("x")),
        (1000, 499, Cell::new("y")),
        (0, 0, Cell::new("z")),
    ];
    let (theirs, ours) = both(&far);
    assert_eq!(ours, theirs);
}

/// Whole frames of the built-in story, drawn through a `Terminal` with each backend (the
/// diff, then the bytes): page turns in both views and languages, overlays, with art.
#[test]
fn real_frames_are_byte_for_byte_the_same() {
    use crate::app::{Action, App};
    use crate::ui::{self, ViewCtx};
    ratatui::crossterm::style::force_color_output(true);
    let story = crate::story::load(&crate::story::StorySource::Builtin)
        .story
        .unwrap();
    let area = Rect::new(0, 0, 120, 40);
    let options = || TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let (a, b) = (Shared::default(), Shared::default());
    let mut theirs = Terminal::with_options(CrosstermBackend::new(a.clone()), options()).unwrap();
    let mut ours = Terminal::with_options(SgrBackend::new(b.clone()), options()).unwrap();
    let mut app = App::new(&story, &ui::GEOMETRY, None, (area.width, area.height));
    let steps = [
        Action::NextPage,
        Action::ToggleCommentary,
        Action::NextLanguage,
        Action::ToggleCommentary,
        Action::ToggleView,
        Action::Next,
        Action::ToggleHelp,
        Action::ToggleHelp,
        Action::LastPage,
    ];
    for step in steps {
        app.update(step);
        let ctx = ViewCtx::new(&app);
        theirs.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
        ours.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
    }
    let (theirs, ours) = (a.bytes(), b.bytes());
    assert!(theirs.len() > 10_000, "frames were drawn");
    assert_eq!(
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs)
    );
}
