use std::ffi::OsString;

use super::*;
use crate::diag::render_all;

fn parse(text: &str) -> Loaded {
    parse_text("config.toml", text, &default_actions())
}

fn spec(s: &str) -> KeySpec {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn rendered(l: &Loaded) -> String {
    render_all(&l.diagnostics, false)
}

#[test]
fn the_default_file_parses_back_to_the_defaults() {
    let text = default_file(&default_bindings());
    let l = parse(&text);
    assert!(l.diagnostics.is_empty(), "{}", rendered(&l));
    let s = merge(&Layer::default(), &Layer::default(), &l.layer);
    let expected_keys: Bindings = default_keys()
        .iter()
        .map(|(a, ks)| (a.clone(), ks.iter().map(|k| spec(k)).collect()))
        .collect();
    assert_eq!(s.keys, expected_keys);
    assert_eq!(
        default_bindings(),
        expected_keys,
        "every default key parses"
    );
    assert_eq!(Settings { keys: vec![], ..s }, Settings::default());
    // Every default action is listed, and every setting but `language` is written out.
    for a in default_actions() {
        assert!(text.contains(&format!("\n{a} = [")), "{a}");
    }
    for k in KNOWN_KEYS {
        assert!(text.contains(&format!("{k} =")) || *k == "keys", "{k}");
    }
    assert!(text.contains("[keys]") && text.contains("# language = "));
}

#[test]
fn every_key_is_read() {
    let l = parse(
        "language = \"zh-Hans\"\nview = \"panel\"\ngraphics = \"halfblocks\"\n\
         theme = \"high-contrast\"\ncommentary = \"side\"\nresume = false\n\
         cover = false\nwatch = false\n[keys]\nnext-page = [\"x\", \"ctrl-n\"]\nquit = \"Q\"\ntoggle-help = []\n",
    );
    assert!(l.diagnostics.is_empty(), "{}", rendered(&l));
    let s = merge(&Layer::default(), &Layer::default(), &l.layer);
    assert_eq!(s.language.as_deref(), Some("zh-Hans"));
    assert_eq!(s.view, ViewKind::Panel);
    assert_eq!(s.graphics, Graphics::Halfblocks);
    assert_eq!(s.theme, Theme::HighContrast);
    assert_eq!(s.commentary, CommentaryMode::Side);
    assert!(!s.resume);
    assert!(!s.cover && !s.watch);
    assert_eq!(
        s.keys,
        vec![
            ("next-page".to_string(), vec![spec("x"), spec("ctrl-n")]),
            ("quit".to_string(), vec![spec("Q")]),
            ("toggle-help".to_string(), vec![]),
        ]
    );
}

#[test]
fn precedence_is_command_line_then_environment_then_file() {
    let file = Layer {
        language: Some("en".into()),
        view: Some(ViewKind::Panel),
        theme: Some(Theme::Light),
        resume: Some(false),
        keys: vec![
            ("quit".into(), vec![spec("x")]),
            ("next".into(), vec![spec("n")]),
        ],
        ..Layer::default()
    };
    let env = Layer {
        language: Some("zh".into()),
        theme: Some(Theme::Dark),
        commentary: Some(CommentaryMode::Side),
        ..Layer::default()
    };
    let cli = Layer {
        theme: Some(Theme::HighContrast),
        keys: vec![("quit".into(), vec![spec("ctrl-q")])],
        ..Layer::default()
    };
    let s = merge(&cli, &env, &file);
    assert_eq!(s.theme, Theme::HighContrast, "command line over all");
    assert_eq!(s.language.as_deref(), Some("zh"), "environment over file");
    assert_eq!(s.commentary, CommentaryMode::Side);
    assert_eq!(s.view, ViewKind::Panel, "file over defaults");
    assert!(!s.resume);
    assert_eq!(s.graphics, Graphics::Auto, "defaults last");
    assert_eq!(
        s.keys,
        vec![
            ("quit".to_string(), vec![spec("ctrl-q")]),
            ("next".to_string(), vec![spec("n")]),
        ]
    );
    assert_eq!(
        merge(&Layer::default(), &Layer::default(), &Layer::default()),
        Settings::default()
    );
}

#[test]
fn the_command_line_layer() {
    use clap::Parser;
    let cli = crate::cli::Cli::parse_from([
        "comicterm",
        "--theme",
        "high-contrast",
        "--from-start",
        "--lang",
        "zh",
        "--no-watch",
    ]);
    let l = cli_layer(&cli.view);
    assert_eq!(l.theme, Some(Theme::HighContrast));
    assert_eq!(l.resume, Some(false));
    assert_eq!(l.language.as_deref(), Some("zh"));
    assert_eq!(l.watch, Some(false));
    let none = cli_layer(&crate::cli::Cli::parse_from(["comicterm"]).view);
    assert_eq!(none, Layer::default());
}

#[test]
fn the_environment_layer_ignores_what_it_does_not_understand() {
    let vars = [
        ("COMICTERM_LANG", "zh-Hans"),
        ("COMICTERM_VIEW", "Panel"),
        ("COMICTERM_THEME", "neon"),
        ("COMICTERM_RESUME", "off"),
        ("COMICTERM_WATCH", "no"),
        ("COMICTERM_COMMENTARY", "side\u{1b}[2J"),
    ];
    let (layer, bad) = env_layer(|k| {
        vars.iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    });
    assert_eq!(layer.language.as_deref(), Some("zh-Hans"));
    assert_eq!(layer.view, Some(ViewKind::Panel));
    assert_eq!(layer.theme, None);
    assert_eq!(layer.commentary, None);
    assert_eq!(layer.resume, Some(false));
    assert_eq!(layer.watch, Some(false));
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(
        bad[0].contains("COMICTERM_THEME=neon") && bad[0].contains("high-contrast"),
        "{bad:?}"
    );
    assert!(
        bad.iter().all(|m| !m.chars().any(char::is_control)),
        "{bad:?}"
    );
}

#[test]
fn errors_are_located_with_the_line_a_caret_and_the_known_keys() {
    let l = parse("view = \"panel\"\nthem = \"dark\"\n");
    let out = rendered(&l);
    assert_eq!(l.diagnostics.len(), 1, "{out}");
    assert_eq!(l.diagnostics[0].kind, Kind::UnknownKey);
    assert!(out.contains("config.toml:2:1"), "{out}");
    assert!(out.contains("them = \"dark\""), "{out}");
    assert!(out.contains("^^^^"), "{out}");
    assert!(
        out.contains("known keys: language, view, graphics"),
        "{out}"
    );
    // The good key still counts.
    assert_eq!(l.layer.view, Some(ViewKind::Panel));
}

#[test]
fn unknown_actions_and_bad_keys_in_the_key_table() {
    let l = parse(
        "[keys]\nfly = \"f\"\nquit = [\"ctrl-\", \"hyper-x\", \"q\", 5]\nnext = [\"nope\"]\n",
    );
    let out = rendered(&l);
    let kinds: Vec<Kind> = l.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        vec![
            Kind::UnknownKey,
            Kind::BadValue,
            Kind::BadValue,
            Kind::WrongType,
            Kind::BadValue
        ],
        "{out}"
    );
    assert!(
        out.contains("config.toml:2:1") && out.contains("next-page"),
        "{out}"
    );
    assert!(out.contains("config.toml:3:9"), "{out}");
    // What was good is kept; an action whose keys were all refused keeps its defaults.
    assert_eq!(l.layer.keys, vec![("quit".to_string(), vec![spec("q")])]);
}

#[test]
fn wrong_types_and_values() {
    let l = parse(
        "view = 3\ntheme = \"neon\"\nresume = \"yes\"\nkeys = 1\nlanguage = \"../../x\"\ngraphics = [\"kitty\"]\n",
    );
    let out = rendered(&l);
    let kinds: Vec<Kind> = l.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        vec![
            Kind::WrongType,
            Kind::BadValue,
            Kind::WrongType,
            Kind::WrongType,
            Kind::BadValue,
            Kind::WrongType
        ],
        "{out}"
    );
    assert!(
        out.contains("one of: auto, dark, light, high-contrast"),
        "{out}"
    );
    assert!(
        out.contains("`view` must be a string, not an integer"),
        "{out}"
    );
    assert_eq!(l.layer, Layer::default());
}

#[test]
fn control_characters_are_refused_and_never_printed() {
    let l = parse("theme = \"dark\\u001b]52;c;aGk=\\u0007\"\n[keys]\nquit = \"\\u0003\"\n");
    let out = rendered(&l);
    assert_eq!(l.diagnostics.len(), 2, "{out}");
    assert!(
        l.diagnostics.iter().all(|d| d.kind == Kind::ControlChar),
        "{out}"
    );
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    // Raw control bytes in the file (not escapes) are a syntax error, also shown safely.
    let raw = parse("theme = \"dark\u{1b}[2J\"\n");
    let out = rendered(&raw);
    assert_eq!(raw.diagnostics.len(), 1, "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
}

#[test]
fn syntax_errors_keep_the_defaults() {
    for text in [
        "view = \n",
        "[keys\n",
        "a = 1\na = 2\n",
        "x = [[[[[[[[",
        "= 3",
        "\u{feff}view = 'panel' x",
    ] {
        let l = parse(text);
        assert_eq!(l.diagnostics.len(), 1, "{text:?}: {}", rendered(&l));
        assert_eq!(l.layer, Layer::default(), "{text:?}");
    }
    let deep = format!("x = {}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(!parse(&deep).diagnostics.is_empty());
    let wide = format!("[keys]\nquit = [{}]\n", vec!["\"q\""; 40].join(","));
    assert_eq!(parse(&wide).diagnostics[0].kind, Kind::TooMany);
}

#[test]
fn files_too_large_binary_missing_or_not_files() {
    let t = tempfile::tempdir().unwrap();
    let missing = load_file(&t.path().join("none.toml"), &default_actions());
    assert!(missing.diagnostics.is_empty() && missing.layer == Layer::default());

    let big = t.path().join("big.toml");
    let mut text = "view = \"panel\"\n".to_string();
    text.push_str(&"# padding padding padding padding padding padding padding\n".repeat(180_000));
    assert!(text.len() > 10_000_000);
    std::fs::write(&big, &text).unwrap();
    let l = load_file(&big, &default_actions());
    assert_eq!(l.diagnostics.len(), 1);
    assert_eq!(l.diagnostics[0].kind, Kind::FileTooLarge);
    assert_eq!(l.layer, Layer::default());
    assert!(rendered(&l).contains("big.toml"), "{}", rendered(&l));

    let bin = t.path().join("bin.toml");
    std::fs::write(&bin, b"view = \"panel\"\n\xff\xfe\x00garbage").unwrap();
    let l = load_file(&bin, &default_actions());
    assert_eq!(l.diagnostics.len(), 1);
    assert!(rendered(&l).contains("bin.toml:2:1"), "{}", rendered(&l));
    assert_eq!(l.layer, Layer::default());

    let l = load_file(t.path(), &default_actions());
    assert_eq!(l.diagnostics[0].kind, Kind::Io);
}

#[test]
fn key_specs_parse_and_print_back() {
    let cases = [
        ("x", "x"),
        ("G", "G"),
        ("shift-g", "G"),
        ("Ctrl-N", "ctrl-n"),
        ("ctrl-G", "ctrl-g"),
        ("PageDown", "pagedown"),
        ("PgDn", "pagedown"),
        ("shift-tab", "shift-tab"),
        ("alt-shift-left", "alt-shift-left"),
        ("space", "space"),
        (" ", "space"),
        ("-", "-"),
        ("ctrl--", "ctrl-minus"),
        ("F12", "f12"),
        ("escape", "esc"),
        ("?", "?"),
        ("页", "页"),
    ];
    for (input, shown) in cases {
        let s = spec(input);
        assert_eq!(s.to_string(), shown, "{input}");
        assert_eq!(spec(shown), s, "{shown} round trip");
    }
    assert_eq!(spec("shift-tab").key, Key::Tab);
    assert!(spec("shift-tab").shift);
    for bad in [
        "",
        "ctrl-",
        "hyper-x",
        "f0",
        "f25",
        "pgdown",
        "\u{7}",
        "ctrl-\u{1b}",
        "xx",
    ] {
        assert!(bad.parse::<KeySpec>().is_err(), "{bad:?}");
    }
}

#[test]
fn config_path_follows_xdg() {
    let env = |pairs: Vec<(&'static str, &'static str)>| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    };
    assert_eq!(
        config_path(env(vec![("XDG_CONFIG_HOME", "/c"), ("HOME", "/h")])),
        Some("/c/comicterm/config.toml".into())
    );
    assert_eq!(
        config_path(env(vec![("XDG_CONFIG_HOME", "c"), ("HOME", "/h")])),
        Some("/h/.config/comicterm/config.toml".into())
    );
    assert_eq!(config_path(env(vec![])), None);
}
