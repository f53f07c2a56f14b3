//! The one channel the event loop reads, and the thread that feeds it terminal events.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// Everything the event loop reacts to. Workers (e.g. image preparation) add variants here
/// and send on the same channel.
#[derive(Debug)]
pub enum AppEvent {
    Term(Event),
    /// A worker finished preparing some art: redraw.
    ArtReady,
    /// The watched story folder was saved and loaded again (live reload).
    Reloaded(crate::reload::Reloaded),
}

/// Reads terminal events on its own thread; can be paused while the terminal is given away.
pub struct InputThread {
    paused: Arc<AtomicBool>,
    tx: Sender<AppEvent>,
}

impl InputThread {
    /// Starts the input thread; returns it with the receiving end of the channel, which
    /// holds the `first` events before any the thread reads.
    pub fn spawn(first: impl IntoIterator<Item = AppEvent>) -> (Self, Receiver<AppEvent>) {
        let (tx, rx) = mpsc::channel();
        for event in first {
            let _ = tx.send(event);
        }
        let paused = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&paused);
        let thread_tx = tx.clone();
        let _ = thread::Builder::new()
            .name("input".into())
            .spawn(move || read_loop(&thread_tx, &flag));
        (Self { paused, tx }, rx)
    }

    /// Another sender on the loop's channel, for workers.
    pub fn sender(&self) -> Sender<AppEvent> {
        self.tx.clone()
    }

    pub fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
    }

    pub fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

fn read_loop(tx: &Sender<AppEvent>, paused: &AtomicBool) {
    let tick = Duration::from_millis(50);
    loop {
        if paused.load(Ordering::SeqCst) {
            thread::sleep(tick);
            continue;
        }
        match event::poll(tick) {
            Ok(true) => match event::read() {
                Ok(ev) => {
                    if tx.send(AppEvent::Term(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => thread::sleep(tick),
            },
            Ok(false) => {}
            Err(_) => thread::sleep(tick),
        }
    }
}
