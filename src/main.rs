//! The `nordgov` command: parse arguments, run, exit with the documented code.

/// mimalloc instead of the system allocator: loading a large model makes millions of small
/// allocations, and glibc's malloc spent a fifth of a 100k-actor load in its own bookkeeping
/// (see BENCHMARKS.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    nordgov::cli::main()
}
