//! The dataset worker (a Web Worker built from `src/bin/genoforge_worker.rs`): everything about
//! datasets that takes longer than a frame happens here, off the page's main thread — reading
//! imported files in 4 MiB Blob slices (`FileReaderSync`; a file is never held whole), the
//! compact stored form, and IndexedDB ([`super::store`]). It answers one job at a time with the
//! replies of [`super::protocol`].

use js_sys::Uint8Array;

use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use super::protocol::{Reply, Request, Task, WireOptions, field, keys_to_js, message, transfer};
use super::store;
use crate::core::datasets::data::DatasetData;
use crate::core::datasets::info::DatasetInfo;
use crate::core::datasets::intern::Interner;
use crate::core::datasets::name_map::NameMap;
use crate::io::datasets::binary;
use crate::io::datasets::import::Importer;
use crate::view::datasets_import::{FileReport, Stored};

/// Bytes read per slice.
const CHUNK: usize = 4 << 20;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Posts a reply, with keys transferred when given.
fn post(reply: &Reply, keys: Option<&[u64]>) {
    let json = serde_json::to_string(reply).unwrap_or_default();
    match keys {
        Some(k) => {
            let array = keys_to_js(k);
            let msg = message(&json, &[("keys", &array.clone().into())]);
            let _ = scope().post_message_with_transfer(&msg, &transfer(&array));
        }
        None => {
            let _ = scope().post_message(&message(&json, &[]));
        }
    }
}

/// Starts listening (the worker binary's `main`).
pub fn start() {
    console_error_panic_hook::set_once();
    // The handler lives as long as the worker.
    gloo_events::EventListener::new(&scope(), "message", |e| {
        if let Some(e) = e.dyn_ref::<MessageEvent>() {
            wasm_bindgen_futures::spawn_local(handle(e.data()));
        }
    })
    .forget();
    post(&Reply::Ready, None);
}

async fn handle(data: wasm_bindgen::JsValue) {
    let Some(json) = field(&data, "json").as_string() else {
        return;
    };
    let request: Request = match serde_json::from_str(&json) {
        Ok(r) => r,
        Err(e) => {
            post(
                &Reply::StoreProblem {
                    job: 0,
                    message: format!("the worker got a message it cannot read: {e}"),
                },
                None,
            );
            return;
        }
    };
    let job = request.job;
    let mut interner = match Interner::from_tail(&request.interner) {
        Ok(i) => i,
        Err(e) => {
            post(
                &Reply::StoreProblem {
                    job,
                    message: e.to_string(),
                },
                None,
            );
            post(&Reply::Done { job }, None);
            return;
        }
    };
    match request.task {
        Task::Import {
            target,
            options,
            replace,
        } => {
            let names: NameMap = field(&data, "names")
                .as_string()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
            let files: Vec<File> = js_sys::Array::from(&field(&data, "files"))
                .iter()
                .filter_map(|f| f.dyn_into::<File>().ok())
                .collect();
            import(
                job,
                &target,
                &options,
                replace,
                &names,
                &files,
                &mut interner,
            )
            .await;
        }
        Task::Restore => restore(job, &mut interner).await,
        Task::Forget { dataset } => match store::open().await {
            Ok(db) => {
                if let Err(e) = store::forget(&db, &dataset).await {
                    post(&Reply::StoreProblem { job, message: e }, None);
                }
            }
            Err(e) => post(&Reply::StoreProblem { job, message: e }, None),
        },
    }
    post(&Reply::Done { job }, None);
}

/// Reads one file into `interner`; the error in words.
fn read_file(
    job: u64,
    index: usize,
    file: &File,
    options: &WireOptions,
    names: &NameMap,
    interner: &mut Interner,
) -> Result<crate::io::datasets::import::FileImport, String> {
    let reader = FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    let total = file.size() as u64;
    let mut importer = Importer::new(&file.name(), options.options());
    let mut buf = vec![0u8; CHUNK];
    let mut offset = 0u64;
    while offset < total {
        let end = (offset + CHUNK as u64).min(total);
        let slice = file
            .slice_with_f64_and_f64(offset as f64, end as f64)
            .map_err(|e| format!("{e:?}"))?;
        let array = reader
            .read_as_array_buffer(&slice)
            .map_err(|e| format!("reading failed after {offset} bytes: {e:?}"))?;
        let array = Uint8Array::new(&array);
        let n = array.length() as usize;
        array.copy_to(&mut buf[..n]);
        importer
            .feed(&buf[..n], interner, names)
            .map_err(|e| e.to_string())?;
        offset = end;
        post(
            &Reply::Progress {
                job,
                file: index,
                bytes: offset,
                total,
                rows: importer.progress().rows,
            },
            None,
        );
    }
    importer.finish(interner, names).map_err(|e| e.to_string())
}

async fn import(
    job: u64,
    target: &DatasetInfo,
    options: &WireOptions,
    replace: bool,
    names: &NameMap,
    files: &[File],
    interner: &mut Interner,
) {
    let db = store::open().await;
    if let Err(e) = &db {
        post(
            &Reply::StoreProblem {
                job,
                message: e.clone(),
            },
            None,
        );
    }
    if replace
        && let Ok(db) = &db
        && let Err(e) = store::forget(db, &target.id).await
    {
        post(&Reply::StoreProblem { job, message: e }, None);
    }
    for (index, file) in files.iter().enumerate() {
        let mark = interner.mark();
        let t0 = now();
        let name = file.name();
        match read_file(job, index, file, options, names, interner) {
            Ok(f) => {
                let report = FileReport::of(&name, &f, now() - t0);
                let Some(source) = f.data.sources.first().cloned() else {
                    continue;
                };
                post(
                    &Reply::File {
                        job,
                        file: index,
                        dataset: target.id.clone(),
                        report,
                        tail: interner.tail(mark),
                        records: f.data.records,
                        source: source.clone(),
                    },
                    Some(f.data.keys.as_slice()),
                );
                let outcome = match &db {
                    Ok(db) => {
                        let bytes = binary::encode(target, &f.data, interner);
                        store::put(db, &store::record_key(&target.id, &source.sha256), &bytes).await
                    }
                    Err(e) => Stored::Unavailable(e.clone()),
                };
                post(
                    &Reply::Stored {
                        job,
                        file: index,
                        outcome,
                    },
                    None,
                );
            }
            Err(error) => post(
                &Reply::FileFailed {
                    job,
                    file: index,
                    name,
                    error,
                    tail: interner.tail(mark),
                },
                None,
            ),
        }
    }
}

async fn restore(job: u64, interner: &mut Interner) {
    let db = match store::open().await {
        Ok(db) => db,
        Err(message) => {
            post(&Reply::StoreProblem { job, message }, None);
            return;
        }
    };
    let keys = match store::keys(&db).await {
        Ok(k) => k,
        Err(message) => {
            post(&Reply::StoreProblem { job, message }, None);
            return;
        }
    };
    for key in keys {
        let mark = interner.mark();
        let bytes = match store::get(&db, &key).await {
            Ok(Some(b)) => b,
            Ok(None) => continue,
            Err(message) => {
                post(&Reply::StoreProblem { job, message }, None);
                continue;
            }
        };
        match binary::decode(&bytes, interner) {
            Ok((meta, data)) => post(
                &Reply::Restored {
                    job,
                    info: meta.info,
                    records: data.records,
                    sources: data.sources.clone(),
                    tail: interner.tail(mark),
                },
                Some(keys_of(&data)),
            ),
            Err(e) => {
                let reason = e.to_string();
                let moved = store::set_aside(&db, &key, &bytes, &reason).await;
                let reason = match moved {
                    Ok(()) => reason,
                    Err(m) => format!("{reason} (and it could not be moved aside: {m})"),
                };
                post(
                    &Reply::SetAside {
                        job,
                        key,
                        reason,
                        tail: interner.tail(mark),
                    },
                    None,
                );
            }
        }
    }
}

fn keys_of(data: &DatasetData) -> &[u64] {
    data.keys.as_slice()
}
