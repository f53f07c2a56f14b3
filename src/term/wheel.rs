//! Mouse-wheel bursts: one flick of a trackpad sends several wheel events within a few
//! milliseconds; a reader means one step. Wheel events that turn pages or panels are merged
//! when they follow the last accepted one in the same direction within [`BURST`]. (Scrolling
//! inside an overlay is not merged: there each event is a line.)

use std::time::{Duration, Instant};

/// Wheel events closer together than this, in the same direction, are one gesture.
pub const BURST: Duration = Duration::from_millis(150);

#[derive(Debug, Default)]
pub struct WheelGate {
    last: Option<(Instant, bool)>,
}

impl WheelGate {
    /// Whether a wheel event (`down` or up) at `now` should act; a burst's later events do
    /// not, and each of them extends the burst.
    pub fn accept(&mut self, now: Instant, down: bool) -> bool {
        let merged = self
            .last
            .is_some_and(|(t, d)| d == down && now.saturating_duration_since(t) < BURST);
        self.last = Some((now, down));
        !merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flick_is_one_step_and_separate_turns_are_each_a_step() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut g = WheelGate::default();
        // A trackpad flick: five events 10 ms apart.
        let flick: Vec<bool> = (0..5).map(|i| g.accept(ms(i * 10), true)).collect();
        assert_eq!(flick, [true, false, false, false, false]);
        // A deliberate second turn after a pause, then a change of direction at once.
        assert!(g.accept(ms(400), true));
        assert!(g.accept(ms(410), false));
        assert!(!g.accept(ms(420), false));
    }
}
