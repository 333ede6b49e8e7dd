//! The app's stylesheet made fit for an embedded element's shadow root: page-level selectors
//! (`:root`, `html`, `body`) become `:host`, and `rem` lengths become `px`, so nothing depends on
//! the host page's root font size and nothing reaches outside the element.

/// The root font size the app's `rem` lengths were written for (the browsers' default).
pub const ROOT_PX: f64 = 16.0;

/// What the element itself needs on top of the app's rules: a block with its own height, the
/// loader's error box.
pub const HOST_RULES: &str = r#"
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
/// [`HOST_RULES`].
pub fn for_shadow_root(css: &str) -> String {
    let mut out = String::with_capacity(css.len() + HOST_RULES.len());
    for line in css.lines() {
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
