//! Known names of the S. cerevisiae R64 chromosomes across SGD, RefSeq, Ensembl, INSDC and UCSC.
//!
//! Facts from `chromosome_aliases_R64.tsv` (derived from the SGD FASTA headers, the Ensembl GFF3
//! and UCSC sacCer3; see tests/data/SOURCES.md). A match through this table is only accepted when
//! the sequence length agrees too, so these names never capture another organism's `chrM`.

use crate::core::genome::contig::Topology;

/// One chromosome and every name it goes by.
#[derive(Debug)]
pub struct ChromosomeAliases {
    /// The names: SGD chromosome, SGD_features.tab number, RefSeq, Ensembl seqid, INSDC TPA, UCSC.
    pub names: &'static [&'static str],
    /// Length in bases (R64).
    pub length: u64,
    /// Topology.
    pub topology: Topology,
}

/// The R64 assembly's 17 sequences.
pub const R64_CHROMOSOMES: &[ChromosomeAliases] = &[
    ChromosomeAliases {
        names: &["I", "1", "NC_001133", "BK006935.2", "BK006935", "chrI"],
        length: 230218,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["II", "2", "NC_001134", "BK006936.2", "BK006936", "chrII"],
        length: 813184,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["III", "3", "NC_001135", "BK006937.2", "BK006937", "chrIII"],
        length: 316620,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["IV", "4", "NC_001136", "BK006938.2", "BK006938", "chrIV"],
        length: 1531933,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["V", "5", "NC_001137", "BK006939.2", "BK006939", "chrV"],
        length: 576874,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["VI", "6", "NC_001138", "BK006940.2", "BK006940", "chrVI"],
        length: 270161,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["VII", "7", "NC_001139", "BK006941.2", "BK006941", "chrVII"],
        length: 1090940,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &[
            "VIII",
            "8",
            "NC_001140",
            "BK006934.2",
            "BK006934",
            "chrVIII",
        ],
        length: 562643,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["IX", "9", "NC_001141", "BK006942.2", "BK006942", "chrIX"],
        length: 439888,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["X", "10", "NC_001142", "BK006943.2", "BK006943", "chrX"],
        length: 745751,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["XI", "11", "NC_001143", "BK006944.2", "BK006944", "chrXI"],
        length: 666816,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["XII", "12", "NC_001144", "BK006945.2", "BK006945", "chrXII"],
        length: 1078177,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &[
            "XIII",
            "13",
            "NC_001145",
            "BK006946.2",
            "BK006946",
            "chrXIII",
        ],
        length: 924431,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["XIV", "14", "NC_001146", "BK006947.3", "BK006947", "chrXIV"],
        length: 784333,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["XV", "15", "NC_001147", "BK006948.2", "BK006948", "chrXV"],
        length: 1091291,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &["XVI", "16", "NC_001148", "BK006949.2", "BK006949", "chrXVI"],
        length: 948066,
        topology: Topology::Linear,
    },
    ChromosomeAliases {
        names: &[
            "mitochondrion",
            "17",
            "NC_001224",
            "Mito",
            "AJ011856.1",
            "AJ011856",
            "chrM",
            "chrMito",
            "MT",
            "mt",
            "chrmt",
        ],
        length: 85779,
        topology: Topology::Circular,
    },
];
