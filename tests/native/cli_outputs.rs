//! The CLI never loses or corrupts the user's files: outputs that resolve to an input or to each
//! other are refused before anything is read (exit 2), `apply` without an output is a usage
//! error, a failure on a later output or a kill (SIGTERM, SIGINT, SIGKILL) mid-write leaves the
//! old files untouched and no partial or temporary file behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const GFF: &str = "##gff-version 3\nchr1\tt\tgene\t5\t20\t.\t+\t.\tID=g1\n";
const EDITS: &str = r#"{"edits":[{"op":"delete","seqid":"chr1","start":30,"end":31}]}"#;

fn genoforge(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_genoforge"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run genoforge")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory with `genes.gff3`, `ref.fa` (chr1, 100 bp) and `edits.json`.
fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("genoforge-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("genes.gff3"), GFF).unwrap();
    std::fs::write(
        dir.join("ref.fa"),
        format!(">chr1\n{}\n", "ACGT".repeat(25)),
    )
    .unwrap();
    std::fs::write(dir.join("edits.json"), EDITS).unwrap();
    dir
}

/// File names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

const APPLY: [&str; 7] = [
    "apply",
    "--gff",
    "genes.gff3",
    "--fasta",
    "ref.fa",
    "--edits",
    "edits.json",
];

fn apply_with(dir: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&str> = APPLY.to_vec();
    args.extend_from_slice(extra);
    genoforge(dir, &args)
}

#[test]
fn an_output_that_is_an_input_is_refused_before_reading() {
    let dir = workdir("same-file");
    let gff_before = std::fs::read(dir.join("genes.gff3")).unwrap();
    // The FASTA given is not FASTA: had anything been read, the error would be about it (exit 1).
    std::fs::write(dir.join("bad.fa"), "not a fasta\n").unwrap();
    std::os::unix::fs::symlink(dir.join("genes.gff3"), dir.join("link.gff3")).unwrap();
    std::fs::hard_link(dir.join("edits.json"), dir.join("hard.json")).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    let cases: [&[&str]; 5] = [
        &["--out-gff", "genes.gff3"],
        &["--out-gff", "link.gff3"],
        &["--out-gff", "sub/../genes.gff3"],
        &["--chain", "hard.json"],
        &["--out-fasta", "bad.fa"],
    ];
    for extra in cases {
        let mut args = vec![
            "apply",
            "--gff",
            "genes.gff3",
            "--fasta",
            "bad.fa",
            "--edits",
            "edits.json",
        ];
        args.extend_from_slice(extra);
        let out = genoforge(&dir, &args);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("is one of the inputs"),
            "{extra:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read(dir.join("genes.gff3")).unwrap(), gff_before);
    assert_eq!(
        std::fs::read(dir.join("edits.json")).unwrap(),
        EDITS.as_bytes()
    );

    // A gzipped input named as the output: refused, the .gz stays compressed.
    let gz = dir.join("genes.gff3.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut enc, GFF.as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let gz_before = std::fs::read(&gz).unwrap();
    let out = genoforge(
        &dir,
        &[
            "apply",
            "--gff",
            "genes.gff3.gz",
            "--fasta",
            "ref.fa",
            "--edits",
            "edits.json",
            "--out-gff",
            "genes.gff3.gz",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&gz).unwrap(), gz_before);

    // Two outputs naming one file.
    let out = apply_with(&dir, &["--out-gff", "x.gff3", "--report", "./x.gff3"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("same file as --out-gff"));
    assert!(!dir.join("x.gff3").exists());
}

#[test]
fn apply_without_an_output_is_a_usage_error() {
    let dir = workdir("no-output");
    let out = apply_with(&dir, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--out-fasta"), "{}", stderr(&out));
    assert_eq!(
        listing(&dir),
        ["edits.json", "genes.gff3", "ref.fa"],
        "nothing written"
    );
}

#[test]
fn a_failing_later_output_leaves_earlier_files_untouched() {
    let dir = workdir("later-failure");
    std::fs::write(dir.join("out.fa"), "old fasta\n").unwrap();
    std::fs::write(dir.join("out.gff3"), "old gff\n").unwrap();
    let three = |report: &str| {
        let args = [
            "--out-fasta",
            "out.fa",
            "--out-gff",
            "out.gff3",
            "--report",
            report,
        ];
        apply_with(&dir, &args)
    };
    // The report goes into a directory that does not exist: the last output fails.
    let out = three("missing/report.tsv");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("missing/report.tsv"));
    assert_eq!(
        std::fs::read_to_string(dir.join("out.fa")).unwrap(),
        "old fasta\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out.gff3")).unwrap(),
        "old gff\n"
    );
    assert_eq!(
        listing(&dir),
        ["edits.json", "genes.gff3", "out.fa", "out.gff3", "ref.fa"]
    );
    // The same run with a reachable report replaces all three.
    let out = three("report.tsv");
    assert!(out.status.success(), "{}", stderr(&out));
    let fa = std::fs::read_to_string(dir.join("out.fa")).unwrap();
    // The header names the design (`[design=…]`, issue 13); the sequence follows.
    assert!(fa.starts_with(">chr1 ") && fa.len() > 98, "{fa}");
    assert!(dir.join("report.tsv").exists());
}

/// A FASTA of `mb` MiB (one contig) under `dir`, written in 1 MiB blocks.
fn big_fasta(dir: &Path, mb: usize) -> PathBuf {
    use std::io::Write;
    let path = dir.join("big.fa");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, ">chr1").unwrap();
    let line: Vec<u8> = b"ACGTTGCA"
        .repeat(8)
        .into_iter()
        .take(63)
        .chain([b'\n'])
        .collect();
    for _ in 0..mb * 1024 * 1024 / line.len() {
        f.write_all(&line).unwrap();
    }
    f.flush().unwrap();
    path
}

/// Whether process `pid` has a file open that is being written in `dir` (an `O_TMPFILE` shows as
/// `dir/#NNN (deleted)`, a named one as `dir/.NAME.genoforge-PID.tmp`).
fn writing_in(pid: u32, dir: &Path) -> bool {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    let dir = std::fs::canonicalize(dir).unwrap();
    fds.flatten().any(|fd| {
        std::fs::read_link(fd.path()).is_ok_and(|target| {
            target.starts_with(&dir) && {
                let name = target.to_string_lossy();
                name.contains("/#") || name.contains(".genoforge-")
            }
        })
    })
}

#[test]
fn a_kill_mid_write_leaves_old_files_and_no_partial_ones() {
    let dir = workdir("kill");
    big_fasta(&dir, 256);
    let out_dir = dir.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for (signal, code) in [
        (libc::SIGTERM, Some(128 + libc::SIGTERM)),
        (libc::SIGINT, Some(128 + libc::SIGINT)),
        (libc::SIGKILL, None),
    ] {
        std::fs::write(out_dir.join("out.fa"), "old fasta\n").unwrap();
        std::fs::write(out_dir.join("out.gff3"), "old gff\n").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_genoforge"))
            .args([
                "apply",
                "--gff",
                "genes.gff3",
                "--fasta",
                "big.fa",
                "--edits",
                "edits.json",
                "--out-gff",
                "out/out.gff3",
                "--out-fasta",
                "out/out.fa",
            ])
            .current_dir(&dir)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let mut caught = false;
        while started.elapsed() < Duration::from_secs(120) {
            if writing_in(child.id(), &out_dir) {
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        assert!(
            caught,
            "signal {signal}: never saw the output being written"
        );
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), code, "signal {signal}: {status:?}");
        assert_eq!(
            std::fs::read_to_string(out_dir.join("out.fa")).unwrap(),
            "old fasta\n",
            "signal {signal}"
        );
        assert_eq!(
            std::fs::read_to_string(out_dir.join("out.gff3")).unwrap(),
            "old gff\n",
            "signal {signal}"
        );
        assert_eq!(listing(&out_dir), ["out.fa", "out.gff3"], "signal {signal}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An output that is not a regular file — a named pipe here, `/dev/null` or `/dev/stdout` in
/// use — is written straight into and stays what it was: renaming a finished temporary file over
/// it would turn `/dev/null` into a regular file for the whole machine.
#[cfg(unix)]
#[test]
fn a_pipe_or_device_output_is_written_into_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = workdir("fifo");
    let fifo = dir.join("out.gff3");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let out = apply_with(&dir, &["--out-gff", "out.gff3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // (Checked before reading: a replaced pipe is never opened for writing, and its reader waits.)
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
    let text = reader.join().unwrap();
    assert!(text.starts_with("##gff-version 3"), "{text}");
    assert!(text.contains("ID=g1"), "{text}");
    // No temporary file is left beside it.
    assert_eq!(
        listing(&dir),
        ["edits.json", "genes.gff3", "out.gff3", "ref.fa"]
    );
}
