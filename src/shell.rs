//! Shell integration generated from the command-line definition itself, so it never drifts
//! from the parser: completion scripts (`comicterm completions bash|zsh|fish`) and the
//! manual page (`comicterm man`).

use std::io::{self, Write};

use clap::{Command, CommandFactory};

use crate::cli::{Cli, Shell};

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = without_hidden(&Cli::command());
    let mut script = Vec::new();
    match shell {
        Shell::Bash => clap_complete::generate(
            clap_complete::Shell::Bash,
            &mut cmd,
            "comicterm",
            &mut script,
        ),
        Shell::Zsh => clap_complete::generate(
            clap_complete::Shell::Zsh,
            &mut cmd,
            "comicterm",
            &mut script,
        ),
        Shell::Fish => clap_complete::generate(
            clap_complete::Shell::Fish,
            &mut cmd,
            "comicterm",
            &mut script,
        ),
    }
    out.write_all(&script)
}

/// Writes the manual page (roff, section 1).
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.write_all(&page)
}

/// `cmd` without its hidden subcommands and options (test-only flags, the benchmarks'
/// generator): clap_complete offers them, clap_mangen already leaves them out.
fn without_hidden(cmd: &Command) -> Command {
    let mut out = Command::new(cmd.get_name().to_owned());
    if let Some(version) = cmd.get_version() {
        out = out.version(version.to_owned());
    }
    if let Some(about) = cmd.get_about() {
        out = out.about(about.clone());
    }
    out.args(cmd.get_arguments().filter(|a| !a.is_hide_set()).cloned())
        .subcommands(
            cmd.get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(without_hidden),
        )
}
