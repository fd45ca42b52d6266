//! One component per file (see [`super`]).

pub mod app;
pub mod diff_view;
pub mod file_actions;
pub mod input_editor;
pub mod input_panel;
pub mod input_tabs;
pub mod input_view;
pub mod more_options;
pub mod notes_panel;
pub mod output_panel;
pub mod steps_panel;
pub mod target_choice;

/// An ARIA state's value ("true"/"false"), without formatting a `bool` into a new string.
pub fn aria(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}
