//! Small browser helpers: fetching bytes, reading files, yielding to the event loop, timing.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since navigation start.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Fetches a URL's bytes; the error names the URL and the HTTP status, or says the fetch was
/// refused (network, CORS or CSP: the browser does not tell which).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    // fetch() rejects (a TypeError, "Failed to fetch") without saying why: the network, or a
    // CORS or CSP refusal the browser reports only in the console.
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: network error or blocked by CORS/CSP (connect-src)"))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|e| format!("{url}: {e:?}"))?)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Reads a file the user picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{}: {e:?}", file.name()))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Lets the browser handle input and paint before the next chunk of work.
///
/// A `MessageChannel` message is a task without `setTimeout`'s 4 ms clamp (where there is no
/// `MessageChannel`, a zero-delay `setTimeout` through `gloo-timers`). The channel lives until its
/// message has arrived and is then dropped (not leaked: a yield can run thousands of times in an
/// import).
pub async fn yield_now() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        gloo_timers::future::TimeoutFuture::new(0).await;
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
    });
    let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    let _ = JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}

/// Waits for the next animation frame (the browser paints first).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}
