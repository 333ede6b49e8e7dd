//! Gene search as a ranked list: what the search box shows for a partial name or a word.
//!
//! Ranking, best first: an exact systematic, standard or ID name; then an alias equal to the query
//! (`BAS2` → PHO2 before any name that merely starts with `bas2`); then names starting with the
//! query (systematic or standard; shorter names first, then alphabetically); then aliases starting
//! with it; then genes whose description contains every word of the query as the start
//! of a word; only when nothing matches, names within a typo or two ("did you mean"). Case is
//! ignored for matching; names are shown as the genome writes them (PHO5).
//!
//! SGD's alias column mixes gene-name aliases (`MET15`, `FUN21`) with protein names
//! (`phosphatase`, `acid phosphatase PHO11`): a protein name ([`is_protein_name`]) describes the
//! gene rather than names it, so a match on one is a description match — ranked, counted and
//! labelled as one, never as an alias.

use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::names::NameKind;

/// Whether an entry of SGD's alias column is a protein name (`phosphatase`, `gamma-tubulin`,
/// `acid phosphatase PHO11`) rather than another name of the gene (`MET15`, `FUN21`, `phoR`,
/// `rp55a`, `ogg2`): it holds a space, or it has no capital letter and a run of four or more
/// letters (a word, not a short old name).
pub fn is_protein_name(alias: &str) -> bool {
    if alias.chars().any(char::is_whitespace) {
        return true;
    }
    if alias.chars().any(|c| c.is_uppercase()) {
        return false;
    }
    let mut run = 0;
    alias.chars().any(|c| {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        run >= 4
    })
}

/// How a gene matched the query. Earlier variants rank first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The query is its systematic or standard name (or ID).
    Exact,
    /// One of its aliases is the query: it names the gene as surely as a standard name does, so
    /// it ranks before names that only start with the query.
    ExactAlias,
    /// Its systematic or standard name starts with the query.
    Prefix,
    /// One of its aliases starts with the query.
    Alias,
    /// Its description contains the query's words, or one of SGD's protein names for it starts
    /// with the query ([`is_protein_name`]).
    Description,
    /// Nothing else matched: one of its names is within a typo or two of the query ("did you
    /// mean", [`crate::core::genome::names::NameIndex::similar`]).
    Similar,
}

impl MatchKind {
    /// A word for people and for `data-match` attributes.
    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::ExactAlias => "exact-alias",
            Self::Prefix => "prefix",
            Self::Alias => "alias",
            Self::Description => "description",
            Self::Similar => "similar",
        }
    }
}

/// One gene in the result list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The gene.
    pub gene: FeatureIdx,
    /// Standard name as written (or the systematic name).
    pub standard: String,
    /// Systematic name.
    pub systematic: String,
    /// How it matched.
    pub kind: MatchKind,
    /// What matched, when it is not the name shown: the alias, the protein name, or a stretch of
    /// the description.
    pub via: Option<String>,
}

/// How many genes a query matches in all, by how (each gene once, at its best match): what a list
/// cut to its first few says it leaves out.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchCounts {
    /// By a systematic or standard name (exactly or as a prefix).
    pub names: usize,
    /// By an alias (exactly or as a prefix).
    pub aliases: usize,
    /// By a word of the description.
    pub descriptions: usize,
}

impl MatchCounts {
    /// Every gene matched.
    pub fn total(&self) -> usize {
        self.names + self.aliases + self.descriptions
    }

    /// `20 genes have a name starting with it, 3 an alias and 412 a description word`-style
    /// phrases, joined; empty when nothing matched.
    pub fn sentence(&self) -> String {
        let n = |k: usize| crate::view::edit_rows::counted(k, "gene", "genes");
        let mut parts = Vec::new();
        if self.names > 0 {
            let verb = if self.names == 1 { "has" } else { "have" };
            parts.push(format!("{} {verb} a name starting with it", n(self.names)));
        }
        if self.aliases > 0 {
            let verb = if self.aliases == 1 { "has" } else { "have" };
            parts.push(format!(
                "{} {verb} an alias starting with it",
                n(self.aliases)
            ));
        }
        if self.descriptions > 0 {
            let verb = if self.descriptions == 1 {
                "mentions it in its description"
            } else {
                "mention it in their description"
            };
            parts.push(format!("{} {verb}", n(self.descriptions)));
        }
        match parts.len() {
            0 | 1 => parts.concat(),
            k => format!("{} and {}", parts[..k - 1].join(", "), parts[k - 1]),
        }
    }
}

/// The most genes [`match_counts`] counts.
pub const COUNT_MAX: usize = 10_000;

/// How many genes `query` matches, by how ([`search`] without its limit).
pub fn match_counts(genome: &Genome, query: &str) -> MatchCounts {
    let mut c = MatchCounts::default();
    for h in search(genome, query, COUNT_MAX) {
        match h.kind {
            MatchKind::Exact | MatchKind::Prefix => c.names += 1,
            MatchKind::Alias | MatchKind::ExactAlias => c.aliases += 1,
            MatchKind::Description => c.descriptions += 1,
            MatchKind::Similar => {}
        }
    }
    c
}

/// Queries shorter than this (characters) match names only, not descriptions.
pub const MIN_DESCRIPTION_QUERY: usize = 3;

/// The genes matching `query`, best first, at most `limit`. Each gene appears once, at its best
/// match.
pub fn search(genome: &Genome, query: &str, limit: usize) -> Vec<SearchHit> {
    let q = query.trim().to_lowercase();
    if q.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<SearchHit> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let names = genome.names();
    // Names: every indexed name starting with the query (the exact one first, as sorted keys put
    // it first). Bounded: past a few hundred names a prefix says little.
    let mut named: Vec<(MatchKind, usize, String, FeatureIdx)> = Vec::new();
    for key in names.suggest(&q, 400) {
        for hit in names.all(key) {
            let kind = match (hit.kind, key == q) {
                (NameKind::Alias, _)
                    if written_alias(genome, hit.feature, key).is_some_and(is_protein_name) =>
                {
                    MatchKind::Description
                }
                (NameKind::Alias, true) => MatchKind::ExactAlias,
                (NameKind::Alias, false) => MatchKind::Alias,
                (_, true) => MatchKind::Exact,
                (_, false) => MatchKind::Prefix,
            };
            named.push((kind, key.len(), key.to_owned(), hit.feature));
        }
    }
    crate::core::sort::sort(&mut named);
    for (kind, _, key, gene) in named {
        if !seen.insert(gene) {
            continue;
        }
        let (systematic, standard) = genome.gene_names(gene);
        let via = matches!(
            kind,
            MatchKind::Alias | MatchKind::ExactAlias | MatchKind::Description
        )
        .then(|| written_alias(genome, gene, &key).map_or(key.clone(), str::to_owned));
        hits.push(SearchHit {
            gene,
            standard,
            systematic,
            kind,
            via,
        });
    }
    crate::core::sort::sort_by_key(&mut hits, |h| h.kind);
    if hits.len() < limit && q.chars().count() >= MIN_DESCRIPTION_QUERY {
        let words: Vec<&str> = q.split_whitespace().collect();
        for gene in genome.genes() {
            if hits.len() >= limit {
                break;
            }
            if seen.contains(&gene) {
                continue;
            }
            let Some(text) = genome
                .gene_info(gene)
                .and_then(|i| i.description.as_deref())
            else {
                continue;
            };
            if let Some(at) = word_match(text, &words) {
                seen.insert(gene);
                let (systematic, standard) = genome.gene_names(gene);
                hits.push(SearchHit {
                    gene,
                    standard,
                    systematic,
                    kind: MatchKind::Description,
                    via: Some(snippet(text, at)),
                });
            }
        }
    }
    // Nothing at all: names within a typo or two ("yal001x" → YAL001C, "pho55" → PHO5).
    if hits.is_empty() {
        for key in names.similar(&q, limit.min(5)) {
            for hit in names.all(key) {
                if !seen.insert(hit.feature) {
                    continue;
                }
                let (systematic, standard) = genome.gene_names(hit.feature);
                let via = (hit.kind == NameKind::Alias).then(|| key.to_uppercase());
                hits.push(SearchHit {
                    gene: hit.feature,
                    standard,
                    systematic,
                    kind: MatchKind::Similar,
                    via,
                });
            }
        }
    }
    hits.truncate(limit);
    hits
}

/// The alias of `gene` whose lower case is `key`, as SGD's table writes it.
fn written_alias<'g>(genome: &'g Genome, gene: FeatureIdx, key: &str) -> Option<&'g str> {
    genome
        .gene_info(gene)?
        .aliases
        .iter()
        .find(|a| a.to_lowercase() == key)
        .map(|a| &**a)
}

/// Where the first query word starts a word of `text`, when every query word starts one.
fn word_match(text: &str, words: &[&str]) -> Option<usize> {
    let lower = text.to_lowercase();
    let starts = |w: &str| {
        lower.match_indices(w).map(|(i, _)| i).find(|&i| {
            i == 0
                || !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    };
    let first = starts(words.first()?)?;
    words[1..]
        .iter()
        .all(|w| starts(w).is_some())
        .then_some(first)
}

/// About 60 characters of `text` around byte `at`, on character boundaries, with ellipses.
fn snippet(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    // `at` is a byte offset in the lower-cased text; count characters up to it there.
    let pos = text.to_lowercase()[..at].chars().count().min(chars.len());
    let from = pos.saturating_sub(20);
    let to = (pos + 40).min(chars.len());
    let mut s: String = chars[from..to].iter().collect();
    if from > 0 {
        s.insert(0, '…');
    }
    if to < chars.len() {
        s.push('…');
    }
    s
}

/// What pressing Enter (or Search) on a query does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submit {
    /// Open the gene, with a note to show when it was found by an alias (`“MET15” is an alias of
    /// MET17 (YLR303W).`).
    Open(FeatureIdx, Option<String>),
    /// Open nothing: say why (in the words' [`Listing`] style) and let the user choose from the
    /// list of matches.
    List(Listing, String),
}

/// What a submitted query that opened nothing found: how its message is shown.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Listing {
    /// No gene is named or described so (at most names within a typo): the search failed, said
    /// as an error.
    NotFound,
    /// Genes match it — by a prefix, a word-like alias, a description or protein name, or a name
    /// several genes share —: the counts and a list to choose from, information rather than an
    /// error.
    Matches,
}

impl Listing {
    /// The message's CSS class: `not-found` (the error style) only when nothing matched.
    pub fn css(self) -> &'static str {
        match self {
            Self::NotFound => "not-found",
            Self::Matches => "search-note",
        }
    }
}

/// Whether an alias is written like a gene name (`MET15`, `BAS2`: letters and digits, no space),
/// rather than a word (`phosphatase`, `phoE`): only such an alias is opened directly.
fn name_like(alias: &str) -> bool {
    !alias.is_empty()
        && alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && alias.chars().any(|c| c.is_ascii_alphabetic())
        && alias.chars().any(|c| c.is_ascii_digit())
}

/// What submitting `query` does, given its ranked `hits` ([`search`]): a systematic or standard
/// name (or ID) opens its gene; an alias written like a gene name opens its gene, saying so; an
/// alias that is a word, a protein name or description word, a prefix or a name several genes
/// share opens nothing and lists the matches (never a silent jump to a gene the query does not
/// name).
pub fn submit(genome: &Genome, query: &str, hits: &[SearchHit]) -> Submit {
    use crate::core::genome::names::Lookup;
    let q = query.trim();
    let names_of = |f: FeatureIdx| {
        let (sys, std) = genome.gene_names(f);
        if sys == std || std.is_empty() {
            sys
        } else {
            format!("{std} ({sys})")
        }
    };
    // Every match counted (the list shows the first few), and said when the list is cut.
    let counts = match_counts(genome, q);
    let choose = if counts.total() > hits.len() {
        format!(
            "the first {} are listed below; type more to narrow them",
            hits.len()
        )
    } else {
        "choose one below".to_owned()
    };
    let listed = || format!("No gene is named “{q}”; {} — {choose}.", counts.sentence());
    // A protein name (`phosphatase`) is a description of its gene, not a name of it.
    let protein_name =
        |f: FeatureIdx| written_alias(genome, f, &q.to_lowercase()).is_some_and(is_protein_name);
    match genome.lookup(q) {
        Lookup::Found(hit) if hit.kind != NameKind::Alias => Submit::Open(hit.feature, None),
        Lookup::Found(hit) if protein_name(hit.feature) => Submit::List(Listing::Matches, listed()),
        Lookup::Found(hit) if name_like(q) => Submit::Open(
            hit.feature,
            Some(format!("“{q}” is an alias of {}.", names_of(hit.feature))),
        ),
        Lookup::Found(hit) => Submit::List(
            Listing::Matches,
            format!(
                "No gene is named “{q}”: it is an alias of {} and {} — {choose}.",
                names_of(hit.feature),
                match counts.total().saturating_sub(1) {
                    0 => "no other gene matches".to_owned(),
                    n => format!(
                        "{} also {}",
                        crate::view::edit_rows::counted(n, "other gene", "other genes"),
                        if n == 1 { "matches" } else { "match" }
                    ),
                }
            ),
        ),
        Lookup::Ambiguous(all)
            if all
                .iter()
                .all(|h| h.kind == NameKind::Alias && protein_name(h.feature)) =>
        {
            Submit::List(Listing::Matches, listed())
        }
        Lookup::Ambiguous(all) => Submit::List(
            Listing::Matches,
            format!(
                "“{q}” names {} genes: {}. Choose one below.",
                all.len(),
                all.iter()
                    .map(|h| genome.gene_names(h.feature).0)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        // A name SGD's feature table has but the annotation lacks (a blocked reading frame):
        // said, with whatever else matches.
        Lookup::NotFound if genome.unannotated(q).is_some() => {
            let why = genome.unannotated_sentence(q).unwrap_or_default();
            match counts.total() {
                0 => Submit::List(Listing::NotFound, format!("{why}.")),
                _ => Submit::List(
                    Listing::Matches,
                    format!("{why}; {} — {choose}.", counts.sentence()),
                ),
            }
        }
        Lookup::NotFound => match hits.first().map(|h| h.kind) {
            None => Submit::List(
                Listing::NotFound,
                format!("No gene is named or described “{q}”."),
            ),
            Some(MatchKind::Similar) => Submit::List(
                Listing::NotFound,
                format!(
                    "No gene is named or described “{q}”. Did you mean {}?",
                    hits.iter()
                        .map(|h| names_of(h.gene))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            ),
            Some(_) => Submit::List(Listing::Matches, listed()),
        },
    }
}
