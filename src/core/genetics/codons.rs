//! The most frequent codon of each amino acid in *Saccharomyces cerevisiae* — what a point
//! mutation uses when the user does not choose a codon.
//!
//! Source: codon counts over the 6,568 nuclear ORFs of the R64 annotation that the shipped genome
//! translates as clean ATG…stop reading frames (the native test
//! `genetics_edits::most_frequent_codons_match_the_r64_orfs` recounts them from
//! `public/genome/` and checks every entry); the same choices as the Codon Usage Database's
//! *S. cerevisiae* table (Nakamura, Gojobori & Ikemura 2000, Nucleic Acids Res 28:292,
//! doi:10.1093/nar/28.1.292). For leucine TTG (27 ‰) narrowly beats TTA (26 ‰).

/// (one-letter amino acid, codon). `*` is the stop.
pub const MOST_FREQUENT: [(char, &str); 21] = [
    ('A', "GCT"),
    ('C', "TGT"),
    ('D', "GAT"),
    ('E', "GAA"),
    ('F', "TTT"),
    ('G', "GGT"),
    ('H', "CAT"),
    ('I', "ATT"),
    ('K', "AAA"),
    ('L', "TTG"),
    ('M', "ATG"),
    ('N', "AAT"),
    ('P', "CCA"),
    ('Q', "CAA"),
    ('R', "AGA"),
    ('S', "TCT"),
    ('T', "ACT"),
    ('V', "GTT"),
    ('W', "TGG"),
    ('Y', "TAT"),
    ('*', "TAA"),
];

/// The most frequent yeast codon for a residue (`K` → `AAA`), case-insensitive.
pub fn most_frequent(residue: char) -> Option<&'static str> {
    let r = residue.to_ascii_uppercase();
    MOST_FREQUENT.iter().find(|(a, _)| *a == r).map(|(_, c)| *c)
}

/// Three-letter amino-acid names (`Lys` → `K`), for changes written `Lys23Ala`.
pub fn one_letter(three: &str) -> Option<char> {
    const NAMES: [(&str, char); 21] = [
        ("ALA", 'A'),
        ("CYS", 'C'),
        ("ASP", 'D'),
        ("GLU", 'E'),
        ("PHE", 'F'),
        ("GLY", 'G'),
        ("HIS", 'H'),
        ("ILE", 'I'),
        ("LYS", 'K'),
        ("LEU", 'L'),
        ("MET", 'M'),
        ("ASN", 'N'),
        ("PRO", 'P'),
        ("GLN", 'Q'),
        ("ARG", 'R'),
        ("SER", 'S'),
        ("THR", 'T'),
        ("VAL", 'V'),
        ("TRP", 'W'),
        ("TYR", 'Y'),
        ("TER", '*'),
    ];
    let t = three.to_ascii_uppercase();
    NAMES.iter().find(|(n, _)| *n == t).map(|(_, c)| *c)
}
