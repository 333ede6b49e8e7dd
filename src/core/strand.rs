//! Strand and CDS phase.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The strand a feature lies on (GFF3 column 7).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Strand {
    /// `+`
    #[serde(rename = "+")]
    Forward,
    /// `-`
    #[serde(rename = "-")]
    Reverse,
    /// `.`: not stranded.
    #[default]
    #[serde(rename = ".")]
    None,
    /// `?`: stranded, but the strand is unknown.
    #[serde(rename = "?")]
    Unknown,
}

impl Strand {
    /// Parses the GFF3 strand column.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "+" => Some(Self::Forward),
            "-" => Some(Self::Reverse),
            "." => Some(Self::None),
            "?" => Some(Self::Unknown),
            _ => None,
        }
    }

    /// The GFF3 symbol.
    pub const fn symbol(self) -> char {
        match self {
            Self::Forward => '+',
            Self::Reverse => '-',
            Self::None => '.',
            Self::Unknown => '?',
        }
    }

    /// Whether the feature reads right to left.
    pub const fn is_reverse(self) -> bool {
        matches!(self, Self::Reverse)
    }
}

impl fmt::Display for Strand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.symbol())
    }
}

/// CDS phase (GFF3 column 8): bases to skip from the segment's 5′ end to reach the first complete codon.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phase(u8);

impl Phase {
    /// A phase from any integer, reduced modulo 3.
    pub const fn from_mod3(n: u64) -> Self {
        Self((n % 3) as u8)
    }

    /// Parses `0`, `1` or `2`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "0" => Some(Self(0)),
            "1" => Some(Self(1)),
            "2" => Some(Self(2)),
            _ => None,
        }
    }

    /// 0, 1 or 2.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
