//! What an embedded element is asked to show: its attributes, as the loader passes them.

use serde::Deserialize;

use crate::ui::host::Mode;

/// The configuration `mount(el, config)` takes (attribute names in camelCase).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EmbedConfig {
    /// `s288c` (the default) or the URL of a genome manifest ([`Manifest`]).
    pub genome: Option<String>,
    /// A spec's URL, or a packed share string (what follows `#design=` in a share link).
    pub design: Option<String>,
    /// A spec's JSON text (the element's child `<script type="application/json">`).
    pub spec: Option<String>,
    /// `view` (the default) or `edit`.
    pub mode: Option<String>,
    /// The map's window at start: `IV:100000-120000` or a gene name.
    pub locus: Option<String>,
    /// The URL the shipped files are resolved against (the loader's own folder by default).
    pub asset_base: Option<String>,
    /// `none` (the default): nothing is written to the host's storage. A key (autosave in the host's
    /// `localStorage`) is handled by the loader, `embed/genoforge-embed.js`, which does not pass it on.
    pub storage: Option<String>,
}

/// Where a genome comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GenomeSource {
    /// The shipped S288C reference, under the asset base.
    Default,
    /// A manifest at this (absolute) URL.
    Manifest(String),
}

/// A genome manifest: the files' URLs, relative to the manifest's own.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// What the genome is called in the header.
    #[serde(default)]
    pub label: Option<String>,
    /// The GFF3 file (optionally gzipped).
    pub gff: String,
    /// The FASTA file (optionally gzipped).
    #[serde(default)]
    pub fasta: Option<String>,
    /// SGD's feature table (optionally gzipped).
    #[serde(default)]
    pub feature_table: Option<String>,
}

/// Where a design comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DesignSource {
    /// Spec JSON text given inline.
    Inline(String),
    /// A spec file at this URL.
    Url(String),
    /// A packed spec (a share link's fragment).
    Packed(String),
}

impl DesignSource {
    /// Reads the `design` attribute: a packed share string is base64url (letters, digits, `-`,
    /// `_`); anything else (a `/`, `.` or `:`) is a URL. A whole share link is reduced to its packed
    /// part.
    pub fn from_attribute(value: &str) -> Option<Self> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        if let Some((_, packed)) = v.split_once("#design=") {
            let packed = packed.split('&').next().unwrap_or(packed);
            return Some(Self::Packed(packed.to_owned()));
        }
        let packed = v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=');
        Some(if packed {
            Self::Packed(v.to_owned())
        } else {
            Self::Url(v.to_owned())
        })
    }
}

impl EmbedConfig {
    /// The mode asked for (`view` when absent); an unknown value is an error naming it.
    pub fn mode(&self) -> Result<Mode, String> {
        match self.mode.as_deref() {
            None | Some("") => Ok(Mode::View),
            Some(m) => Mode::parse(m).ok_or_else(|| format!("mode=\"{m}\": use view or edit")),
        }
    }

    /// The genome asked for (a relative manifest URL is resolved against the host page).
    pub fn genome_source(&self) -> GenomeSource {
        match self.genome.as_deref().map(str::trim) {
            None | Some("") => GenomeSource::Default,
            Some(g) if g.eq_ignore_ascii_case("s288c") => GenomeSource::Default,
            Some(g) => GenomeSource::Manifest(g.to_owned()),
        }
    }

    /// The design asked for: the inline spec first, then the `design` attribute.
    pub fn design_source(&self) -> Option<DesignSource> {
        if let Some(s) = self.spec.as_deref().filter(|s| !s.trim().is_empty()) {
            return Some(DesignSource::Inline(s.to_owned()));
        }
        self.design
            .as_deref()
            .and_then(DesignSource::from_attribute)
    }
}
