//! Signal flags polled by the event loop: SIGTERM, SIGHUP, SIGINT end it; SIGTSTP (an
//! external `kill -TSTP`) suspends it as Ctrl-Z does; SIGCONT redraws.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP};
use signal_hook::flag;

pub struct Signals {
    /// 128 + the terminating signal, or 0.
    exit: Arc<AtomicUsize>,
    continued: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Self> {
        let exit = Arc::new(AtomicUsize::new(0));
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            let code = usize::try_from(128 + sig).unwrap_or(1);
            flag::register_usize(sig, Arc::clone(&exit), code)?;
        }
        let continued = Arc::new(AtomicBool::new(false));
        flag::register(SIGCONT, Arc::clone(&continued))?;
        // Caught, so the terminal is given back before stopping (see `stop_self`).
        let suspend = Arc::new(AtomicBool::new(false));
        flag::register(SIGTSTP, Arc::clone(&suspend))?;
        Ok(Self {
            exit,
            continued,
            suspend,
        })
    }

    /// The exit code for a terminating signal received, if any.
    pub fn exit_code(&self) -> Option<i32> {
        match self.exit.load(Ordering::SeqCst) {
            0 => None,
            n => Some(i32::try_from(n).unwrap_or(1)),
        }
    }

    /// Whether a SIGTSTP asked for a suspend since the last call.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGCONT arrived since the last call.
    pub fn take_continued(&self) -> bool {
        self.continued.swap(false, Ordering::SeqCst)
    }
}

/// Stops the process as Ctrl-Z would; returns once it is continued. SIGSTOP, because our own
/// SIGTSTP is caught (and the kernel drops SIGTSTP for an orphaned process group).
pub fn stop_self() {
    let _ = signal_hook::low_level::raise(SIGSTOP);
}
