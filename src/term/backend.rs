//! The viewer's terminal backend: crossterm's, with the frame writer (`draw`) done by hand.
//!
//! A page turn of half-block art changes colors at nearly every cell; crossterm formats each
//! color through `core::fmt`, which was a third of a 240×70 page turn (callgrind, issue 14).
//! Here the same bytes are written with a small integer writer: the output is byte for byte
//! what `CrosstermBackend` writes (tested), only cheaper to produce. Everything else
//! (cursor, clearing, sizes) is crossterm's.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{cursor, execute, queue, style::Print, terminal};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// How many bytes of a frame are gathered before they go to the writer.
const CHUNK: usize = 16 * 1024;

/// A [`Backend`] writing to `W`.
pub struct SgrBackend<W: Write> {
    writer: W,
}

impl<W: Write> SgrBackend<W> {
    pub fn new(writer: W) -> Self {
        Self { writer }
    }
}

impl<W: Write> Write for SgrBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// The pen while a frame is written: what the terminal's current attributes are.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    at: Option<(u16, u16)>,
}

impl<W: Write> Backend for SgrBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut pen = Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            at: None,
        };
        // Cells are gathered and written in chunks: one call per cell into the writer cost
        // more than the cell's bytes.
        let mut out = Vec::with_capacity(CHUNK + 256);
        for (x, y, cell) in content {
            step(&mut out, &mut pen, x, y, cell);
            if out.len() >= CHUNK {
                self.writer.write_all(&out)?;
                out.clear();
            }
        }
        out.extend_from_slice(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m");
        self.writer.write_all(&out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, cursor::Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        cursor::position().map(|(x, y)| Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.writer, cursor::MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use terminal::ClearType as C;
        let kind = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        execute!(self.writer, terminal::Clear(kind))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.writer, Print("\n"))?;
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// One cell: a cursor move unless it follows the last one, the attribute and color changes,
/// then its text (as crossterm's backend orders them).
fn step(out: &mut Vec<u8>, pen: &mut Pen, x: u16, y: u16, cell: &Cell) {
    if !matches!(pen.at, Some((px, py)) if x == px.wrapping_add(1) && y == py) {
        out.extend_from_slice(b"\x1b[");
        number(out, u32::from(y) + 1);
        out.push(b';');
        number(out, u32::from(x) + 1);
        out.push(b'H');
    }
    pen.at = Some((x, y));
    if cell.modifier != pen.modifier {
        modifiers(out, pen.modifier, cell.modifier);
        pen.modifier = cell.modifier;
    }
    if cell.fg != pen.fg || cell.bg != pen.bg {
        out.extend_from_slice(b"\x1b[");
        color(out, cell.fg, 38);
        out.push(b';');
        color(out, cell.bg, 48);
        out.push(b'm');
        (pen.fg, pen.bg) = (cell.fg, cell.bg);
    }
    if cell.underline_color != pen.underline {
        out.extend_from_slice(b"\x1b[");
        color(out, cell.underline_color, 58);
        out.push(b'm');
        pen.underline = cell.underline_color;
    }
    out.extend_from_slice(cell.symbol().as_bytes());
}

/// `SGR n` for each attribute going off, then on (the order and the intensity rule of
/// crossterm's backend: bold and dim share one "off").
fn modifiers(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let mut sgr = |n: u32| {
        out.extend_from_slice(b"\x1b[");
        number(out, n);
        out.push(b'm');
    };
    let removed = from - to;
    let added = to - from;
    if removed.contains(Modifier::REVERSED) {
        sgr(27);
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(22);
        if to.contains(Modifier::DIM) {
            sgr(2);
        }
        if to.contains(Modifier::BOLD) {
            sgr(1);
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::CROSSED_OUT, 29),
        (Modifier::HIDDEN, 28),
    ] {
        if removed.contains(m) {
            sgr(off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(25);
    }
    for (m, on, intensity) in [
        (Modifier::REVERSED, 7, false),
        (Modifier::BOLD, 1, true),
        (Modifier::ITALIC, 3, false),
        (Modifier::UNDERLINED, 4, false),
        (Modifier::DIM, 2, true),
        (Modifier::CROSSED_OUT, 9, false),
        (Modifier::HIDDEN, 8, false),
        (Modifier::SLOW_BLINK, 5, false),
        (Modifier::RAPID_BLINK, 6, false),
    ] {
        if added.contains(m) && !(intensity && reset_intensity) {
            sgr(on);
        }
    }
}

/// A color's SGR parameters after `base` (38 foreground, 48 background, 58 underline), as
/// crossterm writes them: named colors as 256-color indexes, `base + 1` for the default.
fn color(out: &mut Vec<u8>, c: Color, base: u32) {
    let index = match c {
        Color::Reset => {
            number(out, base + 1);
            return;
        }
        Color::Rgb(r, g, b) => {
            number(out, base);
            out.extend_from_slice(b";2;");
            number(out, u32::from(r));
            out.push(b';');
            number(out, u32::from(g));
            out.push(b';');
            number(out, u32::from(b));
            return;
        }
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    number(out, base);
    out.extend_from_slice(b";5;");
    number(out, u32::from(index));
}

/// `n` in decimal.
fn number(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests;
