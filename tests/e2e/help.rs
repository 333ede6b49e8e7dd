//! End-to-end (issue 12 §6): a help panel and an About, reachable from the header.

use crate::support::open_app;
use serde_json::json;

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn help_and_about_are_reachable_from_the_header() {
    let app = open_app();
    app.wait_for("#genome-summary");
    app.click("#help-button");
    app.wait_for("#help-panel");
    let text = app.text_of("#help-panel");
    for words in [
        "Keyboard",
        "Ctrl+Z",
        "0-based",
        "1-based",
        "<design name>.gff3",
        "BY4741",
        "Saccharomyces Genome Database",
    ] {
        assert!(text.contains(words), "help lacks {words:?}");
    }
    app.screenshot("help_panel");
    for kind in ["keyDown", "keyUp"] {
        app.cdp(
            "Input.dispatchKeyEvent",
            json!({"type": kind, "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27}),
        );
    }
    app.wait_until("!document.querySelector('#help-panel')");
    app.click("#about-button");
    // The attribution is fetched when About opens (public/ATTRIBUTION.md).
    app.wait_for("#about-panel table");
    let about = app.text_of("#about-panel");
    assert!(about.contains(env!("CARGO_PKG_VERSION")), "{about}");
    assert!(
        about.contains("CC BY 4.0") && about.contains("Ensembl"),
        "{about}"
    );
    app.screenshot("about_panel");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}
