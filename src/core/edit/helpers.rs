//! Gene-level helpers (delete gene X, replace gene X, insert after gene X).
