//! A file the migration created: each line with the input line it comes from.

use crate::report::FileId;
use crate::ui::state::{Converted, Focus};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NewFileViewProps {
    pub result: Rc<Converted>,
    pub file: FileId,
    pub focus: Option<Focus>,
}

#[component]
pub fn NewFileView(props: &NewFileViewProps) -> Html {
    let container = use_node_ref();
    {
        let container = container.clone();
        use_effect_with(props.focus.map(|f| f.seq), move |seq| {
            if seq.is_some() {
                crate::ui::browser::scroll_focus_into_view(&container);
            }
        });
    }
    let Some(file) = props.result.report.file(props.file) else {
        return html! {};
    };
    let focus = props.focus.and_then(|f| f.new);
    html! {
        <div class="diff-wrap" ref={container} tabindex="0" role="region" aria-label={format!("New file {}", file.output)}>
            <p class="new-file-note">{format!("New file: {}. Hover a line (or read the right column) to see which input line it comes from.", file.output)}</p>
            <table class="diff newfile">
                <caption class="visually-hidden">{format!("New file {}", file.output)}</caption>
                <thead><tr><th scope="col">{"line"}</th><th></th><th scope="col">{&file.output}</th><th scope="col">{"from"}</th></tr></thead>
                <tbody>
                { for file.text.lines().enumerate().map(|(k, line)| {
                    let n = k + 1;
                    let origin = file.origins.get(k).copied().flatten();
                    let from = origin.map(|o| format!("{} line {}", props.result.file_name(o.file), o.line));
                    let focused = focus.is_some_and(|l| (l.first..=l.last).contains(&n));
                    html! {
                        <tr class={classes!("row", "insert", focused.then_some("focus"))}
                            title={from.as_ref().map(|f| format!("from {f}"))}>
                            <td class="ln">{n}</td>
                            <td class="mk" aria-label="added">{"+"}</td>
                            <td class="code">{line}</td>
                            <td class="origin">{from.unwrap_or_default()}</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
    }
}
