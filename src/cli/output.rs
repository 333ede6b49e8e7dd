//! The CLI's outputs, written as one transaction.
//!
//! - Before anything is read, [`check_paths`] refuses an output that resolves to an input or to
//!   another output (symbolic links, `..`, hard links and a `.gz` input included).
//! - Each output is written to a temporary file in its own directory: on Linux an unnamed
//!   `O_TMPFILE` (nothing is left behind even by SIGKILL), elsewhere or where the file system
//!   lacks it a hidden `.NAME.genoforge-PID.tmp`.
//! - Only after every output is complete (flushed and `fsync`ed) are they linked or renamed into
//!   place ([`Outputs::commit`]), and the directories are synced.
//! - A failure on any output, dropping the transaction uncommitted, SIGINT or SIGTERM leave every
//!   existing file as it was and remove the temporary files. Every error names the path.
//! - An output that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe)
//!   is written straight into, never replaced: renaming a file over `/dev/null` would turn the
//!   device into a regular file for the whole machine.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Named temporary files that exist right now (removed by the signal handler). Held during a
/// commit, so a signal waits until every rename is done.
static NAMED_TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Where an output is being written.
#[derive(Debug)]
enum Temp {
    /// An unnamed `O_TMPFILE` in the output's directory.
    Unnamed,
    /// A named temporary file.
    Named(PathBuf),
    /// The output itself, opened for writing: it is not a regular file (a device, a pipe).
    Direct,
}

#[derive(Debug)]
struct Pending {
    file: File,
    temp: Temp,
    path: PathBuf,
}

/// Outputs written so far, waiting for [`Outputs::commit`]. Dropping it uncommitted removes them.
#[derive(Debug, Default)]
pub(crate) struct Outputs {
    pending: Vec<Pending>,
}

impl Outputs {
    /// Starts an empty transaction (and, once per process, the SIGINT/SIGTERM clean-up).
    pub(crate) fn new() -> Self {
        install_signal_cleanup();
        Self::default()
    }

    /// Writes one output (buffered) to a temporary file beside `path`, then flushes and syncs it.
    pub(crate) fn write(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut BufWriter<&File>) -> std::io::Result<()>,
    ) -> Result<(), String> {
        let named = |e: std::io::Error| format!("{}: {e}", path.display());
        let (file, temp) = if is_special(path) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(named)?;
            (f, Temp::Direct)
        } else {
            create_temp(path).map_err(named)?
        };
        self.pending.push(Pending {
            file,
            temp,
            path: path.to_owned(),
        });
        let pending = self.pending.last().expect("just pushed");
        let mut out = BufWriter::with_capacity(1 << 20, &pending.file);
        write(&mut out).map_err(named)?;
        out.flush().map_err(named)?;
        drop(out);
        match pending.temp {
            // A device or a pipe has nothing to make durable (and may refuse to sync).
            Temp::Direct => Ok(()),
            _ => pending.file.sync_all().map_err(named),
        }
    }

    /// Moves every output into place, then syncs their directories.
    pub(crate) fn commit(mut self) -> Result<(), String> {
        let mut named = NAMED_TEMPS.lock().unwrap_or_else(|p| p.into_inner());
        let mut dirs: Vec<PathBuf> = Vec::new();
        for p in std::mem::take(&mut self.pending) {
            let err = |e: std::io::Error| format!("{}: {e}", p.path.display());
            let tmp = match &p.temp {
                Temp::Direct => continue,
                Temp::Named(t) => t.clone(),
                Temp::Unnamed => {
                    let t = temporary_path(&p.path);
                    link_unnamed(&p.file, &t).map_err(err)?;
                    named.push(t.clone());
                    t
                }
            };
            std::fs::rename(&tmp, &p.path).map_err(err)?;
            named.retain(|n| *n != tmp);
            let dir = directory_of(&p.path);
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        drop(named);
        for d in dirs {
            // Makes the renames durable; a directory that cannot be opened for syncing (some
            // file systems) is not an error: the files themselves are synced.
            if let Ok(f) = File::open(&d) {
                let _ = f.sync_all();
            }
        }
        Ok(())
    }
}

impl Drop for Outputs {
    fn drop(&mut self) {
        let mut named = NAMED_TEMPS.lock().unwrap_or_else(|p| p.into_inner());
        for p in &self.pending {
            if let Temp::Named(t) = &p.temp {
                let _ = std::fs::remove_file(t);
                named.retain(|n| n != t);
            }
        }
    }
}

/// Refuses, before anything is read, an output that is one of the inputs or another output:
/// paths are compared after resolving symbolic links and `..`, and existing files also by device
/// and inode (hard links). Returns the message to print (a usage error).
pub(crate) fn check_paths(inputs: &[&Path], outputs: &[(&str, &Path)]) -> Result<(), String> {
    let inputs: Vec<(Option<PathBuf>, Option<FileId>)> = inputs
        .iter()
        .map(|p| (resolved(p), FileId::of(p)))
        .collect();
    let mut seen: Vec<(&str, &Path, Option<PathBuf>, Option<FileId>)> = Vec::new();
    for &(option, path) in outputs {
        let r = resolved(path);
        let id = FileId::of(path);
        let same = |(rr, rid): (&Option<PathBuf>, &Option<FileId>)| {
            (r.is_some() && r == *rr) || (id.is_some() && id == *rid)
        };
        if inputs.iter().any(|(rr, rid)| same((rr, rid))) {
            return Err(format!(
                "{option} {} is one of the inputs; refusing to overwrite an input (write to another file)",
                path.display()
            ));
        }
        if let Some((other, _, _, _)) = seen
            .iter()
            .find(|(_, _, rr, rid)| same((rr, rid)))
            .filter(|_| !is_special(path))
        {
            return Err(format!(
                "{option} {} is the same file as {other}; give each output its own file",
                path.display()
            ));
        }
        seen.push((option, path, r, id));
    }
    Ok(())
}

/// Whether `path` exists and is not a regular file (a device such as `/dev/null`, a named pipe):
/// an output written straight into, not replaced.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Device and inode of an existing file.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct FileId(u64, u64);

impl FileId {
    #[cfg(unix)]
    fn of(p: &Path) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).ok().map(|m| Self(m.dev(), m.ino()))
    }

    #[cfg(not(unix))]
    fn of(_: &Path) -> Option<Self> {
        None
    }
}

/// The absolute path a (possibly not yet existing) file resolves to.
fn resolved(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(p) {
        return Some(c);
    }
    let name = p.file_name()?;
    let dir = std::fs::canonicalize(directory_of(p)).ok()?;
    Some(dir.join(name))
}

fn directory_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// `dir/.name.genoforge-PID.tmp`: hidden, in the same directory (so the rename is atomic).
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.genoforge-{}.tmp", std::process::id()))
}

/// Creates the temporary file for `path`: unnamed where the system allows it, else named (and
/// registered for clean-up on signals).
fn create_temp(path: &Path) -> std::io::Result<(File, Temp)> {
    if let Some(f) = create_unnamed(&directory_of(path)) {
        return Ok((f, Temp::Unnamed));
    }
    let tmp = temporary_path(path);
    let mut named = NAMED_TEMPS.lock().unwrap_or_else(|p| p.into_inner());
    let f = File::create(&tmp)?;
    named.push(tmp.clone());
    Ok((f, Temp::Named(tmp)))
}

#[cfg(target_os = "linux")]
fn create_unnamed(dir: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .mode(0o666)
        .custom_flags(libc::O_TMPFILE)
        .open(dir)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn create_unnamed(_: &Path) -> Option<File> {
    None
}

/// Gives an `O_TMPFILE` file the name `to` (through `/proc/self/fd`, which needs no privilege).
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, to: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::io::AsRawFd;
    let from = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))?;
    let to = CString::new(to.as_os_str().as_bytes())?;
    let _ = std::fs::remove_file(std::ffi::OsStr::from_bytes(to.as_bytes()));
    // SAFETY: both strings are valid, NUL-terminated C strings that outlive the call.
    let rc = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn link_unnamed(_: &File, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("unnamed temporary files need Linux"))
}

/// On SIGINT or SIGTERM: remove the named temporary files (waiting for a commit in progress to
/// finish), then exit with 128 + the signal number, as a shell reports a signalled process.
fn install_signal_cleanup() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let named = NAMED_TEMPS.lock().unwrap_or_else(|p| p.into_inner());
                for t in named.iter() {
                    let _ = std::fs::remove_file(t);
                }
                eprintln!("genoforge: interrupted by signal {sig}; temporary files removed");
                std::process::exit(128 + sig);
            }
        });
    });
}
