//! Packing text for URLs and local storage: deflate, then base64url without padding.
//! A design's spec JSON repeats its cassettes, so it packs small enough for a link.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

/// Why packed text could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnpackError {
    /// A character outside base64url.
    #[error("the packed text has '{0}' at position {1}, which is not base64url")]
    Alphabet(char, usize),
    /// The deflate stream is damaged or cut short.
    #[error("the packed data is damaged or incomplete ({0})")]
    Inflate(String),
    /// More than the limit once unpacked.
    #[error("the packed data unpacks to more than {0} bytes")]
    TooLarge(usize),
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Packs bytes.
///
/// ```
/// use genoforge::io::packed::{pack, unpack};
/// let p = pack(b"hello hello hello hello");
/// assert_eq!(unpack(&p, 1 << 20).unwrap(), b"hello hello hello hello");
/// ```
pub fn pack(data: &[u8]) -> String {
    pack_with(data, Compression::best())
}

/// Packs bytes quickly (for frequent saves, where speed matters more than size).
pub fn pack_fast(data: &[u8]) -> String {
    pack_with(data, Compression::fast())
}

fn pack_with(data: &[u8], level: Compression) -> String {
    let mut enc = DeflateEncoder::new(Vec::new(), level);
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(data);
    let bytes = enc.finish().unwrap_or_default();
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..=c.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Unpacks text made by [`pack`], refusing more than `limit` bytes of output.
pub fn unpack(text: &str, limit: usize) -> Result<Vec<u8>, UnpackError> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    for (i, ch) in text.trim().chars().enumerate() {
        let v = match ch {
            'A'..='Z' => ch as u32 - 'A' as u32,
            'a'..='z' => ch as u32 - 'a' as u32 + 26,
            '0'..='9' => ch as u32 - '0' as u32 + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            '=' => continue,
            _ => return Err(UnpackError::Alphabet(ch, i + 1)),
        };
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            bytes.push((bits >> nbits) as u8);
        }
    }
    let mut out = Vec::new();
    DeflateDecoder::new(&bytes[..])
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| UnpackError::Inflate(e.to_string()))?;
    if out.len() > limit {
        return Err(UnpackError::TooLarge(limit));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        for data in [&b""[..], b"a", b"ab", b"abc", b"{\"schema_version\": 1}"] {
            assert_eq!(unpack(&pack(data), 1000).unwrap(), data);
            assert_eq!(unpack(&pack_fast(data), 1000).unwrap(), data);
        }
        let big = "ACGT".repeat(10_000);
        let p = pack(big.as_bytes());
        assert!(p.len() < 1_000, "{}", p.len());
        assert_eq!(unpack(&p, 1 << 20).unwrap(), big.as_bytes());
        assert_eq!(unpack(&p, 100), Err(UnpackError::TooLarge(100)));
        assert!(matches!(
            unpack("abc$", 100),
            Err(UnpackError::Alphabet('$', 4))
        ));
        assert!(matches!(
            unpack(&p[..p.len() / 2], 1 << 20),
            Err(UnpackError::Inflate(_))
        ));
    }
}
