//! The messages between the page and its dataset worker, and how keys cross between them.
//!
//! A message is a plain JS object: `json` (a [`Request`] or [`Reply`] as JSON), plus for an import
//! `names` (the genome's [`NameMap`] as JSON, built once per genome) and `files` (the picked
//! `File`s, which the worker reads in slices), and for a reply carrying keys `keys` (a
//! `BigUint64Array` of the sorted keys, its buffer transferred rather than copied).
//!
//! The worker interns genes into a copy of the page's interner ([`Tail`] from its start) and sends
//! back what it added ([`Tail`] from the mark it started at), so its keys are the page's keys. The
//! page runs one job at a time and interns nothing meanwhile; a tail that does not fit is an error
//! said to the user, never a silent remapping.

use js_sys::{Array, BigUint64Array, Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::datasets::data::SourceFile;
use crate::core::datasets::info::DatasetInfo;
use crate::core::datasets::mirror::Tail;
use crate::io::datasets::format::{ColumnMapping, FormatHint};
use crate::io::datasets::import::ImportOptions;
use crate::view::datasets_import::{FileReport, Stored};

/// How to read the files of an import (the serialisable form of [`ImportOptions`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireOptions {
    /// `costanzo`, `kuzmin`, `table`, `genelist`; `None` sniffs.
    pub format: Option<String>,
    /// The genes column(s), comma-separated names.
    pub genes: Option<String>,
    /// The environment column.
    pub environment: Option<String>,
    /// The phenotype column.
    pub phenotype: Option<String>,
    /// Separator inside a genes cell.
    pub separator: Option<char>,
    /// Keep YDL227C (HO) in Kuzmin genotypes.
    pub keep_ho: bool,
}

impl WireOptions {
    /// The importer's options.
    pub fn options(&self) -> ImportOptions {
        ImportOptions {
            format: self.format.as_deref().and_then(FormatHint::parse),
            mapping: ColumnMapping {
                genes: self.genes.clone(),
                environment: self.environment.clone(),
                phenotype: self.phenotype.clone(),
                separator: self.separator,
            },
            keep_ho: self.keep_ho,
        }
    }
}

/// A job for the worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Task {
    /// Read files into one dataset and keep each file's data in the browser's storage.
    Import {
        /// The dataset they fill.
        target: Box<DatasetInfo>,
        /// How to read them.
        options: WireOptions,
        /// Forget the dataset's stored files first (the new files replace its data).
        replace: bool,
    },
    /// Read every stored dataset back.
    Restore,
    /// Forget the stored files of a dataset.
    Forget {
        /// Its id.
        dataset: String,
    },
}

/// A request: a job number, the page's interner and the task.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request {
    /// Increasing job number.
    pub job: u64,
    /// The page's interner, whole.
    pub interner: Tail,
    /// What to do.
    pub task: Task,
}

/// What the worker says.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is listening.
    Ready,
    /// How far the file being read is.
    Progress {
        /// Job.
        job: u64,
        /// Position of the file in the job.
        file: usize,
        /// Bytes read.
        bytes: u64,
        /// Its size.
        total: u64,
        /// Data rows read.
        rows: u64,
    },
    /// A file was read (its keys travel beside).
    File {
        /// Job.
        job: u64,
        /// Position of the file in the job.
        file: usize,
        /// The dataset it fills.
        dataset: String,
        /// What the file gave.
        report: FileReport,
        /// Genes and environments interned for it.
        tail: Tail,
        /// Records read.
        records: u64,
        /// The file (name, size, SHA-256).
        source: SourceFile,
    },
    /// A file could not be read; nothing of it is kept.
    FileFailed {
        /// Job.
        job: u64,
        /// Position of the file in the job.
        file: usize,
        /// File name.
        name: String,
        /// Why.
        error: String,
        /// Genes it interned before failing (kept so both interners stay equal).
        tail: Tail,
    },
    /// Whether a file's data was kept in the browser's storage.
    Stored {
        /// Job.
        job: u64,
        /// Position of the file in the job.
        file: usize,
        /// The outcome.
        outcome: Stored,
    },
    /// A stored dataset file, read back (its keys travel beside).
    Restored {
        /// Job.
        job: u64,
        /// Its registry or user entry.
        info: DatasetInfo,
        /// Records it held.
        records: u64,
        /// Its file.
        sources: Vec<SourceFile>,
        /// Genes and environments interned for it.
        tail: Tail,
    },
    /// A stored dataset could not be read; it was moved aside.
    SetAside {
        /// Job.
        job: u64,
        /// Its storage key.
        key: String,
        /// Why.
        reason: String,
        /// Genes interned before the problem was found.
        tail: Tail,
    },
    /// The browser's storage cannot be used.
    StoreProblem {
        /// Job.
        job: u64,
        /// Why.
        message: String,
    },
    /// The job is over.
    Done {
        /// Job.
        job: u64,
    },
}

/// Sorted keys in a JS buffer (to transfer): one copy out of the worker's memory.
pub fn keys_to_js(keys: &[u64]) -> BigUint64Array {
    let array = BigUint64Array::new_with_length(keys.len() as u32);
    array.copy_from(keys);
    array
}

/// Keys per copy on the page: a million keys arrive in 8 steps, each its own task.
pub const KEYS_PER_STEP: usize = 1 << 17;

/// Keys back from a JS buffer, copied in steps of [`KEYS_PER_STEP`] with `pause` awaited between
/// steps; `None` when the value is not a key buffer.
pub async fn keys_from_js<F: std::future::Future<Output = ()>>(
    value: &JsValue,
    mut pause: impl FnMut() -> F,
) -> Option<Vec<u64>> {
    let array: BigUint64Array = value.clone().dyn_into().ok()?;
    let n = array.length() as usize;
    let mut out = vec![0u64; n];
    let mut start = 0;
    while start < n {
        let end = (start + KEYS_PER_STEP).min(n);
        array
            .subarray(start as u32, end as u32)
            .copy_to(&mut out[start..end]);
        start = end;
        if start < n {
            pause().await;
        }
    }
    Some(out)
}

/// A message object with `json` and optional extra fields.
pub fn message(json: &str, extra: &[(&str, &JsValue)]) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"json".into(), &json.into());
    for (k, v) in extra {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// A field of a message object.
pub fn field(message: &JsValue, name: &str) -> JsValue {
    Reflect::get(message, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The transfer list for a key buffer.
pub fn transfer(array: &BigUint64Array) -> Array {
    Array::of1(&array.buffer())
}
