//! The style sheet's colours: every text colour it sets reads on every background it sets
//! (WCAG AA, at least 4.5:1).

const STYLE: &str = include_str!("style.css");

/// `#rrggbb` values that follow `prefix` (e.g. `color:`) in the style sheet, with variables
/// resolved.
fn colours(prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in STYLE.match_indices(prefix) {
        // `background-color:` and `border…color:` are not text colours.
        let before = &STYLE[..i];
        if prefix == "color:" && (before.ends_with('-') || before.ends_with("background")) {
            continue;
        }
        let value = &STYLE[i + prefix.len()..];
        let value = &value[..value.find([';', '}']).unwrap()];
        if let Some(v) = resolve(value.trim()) {
            out.push(v);
        }
    }
    out
}

/// A colour value as `#rrggbb`: from `#rrggbb`, `#rgb`, or `var(--x)` looked up in `:root`.
fn resolve(value: &str) -> Option<String> {
    if let Some(name) = value.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
        let decl = format!("{name}:");
        let at = STYLE.find(&decl)? + decl.len();
        let end = STYLE[at..].find([';', '}'])?;
        return resolve(&STYLE[at..at + end]);
    }
    let hex = value.strip_prefix('#')?;
    match hex.len() {
        6 => Some(value.to_string()),
        3 => Some(
            hex.chars()
                .flat_map(|c| [c, c])
                .fold("#".to_string(), |mut s, c| {
                    s.push(c);
                    s
                }),
        ),
        _ => None,
    }
}

fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn every_text_colour_reads_on_every_background() {
    let texts = colours("color:");
    let backgrounds = colours("background:");
    assert!(
        texts.len() >= 8 && backgrounds.len() >= 5,
        "{texts:?} {backgrounds:?}"
    );
    // The pressed language button is the one light-on-dark pair.
    let light_on_dark = contrast("#ffffff", &resolve("var(--ink)").unwrap());
    assert!(light_on_dark >= 4.5);
    for t in texts.iter().filter(|t| luminance(t) < 0.5) {
        for b in backgrounds.iter().filter(|b| luminance(b) >= 0.5) {
            let c = contrast(t, b);
            assert!(c >= 4.5, "{t} on {b}: {c:.2}:1");
        }
    }
}

#[test]
fn contrast_is_computed_as_wcag_says() {
    assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
}
