//! `selection.svg`: the selection matrix as a heat map — cells shaded by Jaccard index (white 0 →
//! dark blue 1) with the overlap count written in, `∪`/`∩` marked on each pair of selected
//! datasets, diagonal cells outlined, hatched grey where a dataset has no data — with the result
//! line as title and a Jaccard scale. Written as text; no dependency.

use std::fmt::Write as _;

use crate::core::coord::thousands;
use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::evaluation::{Evaluation, result_line};
use crate::core::datasets::selection::{Join, Selection};

const CELL: usize = 76;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The fill for a Jaccard index: white → #08306b.
pub fn shade(j: f64) -> String {
    let j = j.clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * j).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(255.0, 8.0),
        mix(255.0, 48.0),
        mix(255.0, 107.0)
    )
}

/// The datasets the figure shows: the selected ones, or (none selected) those with data.
pub fn figure_datasets(selection: &Selection, ev: &Evaluation) -> Vec<usize> {
    let sel = selection.selected();
    if !sel.is_empty() {
        return sel;
    }
    (0..ev.keys.len())
        .filter(|&i| ev.keys[i].is_some())
        .collect()
}

/// The result line as title lines: the count, then the groups packed into lines of at most
/// `width` characters.
fn title_lines(title: &str, width: usize) -> Vec<String> {
    let Some((head, groups)) = title.split_once(": {") else {
        return vec![title.to_owned()];
    };
    let mut lines = vec![format!("{head}:")];
    let mut line = String::new();
    let parts: Vec<String> = format!("{{{groups}")
        .split("}, {")
        .map(|g| g.trim_start_matches('{').trim_end_matches('}').to_owned())
        .collect();
    let last = parts.len() - 1;
    for (i, p) in parts.iter().enumerate() {
        let piece = format!("{{{p}}}{}", if i < last { "," } else { "" });
        if !line.is_empty() && line.chars().count() + 1 + piece.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    lines.push(line);
    lines
}

/// Writes the SVG.
pub fn selection_svg(catalog: &Catalog, selection: &Selection, ev: &Evaluation) -> String {
    let shown = figure_datasets(selection, ev);
    let n = shown.len();
    let ids: Vec<&str> = shown
        .iter()
        .map(|&i| catalog.entries[i].info.id.as_str())
        .collect();
    let longest = ids.iter().map(|s| s.chars().count()).max().unwrap_or(8);
    let label_w = 16 + longest * 8;
    let title = title_lines(&result_line(catalog, ev), 90);
    let head = 24 + title.len() * 20;
    let top = head + 40 + longest * 6;
    let grid = n * CELL;
    let widest = title.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let width = (label_w + grid + 120).max(640).max(24 + widest * 9);
    let height = top + grid + 70;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {FONT}>"
    );
    let _ = writeln!(
        s,
        "<defs><pattern id=\"nodata\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#bbbbbb\" stroke-width=\"3\"/></pattern></defs>"
    );
    let _ = writeln!(
        s,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    for (i, line) in title.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"12\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">{}</text>",
            24 + i * 20,
            esc(line)
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"12\" y=\"{}\" font-size=\"12\" fill=\"#444444\">key: {}; cells: overlap |A ∩ B| (diagonal |A|), shade: Jaccard; ∪ union, ∩ intersection</text>",
        head,
        ev.key.as_str()
    );
    for (c, id) in ids.iter().enumerate() {
        let x = label_w + c * CELL + CELL / 2;
        let _ = writeln!(
            s,
            "<text x=\"{x}\" y=\"{}\" font-size=\"13\" transform=\"rotate(-40 {x} {})\">{}</text>",
            top - 8,
            top - 8,
            esc(id)
        );
        let y = top + c * CELL + CELL / 2 + 5;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{y}\" font-size=\"13\" text-anchor=\"end\">{}</text>",
            label_w - 8,
            esc(id)
        );
    }
    for (r, &i) in shown.iter().enumerate() {
        for (c, &j) in shown.iter().enumerate() {
            let x = label_w + c * CELL;
            let y = top + r * CELL;
            let count = ev.overlaps.intersection(i, j);
            let jac = if i == j {
                count.map(|_| 1.0)
            } else {
                ev.overlaps.jaccard(i, j).or(count.map(|_| 0.0))
            };
            let fill = jac.map_or_else(|| "url(#nodata)".to_owned(), shade);
            let stroke = if i == j {
                "#000000\" stroke-width=\"2.5"
            } else {
                "#ffffff\" stroke-width=\"1"
            };
            let _ = writeln!(
                s,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{fill}\" stroke=\"{stroke}\"/>"
            );
            let ink = if jac.unwrap_or(0.0) > 0.5 {
                "#ffffff"
            } else {
                "#111111"
            };
            let text = count.map_or_else(|| "–".to_owned(), thousands);
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"{ink}\">{}</text>",
                x + CELL / 2,
                y + CELL / 2 + 5,
                text
            );
            if i != j && selection.is_selected(i) && selection.is_selected(j) {
                // A pair in one group is intersected, by its own ∩ (bold) or through the group's.
                let (mark, weight) = match selection.join(i, j) {
                    Join::Intersection => ("∩", " font-weight=\"bold\""),
                    Join::Union if selection.in_one_group(i, j) => ("∩", ""),
                    Join::Union => ("∪", ""),
                };
                let _ = writeln!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"15\" fill=\"{ink}\"{weight}>{mark}</text>",
                    x + 5,
                    y + 17
                );
            }
        }
    }
    // Jaccard scale.
    let sx = label_w;
    let sy = top + grid + 24;
    for k in 0..=10 {
        let v = k as f64 / 10.0;
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{sy}\" width=\"24\" height=\"12\" fill=\"{}\" stroke=\"#999999\" stroke-width=\"0.5\"/>",
            sx + k * 24,
            shade(v)
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{sx}\" y=\"{}\" font-size=\"11\">0</text><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">1</text><text x=\"{}\" y=\"{}\" font-size=\"11\">Jaccard index; hatched: no data</text>",
        sy + 26,
        sx + 11 * 24,
        sy + 26,
        sx + 11 * 24 + 12,
        sy + 10
    );
    s.push_str("</svg>\n");
    s
}
