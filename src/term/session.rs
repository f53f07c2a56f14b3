//! The terminal session guard: raw mode, alternate screen, hidden cursor, mouse capture, and
//! one idempotent restore shared by normal exit, `Drop`, the panic hook and the signal path.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once, OnceLock, PoisonError};
use std::thread::{self, ThreadId};

use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Whether the terminal is currently in viewer mode (and needs restoring).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The thread that drives the UI; only its panics restore the terminal.
static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();

/// Panic messages of other threads while the screen is ours, printed once it is given back.
static DEFERRED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Holds the terminal in viewer mode; restores it when dropped.
pub struct TerminalSession {
    _private: (),
}

impl TerminalSession {
    /// Enters raw mode and the alternate screen; call from the UI thread.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        let _ = UI_THREAD.set(thread::current().id());
        let session = Self { _private: () };
        session.reenter()?;
        Ok(session)
    }

    /// Enters viewer mode again (after a suspend). Bracketed paste is on so that a paste
    /// arrives as one event (which the viewer ignores) instead of as keys: a `q` inside
    /// pasted text must not quit and hand the rest of the paste to the shell.
    pub fn reenter(&self) -> io::Result<()> {
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            Hide
        )
    }

    /// Gives the terminal back; does nothing if already done.
    pub fn restore(&self) -> io::Result<()> {
        restore()
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        let _ = restore();
    }
}

/// Mouse capture and bracketed paste off, main screen, cursor shown, unread input discarded,
/// raw mode off — once.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let mut out = io::stdout();
    let screen = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    discard_pending_input();
    let raw = disable_raw_mode();
    let _ = out.flush();
    print_deferred();
    screen.and(raw)
}

/// Throws away input the viewer has not read (typed ahead, or the rest of a paste into a
/// terminal without bracketed paste), so that it does not reach the shell as a command.
fn discard_pending_input() {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // The terminal crossterm reads (with `use-dev-tty`): the controlling terminal.
        if let Ok(tty) = std::fs::File::open("/dev/tty") {
            // SAFETY: tcflush on a descriptor we own; it only discards queued input.
            unsafe { libc::tcflush(tty.as_raw_fd(), libc::TCIFLUSH) };
        }
    }
}

fn print_deferred() {
    let messages = std::mem::take(&mut *DEFERRED.lock().unwrap_or_else(PoisonError::into_inner));
    for message in messages {
        eprintln!("{message}");
    }
}

/// Restores the terminal before the panic message, but only for the UI thread: a worker
/// thread's panic must not tear down the live screen, nor scribble on it — its message is
/// kept and printed when the terminal is given back.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let current = thread::current();
            if UI_THREAD.get() == Some(&current.id()) {
                let _ = restore();
            } else if ACTIVE.load(Ordering::SeqCst) {
                let name = current.name().unwrap_or("<unnamed>");
                let message = format!("thread '{name}' {info}");
                DEFERRED
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(message);
                return;
            }
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_panic_leaves_the_session_alone() {
        install_panic_hook();
        let _ = UI_THREAD.set(thread::current().id());
        ACTIVE.store(true, Ordering::SeqCst);
        let worker = thread::spawn(|| panic!("worker thread panics on purpose"));
        assert!(worker.join().is_err());
        let still_active = ACTIVE.swap(false, Ordering::SeqCst);
        assert!(
            still_active,
            "a worker panic must not restore the live terminal"
        );
        // Already restored: restoring again does nothing and succeeds.
        assert!(restore().is_ok());
        assert!(restore().is_ok());
    }
}
