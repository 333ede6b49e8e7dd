//! End-to-end test support: drives the built app (`dist/`) in headless Chromium.
//!
//! A [`Session`] owns everything it starts, and stops it on drop (also when a test panics):
//! - a tiny static HTTP server for `dist/` on 127.0.0.1 ([`StaticServer`]),
//! - `chromedriver` on a free port (env `CHROMEDRIVER`, default `/usr/bin/chromedriver`),
//! - headless Chromium (env `CHROME_BIN`, default `/usr/bin/chromium`) with a fresh profile in a
//!   temporary directory and a 1280×800 window.
//!
//! The API is synchronous and panics with a clear message on failure (these are test helpers):
//!
//! ```ignore
//! let app = open_app(); // navigates to the app and waits for `#app-ready`
//! app.click("#some-button");
//! assert_eq!(app.text_of("h1"), "Genoforge");
//! app.screenshot("after_click"); // tests/artifacts/after_click.png
//! ```
//!
//! Env: `GENOFORGE_DIST` (default `<crate>/dist`), `GENOFORGE_E2E_TIMEOUT_SECS` (default 60).
//! Every module of `tests/e2e/` uses these helpers; its tests must be
//! `#[ignore = "…run by .ci/test…"]` (they need `trunk build --release` first).
#![allow(dead_code)] // Each test crate uses a different subset of the helpers.

pub mod app;
pub mod embed;

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The marker element the app renders once it is mounted.
pub const APP_READY: &str = "#app-ready";

/// The viewport of every session (CSS pixels), hence the size of screenshots.
pub const VIEWPORT: (u32, u32) = (1280, 800);

/// How long the wait helpers wait before failing (env `GENOFORGE_E2E_TIMEOUT_SECS`, default 60 s).
pub fn default_timeout() -> Duration {
    let secs = std::env::var("GENOFORGE_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(60);
    Duration::from_secs(secs)
}

/// The crate root (where `dist/` and `tests/` live).
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built app: `GENOFORGE_DIST` or `<crate>/dist`.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("GENOFORGE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate_root().join("dist"))
}

/// Where screenshots go: `tests/artifacts/` (git-ignored).
pub fn artifacts_dir() -> PathBuf {
    crate_root().join("tests").join("artifacts")
}

/// Starts server, chromedriver and Chromium, opens the app and waits for [`APP_READY`].
pub fn open_app() -> Session {
    let session = Session::start();
    session.goto("/");
    session.wait_for(APP_READY);
    session
}

// ---------------------------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------------------------

/// A browser session on the app served from `dist/`. Everything it started stops on drop.
pub struct Session {
    // Drop order matters: the runtime (and with it the WebDriver client) first, then chromedriver
    // and Chromium, then the server, then the profile directory.
    rt: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Driver,
    server: StaticServer,
    profile: TempDir,
    timeout: Duration,
}

impl Session {
    /// Starts the static server, chromedriver and a headless Chromium; does not navigate.
    pub fn start() -> Session {
        let dist = dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: build the app first with `trunk build --release` \
             (`bash .ci/test` does it before running the end-to-end tests)",
            dist.display()
        );
        let server = StaticServer::start(&dist)
            .unwrap_or_else(|e| panic!("cannot serve {}: {e}", dist.display()));
        let profile = TempDir::new("genoforge-e2e-chrome")
            .unwrap_or_else(|e| panic!("cannot create a Chromium profile directory: {e}"));
        let driver = Driver::start(&profile.path).unwrap_or_else(|e| panic!("{e}"));

        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let caps = capabilities(&profile.path);
        let webdriver_url = format!("http://127.0.0.1:{}", driver.port);
        let client = rt
            .block_on(async {
                let mut builder =
                    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
                builder.capabilities(caps);
                tokio::time::timeout(Duration::from_secs(60), builder.connect(&webdriver_url)).await
            })
            .unwrap_or_else(|_| panic!("timed out starting Chromium through chromedriver"))
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start Chromium ({}) through chromedriver ({}): {e}\nchromedriver log:\n{}",
                    chrome_bin().display(),
                    chromedriver_bin().display(),
                    driver.log_tail()
                )
            });

        let session = Session {
            rt,
            client: Some(client),
            driver,
            server,
            profile,
            timeout: default_timeout(),
        };
        // Capture uncaught errors and console.error (panics go there through
        // console_error_panic_hook) from the very start of every page.
        session.add_init_script(ERROR_CAPTURE_JS);
        session.set_viewport(VIEWPORT.0, VIEWPORT.1);
        session
    }

    /// Resizes the window so that the page's viewport (and screenshots) are `width`×`height` CSS px.
    pub fn set_viewport(&self, width: u32, height: u32) {
        // Headless Chromium still reserves room for (invisible) browser UI inside the window.
        let inner = "return [window.innerWidth, window.innerHeight, window.outerWidth, window.outerHeight];";
        let read = |v: Value| -> (i64, i64, i64, i64) {
            let n = |i: usize| v[i].as_i64().unwrap_or(0);
            (n(0), n(1), n(2), n(3))
        };
        let (iw, ih, ow, oh) = read(self.eval_js(inner));
        // The room the browser UI takes, as measured now; corrected from what a resize gives
        // (a window narrower than headless Chromium's smallest, 500 px, reports its clamped outer
        // width with the asked-for inner one, so the first guess can be off after a phone size).
        let (mut dw, mut dh) = (ow - iw, oh - ih);
        let mut got = (iw, ih);
        for _ in 0..3 {
            let (w, h) = (
                u32::try_from(i64::from(width) + dw).unwrap_or(width),
                u32::try_from(i64::from(height) + dh).unwrap_or(height),
            );
            if let Err(e) = self.block_on(self.client().set_window_size(w, h)) {
                self.fail(&format!("cannot resize the window to {w}×{h}: {e}"));
            }
            let (iw, ih, _, _) = read(self.eval_js(inner));
            got = (iw, ih);
            if got == (i64::from(width), i64::from(height)) {
                return;
            }
            dw += i64::from(width) - iw;
            dh += i64::from(height) - ih;
        }
        self.fail(&format!(
            "viewport is {}×{}, wanted {width}×{height}",
            got.0, got.1
        ));
    }

    /// The WebDriver client, for anything the helpers do not cover (use with [`Session::block_on`]).
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// Runs a future (e.g. a raw fantoccini call) on the session's runtime.
    pub fn block_on<F: std::future::Future>(&self, fut: F) -> F::Output {
        self.rt.block_on(fut)
    }

    /// The base URL of the served `dist/`, e.g. `http://127.0.0.1:41234/`.
    pub fn base_url(&self) -> String {
        self.server.url()
    }

    /// An absolute URL for a path on the served app (`"/"`, `"/public/genome/x.gz"`, `"?q=1"`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.url(), path.trim_start_matches('/'))
    }

    /// The wait timeout of this session (default [`default_timeout`]).
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Changes the wait timeout of this session.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// Navigates to a path of the served app and waits for the page's `load` event.
    pub fn goto(&self, path: &str) {
        let url = self.url(path);
        if let Err(e) = self.block_on(self.client().goto(&url)) {
            self.fail(&format!("cannot open {url}: {e}"));
        }
    }

    /// Navigates to an absolute URL (another server's page, e.g. an embedding host page).
    pub fn goto_url(&self, url: &str) {
        if let Err(e) = self.block_on(self.client().goto(url)) {
            self.fail(&format!("cannot open {url}: {e}"));
        }
    }

    /// Waits (up to the timeout) for an element matching `css` and returns it.
    pub fn wait_for(&self, css: &str) -> Element {
        let waited = self.block_on(
            self.client()
                .wait()
                .at_most(self.timeout)
                .every(Duration::from_millis(50))
                .for_element(Locator::Css(css)),
        );
        match waited {
            Ok(element) => element,
            Err(e) => self.fail(&format!(
                "waited {:?} for `{css}`, it did not appear: {e}",
                self.timeout
            )),
        }
    }

    /// Whether an element matching `css` exists right now (no waiting).
    pub fn exists(&self, css: &str) -> bool {
        self.count(css) > 0
    }

    /// How many elements match `css` right now (no waiting).
    pub fn count(&self, css: &str) -> usize {
        match self.block_on(self.client().find_all(Locator::Css(css))) {
            Ok(found) => found.len(),
            Err(e) => self.fail(&format!("cannot query `{css}`: {e}")),
        }
    }

    /// The rendered (visible) text of the first element matching `css`, after waiting for it.
    pub fn text_of(&self, css: &str) -> String {
        let element = self.wait_for(css);
        match self.block_on(element.text()) {
            Ok(text) => text,
            Err(e) => self.fail(&format!("cannot read the text of `{css}`: {e}")),
        }
    }

    /// An attribute of the first element matching `css`, after waiting for it.
    pub fn attr_of(&self, css: &str, name: &str) -> Option<String> {
        let element = self.wait_for(css);
        match self.block_on(element.attr(name)) {
            Ok(value) => value,
            Err(e) => self.fail(&format!("cannot read attribute `{name}` of `{css}`: {e}")),
        }
    }

    /// Clicks the first element matching `css`, after waiting for it.
    pub fn click(&self, css: &str) {
        let element = self.wait_for(css);
        if let Err(e) = self.block_on(element.click()) {
            self.fail(&format!("cannot click `{css}`: {e}"));
        }
    }

    /// Types `text` into the first element matching `css` (focusing it), after waiting for it.
    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.wait_for(css);
        if let Err(e) = self.block_on(element.send_keys(text)) {
            self.fail(&format!("cannot type into `{css}`: {e}"));
        }
    }

    /// Clears the value of the input matching `css`, after waiting for it.
    pub fn clear(&self, css: &str) {
        let element = self.wait_for(css);
        if let Err(e) = self.block_on(element.clear()) {
            self.fail(&format!("cannot clear `{css}`: {e}"));
        }
    }

    /// Runs JavaScript in the page and returns its result as JSON. Use `return` to give a value:
    /// `eval_js("return document.title")`.
    pub fn eval_js(&self, script: &str) -> Value {
        self.eval_js_with(script, Vec::new())
    }

    /// Like [`Session::eval_js`], with `arguments[0..]` bound to `args`.
    pub fn eval_js_with(&self, script: &str, args: Vec<Value>) -> Value {
        match self.block_on(self.client().execute(script, args)) {
            Ok(value) => value,
            Err(e) => self.fail(&format!("JavaScript failed: {e}\nscript:\n{script}")),
        }
    }

    /// Runs asynchronous JavaScript: the script gets a callback as its last argument and the
    /// result is what it passes to the callback, e.g.
    /// `eval_js_async("const done = arguments[0]; fetch('/').then(r => done(r.status))")`.
    pub fn eval_js_async(&self, script: &str) -> Value {
        self.eval_js_async_with(script, Vec::new())
    }

    /// Like [`Session::eval_js_async`], with `arguments[0..]` bound to `args` (the callback last).
    pub fn eval_js_async_with(&self, script: &str, args: Vec<Value>) -> Value {
        match self.block_on(self.client().execute_async(script, args)) {
            Ok(value) => value,
            Err(e) => self.fail(&format!("async JavaScript failed: {e}\nscript:\n{script}")),
        }
    }

    /// Waits until the JavaScript expression `condition` is truthy; returns its last value.
    pub fn wait_until(&self, condition: &str) -> Value {
        let deadline = Instant::now() + self.timeout;
        let script = format!("return ({condition});");
        loop {
            let value = self.eval_js(&script);
            if is_truthy(&value) {
                return value;
            }
            if Instant::now() >= deadline {
                self.fail(&format!(
                    "waited {:?} for `{condition}` to become true; last value: {value}",
                    self.timeout
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The handle of the window (tab) the session drives now.
    pub fn current_window(&self) -> fantoccini::wd::WindowHandle {
        match self.block_on(self.client().window()) {
            Ok(h) => h,
            Err(e) => self.fail(&format!("cannot read the window handle: {e}")),
        }
    }

    /// Opens another tab of the same browser (same profile, so the same local storage) and
    /// switches to it; returns its handle. Switch back with [`Session::switch_to`].
    pub fn open_tab(&self) -> fantoccini::wd::WindowHandle {
        let handle = match self.block_on(self.client().new_window(true)) {
            Ok(r) => r.handle,
            Err(e) => self.fail(&format!("cannot open a tab: {e}")),
        };
        self.switch_to(handle.clone());
        handle
    }

    /// Drives the window (tab) `handle` from now on.
    pub fn switch_to(&self, handle: fantoccini::wd::WindowHandle) {
        if let Err(e) = self.block_on(self.client().switch_to_window(handle)) {
            self.fail(&format!("cannot switch windows: {e}"));
        }
    }

    /// The page title.
    pub fn title(&self) -> String {
        match self.block_on(self.client().title()) {
            Ok(title) => title,
            Err(e) => self.fail(&format!("cannot read the page title: {e}")),
        }
    }

    /// Uncaught errors, unhandled rejections and `console.error` messages of the current page
    /// (a Rust panic in the app shows up here through `console_error_panic_hook`).
    pub fn js_errors(&self) -> Vec<String> {
        let value = self.eval_js("return (window.__genoforgeE2eErrors || []).slice();");
        value
            .as_array()
            .map(|all| {
                all.iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Saves a PNG screenshot of the viewport to `tests/artifacts/<name>.png` and returns its path.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        match self.try_screenshot(name) {
            Ok(path) => path,
            Err(e) => panic!("cannot save screenshot `{name}`: {e}"),
        }
    }

    fn try_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let client = self.client.as_ref().ok_or("the session is closed")?;
        let png = self
            .within(Duration::from_secs(30), client.screenshot())
            .ok_or("timed out taking the screenshot")?
            .map_err(|e| e.to_string())?;
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err("the browser did not return a PNG".into());
        }
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let dir = artifacts_dir();
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(format!("{safe}.png"));
        fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }

    /// Loads the app afresh and measures, with the browser's own clock, the time from the start
    /// of navigation (`performance.now()` = 0) to the first appearance of `marker_css` in the DOM.
    ///
    /// A watcher is registered to run at document start (before any app code), so an element that
    /// appears immediately is not missed. Tests should only check that a time was measured;
    /// thresholds belong in benchmarks.
    pub fn navigation_to(&self, marker_css: &str) -> Duration {
        self.navigation_to_path("/", marker_css)
    }

    /// [`Session::navigation_to`] for a given path of the app (e.g. `"/?genome=default"`).
    pub fn navigation_to_path(&self, path: &str, marker_css: &str) -> Duration {
        let selector = serde_json::to_string(marker_css).expect("a string serialises");
        let watcher = MARKER_WATCH_JS.replace("__SELECTOR__", &selector);
        let id = self.add_init_script(&watcher);
        self.goto(path);
        let mark = format!("(window.__genoforgeE2eMarks || {{}})[{selector}]");
        self.wait_until(&format!("{mark} !== undefined"));
        let value = self.eval_js(&format!("return {mark};"));
        self.remove_init_script(&id);
        let ms = value
            .as_f64()
            .unwrap_or_else(|| self.fail(&format!("marker time is not a number: {value}")));
        Duration::from_secs_f64(ms / 1000.0)
    }

    /// Registers JavaScript to run at the start of every new document (Chrome DevTools
    /// `Page.addScriptToEvaluateOnNewDocument`); returns its identifier.
    pub fn add_init_script(&self, source: &str) -> String {
        let result = self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        );
        result["identifier"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| self.fail(&format!("no script identifier in {result}")))
    }

    /// Removes a script registered with [`Session::add_init_script`].
    pub fn remove_init_script(&self, identifier: &str) {
        self.cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({ "identifier": identifier }),
        );
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        let command = CdpCommand {
            cmd: cmd.to_owned(),
            params,
        };
        match self.block_on(self.client().issue_cmd(command)) {
            Ok(value) => value,
            Err(e) => self.fail(&format!("DevTools command {cmd} failed: {e}")),
        }
    }

    /// Runs `fut` on the session's runtime, giving up after `limit` (never panics).
    fn within<F: std::future::Future>(&self, limit: Duration, fut: F) -> Option<F::Output> {
        self.rt
            .block_on(async { tokio::time::timeout(limit, fut).await })
            .ok()
    }

    /// The page's captured JS errors, best effort (for failure reports; never panics).
    fn errors_for_report(&self) -> Option<Value> {
        let client = self.client.as_ref()?;
        let script = "return (window.__genoforgeE2eErrors || []).slice();";
        self.within(Duration::from_secs(5), client.execute(script, Vec::new()))?
            .ok()
    }

    /// Panics with `message` and the page's JS errors (the screenshot is taken on drop).
    fn fail(&self, message: &str) -> ! {
        match self.errors_for_report() {
            Some(errors) => panic!("{message}\nJavaScript errors on the page: {errors}"),
            None => panic!("{message}"),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Nothing here may panic: a panic while unwinding aborts the whole test binary.
        if std::thread::panicking() {
            match self.try_screenshot(&failure_name()) {
                Ok(path) => eprintln!("e2e: screenshot at failure: {}", path.display()),
                Err(e) => eprintln!("e2e: no screenshot at failure: {e}"),
            }
            if let Some(errors) = self.errors_for_report() {
                eprintln!("e2e: JavaScript errors on the page: {errors}");
            }
        }
        if let Some(client) = self.client.take() {
            // Ends the WebDriver session: chromedriver quits Chromium. Bounded, also on panic.
            let _ = self.within(Duration::from_secs(10), client.close());
        }
        // `driver` (kills chromedriver's process group), `server` and `profile` drop next.
    }
}

fn failure_name() -> String {
    let thread = std::thread::current();
    format!("FAILED-{}", thread.name().unwrap_or("test"))
}

fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// Records uncaught errors and console.error calls into `window.__genoforgeE2eErrors`.
const ERROR_CAPTURE_JS: &str = r#"
(() => {
  if (window.__genoforgeE2eErrors) return;
  const errors = (window.__genoforgeE2eErrors = []);
  const text = (v) => {
    if (v instanceof Error) return v.stack || String(v);
    if (typeof v === 'string') return v;
    try { return JSON.stringify(v); } catch (_) { return String(v); }
  };
  window.addEventListener('error', (e) => errors.push('error: ' + (e.error ? text(e.error) : e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + text(e.reason)));
  const original = console.error.bind(console);
  console.error = (...args) => { errors.push('console.error: ' + args.map(text).join(' ')); original(...args); };
})();
"#;

/// Records `performance.now()` at the first appearance of a selector (`__SELECTOR__`, a JSON
/// string) into `window.__genoforgeE2eMarks[selector]`. Runs at document start.
const MARKER_WATCH_JS: &str = r#"
(() => {
  const selector = __SELECTOR__;
  const marks = (window.__genoforgeE2eMarks = window.__genoforgeE2eMarks || {});
  const check = () => {
    if (marks[selector] === undefined && document.querySelector(selector)) {
      marks[selector] = performance.now();
      return true;
    }
    return marks[selector] !== undefined;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();
"#;

/// `POST /session/{id}/goog/cdp/execute`: a Chrome DevTools command through chromedriver.
#[derive(Debug)]
struct CdpCommand {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

// ---------------------------------------------------------------------------------------------
// Chromium and chromedriver
// ---------------------------------------------------------------------------------------------

/// `CHROMEDRIVER` or `/usr/bin/chromedriver`.
pub fn chromedriver_bin() -> PathBuf {
    std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"))
}

/// `CHROME_BIN` or `/usr/bin/chromium`.
pub fn chrome_bin() -> PathBuf {
    std::env::var_os("CHROME_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Chromium flags: headless, usable as root, quiet on a closed network, fresh profile, 1280×800.
pub fn chrome_args(profile_dir: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--window-size=1280,800",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(std::iter::once(format!(
        "--user-data-dir={}",
        profile_dir.display()
    )))
    .collect()
}

fn capabilities(profile_dir: &Path) -> serde_json::Map<String, Value> {
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chrome_bin(),
            "args": chrome_args(profile_dir),
        },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("capabilities are a JSON object"),
    }
}

/// A chromedriver process in its own process group (so Chromium dies with it).
struct Driver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Driver {
    fn start(work_dir: &Path) -> Result<Driver, String> {
        let bin = chromedriver_bin();
        let port = free_port().map_err(|e| format!("no free port for chromedriver: {e}"))?;
        let log = work_dir.join("chromedriver.log");
        let log_file = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(
                log_file
                    .try_clone()
                    .map_err(|e| format!("chromedriver log: {e}"))?,
            )
            .stderr(log_file)
            .process_group(0)
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start chromedriver `{}`: {e} (install chromium-driver, e.g. with \
                     `bash .ci/setup`, or set CHROMEDRIVER)",
                    bin.display()
                )
            })?;
        let mut driver = Driver { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
                return Ok(driver);
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!(
                    "chromedriver exited early ({status}):\n{}",
                    driver.log_tail()
                ));
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "chromedriver did not listen on port {port} within 30 s:\n{}",
                    driver.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group id is chromedriver's pid (process_group(0)); Chromium runs in that group.
        if let Ok(pgid) = i32::try_from(self.child.id()) {
            // SAFETY: plain kill(2) on the process group this Driver created; no memory involved.
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

/// A temporary directory, removed on drop.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new(prefix: &str) -> io::Result<TempDir> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "{prefix}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&path)?;
        Ok(TempDir { path })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

// ---------------------------------------------------------------------------------------------
// Static file server
// ---------------------------------------------------------------------------------------------

/// A minimal static HTTP/1.1 server for a directory, on 127.0.0.1 and a free port.
///
/// GET and HEAD only; `/` and directories serve `index.html`; unknown extension-less paths serve
/// the root `index.html` (client-side routes); paths that would leave the root are refused.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` until dropped.
    pub fn start(root: &Path) -> io::Result<StaticServer> {
        let root = root.canonicalize()?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let stop_flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("e2e-static-server".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    if stop_flag.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let root = root.clone();
                    let _ = std::thread::Builder::new()
                        .name("e2e-static-conn".into())
                        .spawn(move || {
                            let _ = handle_connection(stream, &root);
                        });
                }
            })?;
        Ok(StaticServer {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:<port>/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The Content-Type for a served file.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" | "tsv" | "tab" | "gff3" | "gff" | "fa" | "fsa" | "fasta" => {
            "text/plain; charset=utf-8"
        }
        // Gzipped data is fetched and inflated by the app itself: no Content-Encoding.
        _ => "application/octet-stream",
    }
}

/// Maps a request target (`/a/b.js?x`) to a file under `root`, or `None` if it must not be served
/// (outside the root, hidden traversal, not a file). `root` must be canonical.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            _ if part.contains('\\') || part.contains('\0') => return None,
            _ => {
                // A segment must be a plain name (no root, no prefix).
                let mut components = Path::new(part).components();
                match (components.next(), components.next()) {
                    (Some(Component::Normal(_)), None) => file.push(part),
                    _ => return None,
                }
            }
        }
    }
    if file.is_dir() {
        file.push("index.html");
        if !file.is_file() {
            return None; // no directory listings
        }
    }
    if !file.is_file() {
        // Client-side routes (no extension) get the app; missing assets are 404.
        let last = decoded.rsplit('/').next().unwrap_or("");
        if last.contains('.') {
            return None;
        }
        file = root.join("index.html");
    }
    // Symlinks must not lead out of the root either.
    let canonical = file.canonicalize().ok()?;
    canonical.starts_with(root).then_some(canonical)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn handle_connection(mut stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader
        .by_ref()
        .take(8 * 1024)
        .read_line(&mut request_line)?;
    // Drain the headers (bounded); bodies are not expected for GET/HEAD.
    let mut header_bytes = 0usize;
    loop {
        let mut line = String::new();
        let n = reader.by_ref().take(8 * 1024).read_line(&mut line)?;
        header_bytes += n;
        if n == 0 || line == "\r\n" || line == "\n" || header_bytes > 64 * 1024 {
            break;
        }
    }

    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            true,
        );
    }
    let head_only = method == "HEAD";
    match resolve(root, target) {
        Some(file) => match fs::read(&file) {
            Ok(body) => respond(
                &mut stream,
                "200 OK",
                content_type(&file),
                &body,
                !head_only,
            ),
            Err(_) => respond(
                &mut stream,
                "500 Internal Server Error",
                "text/plain",
                b"read error",
                !head_only,
            ),
        },
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            !head_only,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Access-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}
