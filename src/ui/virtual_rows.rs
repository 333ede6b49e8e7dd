//! Which rows of a long list of fixed-height rows to put in the DOM: those in the scrolled window
//! and a few either side. Pure, tested natively.

use std::ops::Range;

/// The rows `[first, last)` to render for a box `viewport` pixels high scrolled to `scroll_top`,
/// with rows `row` pixels high, `overscan` extra rows each side, out of `n` rows.
pub fn window(scroll_top: f64, viewport: f64, row: f64, overscan: usize, n: usize) -> Range<usize> {
    if n == 0 || row <= 0.0 {
        return 0..0;
    }
    let first = ((scroll_top.max(0.0) / row).floor() as usize).min(n - 1);
    let visible = (viewport.max(row) / row).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(n);
    let end = (first + visible + overscan).min(n);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn windows_are_bounded_and_cover_the_view() {
        assert_eq!(window(0.0, 300.0, 60.0, 3, 0), 0..0);
        assert_eq!(window(0.0, 300.0, 60.0, 3, 4), 0..4);
        assert_eq!(window(0.0, 300.0, 60.0, 3, 1000), 0..9);
        // Scrolled to row 500: rows 497..509 are rendered.
        assert_eq!(window(30_000.0, 300.0, 60.0, 3, 1000), 497..509);
        // Past the end (a list that shrank): the last rows.
        assert_eq!(window(90_000.0, 300.0, 60.0, 3, 1000), 996..1000);
    }
}
