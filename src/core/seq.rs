//! Nucleotide sequence helpers: IUPAC validation, reverse complement, translation.

/// Whether `b` is an IUPAC nucleotide code (either case): `ACGTU RYSWKM BDHV N`.
pub const fn is_iupac(b: u8) -> bool {
    matches!(
        b.to_ascii_uppercase(),
        b'A' | b'C'
            | b'G'
            | b'T'
            | b'U'
            | b'R'
            | b'Y'
            | b'S'
            | b'W'
            | b'K'
            | b'M'
            | b'B'
            | b'D'
            | b'H'
            | b'V'
            | b'N'
    )
}

/// The 0-based index of the first byte that is not an IUPAC code, if any.
pub fn first_non_iupac(seq: &[u8]) -> Option<usize> {
    // Fast path: check 64-byte blocks with a branch-free fold, only then look for the offending index.
    const TABLE: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = is_iupac(i as u8);
            i += 1;
        }
        t
    };
    let mut base = 0;
    for block in seq.chunks(64) {
        if !block.iter().fold(true, |ok, &b| ok & TABLE[b as usize]) {
            return block
                .iter()
                .position(|&b| !TABLE[b as usize])
                .map(|p| base + p);
        }
        base += block.len();
    }
    None
}

/// Reverse complement (IUPAC-aware, case-preserving), through `bio`.
pub fn revcomp(seq: &[u8]) -> Vec<u8> {
    bio::alphabets::dna::revcomp(seq)
}

/// Translates with the standard genetic code (NCBI table 1); `*` is a stop, `X` an ambiguous codon.
/// A trailing partial codon is ignored. A gene's own code is [`GeneticCode::of_contig`].
///
/// ```
/// assert_eq!(genoforge::core::seq::translate(b"ATGGCCtaaNNN"), "MA*X");
/// ```
pub fn translate(seq: &[u8]) -> String {
    GeneticCode::Standard.translate(seq)
}

/// The genetic code a sequence is read with: yeast nuclear genes use the standard code, genes of
/// the mitochondrial genome the yeast mitochondrial code.
///
/// Source: NCBI's genetic codes, tables 1 and 3
/// (<https://www.ncbi.nlm.nih.gov/Taxonomy/Utils/wprintgc.cgi>). Table 3 differs from table 1 in
/// TGA (Trp, not a stop), ATA (Met, not Ile) and CTN (Thr, not Leu); its CGA and CGC are absent from
/// yeast mtDNA's genes and read here as Arg, as NCBI's table lists them.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum GeneticCode {
    /// NCBI table 1.
    #[default]
    Standard,
    /// NCBI table 3, the yeast mitochondrial code.
    YeastMitochondrial,
}

impl GeneticCode {
    /// The code of a contig by its name: the mitochondrial genome
    /// ([`crate::core::genome::contig::is_mitochondrial`]) read with table 3, every other contig
    /// with the standard code.
    ///
    /// ```
    /// use genoforge::core::seq::GeneticCode;
    /// assert_eq!(GeneticCode::of_contig("Mito"), GeneticCode::YeastMitochondrial);
    /// assert_eq!(GeneticCode::of_contig("XIII"), GeneticCode::Standard);
    /// ```
    pub fn of_contig(name: &str) -> Self {
        if crate::core::genome::contig::is_mitochondrial(name) {
            Self::YeastMitochondrial
        } else {
            Self::Standard
        }
    }

    /// The code's NCBI table number, as INSDC's `transl_table` qualifier writes it: 1 standard,
    /// 3 the yeast mitochondrial code.
    ///
    /// ```
    /// use genoforge::core::seq::GeneticCode;
    /// assert_eq!(GeneticCode::of_contig("Mito").ncbi_table(), 3);
    /// ```
    pub fn ncbi_table(self) -> u8 {
        match self {
            Self::Standard => 1,
            Self::YeastMitochondrial => 3,
        }
    }

    /// Whether a codon is a stop in this code (`TAA`, `TAG`; and `TGA` in the standard code).
    pub fn is_stop(self, codon: &[u8]) -> bool {
        codon.len() == 3 && self.translate(codon) == "*"
    }

    /// Translates `seq` (see [`translate`]): `*` a stop, `X` an ambiguous codon, a trailing
    /// partial codon ignored.
    ///
    /// ```
    /// use genoforge::core::seq::GeneticCode;
    /// assert_eq!(GeneticCode::YeastMitochondrial.translate(b"ATATGACTTTAA"), "MWT*");
    /// assert_eq!(GeneticCode::Standard.translate(b"ATATGACTTTAA"), "I*L*");
    /// ```
    pub fn translate(self, seq: &[u8]) -> String {
        const STANDARD: &[u8; 64] =
            b"KNKNTTTTRSRSIIMIQHQHPPPPRRRRLLLLEDEDAAAAGGGGVVVV*Y*YSSSS*CWCLFLF";
        const MITO: &[u8; 64] = b"KNKNTTTTRSRSMIMIQHQHPPPPRRRRTTTTEDEDAAAAGGGGVVVV*Y*YSSSSWCWCLFLF";
        let aa = match self {
            Self::Standard => STANDARD,
            Self::YeastMitochondrial => MITO,
        };
        let idx = |b: u8| match b.to_ascii_uppercase() {
            b'A' => Some(0),
            b'C' => Some(1),
            b'G' => Some(2),
            b'T' | b'U' => Some(3),
            _ => None,
        };
        seq.chunks_exact(3)
            .map(|c| match (idx(c[0]), idx(c[1]), idx(c[2])) {
                (Some(a), Some(b), Some(d)) => aa[a * 16 + b * 4 + d] as char,
                _ => 'X',
            })
            .collect()
    }
}
