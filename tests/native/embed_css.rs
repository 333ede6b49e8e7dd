//! The embedded element's stylesheet: the app's CSS rewritten for a shadow root.

use genoforge::view::embed_css::for_shadow_root;

#[test]
fn page_selectors_become_host_and_rem_becomes_px() {
    let css = ":root {\n  --space-1: 0.25rem;\n}\nbody {\n  margin: 0;\n  min-height: 100vh;\n  font-size: 1rem;\n}\n@media (max-width: 60rem) {\n  :root {\n    --x: 1.5rem 2rem;\n  }\n}\n.a { width: calc(100vh - 5rem); }\n";
    let out = for_shadow_root(css);
    assert!(!out.contains(":root"), "{out}");
    assert!(!out.contains("rem"), "{out}");
    assert!(!out.contains("body"), "{out}");
    assert!(out.contains("--space-1: 4px;"), "{out}");
    assert!(out.contains("font-size: 16px;"), "{out}");
    assert!(out.contains("(max-width: 960px)"), "{out}");
    assert!(out.contains("--x: 24px 32px;"), "{out}");
    assert!(out.contains("calc(100vh - 80px)"), "{out}");
    assert!(!out.contains("min-height: 100vh"), "{out}");
}

#[test]
fn words_containing_rem_and_numbers_in_names_are_kept() {
    let out = for_shadow_root(".remove-2rem-x { margin: 0.5rem; } .h2rem { a: 3remx }");
    assert!(
        out.starts_with(".remove-2rem-x { margin: 8px; } .h2rem { a: 3remx }\n"),
        "{out}"
    );
}

#[test]
fn the_shipped_stylesheets_keep_no_rem_and_no_root() {
    let root = env!("CARGO_MANIFEST_DIR");
    for f in ["main.css", "map.css", "panels.css", "datasets.css"] {
        let css = std::fs::read_to_string(format!("{root}/styles/{f}")).expect("stylesheet");
        let out = for_shadow_root(&css);
        assert!(!out.contains(":root"), "{f}");
        assert!(
            !out.contains("rem;") && !out.contains("rem)") && !out.contains("rem "),
            "{f}"
        );
    }
}

#[test]
fn the_dark_theme_follows_the_theme_attribute_light_by_default() {
    let css = ":root {\n  --bg: #fff;\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n    --bg: #000;\n    --gap: 0.5rem;\n  }\n}\n.a { color: red; }\n";
    let out = for_shadow_root(css);
    // Dark unconditionally for theme="dark"; under the media query only for theme="auto".
    let dark = out
        .find(":host([theme=\"dark\"]) {\n    --bg: #000;\n    --gap: 8px;")
        .expect(&out);
    let media = out
        .find("@media (prefers-color-scheme: dark) {\n  :host([theme=\"auto\"]) {\n    --bg: #000;")
        .expect(&out);
    assert!(dark < media, "{out}");
    // No dark rule left for an element without the attribute (the default theme is light).
    let before_host_rules = &out[..out.find(".a { color: red; }").expect(&out)];
    assert_eq!(before_host_rules.matches("--bg: #000;").count(), 2, "{out}");
    assert!(
        !before_host_rules.contains("  :host {\n    --bg: #000;"),
        "{out}"
    );
    assert!(out.contains(":host {\n  color-scheme: light;\n}"), "{out}");
    assert!(out.contains(".a { color: red; }"), "{out}");
}

#[test]
fn the_shipped_stylesheets_dark_blocks_are_all_rewritten() {
    let root = env!("CARGO_MANIFEST_DIR");
    for f in ["main.css", "map.css", "panels.css"] {
        let css = std::fs::read_to_string(format!("{root}/styles/{f}")).expect("stylesheet");
        let blocks = css.matches("@media (prefers-color-scheme: dark)").count();
        assert!(blocks > 0, "{f}");
        let out = for_shadow_root(&css);
        assert_eq!(
            out.matches(":host([theme=\"dark\"]) {").count(),
            blocks + 1,
            "{f}"
        );
        assert_eq!(
            out.matches(":host([theme=\"auto\"]) {").count(),
            blocks + 1,
            "{f}"
        );
    }
}
