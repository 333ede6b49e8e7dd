//! The track's shapes as SVG markup, built as one string per tile of shapes and handed to the
//! browser in one `innerHTML` assignment: a zoom replaces ~1,500 shapes on a whole chromosome
//! with 1,000 edits, and one parse is several times faster than creating each node from WASM.
//!
//! Every piece of text that comes from a file (gene names, descriptions, edit labels) goes
//! through [`escape`], so it is always rendered as text.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::view::map::arrow;
use crate::view::map::edited::InsertScene;
use crate::view::map::scene::{EditItem, EditKind, EditScene, GeneScene};

use super::dims::{ARROW_H, AXIS_H, HEAD_PX, LABEL_DY, LANE_H, row_y, status_css};

/// `s` with the five XML-special characters replaced by references.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The genes `idx` (a tile) of `scene`. A labelled gene is a `<g>` of its own (arrow, label, a
/// strike-through when it is gone), focusable and named; the unlabelled ones — most of them when
/// zoomed out — are drawn together, one `<g>` per kind and status with one path of all their
/// arrows (and one of their strike-throughs), so that a whole chromosome is a few dozen elements.
/// The track finds what is under the pointer in those with [`GeneScene::hit`]. `data-k` indexes
/// the scene.
pub fn genes(scene: &GeneScene, idx: std::ops::Range<usize>) -> String {
    let mut out = String::with_capacity(idx.len() * 120);
    // (kind, status) → (arrows, strike-throughs)
    let mut runs: BTreeMap<(&str, &str), (String, String)> = BTreeMap::new();
    for k in idx {
        let Some(it) = scene.items.get(k) else {
            continue;
        };
        let y = row_y(it.row);
        let d = arrow::path(&arrow::outline(
            it.x0, it.x1, y, ARROW_H, it.strand, HEAD_PX,
        ));
        if !it.labelled {
            let (arrows, strikes) = runs
                .entry((it.class.css(), status_css(it.status)))
                .or_default();
            arrows.push_str(&d);
            if it.status.is_gone() {
                let _ = write!(strikes, "M{:.1} {y:.1}H{:.1}", it.x0 - 2.0, it.x1 + 2.0);
            }
            continue;
        }
        let _ = write!(
            out,
            r#"<g class="gene {} status-{}" data-gene="{}" data-k="{k}" data-name="{}""#,
            it.class.css(),
            status_css(it.status),
            it.gene.0,
            escape(&it.name),
        );
        if it.is_merged() {
            out.push_str(r#" data-merged="""#);
        }
        // Out of the Tab order: the track is one Tab stop, ↑/↓ step through its genes.
        let _ = write!(
            out,
            r#" tabindex="-1" role="button" aria-label="{}"><path d="{d}"></path>"#,
            escape(&it.description)
        );
        if it.status.is_gone() {
            let _ = write!(
                out,
                r#"<line class="strike" x1="{:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}"></line>"#,
                it.x0 - 2.0,
                it.x1 + 2.0
            );
        }
        let _ = write!(
            out,
            r#"<text class="gene-label" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text></g>"#,
            it.centre(),
            y + LABEL_DY,
            escape(&it.name)
        );
    }
    for ((class, status), (arrows, strikes)) in runs {
        let _ = write!(
            out,
            r#"<g class="gene run {class} status-{status}"><path d="{arrows}"></path>"#
        );
        if !strikes.is_empty() {
            let _ = write!(out, r#"<path class="strike" d="{strikes}"></path>"#);
        }
        out.push_str("</g>");
    }
    out
}

/// A tile with more edits than this draws them as a few shared paths (one per kind) rather than
/// an element each: 1,000 edits on a chromosome cost the browser as little as a handful.
pub const EDITS_PER_ITEM_MAX: usize = 40;

/// How far down bands and insertion lines reach (px): past any track's height (the SVG clips).
const BAND_BOTTOM: f64 = 4_000.0;

/// The edits `idx` (a tile) of `scene`: a band over removed bases, a marker at an insertion —
/// an element each (with its description as a tooltip) when they are few, else shared paths.
pub fn edits(
    scene: &EditScene,
    idx: std::ops::Range<usize>,
    describe: impl Fn(&EditItem) -> String,
) -> String {
    if idx.len() > EDITS_PER_ITEM_MAX {
        return edits_shared(scene, idx);
    }
    edits_each(scene, idx, describe)
}

/// Many edits of a tile: per kind, one band path, one axis-cut path; insertions as one path of
/// lines and one of markers. Each group says how many edits it draws.
fn edits_shared(scene: &EditScene, idx: std::ops::Range<usize>) -> String {
    let kinds = [EditKind::Deletion, EditKind::Replacement, EditKind::Mixed];
    let mut fills: [(String, String, u64); 3] = Default::default();
    let (mut lines, mut markers, mut inserted) = (String::new(), String::new(), 0u64);
    for it in &scene.items[idx] {
        if it.kind == EditKind::Insertion {
            let _ = write!(lines, "M{:.1} {AXIS_H:.1}V{BAND_BOTTOM:.0}", it.x0);
            markers.push_str(&arrow::path(&arrow::insertion_marker(
                it.x0,
                AXIS_H + LANE_H - 1.0,
                9.0,
            )));
            inserted += u64::from(it.count);
            continue;
        }
        let k = kinds.iter().position(|&k| k == it.kind).unwrap_or(2);
        let w = (it.x1 - it.x0).max(1.0);
        let (fill, cut, n) = &mut fills[k];
        let _ = write!(
            fill,
            "M{:.1} {AXIS_H:.1}h{w:.1}V{BAND_BOTTOM:.0}h{:.1}Z",
            it.x0, -w
        );
        let _ = write!(cut, "M{:.1} {:.1}h{w:.1}v6h{:.1}Z", it.x0, AXIS_H - 3.0, -w);
        *n += u64::from(it.count);
    }
    let mut out = String::new();
    for (kind, (fill, cut, n)) in kinds.iter().zip(&fills) {
        if *n == 0 {
            continue;
        }
        let _ = write!(
            out,
            r#"<g class="edit band {} shared"><title>{n} edits here ({}); zoom in to see each</title><path class="band-fill" d="{fill}"></path><path class="axis-cut" d="{cut}"></path></g>"#,
            kind.css(),
            kind.css(),
        );
    }
    if inserted > 0 {
        let _ = write!(
            out,
            r#"<g class="edit insertion shared"><title>{inserted} insertions here; zoom in to see each</title><path class="ins-line" d="{lines}"></path><path class="ins-marker" d="{markers}"></path></g>"#
        );
    }
    out
}

/// Few edits of a tile: an element each.
fn edits_each(
    scene: &EditScene,
    idx: std::ops::Range<usize>,
    describe: impl Fn(&EditItem) -> String,
) -> String {
    let mut out = String::with_capacity(idx.len() * 300);
    for k in idx {
        let Some(it) = scene.items.get(k) else {
            continue;
        };
        let words = describe(it);
        let title = escape(&words);
        if it.kind == EditKind::Insertion {
            let tri = arrow::path(&arrow::insertion_marker(it.x0, AXIS_H + LANE_H - 1.0, 9.0));
            let _ = write!(
                out,
                r#"<g class="edit insertion" data-edit="{}"><title>{title}</title><line class="ins-line" x1="{x:.1}" x2="{x:.1}" y1="{AXIS_H:.1}" y2="100%"></line><path class="ins-marker" d="{tri}"></path></g>"#,
                it.edit.0,
                x = it.x0,
            );
        } else {
            let w = (it.x1 - it.x0).max(1.0);
            let _ = write!(
                out,
                r#"<g class="edit band {}" data-edit="{}"><title>{title}</title><rect class="band-fill" x="{x:.1}" y="{AXIS_H:.1}" width="{w:.1}" height="100%"></rect><rect class="axis-cut" x="{x:.1}" y="{:.1}" width="{w:.1}" height="6"></rect></g>"#,
                it.kind.css(),
                it.edit.0,
                AXIS_H - 3.0,
                x = it.x0,
            );
        }
    }
    out
}

/// Inserted shapes `idx` of `scene` and its junction marks in `[lo, hi)` (px): an inserted
/// sequence or part is an arrow with a label, focusable and named like a gene (`data-ik` indexes
/// the scene); a junction is a pair of short slanted strokes across the axis, with its words as a
/// tooltip.
pub fn inserts(scene: &InsertScene, idx: &[usize], lo: f64, hi: f64) -> String {
    let mut out = String::with_capacity(idx.len() * 200);
    for &k in idx {
        let Some(it) = scene.items.get(k) else {
            continue;
        };
        let y = row_y(it.row);
        let d = arrow::path(&arrow::outline(
            it.x0, it.x1, y, ARROW_H, it.strand, HEAD_PX,
        ));
        let part = if it.what.part.is_some() { " part" } else { "" };
        let merged = if it.is_merged() { " merged" } else { "" };
        let _ = write!(
            out,
            r#"<g class="inserted {}{part}{merged}" data-ik="{k}" data-insert="{}" data-name="{}" tabindex="-1" role="button" aria-label="{}"><path d="{d}"></path>"#,
            it.kind.css(),
            it.what.edit.0,
            escape(&it.name),
            escape(&it.description),
        );
        if it.labelled {
            let _ = write!(
                out,
                r#"<text class="gene-label" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                it.centre(),
                y + LABEL_DY,
                escape(&it.name)
            );
        }
        out.push_str("</g>");
    }
    for j in scene.junctions_in(lo, hi) {
        let (x, top) = (j.x, AXIS_H - 7.0);
        let _ = write!(
            out,
            r#"<g class="junction" data-edit="{}"><title>{}</title><path class="junction-mark" d="M{:.1} {top:.1}l-3 14M{:.1} {top:.1}l-3 14"></path><line class="junction-line" x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="100%"></line></g>"#,
            j.edit.0,
            escape(&j.description),
            x + 1.0,
            x + 4.5,
            AXIS_H + LANE_H,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_in_names() {
        assert_eq!(escape("TFC3"), "TFC3");
        assert_eq!(
            escape(r#"<img src=x onerror="a">&'"#),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
    }
}
