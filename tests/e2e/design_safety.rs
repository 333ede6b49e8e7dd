//! End-to-end (issue 12 §2): a design is never lost without the user's say — importing a spec
//! over a design is an undoable step that says what it replaced; a design changed in another tab
//! is detected and never overwritten silently; named designs coexist in a library (open, rename,
//! duplicate, delete); undo history and the map's window survive a reload.

use crate::common;

use crate::support::app::{edits_are, hold_frames, release_frames, search};
use crate::support::{Session, artifacts_dir, open_app};
use genoforge::core::design::Design;
use genoforge::core::genetics::compose;
use genoforge::core::genome::Genome;
use genoforge::core::genome::names::Lookup;
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::io::packed::pack;
use genoforge::io::spec_json;
use serde_json::json;

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

/// A design deleting `genes`, cleanly.
fn deletions(genes: &[&str]) -> Design {
    let g = genome();
    let mut d = Design::new();
    for name in genes {
        let Lookup::Found(hit) = g.lookup(name) else {
            panic!("{name}")
        };
        compose::delete_gene(g, &mut d, hit.feature, None).unwrap();
    }
    d
}

fn spec_of(d: &Design) -> String {
    let g = genome();
    spec_json::to_string(&export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ))
}

fn open_link(app: &Session, d: &Design) {
    app.goto(&format!("/#design={}", pack(spec_of(d).as_bytes())));
    app.wait_for("#genome-summary");
    edits_are(app, d.edits().len());
}

/// Deletes the gene `name` through the composer (search, Delete, Confirm).
fn delete_in_composer(app: &Session, name: &str, edits_after: usize) {
    search(app, name);
    app.click("#composer-action-delete");
    app.wait_until("!document.querySelector('#composer-confirm').disabled");
    app.click("#composer-confirm");
    edits_are(app, edits_after);
}

/// Opens TFC3Δ PHO5Δ from a link in this tab, then a second tab on the same saved design that adds
/// ADE2Δ (saved); returns (this tab, the second tab), with the second one current. This tab has
/// nothing of its own unsaved: it follows the second tab's save.
fn second_tab_changes_the_design(
    app: &Session,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    open_link(app, &deletions(&["TFC3", "PHO5"]));
    app.wait_until("Object.keys(localStorage).some(k => k.startsWith('genoforge.design.v1:'))");
    let first = app.current_window();
    let second = app.open_tab();
    app.goto("/");
    app.wait_for("#genome-summary");
    edits_are(app, 2);
    delete_in_composer(app, "ADE2", 3);
    (first, second)
}

/// As [`second_tab_changes_the_design`], but this tab first deletes URA3 and has not saved it yet
/// when the second tab saves (its frames held, as a browser holds a hidden tab's: autosave waits
/// for the next frame) — a change of its own that the second tab's save would overwrite. This
/// tab's frames stay held: [`release_frames`] once the conflict is told.
fn second_tab_saves_over_an_unsaved_change(
    app: &Session,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    open_link(app, &deletions(&["TFC3", "PHO5"]));
    app.wait_until("Object.keys(localStorage).some(k => k.startsWith('genoforge.design.v1:'))");
    let first = app.current_window();
    hold_frames(app);
    delete_in_composer(app, "URA3", 3);
    let second = app.open_tab();
    app.goto("/");
    app.wait_for("#genome-summary");
    edits_are(app, 2);
    delete_in_composer(app, "ADE2", 3);
    (first, second)
}

/// The stored designs (packed specs) of the library.
fn stored_designs(app: &Session) -> Vec<String> {
    serde_json::from_value(app.eval_js(
        "return Object.entries(localStorage).filter(([k]) => k.startsWith('genoforge.design.v1:')).map(([, v]) => v);",
    ))
    .unwrap()
}

/// Whether a notice offering to resolve a two-tab conflict (load the other tab's version, save
/// mine as a copy) is on screen.
fn conflict_notice_shown(app: &Session) -> bool {
    app.exists(".notice button.notice-load-other") || app.exists(".notice button.notice-save-copy")
}

const FIVE: [&str; 5] = ["TFC3", "PHO5", "ADE2", "URA3", "LEU2"];

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn importing_a_spec_over_a_design_says_what_it_replaced_and_can_be_undone() {
    let app = Session::start();
    open_link(&app, &deletions(&FIVE));
    let path = artifacts_dir().join("one-edit-spec.json");
    std::fs::create_dir_all(artifacts_dir()).unwrap();
    std::fs::write(&path, spec_of(&deletions(&["HIS3"]))).unwrap();
    app.type_into("#import-spec", path.to_str().unwrap());
    edits_are(&app, 1);
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('Replaced 5 edits by 1'))");
    app.screenshot("import_replaced_undo_notice");
    app.click(".notice button.notice-undo");
    edits_are(&app, 5);
    assert!(app.text_of("#design-label").contains("tfc3Δ"));
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_design_changed_in_another_tab_is_detected_and_never_overwritten_silently() {
    let app = Session::start();
    // The second tab opens the same saved design and changes it while this tab has a change of
    // its own, not saved yet.
    let (first, second) = second_tab_saves_over_an_unsaved_change(&app);
    app.screenshot("two_tabs_second");
    let saved_by_second = stored_designs(&app);

    // The first tab is told, and keeps its own design on screen.
    app.switch_to(first.clone());
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('another tab'))");
    edits_are(&app, 3);
    assert!(app.text_of("#design-label").contains("ura3Δ"));
    app.screenshot("two_tabs_first_told");
    // Its held save, and a further edit, do not overwrite what the second saved.
    release_frames(&app);
    delete_in_composer(&app, "LEU2", 4);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let now = stored_designs(&app);
    assert!(
        saved_by_second.iter().all(|s| now.contains(s)),
        "the other tab's design is still stored"
    );
    // The user chooses: keep theirs as a copy in the library; both designs now exist.
    app.click(".notice button.notice-save-copy");
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('Saved your design as'))");
    app.click("#designs-button");
    app.wait_for("#design-library");
    assert!(app.count("#design-library .design-entry") >= 2);
    app.screenshot("two_tabs_library");
    // The other tab's version can be loaded too.
    app.switch_to(second);
    app.wait_for("#genome-summary");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_tab_with_nothing_unsaved_follows_another_tabs_save_quietly() {
    let app = Session::start();
    let (first, second) = second_tab_changes_the_design(&app);
    // The first tab had nothing of its own to lose: it shows the second tab's design, with no
    // error and no "not saved" banner.
    app.switch_to(first.clone());
    edits_are(&app, 3);
    assert!(app.text_of("#design-label").contains("ade2Δ"));
    app.screenshot("two_tabs_follows");
    assert!(
        !app.exists(".notice.error"),
        "{:?}",
        crate::support::app::notices(&app)
    );
    assert!(!app.exists("#unsaved-banner"));
    assert!(!conflict_notice_shown(&app));
    // It goes on editing and saving the same design, and the second tab follows in turn — once:
    // following saves nothing, so the tabs do not echo each other's saves.
    delete_in_composer(&app, "URA3", 4);
    app.wait_until("Object.entries(localStorage).filter(([k]) => k.startsWith('genoforge.library.v1:')).some(([, v]) => JSON.parse(v).entries.some(e => e.edits === 4))");
    assert_eq!(stored_designs(&app).len(), 1, "one design, saved in place");
    app.switch_to(second);
    edits_are(&app, 4);
    assert!(!app.exists(".notice.error"));
    assert!(!app.exists("#unsaved-banner"));
    let revision = || {
        app.eval_js(
            "return Object.entries(localStorage).filter(([k]) => k.startsWith('genoforge.library.v1:')).map(([, v]) => JSON.parse(v).entries[0].revision)[0];",
        )
    };
    let before = revision();
    std::thread::sleep(std::time::Duration::from_millis(1000));
    assert_eq!(revision(), before, "no save echoes between the tabs");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_conflict_resolved_from_the_banner_leaves_no_notice_to_repeat_it() {
    let app = Session::start();
    let (first, _second) = second_tab_saves_over_an_unsaved_change(&app);
    app.switch_to(first);
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('another tab'))");
    app.wait_for("#unsaved-banner");
    release_frames(&app);
    // One wording for the one choice, in the notice and in the banner.
    assert_eq!(
        app.text_of(".notice button.notice-load-other"),
        app.text_of("#unsaved-load-other")
    );
    assert_eq!(
        app.text_of(".notice button.notice-save-copy"),
        app.text_of("#unsaved-save-copy")
    );
    app.screenshot("two_tabs_notice_and_banner");
    // Resolved through the banner: the banner and the notice both go…
    app.click("#unsaved-save-copy");
    app.wait_until("!document.querySelector('#unsaved-banner')");
    app.wait_until("!document.querySelector('.notice button.notice-save-copy')");
    assert!(!conflict_notice_shown(&app));
    // …and the library holds the two versions, once each.
    assert_eq!(stored_designs(&app).len(), 2);
    app.click("#designs-button");
    app.wait_for("#design-library");
    assert_eq!(app.count("#design-library .design-entry"), 2);
    app.screenshot("two_tabs_resolved");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_conflict_stays_said_after_its_notice_is_closed_and_leaving_asks_first() {
    let app = Session::start();
    let (first, _second) = second_tab_saves_over_an_unsaved_change(&app);
    app.switch_to(first);
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('another tab'))");
    release_frames(&app);
    // The user closes the notice and goes on editing: the banner stays, the change is not saved,
    // and leaving the page asks first (a cancelled `beforeunload`).
    app.eval_js(
        "[...document.querySelectorAll('.notice')].filter(n => n.textContent.includes('another tab')).forEach(n => n.querySelector('button.dismiss').click()); return null;",
    );
    app.wait_until("![...document.querySelectorAll('.notice')].some(n => n.textContent.includes('another tab'))");
    delete_in_composer(&app, "LEU2", 4);
    app.wait_for("#unsaved-banner");
    assert!(app.text_of("#unsaved-banner").contains("Not saved"));
    app.screenshot("two_tabs_unsaved_banner");
    let asks = app.eval_js(
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;",
    );
    assert_eq!(asks, serde_json::json!(true), "leaving asks first");
    // Saving a copy ends the conflict: the banner goes, and leaving no longer asks.
    app.click("#unsaved-save-copy");
    app.wait_until("!document.querySelector('#unsaved-banner')");
    let asks = app.eval_js(
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;",
    );
    assert_eq!(asks, serde_json::json!(false));
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn switching_genomes_during_a_two_tab_conflict_keeps_this_tabs_design_as_a_copy() {
    let app = Session::start();
    // This tab's own change (URA3), not saved when the other tab saved…
    let (first, second) = second_tab_saves_over_an_unsaved_change(&app);
    app.switch_to(first);
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('another tab'))");
    release_frames(&app);
    edits_are(&app, 3);
    // …then another genome is opened: this tab's design must not be lost.
    let dir = artifacts_dir().join("switch_genome");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("tiny.gff3"),
        "##gff-version 3\nchrA\ttest\tgene\t101\t400\t.\t+\t.\tID=g1;Name=ONE\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("tiny.fa"),
        format!(">chrA\n{}\n", "ACGT".repeat(300)),
    )
    .unwrap();
    app.click(".open-button");
    app.type_into("#open-gff", dir.join("tiny.gff3").to_str().unwrap());
    app.type_into("#open-fasta", dir.join("tiny.fa").to_str().unwrap());
    app.wait_until("!document.querySelector('.open-panel button.primary').disabled");
    app.click(".open-panel button.primary");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 1");
    // Told where it went; the notice survives the genome switch.
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('was saved as'))");
    app.screenshot("two_tabs_genome_switch");
    // The S288C library holds both versions: the other tab's (TFC3, PHO5, ADE2) and this one's
    // (TFC3, PHO5, URA3), each with three edits.
    let stored = app.eval_js(
        "return Object.entries(localStorage).filter(([k]) => k.startsWith('genoforge.design.v1:')).map(([, v]) => v);",
    );
    let stored: Vec<String> = serde_json::from_value(stored).unwrap();
    let specs: Vec<String> = stored
        .iter()
        .map(|p| String::from_utf8(genoforge::io::packed::unpack(p, 1 << 24).unwrap()).unwrap())
        .collect();
    let with = |gene: &str| specs.iter().filter(|s| s.contains(gene)).count();
    assert_eq!(specs.len(), 2, "two designs stored");
    assert!(
        with("YEL021W") == 1 && with("YOR128C") == 1 && with("YAL001C") == 2,
        "this tab's (…URA3, YEL021W) and the other's (…ADE2, YOR128C) designs both stored"
    );
    app.switch_to(second);
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn named_designs_open_rename_duplicate_and_delete() {
    let app = Session::start();
    open_link(&app, &deletions(&["TFC3"]));
    app.click("#designs-button");
    app.wait_for("#design-library");
    assert_eq!(app.count("#design-library .design-entry"), 1);
    // Rename the current design and describe it.
    app.clear("#design-name");
    app.type_into("#design-name", "tfc3 screen");
    app.type_into("#design-description", "first try");
    app.click("#design-save-details");
    app.wait_until("(document.querySelector('#design-library .design-entry.current')?.textContent ?? '').includes('tfc3 screen')");
    // Duplicate: a second entry, opened (the panel closes to show it).
    app.click("#design-library .design-entry.current .design-duplicate");
    app.wait_until("!document.querySelector('#design-library')");
    // …and said: the copy is what is open now.
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('Duplicated “tfc3 screen” as “tfc3 screen copy”, now open'))");
    app.click("#designs-button");
    app.wait_until("document.querySelectorAll('#design-library .design-entry').length === 2");
    app.wait_until("(document.querySelector('#design-library .design-entry.current')?.textContent ?? '').includes('copy')");
    // Change the copy: the original keeps one edit.
    app.click("#designs-button");
    app.wait_until("!document.querySelector('#design-library')");
    delete_in_composer(&app, "PHO5", 2);
    app.click("#designs-button");
    app.wait_for("#design-library");
    app.wait_until("[...document.querySelectorAll('#design-library .design-entry')].some(e => e.textContent.includes('2 edits'))");
    let times = app.text_of("#design-library");
    assert!(
        times.contains("created") && times.contains("modified"),
        "{times}"
    );
    app.screenshot("design_library_two");
    // Open the original.
    app.click("#design-library .design-entry:not(.current) .design-open");
    edits_are(&app, 1);
    // Delete the copy (asked first).
    app.click("#designs-button");
    app.wait_for("#design-library");
    app.eval_js("window.confirm = () => true; return 0;");
    app.click("#design-library .design-entry:not(.current) .design-delete");
    app.wait_until("document.querySelectorAll('#design-library .design-entry').length === 1");
    // Reload: the library and the open design are still there.
    app.goto("/");
    app.wait_for("#genome-summary");
    edits_are(&app, 1);
    app.click("#designs-button");
    app.wait_for("#design-library");
    assert!(app.text_of("#design-library").contains("tfc3 screen"));
    app.click("#designs-button");
    app.wait_until("!document.querySelector('#design-library')");
    // Its share link opens, in a fresh browser, under its name (not "Untitled design").
    let link = crate::support::app::share_link(&app);
    let fresh = Session::start();
    fresh.goto(&format!("/{}", &link[link.find('#').unwrap()..]));
    edits_are(&fresh, 1);
    fresh.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('“tfc3 screen”'))");
    fresh.wait_until("Object.keys(localStorage).some(k => k.startsWith('genoforge.library.v1'))");
    fresh.click("#designs-button");
    fresh.wait_for("#design-library");
    assert!(
        fresh
            .text_of("#design-library .design-entry.current")
            .contains("tfc3 screen"),
        "{}",
        fresh.text_of("#design-library")
    );
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn undo_history_and_the_map_window_survive_a_reload() {
    let app = open_app();
    app.wait_for("#genome-summary");
    delete_in_composer(&app, "TFC3", 1);
    delete_in_composer(&app, "PHO5", 2);
    app.clear("#locus-input");
    app.type_into("#locus-input", "IV:200,001-230,000");
    app.click(".locus-form button[type=submit]");
    app.wait_until("document.querySelector('#map-track').dataset.start === '200001'");
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.goto("/");
    app.wait_for("#genome-summary");
    edits_are(&app, 2);
    app.wait_until("document.querySelector('#map-track')?.dataset.start === '200001'");
    assert_eq!(
        app.attr_of("#map-track", "data-contig").as_deref(),
        Some("IV")
    );
    assert_eq!(
        app.eval_js("return document.querySelector('#edit-undo').disabled;"),
        json!(false),
        "undo history survived"
    );
    app.click("#side-tab-edits");
    app.click("#edit-undo");
    edits_are(&app, 1);
    app.click("#edit-undo");
    edits_are(&app, 0);
    app.click("#edit-redo");
    edits_are(&app, 1);
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

/// The text of the library's entry marked open (its panel opened and closed again).
fn open_entry_text(app: &Session) -> String {
    app.click("#designs-button");
    app.wait_for("#design-library .design-entry.current");
    let text = app.text_of("#design-library .design-entry.current");
    app.click("#designs-button");
    app.wait_until("!document.querySelector('#design-library')");
    text
}

/// Opens a tiny genome of one's own from the header, in the current tab.
fn open_tiny_genome(app: &Session) {
    crate::support::app::open_own_genome(
        app,
        "back_to_s288c",
        "tiny",
        "##gff-version 3\nchrA\ttest\tgene\t101\t400\t.\t+\t.\tID=g1;Name=ONE\n",
        &format!(">chrA\n{}\n", "ACGT".repeat(300)),
        1,
    );
    edits_are(app, 0);
}

/// Back to the bundled S288C from the Open panel.
fn back_to_s288c(app: &Session) {
    app.click(".open-button");
    app.click("#open-default");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 17");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn back_on_s288c_after_another_tab_saved_a_design_this_tabs_design_is_open_again() {
    let app = Session::start();
    // Tab A: a named design with two edits on S288C.
    let mut d = deletions(&["TFC3", "PHO5"]);
    d.genotype_mut().name = Some("phosphate screen".to_owned());
    open_link(&app, &d);
    app.wait_until("Object.keys(localStorage).some(k => k.startsWith('genoforge.design.v1:'))");
    assert!(open_entry_text(&app).contains("phosphate screen"));
    let first = app.current_window();
    // A second tab opens the page and starts a design of its own there (saved, untitled: the
    // library's most recent one now).
    let second = app.open_tab();
    app.goto("/");
    app.wait_for("#genome-summary");
    edits_are(&app, 2);
    app.click("#designs-button");
    app.click("#design-new");
    app.wait_until("!document.querySelector('#design-library')");
    edits_are(&app, 0);
    delete_in_composer(&app, "ADE2", 1);
    app.wait_until(
        "Object.keys(localStorage).filter(k => k.startsWith('genoforge.design.v1:')).length === 2",
    );
    // Tab A opens the user's own genome, then goes back to S288C.
    app.switch_to(first.clone());
    edits_are(&app, 2);
    open_tiny_genome(&app);
    back_to_s288c(&app);
    app.screenshot("back_to_s288c_after_second_tab");
    // The design this tab had is open again, under its name — not the other tab's "Untitled
    // design".
    edits_are(&app, 2);
    assert!(app.text_of("#design-label").contains("tfc3Δ"));
    let open = open_entry_text(&app);
    assert!(open.contains("phosphate screen"), "open: {open}");

    // While this tab is away on its own genome again, the other tab changes this design: coming
    // back opens it as the other tab saved it, and says so.
    open_tiny_genome(&app);
    app.switch_to(second.clone());
    app.click("#designs-button");
    app.wait_for("#design-library");
    app.eval_js(
        "[...document.querySelectorAll('#design-library .design-entry')].find(e => e.textContent.includes('phosphate screen')).querySelector('.design-open').click(); return 0;",
    );
    edits_are(&app, 2);
    delete_in_composer(&app, "URA3", 3);
    app.switch_to(first);
    back_to_s288c(&app);
    edits_are(&app, 3);
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('phosphate screen') && n.textContent.includes('another tab'))");
    app.screenshot("back_to_s288c_changed_in_second_tab");
    assert!(open_entry_text(&app).contains("phosphate screen"));
    app.switch_to(second);
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}
