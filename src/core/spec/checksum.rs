//! Sequence checksums: MD5 (as SAM's `M5`) and GA4GH refget's `sha512t24u`, both of the
//! upper-cased sequence, so soft-masked and plain copies of one genome agree.

use md5::{Digest, Md5};
use sha2::Sha512;

/// Both checksums of a sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SequenceChecksums {
    /// Lower-case hex MD5 of the upper-cased sequence.
    pub md5: String,
    /// base64url (no padding) of the first 24 bytes of SHA-512 of the upper-cased sequence.
    pub sha512t24u: String,
}

/// Checksums of `seq`, streamed in chunks (no upper-cased copy of the whole sequence).
///
/// ```
/// let c = genoforge::core::spec::checksum::sequence_checksums(b"acgt");
/// assert_eq!(c.md5, "f1f8f4bf413b16ad135722aa4591043e");
/// assert_eq!(c.sha512t24u, "aKF498dAxcJAqme6QYQ7EZ07-fiw8Kw2");
/// ```
pub fn sequence_checksums(seq: &[u8]) -> SequenceChecksums {
    let mut md5 = Md5::new();
    let mut sha = Sha512::new();
    let mut buf = [0u8; 64 * 1024];
    for chunk in seq.chunks(buf.len()) {
        let up = &mut buf[..chunk.len()];
        up.copy_from_slice(chunk);
        up.make_ascii_uppercase();
        md5.update(&*up);
        sha.update(&*up);
    }
    SequenceChecksums {
        md5: hex(&md5.finalize()),
        sha512t24u: base64url(&sha.finalize()[..24]),
    }
}

/// Lower-case hex MD5 of arbitrary bytes.
pub fn md5_hex(parts: &[&[u8]]) -> String {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base64url(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        let chars = match c.len() {
            3 => 4,
            2 => 3,
            _ => 2,
        };
        for i in 0..chars {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
