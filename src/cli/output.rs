//! The CLI's outputs, written as one transaction: each file goes to a temporary file in its own
//! directory and is renamed into place only after every output of the run is complete (flushed
//! and synced). A failure on any output leaves every existing file as it was and removes the
//! temporary files. Every error names the path.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Outputs written so far, waiting for [`Outputs::commit`]. Dropping it uncommitted removes them.
#[derive(Debug, Default)]
pub(crate) struct Outputs {
    /// (temporary file, final path), in the order written.
    pending: Vec<(PathBuf, PathBuf)>,
}

impl Outputs {
    /// Starts an empty transaction.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Writes one output (buffered) to a temporary file beside `path`.
    pub(crate) fn write(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
    ) -> Result<(), String> {
        let tmp = temporary_path(path);
        let file = File::create(&tmp).map_err(|e| format!("{}: {e}", path.display()))?;
        self.pending.push((tmp.clone(), path.to_owned()));
        let mut out = BufWriter::new(file);
        write(&mut out)
            .and_then(|()| out.flush())
            .and_then(|()| out.get_ref().sync_all())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Moves every output into place.
    pub(crate) fn commit(mut self) -> Result<(), String> {
        for (tmp, path) in std::mem::take(&mut self.pending) {
            std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }
}

impl Drop for Outputs {
    fn drop(&mut self) {
        for (tmp, _) in &self.pending {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// `dir/.name.genoforge-PID.tmp`: hidden, in the same directory (so the rename is atomic).
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.genoforge-{}.tmp", std::process::id()))
}
