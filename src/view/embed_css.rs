//! The app's stylesheet made fit for an embedded element's shadow root: page-level selectors
//! (`:root`, `html`, `body`) become `:host`, and `rem` lengths become `px`, so nothing depends on
//! the host page's root font size and nothing reaches outside the element. The dark theme follows
//! the element's `theme` attribute, not only the visitor's system: light by default (a light host
//! page stays light for a visitor with a dark system), `theme="dark"`, or `theme="auto"` (the
//! visitor's `prefers-color-scheme`).

/// The root font size the app's `rem` lengths were written for (the browsers' default).
pub const ROOT_PX: f64 = 16.0;

/// The app's dark-theme block opens with this line (its rules set `:root`'s colour tokens).
const DARK_MEDIA: &str = "@media (prefers-color-scheme: dark) {";

/// What the element itself needs on top of the app's rules: a block with its own height, the
/// loader's error box, the colour scheme its `theme` attribute asks for.
pub const HOST_RULES: &str = r#"
:host {
  color-scheme: light;
}
:host([theme="dark"]) {
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) {
    color-scheme: dark;
  }
}
:host {
  display: block;
  position: relative;
  overflow: auto;
  contain: content;
  text-align: start;
}
:host([hidden]) {
  display: none;
}
.genoforge-embed {
  min-height: 100%;
}
.genoforge-embed .app {
  padding: 8px;
}
/* A notice fits in the element: long words (URLs) break, long texts scroll, the close button stays. */
.genoforge-embed .notice .notice-text {
  overflow-wrap: anywhere;
  max-height: 9em;
  overflow: auto;
}
.embed-error {
  margin: 16px;
  padding: 12px 16px;
  border: 1px solid var(--color-danger);
  border-radius: var(--radius);
  color: var(--color-danger);
  background: var(--color-bg);
}
"#;

/// Rewrites the app's CSS for a shadow root (see the module's documentation) and appends
/// [`HOST_RULES`]. Each dark-theme block (`@media (prefers-color-scheme: dark) { :root {…} }`,
/// a top-level block closed by a `}` at the line's start) is written twice: for
/// `:host([theme="dark"])` unconditionally, and for `:host([theme="auto"])` under the media query.
pub fn for_shadow_root(css: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2 + HOST_RULES.len());
    let mut dark: Option<Vec<&str>> = None;
    for line in css.lines() {
        if let Some(block) = dark.as_mut() {
            if line == "}" {
                let block = dark.take().unwrap_or_default();
                for theme in ["dark", "auto"] {
                    let host = format!(":host([theme=\"{theme}\"])");
                    if theme == "auto" {
                        out.push_str(DARK_MEDIA);
                        out.push('\n');
                    }
                    for l in &block {
                        out.push_str(&rem_to_px(&l.replace(":root", &host)));
                        out.push('\n');
                    }
                    if theme == "auto" {
                        out.push_str("}\n");
                    }
                }
            } else {
                block.push(line);
            }
            continue;
        }
        if line == DARK_MEDIA {
            dark = Some(Vec::new());
            continue;
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let line = match trimmed {
            "html {" | "body {" => format!("{indent}:host {{"),
            // The page's body fills the window; the element is as tall as its host makes it.
            "min-height: 100vh;" => continue,
            _ => line.replace(":root", ":host"),
        };
        out.push_str(&rem_to_px(&line));
        out.push('\n');
    }
    out.push_str(HOST_RULES);
    out
}

/// `1.5rem` → `24px`, every occurrence in `line` (numbers directly followed by `rem`).
fn rem_to_px(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = (bytes[i].is_ascii_digit() || bytes[i] == b'.')
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'));
        if starts_number {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
            let unit_end = j + 3;
            let is_rem = line.get(j..unit_end) == Some("rem")
                && !bytes
                    .get(unit_end)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            if is_rem && let Ok(n) = line[i..j].parse::<f64>() {
                let px = n * ROOT_PX;
                let text = format!("{px:.3}");
                let text = text.trim_end_matches('0').trim_end_matches('.');
                out.push_str(text);
                out.push_str("px");
                i = unit_end;
                continue;
            }
            out.push_str(&line[i..j]);
            i = j;
            continue;
        }
        let ch = line[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}
