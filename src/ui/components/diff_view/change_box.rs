//! The box above the rows a change made: its rule in words, where, why, and the toggle that
//! accepts or rejects it.

use crate::report::{Change, ChangeId};
use crate::ui::state::Converted;
use yew::prelude::*;

pub fn change_box(
    key: usize,
    result: &Converted,
    c: &Change,
    cols: &'static str,
    on_choose: &Callback<(ChangeId, bool)>,
) -> Html {
    let summary = |rule| crate::rules::rule(rule).map_or(rule, |r| r.summary);
    let (id, accepted) = (c.id, c.accepted);
    let onchange = on_choose.reform(move |_: Event| (id, !accepted));
    // Not made because it needs a change that is not made: say which, in words.
    let needs = c
        .depends_on
        .iter()
        .filter_map(|&d| result.report.change(d))
        .find(|d| !accepted && !d.accepted);
    html! {
        <tr {key} class={classes!("change", (!accepted).then_some("rejected"))}><td colspan={cols}>
            <label>
                <input type="checkbox" checked={accepted} {onchange} />
                {format!(" Accept: {} ", summary(c.rule))}<code>{c.rule}</code>
            </label>
            {c.lines.map(|l| format!(" · line {l}"))}
            if let Some(d) = needs {
                <p>{format!("Not made: it needs “{}”, which is not made. Accepting this one accepts that one too.", summary(d.rule))}</p>
            } else if !accepted {
                <p>{"Rejected: these lines stay as they were."}</p>
            }
            <a class="why" href={format!("rules.html#{}", c.rule)} target="_blank" rel="noopener">{"Why"}</a>
        </td></tr>
    }
}
