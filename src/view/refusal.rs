//! A planned edit's refusal as the panels say it: in the user's terms where core's words are the
//! annotation's — a second promoter swap of PHO5 is `PHO5 already has pGAL1 from edit #1
//! (pGAL1-PHO5): remove or change that edit first.`, not `feature ID 'pGAL1_YBR093C' is already
//! the ID of …` — with core's words kept as the detail (a tooltip); any other refusal as core
//! says it, its edits numbered as the edit list numbers them.

use crate::core::design::Design;
use crate::core::edit::EditError;
use crate::core::genetics::compose::Plan;
use crate::view::edit_rows::{as_listed, edit_name};

/// A refusal in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// What is wrong and what to do, in the user's terms.
    pub text: String,
    /// Core's technical words, when `text` says it otherwise (for a tooltip).
    pub detail: Option<String>,
}

/// How the panels say that `design` refuses `plan` with `error`. O(E · F) for the design's edits
/// and the inserted features' IDs.
pub fn refused(design: &Design, plan: &Plan, error: &EditError) -> Refused {
    let technical = as_listed(&error.to_string());
    match error {
        EditError::Annotation { .. } => match already_has(design, plan) {
            Some(text) => Refused {
                text,
                detail: Some(technical),
            },
            None => Refused {
                text: technical,
                detail: None,
            },
        },
        _ => Refused {
            text: technical,
            detail: None,
        },
    }
}

/// When the plan would insert a feature an edit of the design already inserted (the same `ID`:
/// the same promoter or tag on the same gene), the gene, what it has and the edit that gave it.
fn already_has(design: &Design, plan: &Plan) -> Option<String> {
    let mine: Vec<&str> = plan
        .requests
        .iter()
        .filter_map(|r| r.feature.as_ref())
        .flat_map(|f| f.ids())
        .collect();
    let (edit, feature) = design.edits().iter().find_map(|e| {
        let f = e.feature.as_ref()?;
        f.ids().any(|id| mine.contains(&id)).then_some((e, f))
    })?;
    let designation = edit_name(design, edit);
    let what = match feature.name.as_deref() {
        Some(name) if name != designation => {
            format!("{name} from edit {} ({designation})", edit.id)
        }
        _ => format!("{designation} from edit {}", edit.id),
    };
    Some(format!(
        "{} already has {what}: remove or change that edit first.",
        plan.perturbation.perturbed_gene_name
    ))
}
