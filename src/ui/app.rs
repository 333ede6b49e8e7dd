//! The root component. A placeholder until the real UI lands: it only proves the app mounted.

use leptos::prelude::*;

/// The application root, mounted on `<body>` by the `genoforge-web` binary.
///
/// `#app-ready` is the marker the end-to-end tests wait for.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="app">
            <h1>"Genoforge"</h1>
            <p id="app-ready">"A genome editor in your browser."</p>
        </main>
    }
}
