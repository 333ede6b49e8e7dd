//! Compression, recognised by magic bytes (never by file name): plain, gzip, or BGZF (blocked gzip).

use std::io::Read;

use flate2::bufread::MultiGzDecoder;

/// How a byte stream is compressed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip (RFC 1952), possibly several members.
    Gzip,
    /// BGZF: gzip members carrying a `BC` extra field (samtools, tabix).
    Bgzf,
}

impl Compression {
    /// Recognises the compression from the first bytes.
    ///
    /// ```
    /// use genoforge::io::compress::Compression;
    /// assert_eq!(Compression::detect(b"\x1f\x8b\x08\x00"), Compression::Gzip);
    /// assert_eq!(Compression::detect(b"##gff-version 3\n"), Compression::None);
    /// ```
    pub fn detect(bytes: &[u8]) -> Self {
        match bytes {
            // ID1 ID2 CM=8 FLG with FEXTRA, then XLEN and the 'B' 'C' subfield id at offset 12.
            [0x1f, 0x8b, 8, flg, _, _, _, _, _, _, _, _, b'B', b'C', ..] if flg & 4 != 0 => {
                Self::Bgzf
            }
            [0x1f, 0x8b, ..] => Self::Gzip,
            _ => Self::None,
        }
    }

    /// A short name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "plain",
            Self::Gzip => "gzip",
            Self::Bgzf => "bgzip",
        }
    }
}

/// Why decompression failed.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum DecompressError {
    /// The stream ends before the compressed data does.
    #[error(
        "the {0} data is truncated after {1} decompressed bytes (was the download or copy interrupted?)"
    )]
    Truncated(&'static str, u64),
    /// The compressed data is damaged.
    #[error("the {kind} data is corrupt after {at} decompressed bytes: {detail}")]
    Corrupt {
        /// gzip or bgzip.
        kind: &'static str,
        /// Decompressed bytes produced before the problem.
        at: u64,
        /// The decoder's words.
        detail: String,
    },
}

/// Incremental decompression, so a caller (the browser) can yield between chunks.
pub struct Decompressor {
    kind: Compression,
    decoder: Option<MultiGzDecoder<std::io::Cursor<Vec<u8>>>>,
    plain: Option<Vec<u8>>,
    out: Vec<u8>,
    input_len: usize,
}

impl Decompressor {
    /// Prepares to decompress `input` (plain input passes through untouched).
    pub fn new(input: Vec<u8>) -> Self {
        let kind = Compression::detect(&input);
        let input_len = input.len();
        match kind {
            Compression::None => Self {
                kind,
                decoder: None,
                plain: Some(input),
                out: Vec::new(),
                input_len,
            },
            _ => {
                let capacity = size_hint(&input);
                Self {
                    kind,
                    decoder: Some(MultiGzDecoder::new(std::io::Cursor::new(input))),
                    plain: None,
                    out: Vec::with_capacity(capacity),
                    input_len,
                }
            }
        }
    }

    /// The detected compression.
    pub fn compression(&self) -> Compression {
        self.kind
    }

    /// Fraction of the input consumed so far, 0.0–1.0.
    pub fn progress(&self) -> f64 {
        match &self.decoder {
            Some(d) if self.input_len > 0 => d.get_ref().position() as f64 / self.input_len as f64,
            _ => 1.0,
        }
    }

    /// Decompresses up to about `max_out` more bytes. Returns `true` when finished.
    pub fn step(&mut self, max_out: usize) -> Result<bool, DecompressError> {
        let Some(decoder) = self.decoder.as_mut() else {
            return Ok(true);
        };
        let target = self.out.len() + max_out;
        let mut buf = [0u8; 64 * 1024];
        while self.out.len() < target {
            match decoder.read(&mut buf) {
                Ok(0) => return Ok(true),
                Ok(n) => self.out.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    return Err(DecompressError::Truncated(
                        self.kind.label(),
                        self.out.len() as u64,
                    ));
                }
                Err(e) => {
                    return Err(DecompressError::Corrupt {
                        kind: self.kind.label(),
                        at: self.out.len() as u64,
                        detail: e.to_string(),
                    });
                }
            }
        }
        Ok(false)
    }

    /// The decompressed bytes (call after [`Decompressor::step`] returned `true`).
    pub fn finish(self) -> Vec<u8> {
        match self.plain {
            Some(p) => p,
            None => self.out,
        }
    }
}

/// Expected decompressed size: a single-member gzip's ISIZE trailer (size mod 2³²) when it is
/// plausible, else four times the input (text compresses 3–4×). Only a capacity hint.
fn size_hint(input: &[u8]) -> usize {
    let guess = input.len().saturating_mul(4);
    let Some(tail) = input.len().checked_sub(4).and_then(|i| input.get(i..)) else {
        return guess;
    };
    let isize = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]) as usize;
    if isize >= input.len() && isize <= input.len().saturating_mul(1032) {
        isize
    } else {
        guess
    }
}

/// Decompresses `input` in one go (plain input is returned as is).
pub fn decompress(input: Vec<u8>) -> Result<Vec<u8>, DecompressError> {
    let mut d = Decompressor::new(input);
    while !d.step(usize::MAX / 2)? {}
    Ok(d.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression as Level, write::GzEncoder};
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Level::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn round_trips_and_concatenated_members() {
        let mut two = gz(b"hello ");
        two.extend(gz(b"world"));
        assert_eq!(decompress(two).unwrap(), b"hello world");
        assert_eq!(decompress(b"plain".to_vec()).unwrap(), b"plain");
    }

    #[test]
    fn truncated_gzip_is_an_error_not_a_panic() {
        let data = gz(&vec![b'A'; 100_000]);
        for cut in [3, 10, data.len() / 2, data.len() - 4] {
            let err = decompress(data[..cut].to_vec()).unwrap_err();
            assert!(
                matches!(
                    err,
                    DecompressError::Truncated(..) | DecompressError::Corrupt { .. }
                ),
                "{err:?}"
            );
        }
    }

    #[test]
    fn stepping_yields_in_chunks() {
        let data = gz(&vec![b'C'; 1_000_000]);
        let mut d = Decompressor::new(data);
        let mut steps = 0;
        let mut last = 0;
        while !d.step(100_000).unwrap() {
            steps += 1;
            // Each step stops within one read buffer (64 KiB) past its budget.
            assert!(
                d.out.len() - last <= 100_000 + 64 * 1024,
                "step {steps} produced {}",
                d.out.len() - last
            );
            last = d.out.len();
        }
        assert!(steps >= 5, "{steps}");
        assert_eq!(d.finish().len(), 1_000_000);
    }
}
