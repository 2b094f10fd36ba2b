//! `nordgov explain CODE`: what a diagnostic code means and how to fix it.

use super::Exit;
use crate::diagnostic::{suggestion_hint, Code};

/// Arguments of `nordgov explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A code (E0201) or name (unknown-actor); `all` lists every code.
    pub code: String,
}

/// Runs the command.
pub fn run(args: &Args) -> Exit {
    if args.code == "all" {
        for c in Code::ALL {
            let i = c.info();
            println!("{} {:<22} {}", i.id, i.name, i.summary);
        }
        return Exit::Success;
    }
    let Some(code) = Code::parse(&args.code) else {
        let names = Code::ALL.iter().flat_map(|c| [c.info().id, c.info().name]);
        eprintln!("error: unknown code `{}`", args.code);
        if let Some(h) = suggestion_hint(&args.code, names) {
            eprintln!("help: {h}");
        }
        eprintln!("help: `nordgov explain all` lists every code");
        return Exit::Failure;
    };
    let i = code.info();
    let severity = match i.severity {
        crate::diagnostic::Severity::Error => "error",
        crate::diagnostic::Severity::Warning => "warning (an error under --deny warnings)",
    };
    println!("{} {} ({severity})\n", i.id, i.name);
    println!("{}\n", i.summary);
    println!("Why: {}\n", i.why);
    println!("Example:\n");
    for line in i.example.lines() {
        println!("    {line}");
    }
    println!("\nFix: {}", i.fix);
    Exit::Success
}
