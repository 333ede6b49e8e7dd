//! Loading a genome in the browser: fetch or read the files, then drive the stepping loader,
//! yielding to the browser between chunks so the page stays responsive and the progress bar moves.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser::{fetch_bytes, next_frame, now_ms, yield_now};
use super::state::{AppState, LoadState, Ready, Shared};
use crate::core::genome::summary::GenomeSummary;
use crate::io::load::{InputFile, LoadRequest, Loader, Step};

/// The shipped default genome's files (served from `public/`).
pub const DEFAULT_GFF: &str = "public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz";
/// See [`DEFAULT_GFF`].
pub const DEFAULT_FASTA: &str = "public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz";
/// See [`DEFAULT_GFF`].
pub const DEFAULT_TABLE: &str = "public/genome/SGD_features.tab.gz";

fn file_name(url: &str) -> String {
    url.rsplit('/').next().unwrap_or(url).to_owned()
}

/// Fetches the shipped cassette library and the deletion project's essentiality table (the app works without them).
pub async fn load_resources(app: AppState) {
    match fetch_bytes("public/cassettes.json")
        .await
        .map(|b| serde_json::from_slice::<crate::core::genetics::cassette::Library>(&b))
    {
        Ok(Ok(lib)) => app.library.update(|l| {
            for c in lib.cassettes {
                l.insert(c);
            }
        }),
        Ok(Err(e)) => app.notify(true, format!("The cassette library could not be read: {e}")),
        Err(e) => app.notify(
            true,
            format!("The cassette library could not be fetched: {e}"),
        ),
    }
    let path = format!("public/{}", crate::core::genetics::essential::PATH);
    match fetch_bytes(&path)
        .await
        .map(|b| crate::io::gene_sets::read_essentiality(&b))
    {
        Ok(Ok(t)) => app.essential.set(Shared::new(t)),
        Ok(Err(e)) => app.notify(
            true,
            format!("The essentiality table could not be read: {e}"),
        ),
        Err(e) => app.notify(
            true,
            format!("The essentiality table could not be fetched: {e}"),
        ),
    }
}

/// What the bundled genome is called in the header.
pub const DEFAULT_LABEL: &str = "S288C reference (R64)";

/// Fetches and loads the default genome.
pub async fn load_default(app: AppState) {
    let label = DEFAULT_LABEL.to_owned();
    app.load.set(LoadState::Loading {
        label: label.clone(),
        progress: None,
    });
    let (gff, fasta, table) = futures_join3(
        fetch_bytes(DEFAULT_GFF),
        fetch_bytes(DEFAULT_FASTA),
        fetch_bytes(DEFAULT_TABLE),
    )
    .await;
    let req = match (gff, fasta, table) {
        (Ok(g), Ok(f), Ok(t)) => LoadRequest {
            gff: Some(InputFile::new(file_name(DEFAULT_GFF), g)),
            fasta: Some(InputFile::new(file_name(DEFAULT_FASTA), f)),
            feature_table: Some(InputFile::new(file_name(DEFAULT_TABLE), t)),
        },
        (g, f, t) => {
            let why = [g.err(), f.err(), t.err()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; ");
            app.load.set(LoadState::Failed(format!(
                "the default genome could not be fetched: {why}"
            )));
            return;
        }
    };
    run(app, req, label).await;
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
    let mut loader = Loader::new(req);
    let mut last_paint = now_ms();
    loop {
        match loader.step() {
            Ok(Step::Progress(p)) => {
                app.load.set(LoadState::Loading {
                    label: label.clone(),
                    progress: Some(p),
                });
                if now_ms() - last_paint > 50.0 {
                    next_frame().await;
                    last_paint = now_ms();
                } else {
                    yield_now().await;
                }
            }
            Ok(Step::Done(loaded)) => {
                let summary = GenomeSummary::new(&loaded.genome, &loaded.diagnostics);
                let ready = Shared(Arc::new(Ready {
                    loaded: *loaded,
                    summary,
                    label,
                    ready_ms: now_ms(),
                }));
                // A new genome: its own design (restored below, if one was saved for it), no history.
                app.design.set(crate::core::design::Design::new());
                app.history.set(Default::default());
                app.selected.set(None);
                app.selected_insert.set(None);
                app.selected_edit.set(None);
                app.forget_reference();
                let first = crate::core::genome::contig::ContigId(0);
                app.view
                    .set((!ready.genome().contigs().is_empty()).then(|| {
                        crate::view::viewport::Viewport::clamped(ready.genome(), first, 0, 60_000)
                    }));
                app.genome.set(Some(ready.clone()));
                app.load.set(LoadState::Ready(ready.clone()));
                app.clear_info();
                report_problems(&app, &ready);
                // After the page has painted: checksums, then the saved or linked design.
                next_frame().await;
                if let Some(hook) = app.on_load.get_value() {
                    hook(&app);
                }
                return;
            }
            Err(e) => {
                app.load.set(LoadState::Failed(e.to_string()));
                return;
            }
        }
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
