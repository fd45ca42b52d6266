//! The diff rows of the drawn window, parsed from their HTML ([`super::rows`]) and kept while
//! they stay in the window.

use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::virtual_dom::{Key, VList, VNode};
use yew::Html;

/// One generation's parsed rows (see `use_virtual_rows`), in item order.
#[derive(Default)]
pub struct ParsedRows {
    generation: u64,
    /// Item, whether it was drawn focused, its `<tr>`.
    rows: Vec<(usize, bool, Node)>,
    /// A detached `<tbody>`: HTML set on it is parsed as table rows.
    scratch: Option<Element>,
}

impl ParsedRows {
    /// Parses, in one call to the browser, the rows of `range` not already parsed (or drawn with
    /// another focus), and forgets the rows outside it. `focus(i)` is `Some(focused)` for a row
    /// item, `None` for others; `write` appends item `i`'s `<tr>`.
    pub fn update(
        &mut self,
        generation: u64,
        range: Range<usize>,
        focus: impl Fn(usize) -> Option<bool>,
        write: impl Fn(&mut String, usize),
    ) {
        let old = if self.generation == generation {
            std::mem::take(&mut self.rows)
        } else {
            Vec::new()
        };
        self.generation = generation;
        let mut html = String::new();
        let mut rows = Vec::with_capacity(range.len());
        for i in range {
            let Some(focused) = focus(i) else { continue };
            let kept = old
                .binary_search_by_key(&i, |r| r.0)
                .ok()
                .and_then(|k| old.get(k))
                .filter(|r| r.1 == focused);
            if kept.is_none() {
                write(&mut html, i);
            }
            rows.push((i, focused, kept.map(|r| r.2.clone())));
        }
        let mut parsed = None;
        if !html.is_empty() {
            if let Some(scratch) = self.scratch() {
                scratch.set_inner_html(&html);
                parsed = scratch.first_element_child();
            }
        }
        self.rows = rows
            .into_iter()
            .filter_map(|(i, focused, kept)| {
                let node = kept.or_else(|| {
                    let tr = parsed.take()?;
                    parsed = tr.next_element_sibling();
                    Some(tr.unchecked_into())
                })?;
                Some((i, focused, node))
            })
            .collect();
    }

    fn scratch(&mut self) -> Option<&Element> {
        if self.scratch.is_none() {
            let document = web_sys::window()?.document()?;
            self.scratch = document.create_element("tbody").ok();
        }
        self.scratch.as_ref()
    }

    /// Item `i`'s row, keyed by `i` like every item of the table.
    pub fn row(&self, i: usize) -> Html {
        let Some(node) = self
            .rows
            .binary_search_by_key(&i, |r| r.0)
            .ok()
            .and_then(|k| self.rows.get(k))
            .map(|r| r.2.clone())
        else {
            return Html::default();
        };
        VNode::VList(Rc::new(VList::with_children(
            vec![VNode::VRef(node)],
            Some(Key::from(i)),
        )))
    }
}
