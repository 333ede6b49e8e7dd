//! The layering stays honest: `core` → `io` → `view` → `ui`/`cli`. Each layer only reaches
//! downward; `core`, `io` and `view` name no browser crate, no file system and no clock; and no
//! two files of `src/` import each other, directly or through others.

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

/// What each layer must not name: `core` → `io` → `view` → `ui`/`cli`, each reaching only down.
fn forbidden(layer: &str) -> Vec<&'static str> {
    let mut needles = Vec::new();
    let pure = [
        "std::fs",
        "File::open",
        "std::time::Instant",
        "Instant::now",
    ];
    match layer {
        "core" => {
            needles.extend(BROWSER);
            needles.extend(pure);
            needles.extend(["crate::io", "crate::view", "crate::ui", "crate::cli"]);
        }
        "io" => {
            needles.extend(BROWSER);
            needles.extend(pure);
            needles.extend(["crate::view", "crate::ui", "crate::cli"]);
        }
        "view" => {
            needles.extend(BROWSER);
            needles.extend(pure);
            needles.extend(["crate::ui", "crate::cli"]);
        }
        "ui" => needles.extend(["crate::cli", "std::fs"]),
        "cli" => {
            needles.extend(BROWSER);
            needles.push("crate::ui");
        }
        other => panic!("unknown layer {other}"),
    }
    needles
}

fn assert_layer(layer: &str) {
    let hits = offending(layer, &forbidden(layer));
    assert!(
        hits.is_empty(),
        "src/{layer} reaches where it must not (see ARCHITECTURE.md):\n{}",
        hits.join("\n")
    );
}

#[test]
fn core_is_pure_domain() {
    assert_layer("core");
}

#[test]
fn io_is_bytes_in_bytes_out() {
    assert_layer("io");
}

#[test]
fn view_is_pure_presentation() {
    assert_layer("view");
}

#[test]
fn ui_does_not_reach_the_cli() {
    assert_layer("ui");
}

#[test]
fn cli_names_no_browser_crate() {
    assert_layer("cli");
}

#[test]
fn every_folder_of_src_is_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs, ["bin", "cli", "core", "io", "ui", "view"]);
}

#[test]
fn the_check_itself_finds_what_it_looks_for() {
    // Guard against a scanner that can never fail: the UI layer does name leptos, and the view
    // layer does name core.
    assert!(!offending("ui", &["leptos"]).is_empty());
    assert!(!offending("view", &["crate::core"]).is_empty());
}

/// A file's module path: `src/core/genome/names.rs` → `["core", "genome", "names"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Module paths a file names (`crate::…`, `super::…`, `self::…`, including `use a::{b, c::d}`
/// groups), relative to the crate root. Comments and inline test modules are skipped.
fn named_paths(module: &[String], text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or("")
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    // `super` of `a::b` is `a`, whether the file is `a/b.rs` or `a/b/mod.rs`.
    let base = |root: &str| -> Vec<String> {
        match root {
            "crate" => Vec::new(),
            "self" => module.to_vec(),
            _ => module[..module.len().saturating_sub(1)].to_vec(),
        }
    };
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for root in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(pos) = code[from..].find(root) {
            let at = from + pos;
            from = at + root.len();
            if at > 0 && (ident(bytes[at - 1] as char) || bytes[at - 1] == b':') {
                continue;
            }
            let mut path = base(&root[..root.len() - 2]);
            let rest = &code[from..];
            let segs: Vec<&str> = rest
                .split("::")
                .map_while(|s| {
                    let w: String = s.chars().take_while(|&c| ident(c)).collect();
                    (!w.is_empty() && w.len() == s.len()).then_some(s)
                })
                .collect();
            // The last segment may be followed by other text: take its identifier part too.
            let tail_start = segs.iter().map(|s| s.len() + 2).sum::<usize>();
            let tail: String = rest[tail_start.min(rest.len())..]
                .chars()
                .take_while(|&c| ident(c))
                .collect();
            path.extend(segs.iter().map(|s| s.to_string()));
            if !tail.is_empty() {
                path.push(tail.clone());
            }
            // A group: `…::{a, b::c}` names each of its members.
            let after = &rest[(tail_start + tail.len()).min(rest.len())..];
            if let Some(group) = after
                .strip_prefix('{')
                .or_else(|| after.strip_prefix("::{"))
            {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for item in group.split(',') {
                    let first: String = item.trim().chars().take_while(|&c| ident(c)).collect();
                    if !first.is_empty() && first != "self" {
                        let mut p = path.clone();
                        p.push(first);
                        out.push(p);
                    }
                }
            }
            out.push(path);
        }
    }
    out
}

/// Groups of files that import each other (strongly connected components of two or more files of
/// the import graph, by Tarjan's algorithm), given each file's module path and text; and the
/// number of import edges seen.
fn import_cycles(modules: &[Vec<String>], texts: &[String]) -> (Vec<Vec<usize>>, usize) {
    let index = |path: &[String]| -> Option<usize> {
        (1..=path.len())
            .rev()
            .find_map(|k| modules.iter().position(|m| m.as_slice() == &path[..k]))
    };
    let edges: Vec<Vec<usize>> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut to: Vec<usize> = named_paths(&modules[i], text)
                .iter()
                .filter_map(|p| index(p))
                .filter(|&j| j != i)
                .collect();
            to.sort_unstable();
            to.dedup();
            to
        })
        .collect();
    struct Tarjan<'a> {
        edges: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        cycles: Vec<Vec<usize>>,
    }
    impl Tarjan<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for &w in &self.edges[v] {
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut scc = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    scc.push(w);
                    if w == v {
                        break;
                    }
                }
                if scc.len() > 1 {
                    scc.sort_unstable();
                    self.cycles.push(scc);
                }
            }
        }
    }
    let n = modules.len();
    let mut t = Tarjan {
        edges: &edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        cycles: Vec::new(),
    };
    for v in 0..n {
        if t.index[v].is_none() {
            t.visit(v);
        }
    }
    (t.cycles, edges.iter().map(Vec::len).sum())
}

#[test]
fn no_two_files_of_src_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")) && !f.ends_with("main.rs"));
    files.sort();
    let modules: Vec<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let (cycles, edges) = import_cycles(&modules, &texts);
    let described: Vec<String> = cycles
        .iter()
        .map(|c| {
            c.iter()
                .map(|&i| files[i].strip_prefix(&src).unwrap().display().to_string())
                .collect::<Vec<_>>()
                .join(" ⇄ ")
        })
        .collect();
    assert!(
        described.is_empty(),
        "import cycles between files of src/ (move what both sides share to a module both depend on):\n{}",
        described.join("\n")
    );
    // The check sees the graph at all.
    assert!(
        edges > files.len(),
        "only {edges} import edges among {} files",
        files.len()
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let m = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let modules = [m(&["m", "a"]), m(&["m", "b"]), m(&["m", "c"]), m(&["m"])];
    let texts = [
        "use super::b::Thing;\n".to_owned(),
        "use crate::m::{c, d::X};\n// use crate::m::a; in a comment does not count\n".to_owned(),
        "fn f() { crate::m::a::g(); }\n#[cfg(test)]\nmod tests { use super::*; }\n".to_owned(),
        "pub mod a;\n".to_owned(),
    ];
    let (cycles, _) = import_cycles(&modules, &texts);
    assert_eq!(cycles, [vec![0, 1, 2]]);
    let (none, _) = import_cycles(
        &modules[..2],
        &texts[..1]
            .iter()
            .chain([&String::new()])
            .cloned()
            .collect::<Vec<_>>(),
    );
    assert!(none.is_empty());
}
