//! The README's recipe for the design's MD5 (the GFF3's `#!genoforge-design-md5`), followed in
//! Python from the spec alone, gives the header's checksum — for the lab design on the real S288C
//! genome (skipped without `python3`).

use std::process::Command;

use crate::common;

use genoforge::core::spec::{ReferenceSpec, design_md5, export};
use genoforge::io::spec_json;

#[test]
fn the_readmes_md5_recipe_reproduces_the_design_md5_from_the_spec() {
    let g = &common::default_genome().genome;
    let d = crate::exports_biology::lab_design();
    let text = spec_json::to_string(&export(
        g,
        &d,
        &ReferenceSpec::of(g),
        "2026-12-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(
        readme.contains(r#"hashlib.md5(json.dumps([s.get("background"), P, s["edits"]]"#),
        "the README states the recipe"
    );
    let dir = std::env::temp_dir().join(format!("genoforge-md5-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lab.json");
    std::fs::write(&path, &text).unwrap();
    let script = r#"import hashlib, json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
P = [{k: v for k, v in p.items() if k != "warnings"} for p in s["perturbations"]]
print(hashlib.md5(json.dumps([s.get("background"), P, s["edits"]], separators=(",", ":"), ensure_ascii=False).encode()).hexdigest())"#;
    let Ok(out) = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
    else {
        eprintln!("skipped: python3 is not installed");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        design_md5(g, &d)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
