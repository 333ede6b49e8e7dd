//! The embedded element lays out by its own width (container queries, not the window's), and its
//! `theme` attribute: light by default on any visitor's system, `dark`, or `auto` (the visitor's).

use serde_json::{Value, json};

use crate::embed::page;
use crate::support::embed::Hosted;

/// Per element: [host scrollWidth − clientWidth, map width, whether the side column is below the
/// map, the widest right edge of a header control beyond the element, the page's sideways scroll,
/// the node reaching furthest right, the header's height (px), the spread of its controls' centres].
const MEASURE: &str = "const out = {};
    for (const el of document.querySelectorAll('genoforge-editor')) {
      const root = el.shadowRoot, box = el.getBoundingClientRect();
      const map = root.querySelector('.map-area').getBoundingClientRect();
      const side = root.querySelector('.side, aside, .editor > :nth-child(2)');
      const stacked = side ? side.getBoundingClientRect().top >= map.bottom - 1 : true;
      // A closed menu's items are not drawn (Chromium lays them out in the details' contained,
      // clipped content box all the same): left out.
      const closed = e => { const d = e.closest('details'); return !!d && !d.open && !e.closest('summary'); };
      let beyond = 0;
      for (const c of root.querySelectorAll('.topbar button, .topbar select, .topbar a, .topbar p')) {
        const r = c.getBoundingClientRect();
        if (r.width > 0 && !closed(c)) beyond = Math.max(beyond, r.right - box.right);
      }
      // The node reaching furthest right, for the failure message.
      let far = ['', 0];
      for (const n of root.querySelectorAll('*')) {
        if (n.ownerSVGElement || closed(n)) continue; // clipped by its <svg>, or a closed menu's
        const r = n.getBoundingClientRect();
        if (r.width > 0 && r.right - box.right > far[1]) far = [`${n.tagName}.${n.className.baseVal ?? n.className}#${n.id}`, Math.round(r.right - box.right)];
      }
      // The header in one row: the spread of its visible controls' vertical centres (px).
      const centres = [...root.querySelectorAll('.topbar > *, .topbar-actions > *')]
        .filter(c => c.getBoundingClientRect().width > 0 && getComputedStyle(c).position !== 'absolute')
        .map(c => { const r = c.getBoundingClientRect(); return (r.top + r.bottom) / 2; });
      const spread = Math.round(Math.max(...centres) - Math.min(...centres));
      out[el.id] = [el.scrollWidth - el.clientWidth, Math.round(map.width), stacked, Math.round(beyond),
        document.documentElement.scrollWidth - document.documentElement.clientWidth, far,
        Math.round(root.querySelector('.topbar').getBoundingClientRect().height), spread];
    }
    return out;";

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn an_element_in_a_narrow_column_lays_out_by_its_own_width() {
    let body = "<main><h1>Methods</h1>\
        <genoforge-editor id=\"v\" mode=\"view\" height=\"700\"></genoforge-editor>\
        <genoforge-editor id=\"e\" mode=\"edit\" height=\"700\"></genoforge-editor></main>";
    let column = "main { max-width: 720px; margin: 0 auto; }\n";
    let host = Hosted::open(&[
        ("blank.html", &page(None, None, "")),
        ("column.html", &page(None, Some("column.css"), body)),
        ("column.css", column),
    ]);
    host.set_viewport(1300, 900);
    host.goto_host("column.html");
    host.wait_ready("v");
    host.wait_ready("e");
    let wide = host.eval_js(MEASURE);
    host.screenshot("embed_layout_720_column");
    for id in ["v", "e"] {
        let m = &wide[id];
        assert_eq!(
            m[0],
            json!(0),
            "{id} scrolls sideways in a 720 px column: {m}"
        );
        assert_eq!(m[4], json!(0), "the page scrolls sideways: {m}");
        let map = m[1].as_i64().unwrap_or(0);
        assert!(
            map >= 600 || m[2] == json!(true),
            "{id}: map {map} px, not stacked: {m}"
        );
        assert!(
            m[3].as_i64().unwrap_or(1) <= 0,
            "{id}: a header control is cut: {m}"
        );
        assert!(
            m[6].as_i64().unwrap_or(99) < 64 && m[7].as_i64().unwrap_or(99) <= 4,
            "{id}: the header wraps into a second row in a 720 px column: {m}"
        );
    }
    host.set_viewport(420, 800);
    std::thread::sleep(std::time::Duration::from_millis(400));
    let phone = host.eval_js(MEASURE);
    host.screenshot("embed_layout_420");
    for id in ["v", "e"] {
        let m = &phone[id];
        assert_eq!(m[0], json!(0), "{id} scrolls sideways at 420 px: {m}");
        assert_eq!(m[4], json!(0), "the page scrolls sideways at 420 px: {m}");
        assert!(
            m[6].as_i64().unwrap_or(99) < 64 && m[7].as_i64().unwrap_or(99) <= 4,
            "{id}: the header wraps into a second row at 420 px: {m}"
        );
        assert!(
            m[3].as_i64().unwrap_or(1) <= 0,
            "{id}: a header control is cut at 420 px: {m}"
        );
    }
}

/// The element's background colour token, per element id.
const THEMES: &str = "const out = {};
    for (const el of document.querySelectorAll('genoforge-editor'))
      out[el.id] = getComputedStyle(el.shadowRoot.querySelector('.app')).getPropertyValue('--color-bg').trim();
    return out;";

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn the_theme_attribute_is_light_by_default_dark_or_the_visitors() {
    let body = "<genoforge-editor id=\"plain\" height=\"300\"></genoforge-editor>\
        <genoforge-editor id=\"light\" theme=\"light\" height=\"300\"></genoforge-editor>\
        <genoforge-editor id=\"dark\" theme=\"dark\" height=\"300\"></genoforge-editor>\
        <genoforge-editor id=\"auto\" theme=\"auto\" height=\"300\"></genoforge-editor>";
    let host = Hosted::open(&[("themes.html", &page(None, None, body))]);
    for id in ["plain", "light", "dark", "auto"] {
        host.wait_ready(id);
    }
    let (light, dark) = (json!("#ffffff"), json!("#14171b"));
    let expect = |auto: &Value| json!({"plain": light, "light": light, "dark": dark, "auto": auto});
    assert_eq!(host.eval_js(THEMES), expect(&light), "a light system");
    host.cdp(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    );
    std::thread::sleep(std::time::Duration::from_millis(200));
    let shown = host.eval_js(THEMES);
    host.screenshot("embed_themes_dark_system");
    host.cdp("Emulation.setEmulatedMedia", json!({"features": []}));
    assert_eq!(shown, expect(&dark), "a dark system");
    // The attribute changed after mount takes effect.
    host.eval_js("document.getElementById('plain').setAttribute('theme', 'dark'); return true;");
    assert_eq!(host.eval_js(THEMES)["plain"], dark);
    // A theme the element does not know is said, and shown light.
    host.eval_js("document.getElementById('plain').setAttribute('theme', 'sepia'); return true;");
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-error' && e.target === 'plain' && e.detail.message.startsWith('theme=\"sepia\"'))",
    );
    assert_eq!(host.eval_js(THEMES)["plain"], light);
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn fallback_content_inside_the_element_shows_only_when_the_loader_fails() {
    let body = "<genoforge-editor id=\"g\" height=\"300\"><p id=\"fallback\">Our design viewer could not be loaded.</p></genoforge-editor>";
    // The same element with a loader that cannot be fetched (a wrong URL, or no CORS).
    let broken = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><title>host</title>\
        <script src=\"host.js\"></script>\
        <script type=\"module\" src=\"{ASSETS}no-such-loader.js\"></script></head><body>\
        <genoforge-editor id=\"g\" height=\"300\"><p id=\"fallback\">Our design viewer could not be loaded.</p></genoforge-editor>\
        </body></html>";
    let host = Hosted::open(&[
        ("ok.html", &page(None, None, body)),
        ("broken.html", broken),
    ]);
    host.wait_ready("g");
    let shown = "return document.getElementById('fallback').checkVisibility();";
    assert_eq!(
        host.eval_js(shown),
        json!(false),
        "the fallback shows beside the element"
    );
    host.goto_host("broken.html");
    host.wait_until("document.readyState === 'complete'");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        host.eval_js(shown),
        json!(true),
        "no fallback when the loader failed"
    );
    host.screenshot("embed_loader_failed_fallback");
}
