//! `comicterm config`: check the file and show the settings in effect, print the file's path,
//! or print a default file.

use std::io::Write;

use clap::ValueEnum;

use super::{
    Settings, default_actions, default_bindings, default_file, process_config_path, resolve,
};
use crate::cli::{ConfigArgs, ViewArgs};

/// Runs `comicterm config`; returns the exit code: 0, or 1 when the file has problems (shown
/// on `err`, the settings in effect still printed) or there is no config location (neither
/// `XDG_CONFIG_HOME` nor `HOME` is set).
pub fn command(
    args: &ConfigArgs,
    view: &ViewArgs,
    out: &mut impl Write,
    err: &mut impl Write,
    styled: bool,
) -> std::io::Result<i32> {
    if args.default {
        out.write_all(default_file(&default_bindings()).as_bytes())?;
        return Ok(0);
    }
    let Some(path) = process_config_path() else {
        writeln!(
            err,
            "comicterm: no config location: set XDG_CONFIG_HOME or HOME"
        )?;
        return Ok(1);
    };
    let shown = crate::diag::visible(&path.display().to_string());
    if args.path {
        writeln!(out, "{shown}")?;
        return Ok(0);
    }
    let resolved = resolve(view, &default_actions());
    for m in &resolved.env_messages {
        writeln!(err, "comicterm: {m}")?;
    }
    if !resolved.diagnostics.is_empty() {
        err.write_all(crate::diag::render_all(&resolved.diagnostics, styled).as_bytes())?;
    }
    let state = match (resolved.diagnostics.is_empty(), path.is_file()) {
        (false, _) => "problems (shown above; the rest applies)",
        (true, true) => "ok",
        (true, false) => "no file (defaults)",
    };
    writeln!(out, "{state}: {shown}")?;
    out.write_all(effective(&resolved.settings).as_bytes())?;
    Ok(if resolved.diagnostics.is_empty() {
        0
    } else {
        1
    })
}

/// The settings in effect, one `key = value` a line (rebound actions only under `[keys]`).
fn effective(s: &Settings) -> String {
    let name = |v: Option<clap::builder::PossibleValue>| v.map(|p| p.get_name().to_string());
    let mut out = format!(
        "language = {}\nview = {}\ngraphics = {}\ntheme = {}\ncommentary = {}\nresume = {}\ncover = {}\nwatch = {}\n",
        s.language
            .as_deref()
            .unwrap_or("(the locale, else the story's first)"),
        name(s.view.to_possible_value()).unwrap_or_default(),
        name(s.graphics.to_possible_value()).unwrap_or_default(),
        name(s.theme.to_possible_value()).unwrap_or_default(),
        name(s.commentary.to_possible_value()).unwrap_or_default(),
        s.resume,
        s.cover,
        s.watch,
    );
    if !s.keys.is_empty() {
        out.push_str("[keys]\n");
        for (action, keys) in &s.keys {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            out.push_str(&format!("{action} = {}\n", keys.join(" ")));
        }
    }
    out
}
