//! Work over many story files on both cores: reading and checking the panel files dominates
//! loading a large story.

/// `f` over `items`, on two threads when there are many; results in the order of `items`.
/// A panic in the helper thread is passed on, as if `f` had panicked here.
pub fn map<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    if items.len() < 64 {
        return items.iter().map(&f).collect();
    }
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().map(&f).collect::<Vec<_>>());
        let mut out: Vec<T> = first.iter().map(&f).collect();
        match other.join() {
            Ok(rest) => out.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_of_its_input() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |i| i * 2),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map(&items[..3], |i| i + 1), [1, 2, 3]);
    }
}
