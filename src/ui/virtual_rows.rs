//! Tables of any length at the cost of a screenful: only the rows in view (and a margin above
//! and below) are in the DOM, between two spacer rows as tall as what they stand for.
//!
//! Row heights are not fixed (long lines wrap, change boxes are taller), so each row's height is
//! estimated by the caller in units of one plain line until it has been drawn once, then
//! measured and remembered. The table's columns must have fixed widths (`table-layout: fixed`):
//! widths that followed the drawn rows would change the rows' heights as the view moves. The
//! spacers' heights are set through the CSSOM: the page's CSP forbids `style` attributes.
//!
//! The table must be the only `<tbody>` in the scrolling element, drawn as
//! `[top spacer, rows of range…, bottom spacer]`, the spacers with the class `spacer`.

use std::ops::Range;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What to draw now.
pub struct Window {
    /// The scrolling element.
    pub container: NodeRef,
    pub top_spacer: NodeRef,
    pub bottom_spacer: NodeRef,
    /// The rows to draw.
    pub range: Range<usize>,
    pub onscroll: Callback<Event>,
    /// For the scrolling element when its rows can take the focus: the whole margin is drawn
    /// from the moment the focus enters the table.
    pub onfocusin: Callback<FocusEvent>,
}

/// Remembered per table between draws (one cell, not several hooks: each hook type costs the
/// page's wasm its own copy of Yew's hook code).
struct Memory {
    /// The list the heights belong to.
    generation: u64,
    /// Pixels drawn beyond the view on each side; the view moves half of it before the window
    /// is drawn again. A new list gets half the table's margin: its first paint is what a paste
    /// waits for. It gets the whole margin once it is scrolled or the focus enters it, so that
    /// Tab finds the next focusable row drawn.
    margin: f64,
    /// Measured heights (0: not drawn yet).
    heights: Vec<f32>,
    /// The height of one plain line.
    unit: f64,
    /// The scroll position and the view's height (0 until measured) the window is drawn for.
    top: f64,
    view: f64,
    /// The last jump asked for, and the row it brings into view until that row has been drawn
    /// and placed (kept here, not in one draw's effect: Yew may draw twice before its effects
    /// run, and then runs only the last one).
    jumped: Option<u32>,
    jump_row: Option<usize>,
    /// Times the jump's row was placed: heights that kept changing must not hold the view.
    jump_tries: u8,
}

/// The window of `count` rows to draw. `generation` names the list: when it changes, the
/// measurements are dropped. `estimate(i)` is row `i`'s height in plain lines. `jump`, when its
/// sequence number is new, scrolls row `jump.1` into the upper third of the view. `margin` is
/// how many pixels are drawn beyond the view on each side once the list is in use (half of it
/// before: see `Memory::margin`).
#[hook]
pub fn use_virtual_rows(
    generation: u64,
    count: usize,
    estimate: &dyn Fn(usize) -> f64,
    jump: Option<(u32, usize)>,
    margin: f64,
) -> Window {
    let container = use_node_ref();
    let top_spacer = use_node_ref();
    let bottom_spacer = use_node_ref();
    let memory = use_mut_ref(|| Memory {
        generation: u64::MAX,
        margin,
        heights: Vec::new(),
        unit: 18.0,
        top: 0.0,
        view: 0.0,
        jumped: None,
        jump_row: None,
        jump_tries: 0,
    });
    let redraw = use_force_update();

    let (first, end, before, after) = {
        let mut m = memory.borrow_mut();
        if m.generation != generation || m.heights.len() != count {
            m.generation = generation;
            m.heights = vec![0.0; count];
            // Not while the focus is in the table (a change just toggled: Tab goes on from it).
            if !container
                .cast::<Element>()
                .is_some_and(|el| el.matches(":focus-within").unwrap_or(false))
            {
                m.margin = margin / 2.0;
            }
        }
        let mut tops = Vec::with_capacity(count + 1);
        let mut y = 0.0;
        for (i, &h) in m.heights.iter().enumerate() {
            tops.push(y);
            y += if h > 0.0 {
                f64::from(h)
            } else {
                estimate(i) * m.unit
            };
        }
        tops.push(y);
        let view = m.view();
        match jump {
            Some((seq, row)) if m.jumped != Some(seq) => {
                m.jumped = Some(seq);
                m.jump_row = Some(row);
                m.jump_tries = 0;
            }
            Some(_) => {}
            // Sequence numbers start again after a focus is cleared.
            None => m.jumped = None,
        }
        // Until the row is placed, draw around where it is thought to be.
        if let Some(t) = m.jump_row.and_then(|r| tops.get(r)) {
            m.top = (t - view / 3.0).max(0.0);
        }
        m.window(&tops)
    };

    {
        let (container, top_spacer, bottom_spacer) =
            (container.clone(), top_spacer.clone(), bottom_spacer.clone());
        let memory = memory.clone();
        let redraw = redraw.clone();
        use_effect(move || {
            set_height(&top_spacer, before);
            set_height(&bottom_spacer, after);
            let Some(el) = container.cast::<Element>() else {
                return;
            };
            let mut m = memory.borrow_mut();
            // All rows drawn: their heights change nothing (a small diff is drawn once), and
            // reading them would force a layout of its own before the frame's.
            if (first, end) == (0, m.heights.len()) && m.jump_row.is_none() {
                return;
            }
            let rows = drawn_rows(&el);
            let unit = m.unit;
            // Measured rows are already drawn at their heights, and the spacers stand for rows
            // whose estimates did not change: drawing again (a whole second render and layout
            // of a new list) is needed only when the unit of the estimates changed or the rows
            // drawn no longer reach a scroll step past the view.
            let measured = rows.len() == end - first && measure(&rows, first, &mut m);
            let drawn: f32 = m.heights.get(first..end).map_or(0.0, |h| h.iter().sum());
            let mut changed = measured
                && (m.unit != unit
                    || (end < m.heights.len()
                        && before + f64::from(drawn) < m.top + m.view() + m.margin / 2.0));
            let view = f64::from(el.client_height());
            if (view - m.view).abs() > 1.0 {
                m.view = view;
                changed = true;
            }
            // A jump: once its row is drawn, scroll it to the upper third of the view; done once
            // the heights around it no longer change.
            // Never more than a few draws: a jump pending holds the view's scrolling.
            if let Some(row) = m.jump_row {
                m.jump_tries += 1;
                let drawn = row.checked_sub(first).and_then(|k| rows.get(k));
                if let Some(r) = drawn {
                    let y = f64::from(el.scroll_top()) + r.get_bounding_client_rect().top()
                        - el.get_bounding_client_rect().top()
                        - view / 3.0;
                    el.set_scroll_top(y.max(0.0) as i32);
                    m.top = f64::from(el.scroll_top());
                }
                if (drawn.is_some() && !changed) || m.jump_tries > 8 {
                    m.jump_row = None;
                } else {
                    changed = true;
                }
            }
            drop(m);
            if changed {
                redraw.force_update();
            }
        });
    }

    let onfocusin = {
        let (memory, redraw) = (memory.clone(), redraw.clone());
        Callback::from(move |_: FocusEvent| {
            let mut m = memory.borrow_mut();
            if m.margin < margin {
                m.margin = margin;
                drop(m);
                redraw.force_update();
            }
        })
    };
    let onscroll = Callback::from(move |e: Event| {
        let el: Element = e.target_unchecked_into();
        let y = f64::from(el.scroll_top());
        let mut m = memory.borrow_mut();
        if m.jump_row.is_none()
            && (m.margin < margin
                || (y - m.top).abs() > m.margin / 2.0
                || (y == 0.0 && m.top != 0.0))
        {
            m.margin = margin;
            m.top = y;
            drop(m);
            redraw.force_update();
        }
    });
    Window {
        container,
        top_spacer,
        bottom_spacer,
        range: first..end,
        onscroll,
        onfocusin,
    }
}

impl Memory {
    fn view(&self) -> f64 {
        if self.view > 0.0 {
            self.view
        } else {
            1000.0
        }
    }

    /// The rows to draw for the scroll position, and the spacers' heights above and below them.
    fn window(&self, tops: &[f64]) -> (usize, usize, f64, f64) {
        let count = tops.len() - 1;
        let total = tops[count];
        let starts = &tops[..count];
        let first = starts
            .partition_point(|&t| t <= self.top - self.margin)
            .saturating_sub(1);
        let end = starts
            .partition_point(|&t| t < self.top + self.view() + self.margin)
            .max(first);
        (first, end, tops[first], total - tops[end])
    }
}

fn set_height(spacer: &NodeRef, px: f64) {
    if let Some(el) = spacer.cast::<HtmlElement>() {
        // Whole pixels: the heights are estimates anyway, and the text stays short.
        let _ = el
            .style()
            .set_property("height", &format!("{}px", px.max(0.0).round() as usize));
    }
}

/// The drawn rows: the children of the `<tbody>` that are not spacers.
fn drawn_rows(container: &Element) -> Vec<Element> {
    let Some(body) = container.query_selector("tbody").ok().flatten() else {
        return Vec::new();
    };
    let children = body.children();
    (0..children.length())
        .filter_map(|k| children.item(k))
        .filter(|c| c.class_name() != "spacer")
        .collect()
}

/// Records the heights of the drawn rows (row `first` onwards); true when one differs from what
/// was assumed.
fn measure(rows: &[Element], first: usize, m: &mut Memory) -> bool {
    let mut changed = false;
    let mut unit = f64::MAX;
    for (row, slot) in rows.iter().zip(m.heights.iter_mut().skip(first)) {
        // A row keeps its height once drawn (fixed columns): only new rows are read, which
        // keeps the layout work of a scroll step to the rows it adds.
        if *slot > 0.0 {
            continue;
        }
        let h = row.get_bounding_client_rect().height();
        if h > 1.0 {
            unit = unit.min(h);
        }
        if (h as f32 - *slot).abs() > 0.5 {
            *slot = h as f32;
            changed = true;
        }
    }
    if unit < f64::MAX && (unit - m.unit).abs() > 0.5 {
        m.unit = unit;
        changed = true;
    }
    changed
}
