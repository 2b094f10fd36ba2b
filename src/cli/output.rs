//! Writing command results: to stdout, or atomically to a file named with `-o`.

use std::io::Write;
use std::path::Path;

use super::Exit;
use crate::workspace;

/// Writes `text` to `target` (a path, or stdout for `None` or `-`). A closed pipe on stdout
/// (`nordgov ... | head`) is not an error.
pub fn write(target: Option<&Path>, text: &str) -> Exit {
    match target {
        Some(p) if p != Path::new("-") => match workspace::write_atomic(p, text.as_bytes()) {
            Ok(()) => Exit::Success,
            Err(e) => {
                eprintln!("error: cannot write `{}`: {e}", workspace::display(p));
                Exit::Failure
            }
        },
        _ => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Exit::Success,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
                Err(e) => {
                    eprintln!("error: cannot write to stdout: {e}");
                    Exit::Failure
                }
            }
        }
    }
}
