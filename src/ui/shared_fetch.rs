//! Files fetched once per page, whoever asks: the shipped cassette library and essentiality table
//! that every embedded element (and the app) reads. The bytes are kept for the page's life; a failed
//! fetch is forgotten, so a later caller tries again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};

use super::browser::fetch_bytes;

/// A fetch in progress or done, awaited by every caller of the same URL.
type Fetch = Shared<LocalBoxFuture<'static, Result<Rc<[u8]>, String>>>;

thread_local! {
    static FETCHES: RefCell<HashMap<String, Fetch>> = RefCell::new(HashMap::new());
}

/// The bytes at `url` (absolute), fetched on the page's first call; errors as
/// [`fetch_bytes`] words them (`<url>: HTTP 404`, `<url>: network error or blocked by …`).
pub async fn fetch_once(url: &str) -> Result<Rc<[u8]>, String> {
    let fetch = FETCHES.with(|all| {
        if let Some(f) = all.borrow().get(url) {
            return f.clone();
        }
        let (at, forget) = (url.to_owned(), url.to_owned());
        let f = async move {
            let result = fetch_bytes(&at).await.map(Rc::<[u8]>::from);
            if result.is_err() {
                FETCHES.with(|all| all.borrow_mut().remove(&forget));
            }
            result
        }
        .boxed_local()
        .shared();
        all.borrow_mut().insert(url.to_owned(), f.clone());
        f
    });
    fetch.await
}
