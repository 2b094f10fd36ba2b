//! The `nordgov` command: parse arguments, run, exit with the documented code.

fn main() -> std::process::ExitCode {
    nordgov::cli::main()
}
