//! Records from bytes pushed in chunks: a thin layer over `csv-core`'s push parser that keeps a
//! partial record across chunks, so a file is never held whole.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its fields as byte slices.
#[derive(Copy, Clone, Debug)]
pub struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// Number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i`, or `None` past the end.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.data[start..end])
    }

    /// Field `i` as text, trimmed (lossy for invalid UTF-8); empty past the end.
    pub fn text(&self, i: usize) -> String {
        self.get(i)
            .map(|f| String::from_utf8_lossy(f).trim().to_owned())
            .unwrap_or_default()
    }

    /// Every field as trimmed text.
    pub fn texts(&self) -> Vec<String> {
        (0..self.len()).map(|i| self.text(i)).collect()
    }

    /// Whether the record is a blank line (one empty field).
    pub fn is_blank(&self) -> bool {
        self.len() == 1
            && self
                .get(0)
                .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
    }
}

/// Splits pushed bytes into records.
pub struct RecordSplitter {
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nend: usize,
    start_line: u64,
    done: bool,
}

impl std::fmt::Debug for RecordSplitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordSplitter")
            .field("line", &self.start_line)
            .finish()
    }
}

impl RecordSplitter {
    /// A splitter for `delimiter`; `quoting` honours `"…"` fields (CSV), off for the papers' TSVs.
    /// Lines starting with `#` are comments.
    pub fn new(delimiter: u8, quoting: bool) -> Self {
        let reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(quoting)
            .comment(Some(b'#'))
            .build();
        Self {
            reader,
            out: vec![0; 4096],
            ends: vec![0; 64],
            nout: 0,
            nend: 0,
            start_line: 1,
            done: false,
        }
    }

    /// The 1-based line the next record starts on.
    pub fn line(&self) -> u64 {
        self.start_line
    }

    /// Feeds bytes (an empty slice means end of input); calls `on_record(record, line)` for each
    /// complete record. Stops at the first error `on_record` returns.
    pub fn feed<E>(
        &mut self,
        mut input: &[u8],
        on_record: &mut dyn FnMut(Record<'_>, u64) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.done {
            return Ok(());
        }
        let eof = input.is_empty();
        loop {
            // csv-core reads an empty input as the end of the data: only pass one at the end.
            if input.is_empty() && !eof {
                return Ok(());
            }
            let (res, nin, nout, nend) = self.reader.read_record(
                input,
                &mut self.out[self.nout..],
                &mut self.ends[self.nend..],
            );
            input = &input[nin..];
            self.nout += nout;
            self.nend += nend;
            match res {
                ReadRecordResult::InputEmpty => {
                    if !eof {
                        return Ok(());
                    }
                }
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => {
                    let line = self.start_line;
                    self.start_line = self.reader.line();
                    let rec = Record {
                        data: &self.out[..self.nout],
                        ends: &self.ends[..self.nend],
                    };
                    self.nout = 0;
                    self.nend = 0;
                    on_record(rec, line)?;
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(chunks: &[&[u8]], delimiter: u8, quoting: bool) -> Vec<(u64, Vec<String>)> {
        let mut s = RecordSplitter::new(delimiter, quoting);
        let mut got = Vec::new();
        let mut push = |r: Record<'_>, line: u64| -> Result<(), ()> {
            got.push((line, r.texts()));
            Ok(())
        };
        for c in chunks {
            s.feed(c, &mut push).unwrap();
        }
        s.feed(b"", &mut push).unwrap();
        got
    }

    #[test]
    fn records_survive_any_chunking() {
        let text = b"a\tb\tc\n# comment\n1\t2\t3\nx\ty\tz";
        let whole = split(&[text], b'\t', false);
        assert_eq!(whole.len(), 3);
        assert_eq!(whole[2], (4, vec!["x".into(), "y".into(), "z".into()]));
        for cut in 1..text.len() {
            assert_eq!(
                split(&[&text[..cut], &text[cut..]], b'\t', false),
                whole,
                "cut {cut}"
            );
        }
        let one_by_one: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(split(&one_by_one, b'\t', false), whole);
    }

    #[test]
    fn quoted_csv_fields() {
        let got = split(&[b"genes,score\n\"YAL001C,YBR188C\",0.5\n"], b',', true);
        assert_eq!(got[1].1[0], "YAL001C,YBR188C");
    }
}
