//! `genoforge`: the command-line face of the engine.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(genoforge::cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
