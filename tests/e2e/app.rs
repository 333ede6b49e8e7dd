//! End-to-end tests: the release build in `dist/` driven in headless Chromium (fantoccini →
//! chromedriver → chromium), all in Rust.
//!
//! Browser tests are `#[ignore]`d so a plain `cargo test` skips them; `.ci/test` builds `dist/`
//! with `trunk build --release` and then runs every `tests/e2e*.rs` target with `-- --ignored`.
//! By hand: `trunk build --release && cargo test --test e2e -- --ignored --test-threads=1`.
//! Screenshots land in `tests/artifacts/` (git-ignored). Helpers: see `e2e_support`.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use crate::support::{APP_READY, Session, StaticServer, VIEWPORT, content_type, open_app};

/// Reads width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&png[12..16], b"IHDR", "PNG without IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn app_boots_in_chromium_and_shows_the_placeholder() {
    let app = open_app();

    assert_eq!(app.title(), "Genoforge");
    assert_eq!(app.text_of("h1"), "Genoforge");
    assert!(app.exists(APP_READY));
    // The stylesheet was linked and applied (its base rule sets the body margin to 0).
    assert_eq!(
        app.eval_js("return getComputedStyle(document.body).marginTop;"),
        "0px"
    );
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");

    let path = app.screenshot("app_ready");
    let png = fs::read(&path).expect("the screenshot was written");
    assert_eq!(
        png_size(&png),
        VIEWPORT,
        "viewport size of {}",
        path.display()
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn default_genome_files_are_served_to_the_app() {
    let app = open_app();
    let genome_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/genome");
    let mut checked = 0;
    for entry in fs::read_dir(&genome_dir).expect("public/genome exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("gz") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let on_disk = fs::metadata(&path).unwrap().len();
        let got = app.eval_js_async(&format!(
            "const done = arguments[arguments.length - 1];
             fetch('public/genome/{name}')
               .then(async r => done({{ status: r.status, type: r.headers.get('content-type'),
                                        bytes: (await r.arrayBuffer()).byteLength }}))
               .catch(e => done({{ error: String(e) }}));"
        ));
        assert_eq!(got["status"], 200, "{name}: {got}");
        assert_eq!(got["type"], "application/octet-stream", "{name}: {got}");
        assert_eq!(got["bytes"].as_u64(), Some(on_disk), "{name}: {got}");
        checked += 1;
    }
    assert!(
        checked >= 2,
        "expected the default genome's .gz files in public/genome"
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn navigation_time_to_the_ready_marker_is_measured_by_the_browser() {
    let app = Session::start();
    let first = app.navigation_to(APP_READY);
    // A fresh navigation (new document, new clock) measures again.
    let second = app.navigation_to(APP_READY);
    println!("navigation to {APP_READY}: {first:?} (cold), {second:?} (warm)");
    // Outcomes only: a time was measured on the page's own clock. Thresholds live in benchmarks.
    assert!(!first.is_zero() && !second.is_zero());
    assert!(first < app.timeout() && second < app.timeout());
    assert!(app.exists(APP_READY));
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn helpers_type_click_read_and_time_out() {
    let mut app = open_app();
    // A small form built in the page, so the helpers are exercised whatever the app shows.
    app.eval_js(
        "const main = document.querySelector('main');
         main.insertAdjacentHTML('beforeend',
           '<input id=e2e-in><button id=e2e-go>Go</button><output id=e2e-out data-n=0></output>');
         document.getElementById('e2e-go').addEventListener('click', () => {
           const out = document.getElementById('e2e-out');
           out.textContent = document.getElementById('e2e-in').value.toUpperCase();
           out.dataset.n = String(Number(out.dataset.n) + 1);
         });",
    );
    app.type_into("#e2e-in", "yal001c");
    app.click("#e2e-go");
    assert_eq!(app.text_of("#e2e-out"), "YAL001C");
    assert_eq!(app.attr_of("#e2e-out", "data-n").as_deref(), Some("1"));
    app.clear("#e2e-in");
    app.type_into("#e2e-in", "tdh3");
    app.click("#e2e-go");
    app.wait_until("document.getElementById('e2e-out').dataset.n === '2'");
    assert_eq!(app.text_of("#e2e-out"), "TDH3");
    assert_eq!(app.count("#e2e-in"), 1);
    assert_eq!(app.eval_js("return 6 * 7;"), 42);

    // A missing element fails the wait after the timeout, with the selector in the message.
    app.set_timeout(std::time::Duration::from_secs(1));
    let missing = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        app.wait_for("#does-not-exist");
    }));
    let message = missing.expect_err("waiting for a missing element must fail");
    let message = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(message.contains("#does-not-exist"), "{message}");
}

// ------------------------------------------------------------------------------------------------
// The support server itself (no browser needed: these run in a plain `cargo test`).
// ------------------------------------------------------------------------------------------------

/// Sends a raw HTTP request and returns (status line, headers, body).
fn http(server: &StaticServer, request_target: &str, method: &str) -> (String, String, Vec<u8>) {
    let mut stream = TcpStream::connect(server.addr()).expect("connect to the static server");
    write!(
        stream,
        "{method} {request_target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let body = raw[split + 4..].to_vec();
    let (status, headers) = head.split_once("\r\n").unwrap_or((&head, ""));
    (status.to_owned(), headers.to_ascii_lowercase(), body)
}

#[test]
fn static_server_serves_dist_with_content_types_and_refuses_traversal() {
    let base = std::env::temp_dir().join(format!("genoforge-e2e-server-{}", std::process::id()));
    let root = base.join("dist");
    fs::create_dir_all(root.join("public/genome")).unwrap();
    fs::write(root.join("index.html"), "<!DOCTYPE html><title>t</title>").unwrap();
    fs::write(root.join("app-1a2b.js"), "export {}").unwrap();
    fs::write(root.join("app-1a2b_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(root.join("main-3c4d.css"), "body{}").unwrap();
    fs::write(root.join("public/genome/g.fsa.gz"), [0x1f, 0x8b, 8, 0]).unwrap();
    fs::write(base.join("secret.txt"), "outside the root").unwrap();

    let server = StaticServer::start(&root).unwrap();
    let cases = [
        ("/", "200 OK", "text/html; charset=utf-8"),
        ("/index.html", "200 OK", "text/html; charset=utf-8"),
        ("/app-1a2b.js", "200 OK", "text/javascript; charset=utf-8"),
        ("/app-1a2b_bg.wasm", "200 OK", "application/wasm"),
        ("/main-3c4d.css?v=1", "200 OK", "text/css; charset=utf-8"),
        (
            "/public/genome/g.fsa.gz",
            "200 OK",
            "application/octet-stream",
        ),
        ("/public/genome/", "404 Not Found", "text/plain"),
        ("/some/client/route", "200 OK", "text/html; charset=utf-8"),
        ("/missing.js", "404 Not Found", "text/plain"),
        ("/../secret.txt", "404 Not Found", "text/plain"),
        ("/%2e%2e/secret.txt", "404 Not Found", "text/plain"),
        ("/public/../../secret.txt", "404 Not Found", "text/plain"),
        ("/..%2fsecret.txt", "404 Not Found", "text/plain"),
        ("/..\\secret.txt", "404 Not Found", "text/plain"),
        ("secret.txt", "404 Not Found", "text/plain"),
    ];
    for (target, status, ctype) in cases {
        let (got_status, headers, body) = http(&server, target, "GET");
        assert_eq!(got_status, format!("HTTP/1.1 {status}"), "GET {target}");
        assert!(
            headers.contains(&format!("content-type: {ctype}\r\n"))
                || headers.ends_with(&format!("content-type: {ctype}")),
            "GET {target}: {headers}"
        );
        assert!(
            headers.contains(&format!("content-length: {}", body.len())),
            "GET {target}: {headers}"
        );
        assert!(!headers.contains("content-encoding"), "GET {target}");
        assert!(
            !String::from_utf8_lossy(&body).contains("outside the root"),
            "GET {target} leaked a file outside the root"
        );
    }
    let (_, _, wasm) = http(&server, "/app-1a2b_bg.wasm", "GET");
    assert_eq!(wasm, b"\0asm\x01\0\0\0");
    let (status, headers, body) = http(&server, "/app-1a2b.js", "HEAD");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(headers.contains("content-length: 9"), "{headers}");
    assert!(body.is_empty(), "HEAD has no body");
    let (status, _, _) = http(&server, "/", "POST");
    assert_eq!(status, "HTTP/1.1 405 Method Not Allowed");

    drop(server);
    fs::remove_dir_all(&base).unwrap();
}

#[test]
fn content_types_cover_the_built_app() {
    assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
    assert_eq!(
        content_type(Path::new("a.JS")),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        content_type(Path::new("x/S288C.fsa.gz")),
        "application/octet-stream"
    );
    assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
}
