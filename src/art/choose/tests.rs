//! The protocol table: (terminal's answers, environment, tmux) → method.

use super::*;

fn answered(xtversion: Option<&str>, da1: &[u16], kitty: bool) -> TermFacts {
    TermFacts {
        replies: TermReplies {
            answered: true,
            xtversion: xtversion.map(str::to_string),
            kitty_graphics: kitty,
            da1: da1.to_vec(),
            ..TermReplies::default()
        },
        term: Some("xterm-256color".into()),
        ..TermFacts::default()
    }
}

fn env(term: &str, program: Option<&str>) -> TermFacts {
    TermFacts {
        term: Some(term.into()),
        term_program: program.map(str::to_string),
        ..TermFacts::default()
    }
}

fn tmux(outer: Option<&str>, passthrough: bool, sixel: bool) -> TermFacts {
    TermFacts {
        replies: TermReplies {
            answered: true,
            xtversion: Some("tmux 3.3a".into()),
            ..TermReplies::default()
        },
        term: Some("tmux-256color".into()),
        term_program: Some("tmux".into()),
        tmux: Some(TmuxFacts {
            version: "3.3a".into(),
            passthrough,
            outer: outer.map(str::to_string),
            sixel,
        }),
        ..TermFacts::default()
    }
}

#[test]
fn the_protocol_table() {
    use Method::{Halfblocks, Iterm2, KittyDirect, KittyPlaceholders, Sixel};
    let rows: Vec<(&str, TermFacts, Method, bool)> = vec![
        (
            "kitty 0.21",
            answered(Some("kitty(0.21.2)"), &[62], true),
            KittyDirect,
            false,
        ),
        (
            "kitty 0.26.5 (Debian 12)",
            answered(Some("kitty(0.26.5)"), &[62], true),
            KittyDirect,
            false,
        ),
        (
            "kitty 0.28.0",
            answered(Some("kitty(0.28.0)"), &[62], true),
            KittyPlaceholders,
            false,
        ),
        (
            "kitty 0.35.2",
            answered(Some("kitty(0.35.2)"), &[62], true),
            KittyPlaceholders,
            false,
        ),
        (
            "Ghostty",
            answered(Some("ghostty 1.1.3"), &[62, 22], true),
            KittyPlaceholders,
            false,
        ),
        (
            "WezTerm",
            answered(Some("WezTerm 20240203-110809-5046fc22"), &[65, 4, 6], true),
            KittyDirect,
            false,
        ),
        (
            "iTerm2 (answers kitty, no placeholders)",
            answered(Some("iTerm2 3.5.0"), &[62, 4], true),
            Iterm2,
            false,
        ),
        (
            "Konsole",
            answered(Some("Konsole 24.02.1"), &[62, 4], true),
            KittyDirect,
            false,
        ),
        (
            "foot",
            answered(Some("foot(1.16.2)"), &[62, 4, 22], false),
            Sixel,
            false,
        ),
        (
            "xterm -ti vt340",
            answered(Some("XTerm(379)"), &[63, 1, 2, 4, 6, 9, 15, 22], false),
            Sixel,
            false,
        ),
        (
            "xterm plain",
            answered(Some("XTerm(379)"), &[65, 1, 2, 6, 9, 15, 22], false),
            Halfblocks,
            false,
        ),
        (
            "Apple Terminal (no XTVERSION)",
            {
                let mut f = env("xterm-256color", Some("Apple_Terminal"));
                f.replies.answered = true;
                f.replies.da1 = vec![1, 2];
                f
            },
            Halfblocks,
            false,
        ),
        (
            "iTerm2 by environment only",
            env("xterm-256color", Some("iTerm.app")),
            Iterm2,
            false,
        ),
        (
            "an unknown terminal that answers the kitty query",
            answered(None, &[62], true),
            KittyDirect,
            false,
        ),
        (
            "an unknown terminal with sixel",
            answered(Some("mlterm(3.9.3)"), &[63, 4], false),
            Sixel,
            false,
        ),
        (
            "no answer at all",
            env("xterm-256color", None),
            Halfblocks,
            false,
        ),
        ("TERM=dumb", env("dumb", None), Halfblocks, false),
        ("no TERM", TermFacts::default(), Halfblocks, false),
        (
            "tmux in kitty 0.35, passthrough on",
            tmux(Some("kitty(0.35.2)"), true, false),
            KittyPlaceholders,
            true,
        ),
        (
            "tmux in kitty 0.35, passthrough off",
            tmux(Some("kitty(0.35.2)"), false, false),
            Halfblocks,
            false,
        ),
        (
            "tmux in kitty 0.26 (no placeholders)",
            tmux(Some("kitty(0.26.5)"), true, false),
            Halfblocks,
            false,
        ),
        (
            "tmux with sixel in xterm",
            tmux(Some("XTerm(379)"), false, true),
            Sixel,
            false,
        ),
        (
            "tmux in an unknown terminal",
            tmux(None, false, false),
            Halfblocks,
            false,
        ),
    ];
    let mut wrong = Vec::new();
    for (name, facts, method, passthrough) in &rows {
        let c = choose(Graphics::Auto, facts);
        if c.method != *method || c.passthrough != *passthrough {
            wrong.push(format!(
                "{name}: got {:?} (passthrough {}) because {}",
                c.method, c.passthrough, c.reason
            ));
        }
        assert!(!c.reason.is_empty(), "{name}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn forcing_kitty_picks_the_variant_the_terminal_has() {
    let old = answered(Some("kitty(0.26.5)"), &[62], true);
    let new = answered(Some("kitty(0.35.2)"), &[62], true);
    assert_eq!(choose(Graphics::Kitty, &old).method, Method::KittyDirect);
    assert_eq!(
        choose(Graphics::Kitty, &new).method,
        Method::KittyPlaceholders
    );
    assert_eq!(
        choose(Graphics::Kitty, &TermFacts::default()).method,
        Method::KittyDirect
    );
    let t = tmux(Some("kitty(0.35.2)"), true, false);
    let c = choose(Graphics::Kitty, &t);
    assert_eq!((c.method, c.passthrough), (Method::KittyPlaceholders, true));
}

#[test]
fn placeholder_images_go_compressed_only_where_the_terminal_inflated_the_query() {
    let inflates = |xtversion: &str| {
        let mut f = answered(Some(xtversion), &[62], true);
        f.replies.kitty_zlib = true;
        f
    };
    let zlib = |requested, f: &TermFacts| choose(requested, f).zlib;
    assert!(zlib(Graphics::Auto, &inflates("kitty(0.35.2)")));
    assert!(zlib(Graphics::Kitty, &inflates("kitty(0.35.2)")));
    assert!(zlib(Graphics::Auto, &inflates("ghostty 1.1.3")));
    // Not asked or not inflated: sent as they are.
    assert!(!zlib(
        Graphics::Auto,
        &answered(Some("kitty(0.35.2)"), &[62], true)
    ));
    // Direct placement sends PNG, already compressed; sixel and half-blocks have no `o=z`.
    assert!(!zlib(Graphics::Auto, &inflates("kitty(0.26.5)")));
    assert!(!zlib(Graphics::Sixel, &inflates("kitty(0.35.2)")));
    assert!(!zlib(Graphics::Halfblocks, &inflates("kitty(0.35.2)")));
    // Through tmux the terminal is never asked, whatever the replies say.
    let mut t = tmux(Some("kitty(0.35.2)"), true, false);
    t.replies.kitty_zlib = true;
    assert_eq!(choose(Graphics::Auto, &t).method, Method::KittyPlaceholders);
    assert!(!zlib(Graphics::Auto, &t));
}

#[test]
fn explicit_choices_and_no_color_win() {
    let kitty = answered(Some("kitty(0.35.2)"), &[62], true);
    assert_eq!(
        choose(Graphics::Halfblocks, &kitty).method,
        Method::Halfblocks
    );
    assert_eq!(choose(Graphics::None, &kitty).method, Method::None);
    assert_eq!(choose(Graphics::Sixel, &kitty).method, Method::Sixel);
    assert_eq!(choose(Graphics::Iterm2, &kitty).method, Method::Iterm2);
    let mut mono = kitty.clone();
    mono.no_color = true;
    assert_eq!(choose(Graphics::Auto, &mono).method, Method::Halfblocks);
}

#[test]
fn versions_compare_as_numbers() {
    assert_eq!(from_xtversion("kitty(0.28.0)"), Terminal::Kitty((0, 28, 0)));
    assert!(version("0.100.1") > version("0.28.0"));
    assert_eq!(from_xtversion("XTerm(390)"), Terminal::XTerm);
    assert_eq!(from_xtversion(""), Terminal::Other(String::new()));
}
