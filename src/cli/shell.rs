//! `nordgov completions SHELL` and `nordgov man`: shell completions and manual pages generated
//! from the clap definitions, so they cannot drift from the commands.

use std::path::PathBuf;

use clap::CommandFactory;

use super::{output, Cli, Exit};

/// Shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// Bash (source it, or put it in /etc/bash_completion.d/nordgov).
    Bash,
    /// Zsh (put it on $fpath as _nordgov).
    Zsh,
    /// Fish (put it in ~/.config/fish/completions/nordgov.fish).
    Fish,
}

/// Arguments of `nordgov completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `nordgov man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write a page per command (nordgov.1, nordgov-validate.1, ...) into DIR instead of
    /// printing the main page.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Prints the completion script.
pub fn completions(args: &CompletionArgs) -> Exit {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "nordgov", &mut buf);
    output::write_bytes(None, &buf)
}

/// Prints the main manual page, or writes every page into a directory.
pub fn man(args: &ManArgs) -> Exit {
    let cmd = Cli::command();
    match &args.output {
        None => {
            let mut buf = Vec::new();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut buf) {
                eprintln!("error: cannot render the manual page: {e}");
                return Exit::Failure;
            }
            output::write_bytes(None, &buf)
        }
        Some(dir) => {
            let mut pages = vec![(String::from("nordgov"), cmd.clone())];
            pages.extend(cmd.get_subcommands().map(|s| (format!("nordgov-{}", s.get_name()), s.clone())));
            for (name, page) in pages {
                let mut buf = Vec::new();
                if let Err(e) = clap_mangen::Man::new(page.name(name.clone())).render(&mut buf) {
                    eprintln!("error: cannot render the manual page of {name}: {e}");
                    return Exit::Failure;
                }
                let status = output::write_bytes(Some(&dir.join(format!("{name}.1"))), &buf);
                if status != Exit::Success {
                    return status;
                }
            }
            Exit::Success
        }
    }
}
