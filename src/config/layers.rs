//! The command-line and environment layers.

use clap::ValueEnum;

use super::Layer;
use crate::cli::ViewArgs;

/// Environment variables, one per setting (key bindings live in the file only).
pub const ENV_VARS: &[&str] = &[
    "COMICTERM_LANG",
    "COMICTERM_VIEW",
    "COMICTERM_GRAPHICS",
    "COMICTERM_THEME",
    "COMICTERM_COMMENTARY",
    "COMICTERM_RESUME",
    "COMICTERM_COVER",
    "COMICTERM_WATCH",
];

/// What the environment sets, and a one-line message for each variable whose value is not
/// understood (it is ignored).
pub fn env_layer(env: impl Fn(&str) -> Option<String>) -> (Layer, Vec<String>) {
    let mut bad = Vec::new();
    let choice = |name: &str| {
        env(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut layer = Layer {
        language: choice("COMICTERM_LANG").filter(|v| {
            let ok = super::parse::is_language_tag(v);
            if !ok {
                bad.push(ignored(
                    "COMICTERM_LANG",
                    v,
                    "a language tag such as en or zh-Hans",
                ));
            }
            ok
        }),
        ..Layer::default()
    };
    layer.view = parsed(choice("COMICTERM_VIEW"), "COMICTERM_VIEW", &mut bad);
    layer.graphics = parsed(choice("COMICTERM_GRAPHICS"), "COMICTERM_GRAPHICS", &mut bad);
    layer.theme = parsed(choice("COMICTERM_THEME"), "COMICTERM_THEME", &mut bad);
    layer.commentary = parsed(
        choice("COMICTERM_COMMENTARY"),
        "COMICTERM_COMMENTARY",
        &mut bad,
    );
    layer.resume = flag(choice("COMICTERM_RESUME"), "COMICTERM_RESUME", &mut bad);
    layer.cover = flag(choice("COMICTERM_COVER"), "COMICTERM_COVER", &mut bad);
    layer.watch = flag(choice("COMICTERM_WATCH"), "COMICTERM_WATCH", &mut bad);
    (layer, bad)
}

/// A yes/no variable: `1 true yes on` or `0 false no off`, any case.
fn flag(value: Option<String>, name: &str, bad: &mut Vec<String>) -> Option<bool> {
    value.and_then(|v| match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => {
            bad.push(ignored(name, &v, "true or false"));
            None
        }
    })
}

fn parsed<T: ValueEnum>(value: Option<String>, name: &str, bad: &mut Vec<String>) -> Option<T> {
    let v = value?;
    let found = T::from_str(&v, true).ok();
    if found.is_none() {
        bad.push(ignored(name, &v, &super::parse::names::<T>().join(", ")));
    }
    found
}

fn ignored(name: &str, value: &str, expected: &str) -> String {
    crate::diag::visible(&format!(
        "{name}={} is ignored (expected {expected})",
        crate::diag::excerpt(value)
    ))
}

/// What the command line sets. `--from-start` turns resuming off for this run.
pub fn cli_layer(args: &ViewArgs) -> Layer {
    Layer {
        language: args.lang.clone(),
        view: None,
        graphics: args.graphics,
        theme: args.theme,
        commentary: None,
        resume: args.from_start.then_some(false),
        cover: args.no_cover.then_some(false),
        watch: args.no_watch.then_some(false),
        keys: Vec::new(),
    }
}
