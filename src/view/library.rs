//! The design library: the user's named designs for one reference genome, as the browser keeps
//! them (an index of entries here; each design's spec stored beside it under its entry's id).
//!
//! Pure: entries are renamed, duplicated, removed and stamped here; the storage plumbing is
//! `ui::persist`. Times are RFC 3339 strings supplied by the caller (the browser's clock). Every
//! save raises the entry's `revision`, which is how a tab notices that another tab saved the same
//! design since it last read it ([`check`]).

use serde::{Deserialize, Serialize};

/// One named design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable identifier, unique in the library (`d1`, `d2`, …; never reused).
    pub id: String,
    /// The name people gave it (not empty).
    pub name: String,
    /// What it is for (may be empty).
    #[serde(default)]
    pub description: String,
    /// When it was created (RFC 3339).
    pub created: String,
    /// When it was last saved (RFC 3339).
    pub modified: String,
    /// Edits in it when last saved.
    #[serde(default)]
    pub edits: usize,
    /// Raised by every save.
    #[serde(default)]
    pub revision: u64,
}

/// The choice a two-tab conflict offers, in the same words in its notice and its banner: replace
/// this tab's design by the version another tab saved…
pub const LOAD_OTHER_TAB: &str = "Load the other tab's version";

/// …or keep this tab's design as a new design of the library (the other tab's stays as it was).
pub const SAVE_MINE_AS_COPY: &str = "Save mine as a copy";

/// The name autosave gives a design the user has not named (`Untitled design`, then
/// `Untitled design 2`, … as [`DesignLibrary::unique_name`] makes it unique).
pub const UNTITLED: &str = "Untitled design";

impl Entry {
    /// The name the user gave the design: `None` while it has the name autosave gave it
    /// ([`UNTITLED`], or `Untitled design 2`, …).
    pub fn given_name(&self) -> Option<&str> {
        let untitled = self.name.strip_prefix(UNTITLED).is_some_and(|rest| {
            rest.is_empty()
                || rest
                    .strip_prefix(' ')
                    .is_some_and(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
        });
        (!untitled).then_some(self.name.as_str())
    }
}

/// The library of one reference.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignLibrary {
    /// Entries, oldest first.
    pub entries: Vec<Entry>,
    /// The number the next entry's id takes.
    #[serde(default)]
    pub next: u64,
}

/// Why a library change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    /// No entry has this id (deleted meanwhile, perhaps in another tab).
    #[error("no design with id {0} (it may have been deleted in another tab)")]
    Unknown(String),
    /// An empty name.
    #[error("a design needs a name")]
    EmptyName,
    /// Another entry already has this name.
    #[error("a design named “{0}” exists already")]
    NameTaken(String),
    /// The stored index is not a library.
    #[error("the design library could not be read: {0}")]
    Unreadable(String),
}

/// Whether the design a tab shows is still the stored one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncState {
    /// Storage holds the revision the tab last read or wrote.
    InStep,
    /// Another tab saved it since: its entry as stored now.
    ChangedElsewhere(Entry),
    /// Another tab deleted it.
    DeletedElsewhere,
}

/// Compares what a tab knows (`known_revision` of entry `id`) with the library as stored.
pub fn check(stored: &DesignLibrary, id: &str, known_revision: u64) -> SyncState {
    match stored.get(id) {
        None => SyncState::DeletedElsewhere,
        Some(e) if e.revision > known_revision => SyncState::ChangedElsewhere(e.clone()),
        Some(_) => SyncState::InStep,
    }
}

impl DesignLibrary {
    /// Reads a stored index (JSON).
    pub fn parse(text: &str) -> Result<Self, LibraryError> {
        serde_json::from_str(text).map_err(|e| LibraryError::Unreadable(e.to_string()))
    }

    /// The index as stored (JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"entries\":[]}".to_owned())
    }

    /// An entry by id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Entry, LibraryError> {
        self.entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or_else(|| LibraryError::Unknown(id.to_owned()))
    }

    /// The most recently saved entry.
    pub fn most_recent(&self) -> Option<&Entry> {
        self.entries
            .iter()
            .max_by(|a, b| a.modified.cmp(&b.modified))
    }

    /// `base`, or `base 2`, `base 3`, … : the first name no entry has.
    pub fn unique_name(&self, base: &str) -> String {
        let taken = |n: &str| self.entries.iter().any(|e| e.name == n);
        if !taken(base) {
            return base.to_owned();
        }
        (2..)
            .map(|k| format!("{base} {k}"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| base.to_owned())
    }

    /// Adds an entry named `name` (made unique) created `now` with `edits` edits; returns its id.
    pub fn add(&mut self, name: &str, now: &str, edits: usize) -> String {
        self.next = self.next.max(self.entries.len() as u64) + 1;
        let mut id = format!("d{}", self.next);
        while self.get(&id).is_some() {
            self.next += 1;
            id = format!("d{}", self.next);
        }
        let name = self.unique_name(if name.trim().is_empty() {
            "Design"
        } else {
            name.trim()
        });
        self.entries.push(Entry {
            id: id.clone(),
            name,
            description: String::new(),
            created: now.to_owned(),
            modified: now.to_owned(),
            edits,
            revision: 0,
        });
        id
    }

    /// Renames and describes an entry. The name is trimmed; an empty name or another entry's name
    /// is refused and changes nothing.
    pub fn rename(&mut self, id: &str, name: &str, description: &str) -> Result<(), LibraryError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(LibraryError::EmptyName);
        }
        if self.entries.iter().any(|e| e.id != id && e.name == name) {
            return Err(LibraryError::NameTaken(name.to_owned()));
        }
        let e = self.get_mut(id)?;
        e.name = name.to_owned();
        e.description = description.trim().to_owned();
        Ok(())
    }

    /// Adds a copy of an entry ("name copy", made unique) created `now`; returns its id. The
    /// caller copies the stored design.
    pub fn duplicate(&mut self, id: &str, now: &str) -> Result<String, LibraryError> {
        let src = self
            .get(id)
            .cloned()
            .ok_or_else(|| LibraryError::Unknown(id.to_owned()))?;
        let new = self.add(&format!("{} copy", src.name), now, src.edits);
        if let Ok(e) = self.get_mut(&new) {
            e.description = src.description;
        }
        Ok(new)
    }

    /// Removes an entry; returns it.
    pub fn remove(&mut self, id: &str) -> Result<Entry, LibraryError> {
        let i = self
            .entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| LibraryError::Unknown(id.to_owned()))?;
        Ok(self.entries.remove(i))
    }

    /// Records a save of entry `id` at `now` with `edits` edits; returns its new revision.
    pub fn saved(&mut self, id: &str, now: &str, edits: usize) -> Result<u64, LibraryError> {
        let e = self.get_mut(id)?;
        e.modified = now.to_owned();
        e.edits = edits;
        e.revision += 1;
        Ok(e.revision)
    }
}
