//! Host pages for the embedded element (issue 14): the built `dist/` (with `dist/embed/`) is served
//! by the [`Session`] as the asset server; host pages are served by a second server on another
//! port, hence another origin (the asset server sends `Access-Control-Allow-Origin: *`).
//!
//! Pages are templates: `{ASSETS}` is the asset base (`http://127.0.0.1:<port>/embed/`) and
//! `{ASSET_ORIGIN}` the asset server's origin. Every host directory also gets `host.js`, which
//! records the `genoforge-*` events (`window.__events`: type, the target's id, detail, and
//! `t`: milliseconds since navigation start) and CSP
//! violations (`window.__violations`) from the start of the page.

use std::fs;
use std::ops::Deref;
use std::path::Path;

use serde_json::{Value, json};

use super::{Session, StaticServer, TempDir};

/// The recorder every host page loads first (`<script src="host.js">`).
pub const HOST_JS: &str = r#"
window.__events = [];
window.__violations = [];
for (const type of ["genoforge-ready", "genoforge-change", "genoforge-select", "genoforge-locus", "genoforge-error"]) {
  document.addEventListener(type, (e) => {
    window.__events.push({ type: e.type, target: e.target && e.target.id, detail: e.detail, t: performance.now() });
  });
}
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"#;

/// A browser session with host pages served apart from the assets.
pub struct Hosted {
    session: Session,
    hosts: StaticServer,
    _dir: TempDir,
}

impl Deref for Hosted {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl Hosted {
    /// Serves `pages` (file name, template) from a second server and opens the first page.
    pub fn open(pages: &[(&str, &str)]) -> Hosted {
        let session = Session::start();
        assert!(
            super::dist_dir().join("embed/genoforge-embed.js").is_file(),
            "dist/embed/ is missing: run `bash .ci/build-embed` before `trunk build --release`"
        );
        let dir = TempDir::new("genoforge-e2e-hosts").expect("a host page directory");
        write_pages(&dir.path, &session, pages);
        let hosts = StaticServer::start(&dir.path).expect("a host page server");
        let hosted = Hosted {
            session,
            hosts,
            _dir: dir,
        };
        hosted.goto_host(pages[0].0);
        hosted
    }

    /// Adds a host page (a template, as for [`Hosted::open`]) after the start.
    pub fn write_page(&self, name: &str, template: &str) {
        write_pages(&self._dir.path, &self.session, &[(name, template)]);
    }

    /// The asset base the pages were given.
    pub fn assets(&self) -> String {
        self.session.url("embed/")
    }

    /// Opens one of the host pages.
    pub fn goto_host(&self, page: &str) {
        self.session
            .goto_url(&format!("{}{page}", self.hosts.url()));
    }

    /// Waits until the element with id `id` fired `genoforge-ready`.
    pub fn wait_ready(&self, id: &str) {
        self.wait_until(&format!(
            "window.__events && window.__events.some(e => e.type === 'genoforge-ready' && e.target === '{id}')"
        ));
    }

    /// The recorded events of one type, as (target id, detail).
    pub fn events(&self, kind: &str) -> Vec<(String, Value)> {
        let v = self.eval_js_with(
            "return (window.__events || []).filter(e => e.type === arguments[0]).map(e => [e.target, e.detail]);",
            vec![json!(kind)],
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|p| (p[0].as_str().unwrap_or("").to_owned(), p[1].clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Runs `body` with `root` bound to the shadow root of the element with id `id`.
    pub fn in_shadow(&self, id: &str, body: &str) -> Value {
        self.eval_js(&format!(
            "const root = document.getElementById('{id}').shadowRoot; {body}"
        ))
    }

    /// Whether the element's shadow root has a match for `css`.
    pub fn shadow_has(&self, id: &str, css: &str) -> bool {
        self.in_shadow(
            id,
            &format!("return !!(root && root.querySelector({css:?}));"),
        ) == json!(true)
    }

    /// The element's design as `handle.getSpec()` gives it.
    pub fn spec_of(&self, id: &str) -> Value {
        self.eval_js(&format!(
            "return document.getElementById('{id}').handle.getSpec();"
        ))
    }
}

fn write_pages(dir: &Path, session: &Session, pages: &[(&str, &str)]) {
    let assets = session.url("embed/");
    let origin = session.base_url().trim_end_matches('/').to_owned();
    fs::write(dir.join("host.js"), HOST_JS).unwrap();
    for (name, template) in pages {
        let html = template
            .replace("{ASSETS}", &assets)
            .replace("{ASSET_ORIGIN}", &origin);
        fs::write(dir.join(name), html).unwrap();
    }
}
