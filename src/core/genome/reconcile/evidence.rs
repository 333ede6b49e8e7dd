//! What each side says: a GFF3 seqid's declarations ([`SeqidInfo`]) and a FASTA header
//! ([`RecordInfo`]), the evidence [`super::reconcile`] matches on.

/// What the annotation says about one seqid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeqidInfo {
    /// The seqid as written.
    pub name: Box<str>,
    /// `##sequence-region` bounds (1-based inclusive, as declared) and the line declaring them.
    pub sequence_region: Option<(u64, u64, u64)>,
    /// End of a sequence-level feature (chromosome/region) starting at base 1.
    pub region_feature_end: Option<u64>,
    /// `Alias=` values of sequence-level features.
    pub aliases: Vec<Box<str>>,
    /// `Is_circular=true` on a feature of this seqid.
    pub circular: bool,
    /// Largest feature end (1-based inclusive), 0 when no feature.
    pub max_feature_end: u64,
    /// Number of features on it.
    pub feature_count: usize,
    /// 1-based line where the seqid first appears.
    pub first_line: u64,
}

impl SeqidInfo {
    /// The length the annotation declares: a `##sequence-region` end, else a whole-sequence feature's end.
    pub fn declared_length(&self) -> Option<u64> {
        self.sequence_region
            .map(|(_, end, _)| end)
            .or(self.region_feature_end)
    }
}

/// What a FASTA record's header says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordInfo {
    /// The id (first word after `>`).
    pub id: Box<str>,
    /// The rest of the header line.
    pub description: Option<Box<str>>,
    /// Sequence length.
    pub length: u64,
    /// 1-based line of the header.
    pub line: u64,
}

impl RecordInfo {
    /// `[key=value]` tags of the description (`[chromosome=I]`, `[top=circular]`).
    pub fn tags(&self) -> Vec<(&str, &str)> {
        let Some(desc) = self.description.as_deref() else {
            return Vec::new();
        };
        desc.split('[')
            .skip(1)
            .filter_map(|part| part.split_once(']').map(|(inner, _)| inner))
            .filter_map(|inner| inner.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect()
    }

    /// Every name the record goes by, most specific first.
    pub fn names(&self) -> Vec<String> {
        let mut names = vec![self.id.to_string()];
        const DB_TAGS: [&str; 8] = ["ref", "gi", "gb", "emb", "dbj", "lcl", "gnl", "tpg"];
        if self.id.contains('|') {
            for piece in self.id.split('|') {
                if !piece.is_empty() && !DB_TAGS.contains(&piece) {
                    names.push(piece.to_owned());
                }
            }
        }
        for (k, v) in self.tags() {
            match k {
                "chromosome" | "location" | "plasmid" | "segment" if !v.is_empty() => {
                    names.push(v.to_owned())
                }
                _ => {}
            }
        }
        names
    }

    /// Whether the header says the molecule is circular (`[top=circular]`, `[topology=circular]`).
    pub fn says_circular(&self) -> bool {
        self.tags()
            .iter()
            .any(|(k, v)| matches!(*k, "top" | "topology") && v.eq_ignore_ascii_case("circular"))
    }
}
