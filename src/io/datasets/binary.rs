//! The compact stored form of an imported dataset (the browser keeps it in IndexedDB): the
//! interned genotypes, not the text.
//!
//! Layout, version 1 (all integers LEB128 varints unless stated):
//!
//! ```text
//! "GFDS"  version (1 byte = 1)
//! meta    length + JSON {info, sources: [{name, bytes, sha256}], records}
//! genes   count, then each name: length + bytes   (sorted; a key refers to a gene by position)
//! envs    count, then each label: length + bytes  (sorted)
//! keys    count, then per key (sorted by genes, then environment):
//!         number of genes n, first gene − previous key's first gene, each further gene − the
//!         one before it, environment
//! SHA-256 of everything above (32 bytes, raw)
//! ```
//!
//! A Costanzo 2016 import (two genes and a temperature per key) takes about 4–5 bytes per key.
//! Decoding checks the checksum first, then every length and index: corrupt input is a typed
//! error, never a panic.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::core::datasets::data::{DataStatus, DatasetData, SourceFile};
use crate::core::datasets::info::DatasetInfo;
use crate::core::datasets::intern::{EnvironmentId, GeneId, Interner};
use crate::core::datasets::key;
use crate::core::datasets::keyset::KeySet;

/// The magic bytes.
pub const MAGIC: &[u8; 4] = b"GFDS";
/// The version written.
pub const VERSION: u8 = 1;

/// Why stored bytes cannot be read back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not a stored dataset.
    #[error("not a stored Genoforge dataset (no GFDS magic)")]
    BadMagic,
    /// A version this build does not read.
    #[error("stored dataset version {0}; this build reads version {VERSION}")]
    UnsupportedVersion(u8),
    /// Shorter than the smallest valid form.
    #[error("stored dataset truncated ({0} bytes)")]
    Truncated(usize),
    /// The checksum does not match: the bytes were damaged.
    #[error("stored dataset damaged: checksum mismatch")]
    ChecksumMismatch,
    /// The checksum matched but the content is inconsistent.
    #[error("stored dataset corrupt at byte {at}: {what}")]
    Corrupt {
        /// Byte offset.
        at: usize,
        /// What was wrong.
        what: &'static str,
    },
}

/// What is stored beside the keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMeta {
    /// The dataset's registry entry or user entry.
    pub info: DatasetInfo,
    /// Its files (name, size, SHA-256).
    pub sources: Vec<SourceFile>,
    /// Records read.
    pub records: u64,
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn bytes(out: &mut Vec<u8>, b: &[u8]) {
    varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// Encodes a dataset's data with its entry.
pub fn encode(info: &DatasetInfo, data: &DatasetData, interner: &Interner) -> Vec<u8> {
    // Local tables: the genes and environments this dataset uses, sorted by name.
    let mut used_genes = vec![false; interner.genes.len()];
    let mut used_envs = vec![false; interner.environments.len()];
    for &k in data.keys.as_slice() {
        key::for_each_gene(k, interner, |g| used_genes[g.0 as usize] = true);
        used_envs[key::environment(k).0 as usize] = true;
    }
    let mut genes: Vec<u32> = (0..used_genes.len() as u32)
        .filter(|&g| used_genes[g as usize])
        .collect();
    crate::core::sort::sort_by(&mut genes, |&a, &b| {
        interner
            .genes
            .name(GeneId(a))
            .cmp(interner.genes.name(GeneId(b)))
    });
    let mut envs: Vec<u32> = (0..used_envs.len() as u32)
        .filter(|&e| used_envs[e as usize])
        .collect();
    crate::core::sort::sort_by(&mut envs, |&a, &b| {
        interner
            .environments
            .label(EnvironmentId(a))
            .cmp(interner.environments.label(EnvironmentId(b)))
    });
    let mut gene_local = vec![0u32; used_genes.len()];
    for (i, &g) in genes.iter().enumerate() {
        gene_local[g as usize] = i as u32;
    }
    let mut env_local = vec![0u32; used_envs.len()];
    for (i, &e) in envs.iter().enumerate() {
        env_local[e as usize] = i as u32;
    }
    let mut local: Vec<(Vec<u32>, u32)> = data
        .keys
        .as_slice()
        .iter()
        .map(|&k| {
            let mut g: Vec<u32> = key::genes(k, interner)
                .into_iter()
                .map(|g| gene_local[g.0 as usize])
                .collect();
            g.sort_unstable();
            (g, env_local[key::environment(k).0 as usize])
        })
        .collect();
    local.sort_unstable();

    let mut out = Vec::with_capacity(64 + local.len() * 5);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    let meta = StoredMeta {
        info: info.clone(),
        sources: data.sources.clone(),
        records: data.records,
    };
    bytes(
        &mut out,
        &serde_json::to_vec(&meta).expect("metadata serialises"),
    );
    varint(&mut out, genes.len() as u64);
    for &g in &genes {
        bytes(&mut out, interner.genes.name(GeneId(g)).as_bytes());
    }
    varint(&mut out, envs.len() as u64);
    for &e in &envs {
        bytes(
            &mut out,
            interner.environments.label(EnvironmentId(e)).as_bytes(),
        );
    }
    varint(&mut out, local.len() as u64);
    let mut prev_first = 0u32;
    for (g, e) in &local {
        varint(&mut out, g.len() as u64);
        varint(&mut out, u64::from(g[0] - prev_first));
        prev_first = g[0];
        for w in g.windows(2) {
            varint(&mut out, u64::from(w[1] - w[0]));
        }
        varint(&mut out, u64::from(*e));
    }
    let sum = Sha256::digest(&out);
    out.extend_from_slice(&sum);
    out
}

struct Cursor<'a> {
    data: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.data.get(self.at).ok_or(DecodeError::Corrupt {
                at: self.at,
                what: "number runs past the end",
            })?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError::Corrupt {
            at: self.at,
            what: "number too long",
        })
    }

    fn bytes(&mut self) -> Result<&[u8], DecodeError> {
        let n = self.varint()? as usize;
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or(DecodeError::Corrupt {
                at: self.at,
                what: "length runs past the end",
            })?;
        let b = &self.data[self.at..end];
        self.at = end;
        Ok(b)
    }

    fn text(&mut self) -> Result<&str, DecodeError> {
        let at = self.at;
        std::str::from_utf8(self.bytes()?).map_err(|_| DecodeError::Corrupt {
            at,
            what: "text is not UTF-8",
        })
    }
}

/// Decodes stored bytes, interning genes and environments into `interner`.
pub fn decode(
    stored: &[u8],
    interner: &mut Interner,
) -> Result<(StoredMeta, DatasetData), DecodeError> {
    if stored.len() < MAGIC.len() + 1 + 32 {
        return Err(if stored.starts_with(MAGIC) || stored.len() < 4 {
            DecodeError::Truncated(stored.len())
        } else {
            DecodeError::BadMagic
        });
    }
    if &stored[..4] != MAGIC {
        return Err(DecodeError::BadMagic);
    }
    if stored[4] != VERSION {
        return Err(DecodeError::UnsupportedVersion(stored[4]));
    }
    let (body, sum) = stored.split_at(stored.len() - 32);
    if Sha256::digest(body).as_slice() != sum {
        return Err(DecodeError::ChecksumMismatch);
    }
    let mut c = Cursor { data: body, at: 5 };
    let meta_at = c.at;
    let meta: StoredMeta =
        serde_json::from_slice(c.bytes()?).map_err(|_| DecodeError::Corrupt {
            at: meta_at,
            what: "metadata is not valid JSON",
        })?;
    let n_genes = c.varint()? as usize;
    if n_genes > body.len() {
        return Err(DecodeError::Corrupt {
            at: c.at,
            what: "gene count too large",
        });
    }
    let mut genes = Vec::with_capacity(n_genes);
    for _ in 0..n_genes {
        let name = c.text()?;
        genes.push(interner.gene(name));
    }
    let n_envs = c.varint()? as usize;
    if n_envs > body.len() {
        return Err(DecodeError::Corrupt {
            at: c.at,
            what: "environment count too large",
        });
    }
    let mut envs = Vec::with_capacity(n_envs);
    for _ in 0..n_envs {
        let label = c.text()?;
        envs.push(interner.environments.intern(label));
    }
    let n_keys = c.varint()? as usize;
    if n_keys > body.len() {
        return Err(DecodeError::Corrupt {
            at: c.at,
            what: "key count too large",
        });
    }
    let mut keys = Vec::with_capacity(n_keys);
    let mut prev_first = 0u64;
    let mut ids: Vec<GeneId> = Vec::with_capacity(4);
    let bad = |at, what| DecodeError::Corrupt { at, what };
    for _ in 0..n_keys {
        let n = c.varint()? as usize;
        if n == 0 || n > n_genes {
            return Err(bad(c.at, "genotype size out of range"));
        }
        ids.clear();
        let mut g = prev_first
            .checked_add(c.varint()?)
            .ok_or(bad(c.at, "gene index overflows"))?;
        prev_first = g;
        for i in 0..n {
            if i > 0 {
                let d = c.varint()?;
                if d == 0 {
                    return Err(bad(c.at, "repeated gene in a genotype"));
                }
                g = g.checked_add(d).ok_or(bad(c.at, "gene index overflows"))?;
            }
            let id = *genes
                .get(g as usize)
                .ok_or(bad(c.at, "gene index past the gene table"))?;
            ids.push(id);
        }
        let e = c.varint()? as usize;
        let env = *envs
            .get(e)
            .ok_or(bad(c.at, "environment index past the table"))?;
        ids.sort_unstable();
        ids.dedup();
        keys.push(key::pack(&ids, env, interner));
    }
    if c.at != body.len() {
        return Err(bad(c.at, "bytes left after the keys"));
    }
    let data = DatasetData {
        status: DataStatus::Imported,
        keys: KeySet::from_unsorted(keys),
        records: meta.records,
        sources: meta.sources.clone(),
    };
    Ok((meta, data))
}
