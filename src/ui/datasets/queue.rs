//! The dataset worker's bookkeeping on the page: the worker, the jobs waiting and the one under
//! way, the replies not handled yet (`super::jobs` drives them).

use std::collections::VecDeque;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::{File, Worker};

use super::protocol::Task;

/// A job waiting for the worker.
#[derive(Clone, Debug)]
pub struct Pending {
    /// What to do.
    pub task: Task,
    /// The files of an import.
    pub files: Vec<File>,
    /// The genome's name table as JSON (imports).
    pub names: Option<Rc<String>>,
}

/// The job the worker is doing.
#[derive(Clone, Debug)]
pub struct Running {
    /// Job number.
    pub job: u64,
    /// What it does.
    pub task: Task,
    /// Whether the target's old data was dropped (a replacing import does it once).
    pub cleared: bool,
    /// Report ids of this job's files, by position.
    pub reports: Vec<Option<u64>>,
}

/// The worker and its queue.
#[derive(Default)]
pub struct Jobs {
    /// The worker with its `message` and `error` listeners.
    pub worker: Option<(Worker, EventListener, EventListener)>,
    /// Replies not handled yet: one is handled per task, so a large one never holds the page.
    pub replies: VecDeque<wasm_bindgen::JsValue>,
    /// Whether replies are being handled.
    pub draining: bool,
    /// Whether the worker said it listens.
    pub ready: bool,
    /// Jobs waiting.
    pub queue: VecDeque<Pending>,
    /// The job under way.
    pub running: Option<Running>,
    /// The last job number.
    pub next: u64,
    /// The last report id.
    pub next_report: u64,
    /// Whether the bundled lists wait to be loaded into the catalog until the running job ends
    /// (the catalog's interner must not change while the worker works from a copy of it).
    pub reload_pending: bool,
}

impl Drop for Jobs {
    fn drop(&mut self) {
        if let Some((w, _, _)) = &self.worker {
            w.terminate();
        }
    }
}
