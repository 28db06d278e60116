//! The `wirecheck` command: parses arguments, runs, maps the outcome to an
//! exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage or input
//! error).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
