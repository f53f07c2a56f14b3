//! `comicterm config`: check the file, print its path, or print a default one.

use std::io::Write;

use super::{DEFAULT_ACTIONS, DEFAULT_KEYS, default_file, load_file, process_config_path};
use crate::cli::ConfigArgs;

/// Runs `comicterm config`; returns the exit code: 0, or 1 when the file has problems (shown
/// on `err`) or there is no config location (neither `XDG_CONFIG_HOME` nor `HOME` is set).
pub fn command(
    args: &ConfigArgs,
    out: &mut impl Write,
    err: &mut impl Write,
    styled: bool,
) -> std::io::Result<i32> {
    if args.default {
        out.write_all(default_file(DEFAULT_KEYS).as_bytes())?;
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
    let loaded = load_file(&path, DEFAULT_ACTIONS);
    if loaded.diagnostics.is_empty() {
        let state = if path.is_file() {
            "ok"
        } else {
            "no file (defaults)"
        };
        writeln!(out, "{state}: {shown}")?;
        return Ok(0);
    }
    err.write_all(crate::diag::render_all(&loaded.diagnostics, styled).as_bytes())?;
    Ok(1)
}
