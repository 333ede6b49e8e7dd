//! The browser's keeping of imported datasets: IndexedDB (through the `idb` crate), used by the
//! dataset worker. One record per imported file, keyed `<dataset id>/<SHA-256>`, holding the
//! compact stored form (`io::datasets::binary`: the dataset's entry, the file's name, size and
//! SHA-256, the interned genotypes). A record that cannot be read is moved to `set_aside` with the
//! reason, never deleted and never fatal.

use idb::builder::{DatabaseBuilder, ObjectStoreBuilder};
use idb::{Database, KeyRange, TransactionMode};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};

use crate::view::datasets_import::Stored;

/// The database's name.
pub const DB: &str = "genoforge-datasets";
const VERSION: u32 = 1;
const DATASETS: &str = "datasets";
const SET_ASIDE: &str = "set_aside";

/// The storage key of one file of a dataset.
pub fn record_key(dataset: &str, sha256: &str) -> String {
    format!("{dataset}/{sha256}")
}

/// Opens (or creates) the database.
pub async fn open() -> Result<Database, String> {
    DatabaseBuilder::new(DB)
        .version(VERSION)
        .add_object_store(ObjectStoreBuilder::new(DATASETS))
        .add_object_store(ObjectStoreBuilder::new(SET_ASIDE))
        .build()
        .await
        .map_err(|e| e.to_string())
}

/// Keeps `bytes` under `key`; a full storage is [`Stored::Full`].
pub async fn put(db: &Database, key: &str, bytes: &[u8]) -> Stored {
    let result = async {
        let tx = db
            .transaction(&[DATASETS], TransactionMode::ReadWrite)
            .map_err(|e| e.to_string())?;
        let store = tx.object_store(DATASETS).map_err(|e| e.to_string())?;
        let value: JsValue = Uint8Array::from(bytes).into();
        store
            .put(&value, Some(&JsValue::from_str(key)))
            .map_err(|e| e.to_string())?
            .await
            .map_err(|e| e.to_string())?;
        match tx.await {
            Ok(r) if r.is_committed() => Ok(()),
            Ok(_) => Err("the write was aborted".to_owned()),
            Err(e) => Err(e.to_string()),
        }
    }
    .await;
    match result {
        Ok(()) => Stored::Saved(bytes.len() as u64),
        Err(e) if e.contains("Quota") || e.contains("quota") => Stored::Full(e),
        Err(e) => Stored::Unavailable(e),
    }
}

/// Every stored key, sorted.
pub async fn keys(db: &Database) -> Result<Vec<String>, String> {
    let tx = db
        .transaction(&[DATASETS], TransactionMode::ReadOnly)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(DATASETS).map_err(|e| e.to_string())?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
}

/// One stored record's bytes (`None` when absent or not bytes).
pub async fn get(db: &Database, key: &str) -> Result<Option<Vec<u8>>, String> {
    let tx = db
        .transaction(&[DATASETS], TransactionMode::ReadOnly)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(DATASETS).map_err(|e| e.to_string())?;
    let value = store
        .get(JsValue::from_str(key))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    Ok(value.map(|v| {
        if v.is_instance_of::<Uint8Array>() || v.is_instance_of::<js_sys::ArrayBuffer>() {
            Uint8Array::new(&v).to_vec()
        } else {
            Vec::new()
        }
    }))
}

/// Moves a record that cannot be read to `set_aside` (with the reason), out of the datasets.
pub async fn set_aside(db: &Database, key: &str, bytes: &[u8], reason: &str) -> Result<(), String> {
    let tx = db
        .transaction(&[DATASETS, SET_ASIDE], TransactionMode::ReadWrite)
        .map_err(|e| e.to_string())?;
    let aside = tx.object_store(SET_ASIDE).map_err(|e| e.to_string())?;
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"reason".into(), &reason.into());
    let _ = js_sys::Reflect::set(&o, &"bytes".into(), &Uint8Array::from(bytes).into());
    aside
        .put(&o.into(), Some(&JsValue::from_str(key)))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(DATASETS).map_err(|e| e.to_string())?;
    store
        .delete(JsValue::from_str(key))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.await.map(|_| ()).map_err(|e| e.to_string())
}

/// Forgets every stored file of a dataset.
pub async fn forget(db: &Database, dataset: &str) -> Result<(), String> {
    let tx = db
        .transaction(&[DATASETS], TransactionMode::ReadWrite)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(DATASETS).map_err(|e| e.to_string())?;
    // Keys `<id>/…`: '/' sorts before '0', so `<id>/` … `<id>0` holds exactly them.
    let range = KeyRange::bound(
        &JsValue::from_str(&format!("{dataset}/")),
        &JsValue::from_str(&format!("{dataset}0")),
        Some(false),
        Some(true),
    )
    .map_err(|e| e.to_string())?;
    store
        .delete(range)
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.await.map(|_| ()).map_err(|e| e.to_string())
}
