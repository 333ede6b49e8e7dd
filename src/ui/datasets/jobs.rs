//! The page's side of the dataset worker: starting it, sending it one job at a time (with a copy of
//! the catalog's interner taken when the job starts), applying its replies to the catalog, and
//! cancelling (the worker is ended and a fresh one started for the next job).
//!
//! The worker runs `genoforge-worker.js` and its wasm from beside the page (Trunk's worker build),
//! started from a small script of its own ([`crate::ui::asset_version::worker_script`]) that
//! fetches both under the version query: Trunk does not hash their names.

use std::rc::Rc;

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker};

use super::merge::{add, append, keys_of};
use super::protocol::{Reply, Request, Task, field, message};
use super::queue::{Pending, Running};
use super::state::{DatasetsState, Progress, ReportEntry};
use crate::core::coord::thousands;
use crate::core::datasets::data::{DataStatus, DatasetData};
use crate::core::datasets::mirror::Mark;
use crate::ui::browser::{now_ms, yield_now};

/// A Blob URL of the worker's start script, its glue and wasm beside the page's base.
fn worker_url() -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new_with_base("./", &b).ok())
        .map(|u| u.href())
        .ok_or("no base URL")?;
    let script = crate::ui::asset_version::worker_script(&base);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&script));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))
}

fn start_worker(state: DatasetsState) -> Result<(), String> {
    // The Blob URL is kept (a few hundred bytes per start): the worker may fetch it after this
    // returns.
    let worker = Worker::new(&worker_url()?).map_err(|e| format!("{e:?}"))?;
    let on_message = EventListener::new(&worker, "message", move |e| {
        if let Some(e) = e.dyn_ref::<MessageEvent>() {
            queue_reply(state, e.data());
        }
    });
    let on_error = EventListener::new(&worker, "error", move |e| {
        let text = js_sys::Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the dataset worker failed".to_owned());
        state
            .app
            .notify(true, format!("The dataset worker stopped: {text}"));
        cancel_with(state, None);
    });
    state.jobs.update_value(|j| {
        j.worker = Some((worker, on_message, on_error));
        j.ready = false;
    });
    Ok(())
}

/// Queues a job and starts it when the worker is free.
pub fn submit(state: DatasetsState, task: Task, files: Vec<File>, names: Option<Rc<String>>) {
    state.jobs.update_value(|j| {
        j.queue.push_back(Pending { task, files, names });
    });
    pump(state);
}

/// Starts the next job when the worker is free. The job works from a copy of the catalog's
/// interner and its replies are appended to it, so nothing may intern here meanwhile: loading the
/// bundled gene lists waits for the job's end (`bundled::reload`, `reload_if_pending`).
fn pump(state: DatasetsState) {
    let has_worker = state.jobs.with_value(|j| j.worker.is_some());
    if !has_worker && let Err(e) = start_worker(state) {
        state.app.notify(
            true,
            format!("The dataset worker could not start ({e}); datasets cannot be imported or restored in this browser."),
        );
        state.restored.set(true);
        state.jobs.update_value(|j| j.queue.clear());
        return;
    }
    let next = state.jobs.try_update_value(|j| {
        if !j.ready || j.running.is_some() {
            return None;
        }
        let p = j.queue.pop_front()?;
        j.next += 1;
        j.running = Some(Running {
            job: j.next,
            task: p.task.clone(),
            cleared: false,
            reports: Vec::new(),
        });
        Some((j.next, p))
    });
    let Some(Some((job, p))) = next else { return };
    let interner = state
        .catalog
        .with_untracked(|c| c.interner.tail(Mark::ZERO));
    if let Task::Import { target, .. } = &p.task {
        let files = p
            .files
            .iter()
            .map(|f| (f.name(), f.size() as u64))
            .collect();
        let t = now_ms();
        state.progress.set(Some(Progress {
            dataset: target.id.clone(),
            files,
            file: 0,
            bytes: 0,
            rows: 0,
            started_ms: t,
            now_ms: t,
        }));
    }
    let request = Request {
        job,
        interner,
        task: p.task,
    };
    let json = serde_json::to_string(&request).unwrap_or_default();
    let files = js_sys::Array::new();
    for f in &p.files {
        files.push(f);
    }
    let names: wasm_bindgen::JsValue = p
        .names
        .map(|n| n.as_str().into())
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    let msg = message(&json, &[("files", &files.into()), ("names", &names)]);
    state.jobs.with_value(|j| {
        if let Some((w, _, _)) = &j.worker {
            let _ = w.post_message(&msg);
        }
    });
}

/// Cancels the running job: the worker is ended (files already read stay imported) and a fresh
/// one takes the next job.
pub fn cancel(state: DatasetsState) {
    cancel_with(state, Some("Import cancelled"));
}

fn cancel_with(state: DatasetsState, said: Option<&str>) {
    let running = state.jobs.try_update_value(|j| {
        if let Some((w, _, _)) = j.worker.take() {
            w.terminate();
        }
        j.ready = false;
        j.running.take()
    });
    super::bundled::reload_if_pending(state);
    let progress = state.progress.get_untracked();
    state.progress.set(None);
    if let (Some(said), Some(p)) = (said, progress) {
        let done: Vec<&str> = p.files[..p.file.min(p.files.len())]
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        let current = p.files.get(p.file).map_or("", |(n, _)| n.as_str());
        state.app.notify(
            false,
            if done.is_empty() {
                format!("{said}: nothing of {current} was added to {}.", p.dataset)
            } else {
                format!(
                    "{said}: nothing of {current} was added to {}; {} (read before) stay imported.",
                    p.dataset,
                    done.join(", ")
                )
            },
        );
    }
    if let Some(Some(Running {
        task: Task::Restore,
        ..
    })) = running
    {
        state.restored.set(true);
    }
    if state.jobs.with_value(|j| !j.queue.is_empty()) {
        pump(state);
    }
}

/// Whether a job is running or waiting.
pub fn busy(state: DatasetsState) -> bool {
    state
        .jobs
        .with_value(|j| j.running.is_some() || !j.queue.is_empty())
}

/// Queues a reply; they are handled in order, each in a task of its own.
fn queue_reply(state: DatasetsState, data: wasm_bindgen::JsValue) {
    let start = state.jobs.try_update_value(|j| {
        j.replies.push_back(data);
        !std::mem::replace(&mut j.draining, true)
    });
    if start == Some(true) {
        leptos::task::spawn_local(async move {
            while let Some(Some(data)) = state.jobs.try_update_value(|j| {
                let next = j.replies.pop_front();
                if next.is_none() {
                    j.draining = false;
                }
                next
            }) {
                // Each reply in a task of its own (not in the microtasks of the message event).
                yield_now().await;
                on_reply(state, &data).await;
            }
        });
    }
}

async fn on_reply(state: DatasetsState, data: &wasm_bindgen::JsValue) {
    let Some(reply) = field(data, "json")
        .as_string()
        .and_then(|j| serde_json::from_str::<Reply>(&j).ok())
    else {
        return;
    };
    let running = state.jobs.with_value(|j| j.running.clone());
    let current = |job: u64| running.as_ref().is_some_and(|r| r.job == job);
    match reply {
        Reply::Ready => {
            state.jobs.update_value(|j| j.ready = true);
            pump(state);
        }
        Reply::Progress {
            job,
            file,
            bytes,
            rows,
            ..
        } if current(job) => state.progress.update(|p| {
            if let Some(p) = p {
                if p.file != file {
                    p.started_ms = now_ms();
                }
                p.file = file;
                p.bytes = bytes;
                p.rows = rows;
                p.now_ms = now_ms();
            }
        }),
        Reply::File {
            job,
            file,
            dataset,
            report,
            tail,
            records,
            source,
        } if current(job) => {
            let Some(Running {
                task: Task::Import {
                    target, replace, ..
                },
                cleared,
                ..
            }) = running
            else {
                return;
            };
            // The keys are copied in steps, then added with their genes in one change.
            let Some(keys) = keys_of(data).await else {
                append(state, &tail);
                state.app.notify(
                    true,
                    format!(
                        "{}: the keys came back damaged; nothing was added.",
                        source.name
                    ),
                );
                return;
            };
            let data = DatasetData {
                status: DataStatus::Imported,
                keys,
                records,
                sources: vec![source.clone()],
            };
            let added = add(state, &tail, &target, data, replace && !cleared).await;
            let id = state.jobs.try_update_value(|j| {
                j.next_report += 1;
                if let Some(r) = &mut j.running {
                    r.cleared = true;
                    r.reports.resize(r.reports.len().max(file + 1), None);
                    r.reports[file] = Some(j.next_report);
                }
                j.next_report
            });
            let id = id.unwrap_or_default();
            if !added {
                state.app.notify(
                    false,
                    format!(
                        "{} is already in {dataset} (same SHA-256): not added twice.",
                        source.name
                    ),
                );
            }
            state.reports.update(|r| {
                r.push(ReportEntry {
                    id,
                    dataset: dataset.clone(),
                    report: Ok(report),
                    stored: None,
                    store_problem: false,
                })
            });
            state.refresh_sources(replace.then_some(dataset.as_str()));
        }
        Reply::FileFailed {
            job,
            file,
            name,
            error,
            tail,
        } if current(job) => {
            append(state, &tail);
            let dataset = match &running {
                Some(Running {
                    task: Task::Import { target, .. },
                    ..
                }) => target.id.clone(),
                _ => String::new(),
            };
            state
                .app
                .notify(true, format!("{name} was not imported: {error}"));
            let id = state
                .jobs
                .try_update_value(|j| {
                    j.next_report += 1;
                    if let Some(r) = &mut j.running {
                        r.reports.resize(r.reports.len().max(file + 1), None);
                    }
                    j.next_report
                })
                .unwrap_or_default();
            state.reports.update(|r| {
                r.push(ReportEntry {
                    id,
                    dataset,
                    report: Err((name, error)),
                    stored: None,
                    store_problem: false,
                })
            });
        }
        Reply::Stored { job, file, outcome } if current(job) => {
            let id = running
                .as_ref()
                .and_then(|r| r.reports.get(file).copied().flatten());
            if outcome.is_problem() {
                state
                    .app
                    .notify(true, format!("Imported data {}", outcome.text()));
            }
            state.reports.update(|r| {
                if let Some(e) = r.iter_mut().find(|e| Some(e.id) == id) {
                    e.stored = Some(outcome.text());
                    e.store_problem = outcome.is_problem();
                }
            });
        }
        Reply::Restored {
            job,
            info,
            records,
            sources,
            tail,
        } if current(job) => match keys_of(data).await {
            Some(keys) => {
                let data = DatasetData {
                    status: DataStatus::Imported,
                    keys,
                    records,
                    sources,
                };
                add(state, &tail, &info, data, false).await;
            }
            None => {
                append(state, &tail);
                state.app.notify(
                    true,
                    format!(
                        "A stored file of {} came back damaged; it was left out.",
                        info.id
                    ),
                );
            }
        },
        Reply::SetAside {
            job,
            key,
            reason,
            tail,
        } if current(job) => {
            append(state, &tail);
            state.app.notify(
                true,
                format!(
                    "A dataset kept in this browser could not be read ({reason}). It was set aside (IndexedDB “{}”, store set_aside, key {key}); import its file again.",
                    super::store::DB
                ),
            );
        }
        Reply::StoreProblem { job, message } if job == 0 || current(job) => {
            state.app.notify(
                true,
                format!(
                    "This browser's storage for datasets cannot be used ({message}); imported datasets stay for this session only."
                ),
            );
        }
        Reply::Done { job } if current(job) => {
            if let Some(Running {
                task: Task::Restore,
                ..
            }) = &running
            {
                state.restored.set(true);
                let n = state.catalog.with_untracked(|c| {
                    c.entries
                        .iter()
                        .filter(|e| e.status() == DataStatus::Imported)
                        .count()
                });
                if n > 0 {
                    state.app.notify(
                        false,
                        format!(
                            "Restored {} imported dataset(s) from this browser's storage.",
                            thousands(n as u64)
                        ),
                    );
                }
                state.refresh_sources(None);
            }
            if matches!(
                &running,
                Some(Running {
                    task: Task::Import { .. },
                    ..
                })
            ) {
                state.progress.set(None);
            }
            state.jobs.update_value(|j| j.running = None);
            super::bundled::reload_if_pending(state);
            pump(state);
        }
        _ => {}
    }
}
