//! The layering stays honest: `core` and `io` never name browser or UI crates, and each layer
//! only reaches downward (cli/ui → io → core).

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Lines of code that name `needle` as a path or crate (comments are skipped).
fn offending(layer: &str, needles: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer),
        &mut files,
    );
    assert!(!files.is_empty(), "src/{layer} has no Rust files");
    let mut hits = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for n in needles {
                let bytes = code.as_bytes();
                let mut from = 0;
                while let Some(pos) = code[from..].find(n) {
                    let at = from + pos;
                    let before_ok = at == 0
                        || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
                    if before_ok {
                        hits.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                    }
                    from = at + n.len();
                }
            }
        }
    }
    hits
}

const BROWSER: [&str; 6] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "gloo",
    "js_sys",
    "web-sys",
];

#[test]
fn core_is_pure_domain() {
    let mut needles = BROWSER.to_vec();
    needles.extend([
        "crate::io",
        "crate::ui",
        "crate::cli",
        "std::fs",
        "std::time::Instant",
        "Instant::now",
    ]);
    let hits = offending("core", &needles);
    assert!(
        hits.is_empty(),
        "src/core must stay pure:\n{}",
        hits.join("\n")
    );
}

#[test]
fn io_is_bytes_in_bytes_out() {
    let mut needles = BROWSER.to_vec();
    needles.extend([
        "crate::ui",
        "crate::cli",
        "std::fs",
        "File::open",
        "Instant::now",
    ]);
    let hits = offending("io", &needles);
    assert!(
        hits.is_empty(),
        "src/io must not reach up or touch paths:\n{}",
        hits.join("\n")
    );
}

#[test]
fn ui_does_not_reach_the_cli() {
    let hits = offending("ui", &["crate::cli", "std::fs"]);
    assert!(hits.is_empty(), "{}", hits.join("\n"));
}

#[test]
fn the_check_itself_finds_what_it_looks_for() {
    // Guard against a scanner that can never fail: the UI layer does name leptos.
    assert!(!offending("ui", &["leptos"]).is_empty());
}
