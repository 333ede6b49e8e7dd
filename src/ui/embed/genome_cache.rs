//! Genomes shared by every element of a page: each source is fetched and parsed once (a genome is
//! immutable), whichever element asks first; later ones wait for the same load. A failed load is
//! forgotten, so an element mounted later tries again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared as SharedFuture};

use super::config::{GenomeSource, Manifest};
use crate::io::load::{InputFile, LoadRequest, Progress};
use crate::ui::browser::fetch_bytes;
use crate::ui::loading::{DEFAULT_LABEL, fetch_default, parse};
use crate::ui::state::{Ready, Shared};

/// A load in progress or done, awaited by every element that shows this genome.
pub type GenomeLoad = SharedFuture<LocalBoxFuture<'static, Result<Shared<Ready>, String>>>;

/// Who hears a load's progress (the elements waiting for it).
type Listeners = Rc<RefCell<Vec<Box<dyn Fn(Progress)>>>>;

thread_local! {
    static LOADS: RefCell<HashMap<String, (GenomeLoad, Listeners)>> = RefCell::new(HashMap::new());
}

/// The genome `source` (files under `base` for the default one); `progress` hears how far it is
/// while this load runs.
pub fn genome(source: &GenomeSource, base: &str, progress: Box<dyn Fn(Progress)>) -> GenomeLoad {
    let key = match source {
        GenomeSource::Default => format!("default:{base}"),
        GenomeSource::Manifest(url) => format!("manifest:{}", absolute(url, None)),
    };
    LOADS.with(|loads| {
        if let Some((load, listeners)) = loads.borrow().get(&key) {
            listeners.borrow_mut().push(progress);
            return load.clone();
        }
        let listeners: Listeners = Rc::new(RefCell::new(vec![progress]));
        let heard = Rc::clone(&listeners);
        let (source, base, forget) = (source.clone(), base.to_owned(), key.clone());
        let load = async move {
            let result = match fetch(&source, &base).await {
                Ok((req, label)) => {
                    parse(req, label, move |p| {
                        for l in heard.borrow().iter() {
                            l(p);
                        }
                    })
                    .await
                }
                Err(e) => Err(e),
            };
            if result.is_err() {
                LOADS.with(|l| l.borrow_mut().remove(&forget));
            }
            result
        }
        .boxed_local()
        .shared();
        loads.borrow_mut().insert(key, (load.clone(), listeners));
        load
    })
}

/// The files of a genome, and what it is called.
async fn fetch(source: &GenomeSource, base: &str) -> Result<(LoadRequest, String), String> {
    match source {
        GenomeSource::Default => Ok((fetch_default(base).await?, DEFAULT_LABEL.to_owned())),
        GenomeSource::Manifest(url) => {
            let url = absolute(url, None);
            let bytes = fetch_bytes(&url)
                .await
                .map_err(|e| format!("the genome manifest could not be fetched: {e}"))?;
            let manifest: Manifest = serde_json::from_slice(&bytes)
                .map_err(|e| format!("the genome manifest {url} cannot be read: {e}"))?;
            let file = |rel: Option<String>| {
                let url = url.clone();
                async move {
                    match rel {
                        None => Ok(None),
                        Some(rel) => {
                            let at = absolute(&rel, Some(&url));
                            let name = at.rsplit('/').next().unwrap_or(&at).to_owned();
                            fetch_bytes(&at)
                                .await
                                .map(|b| Some(InputFile::new(name, b)))
                        }
                    }
                }
            };
            let (gff, fasta, table) = futures::join!(
                file(Some(manifest.gff.clone())),
                file(manifest.fasta.clone()),
                file(manifest.feature_table.clone())
            );
            let why: Vec<String> = [&gff, &fasta, &table]
                .iter()
                .filter_map(|r| r.as_ref().err().cloned())
                .collect();
            if !why.is_empty() {
                return Err(format!(
                    "the genome could not be fetched: {}",
                    why.join("; ")
                ));
            }
            let label = manifest
                .label
                .clone()
                .unwrap_or_else(|| url.rsplit('/').next().unwrap_or(&url).to_owned());
            Ok((
                LoadRequest {
                    gff: gff.ok().flatten(),
                    fasta: fasta.ok().flatten(),
                    feature_table: table.ok().flatten(),
                },
                label,
            ))
        }
    }
}

/// `url` made absolute against `base` (the host page when `None`); left as it is when it cannot be.
pub fn absolute(url: &str, base: Option<&str>) -> String {
    let page = web_sys::window().and_then(|w| w.location().href().ok());
    let Some(base) = base.map(str::to_owned).or(page) else {
        return url.to_owned();
    };
    web_sys::Url::new_with_base(url, &base).map_or_else(|_| url.to_owned(), |u| u.href())
}
