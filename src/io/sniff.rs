//! What a file the user dropped is: annotation, sequence, feature table or a genotype spec —
//! from its name, and when the name says nothing, from its first bytes.

use super::compress::{Compression, decompress};

/// The role of an input file.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// GFF3 annotation.
    Gff3,
    /// FASTA sequence.
    Fasta,
    /// SGD's `SGD_features.tab`.
    FeatureTable,
    /// A genotype spec (JSON).
    Spec,
    /// A GenBank record (a cassette).
    GenBank,
}

/// Guesses a file's role from its name, then its content (decompressing the first bytes if needed).
///
/// ```
/// use genoforge::io::sniff::{Role, guess};
/// assert_eq!(guess("genes.gff3.gz", b""), Some(Role::Gff3));
/// assert_eq!(guess("mystery.txt", b">chrI\nACGT\n"), Some(Role::Fasta));
/// assert_eq!(guess("design.json", b"{}"), Some(Role::Spec));
/// ```
pub fn guess(name: &str, bytes: &[u8]) -> Option<Role> {
    let lower = name.to_ascii_lowercase();
    let stem = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".gzip"))
        .or_else(|| lower.strip_suffix(".bgz"))
        .unwrap_or(&lower);
    let by_name = [
        (&[".gff3", ".gff", ".gff2"][..], Role::Gff3),
        (
            &[".fa", ".fasta", ".fsa", ".fna", ".fas", ".faa", ".seq"][..],
            Role::Fasta,
        ),
        (&["sgd_features.tab", ".tab"][..], Role::FeatureTable),
        (&[".json"][..], Role::Spec),
        (&[".gb", ".gbk", ".genbank", ".ape"][..], Role::GenBank),
    ];
    for (exts, role) in by_name {
        if exts.iter().any(|e| stem.ends_with(e)) {
            return Some(role);
        }
    }
    let head: Vec<u8> = match Compression::detect(bytes) {
        Compression::None => bytes.iter().take(4096).copied().collect(),
        // Only the first member matters; a truncated tail is fine for sniffing.
        _ => decompress(bytes.to_vec())
            .unwrap_or_default()
            .into_iter()
            .take(4096)
            .collect(),
    };
    let text = String::from_utf8_lossy(&head);
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_start();
    if first.starts_with("##gff-version") || first.split('\t').count() == 9 {
        Some(Role::Gff3)
    } else if first.starts_with('>') {
        Some(Role::Fasta)
    } else if first.starts_with('{') {
        Some(Role::Spec)
    } else if first.starts_with("LOCUS") {
        Some(Role::GenBank)
    } else if first.split('\t').count() == 16 {
        Some(Role::FeatureTable)
    } else {
        None
    }
}
