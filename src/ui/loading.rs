//! Loading a genome in the browser: fetch or read the files, then drive the stepping loader,
//! yielding to the browser between chunks so the page stays responsive and the progress bar moves.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser::{fetch_bytes, next_frame, now_ms, yield_now};
use super::shared_fetch::fetch_once;
use super::state::{AppState, LoadState, Ready, Shared};
use crate::core::genome::summary::GenomeSummary;
use crate::io::load::{InputFile, LoadRequest, Loader, Progress, Step};

/// The shipped default genome's files (served from `public/`).
pub const DEFAULT_GFF: &str = "public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz";
/// See [`DEFAULT_GFF`].
pub const DEFAULT_FASTA: &str = "public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz";
/// See [`DEFAULT_GFF`].
pub const DEFAULT_TABLE: &str = "public/genome/SGD_features.tab.gz";

fn file_name(url: &str) -> String {
    url.rsplit('/').next().unwrap_or(url).to_owned()
}

/// Fetches the shipped cassette library and the deletion project's essentiality table (the app works
/// without them). `base` is prefixed to the files' paths: empty for the page, the asset base (ending
/// in `/`) for an embedded element.
pub async fn load_resources(app: AppState, base: String) {
    match fetch_once(&format!("{base}public/cassettes.json"))
        .await
        .map(|b| serde_json::from_slice::<crate::core::genetics::cassette::Library>(&b))
    {
        Ok(Ok(lib)) => app.library.update(|l| {
            for c in lib.cassettes {
                l.insert(c);
            }
        }),
        Ok(Err(e)) => app.notify_app(true, format!("The cassette library could not be read: {e}")),
        Err(e) => app.notify_app(
            true,
            format!("The cassette library could not be fetched: {e}"),
        ),
    }
    let path = format!("{base}public/{}", crate::core::genetics::essential::PATH);
    match fetch_once(&path)
        .await
        .map(|b| crate::io::gene_sets::read_essentiality(&b))
    {
        Ok(Ok(t)) => app.essential.set(Shared::new(t)),
        Ok(Err(e)) => app.notify_app(
            true,
            format!("The essentiality table could not be read: {e}"),
        ),
        Err(e) => app.notify_app(
            true,
            format!("The essentiality table could not be fetched: {e}"),
        ),
    }
}

/// What the bundled genome is called in the header.
pub const DEFAULT_LABEL: &str = "S288C reference (R64)";

/// Fetches and loads the default genome (its files under `base`, see [`load_resources`]).
pub async fn load_default(app: AppState, base: String) {
    let label = DEFAULT_LABEL.to_owned();
    app.load.set(LoadState::Loading {
        label: label.clone(),
        progress: None,
    });
    match fetch_default(&base).await {
        Ok(req) => run(app, req, label).await,
        Err(why) => app.load.set(LoadState::Failed(why)),
    }
}

/// Fetches the default genome's three files from under `base`; the error names every file that
/// could not be fetched.
pub async fn fetch_default(base: &str) -> Result<LoadRequest, String> {
    let (gff, fasta, table) = futures_join3(
        fetch_bytes(&format!("{base}{DEFAULT_GFF}")),
        fetch_bytes(&format!("{base}{DEFAULT_FASTA}")),
        fetch_bytes(&format!("{base}{DEFAULT_TABLE}")),
    )
    .await;
    match (gff, fasta, table) {
        (Ok(g), Ok(f), Ok(t)) => Ok(LoadRequest {
            gff: Some(InputFile::new(file_name(DEFAULT_GFF), g)),
            fasta: Some(InputFile::new(file_name(DEFAULT_FASTA), f)),
            feature_table: Some(InputFile::new(file_name(DEFAULT_TABLE), t)),
        }),
        (g, f, t) => {
            let why = [g.err(), f.err(), t.err()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; ");
            Err(format!("the default genome could not be fetched: {why}"))
        }
    }
}

/// Waits for three futures (fetches run concurrently in the browser).
async fn futures_join3<A, B, C>(
    a: impl std::future::Future<Output = A>,
    b: impl std::future::Future<Output = B>,
    c: impl std::future::Future<Output = C>,
) -> (A, B, C) {
    futures::join!(a, b, c)
}

/// Loads a request, reporting progress; on success the genome replaces the current one and the
/// design starts empty; on failure the current genome and design stay.
pub async fn run(app: AppState, req: LoadRequest, label: String) {
    let progress_label = label.clone();
    let loaded = parse(req, label, move |p| {
        app.load.set(LoadState::Loading {
            label: progress_label.clone(),
            progress: Some(p),
        });
    })
    .await;
    match loaded {
        Ok(ready) => install(app, ready).await,
        Err(e) => app.load.set(LoadState::Failed(e)),
    }
}

/// Drives the stepping loader over a request, yielding to the browser between chunks and telling
/// `progress` where it stands. The result can be shared: a genome is immutable.
pub async fn parse(
    req: LoadRequest,
    label: String,
    progress: impl Fn(Progress),
) -> Result<Shared<Ready>, String> {
    let mut loader = Loader::new(req);
    let mut last_paint = now_ms();
    loop {
        match loader.step() {
            Ok(Step::Progress(p)) => {
                progress(p);
                if now_ms() - last_paint > 50.0 {
                    next_frame().await;
                    last_paint = now_ms();
                } else {
                    yield_now().await;
                }
            }
            Ok(Step::Done(loaded)) => {
                let summary = GenomeSummary::new(&loaded.genome, &loaded.diagnostics);
                return Ok(Shared(Arc::new(Ready {
                    loaded: *loaded,
                    summary,
                    label,
                    ready_ms: now_ms(),
                })));
            }
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// Makes a loaded genome the one being edited (the one it replaces has its design written first,
/// through the `on_unload` hook): the design starts empty, the map shows the first
/// contig; after the page has painted, the `on_load` hook runs (the saved or linked design).
pub async fn install(app: AppState, ready: Shared<Ready>) {
    // The design on screen is written before it goes (the `on_unload` hook).
    if app.genome.with_untracked(Option::is_some)
        && let Some(Some(hook)) = app.on_unload.try_get_value()
    {
        hook(&app);
    }
    // A new genome: its own design (restored below, if one was saved for it), no history.
    app.design.set(crate::core::design::Design::new());
    app.history.set(Default::default());
    app.selected.set(None);
    app.selected_insert.set(None);
    app.selected_edit.set(None);
    app.forget_reference();
    // The first contig as the overview orders them (karyotype order when the names allow it),
    // not the file's first.
    let first = crate::view::map::overview::display_order(ready.genome())
        .first()
        .copied()
        .unwrap_or(crate::core::genome::contig::ContigId(0));
    app.view.set(
        (!ready.genome().contigs().is_empty())
            .then(|| crate::view::viewport::Viewport::clamped(ready.genome(), first, 0, 60_000)),
    );
    app.genome.set(Some(ready.clone()));
    app.load.set(LoadState::Ready(ready.clone()));
    // The previous genome's notices (its problems, an import's error, an applied edit) are not
    // about this one.
    app.clear_genome_notices();
    report_problems(&app, &ready);
    // After the page has painted: checksums, then the saved or linked design.
    next_frame().await;
    // An embedded element may have been removed meanwhile: its state is gone.
    if let Some(Some(hook)) = app.on_load.try_get_value() {
        hook(&app);
    }
}

/// Says at once, at the top, when the files had problems (errors or warnings): how many, with a
/// button to their list. Information-only diagnostics stay in the Genome tab.
fn report_problems(app: &AppState, ready: &Ready) {
    use crate::core::genome::diagnostics::Severity;
    let count = |s: Severity| {
        ready
            .loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let words =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let text = match (errors, warnings) {
        (0, 0) => return,
        (e, 0) => format!(
            "Loaded with {} — see the list.",
            words(e, "problem", "problems")
        ),
        (0, w) => format!(
            "Loaded with {} — see the list.",
            words(w, "warning", "warnings")
        ),
        (e, w) => format!(
            "Loaded with {} and {} — see the list.",
            words(e, "problem", "problems"),
            words(w, "warning", "warnings")
        ),
    };
    app.notify_with(
        errors > 0,
        text,
        vec![super::state::NoticeAction::ShowProblems],
    );
}
