//! Where everything goes in the diff of one file: its rows, the "show more" gaps between hunks,
//! and the box of each change above the rows it made, as one flat list.
//!
//! Shells draw this list as it is (the page draws only the part in view, so it must know every
//! item's place before drawing any). Each item is a few words: rows point into the
//! [`DiffModel`] and boxes into [`Report::changes`](crate::report::Report::changes), so placing
//! a 100,000-line diff allocates one small vector.
//!
//! The rules of placement: a change's box goes above the first run of changed rows that shows
//! its input or output lines; a rejected change (its lines are unchanged, so no run shows it)
//! goes above the first row at or after its first input line; what is left goes at the end.

use crate::diff::{DiffModel, Row, RowKind};
use crate::report::{Change, ChangeId, FileId, Lines};

/// One line of the drawn diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// `hidden` unchanged lines not shown.
    Gap { hidden: usize },
    /// The box of a change.
    Change(ChangeId),
    /// A side-by-side row: `model.hunks[hunk].rows[row]`.
    Row { hunk: usize, row: usize },
    /// One side of a row in the unified view: the old side (`new_side` false) or the new.
    Line {
        hunk: usize,
        row: usize,
        new_side: bool,
    },
}

/// The items of the diff of input `file`, side by side or unified. `old_total` is the number of
/// lines of the input (for the gap after the last hunk); `changes` are the whole report's.
///
/// Linear in rows and changes (plus a binary search per change): each change's run is found
/// from the runs' line numbers, which grow down the diff, instead of asking every run about
/// every change not placed yet (quadratic: 233 ms natively on a 100,000-line file with 9,849
/// changes, before).
pub fn place(
    model: &DiffModel,
    changes: &[Change],
    file: FileId,
    old_total: usize,
    unified: bool,
) -> Vec<Item> {
    let runs = runs_of(model);
    let reach = Reach::new(&runs);
    // The run each change's box goes above (`runs.len()`: after the last), in change order.
    // Sorted by run, then in change order: as plain `(usize, usize, usize)` keys, the type the
    // core's other sorts use (each other type is another copy of the sort in the page's wasm).
    let mut placed: Vec<(usize, usize, usize)> = changes
        .iter()
        .filter(|c| c.input == file)
        .map(|c| (run_of(&reach, c).unwrap_or(runs.len()), c.id.index(), 0))
        .collect();
    placed.sort_unstable();
    let mut boxes = placed
        .into_iter()
        .map(|(run, id, _)| (run, ChangeId::new(id)))
        .peekable();
    let mut items = Vec::new();
    let mut next_old = 1;
    let mut r = 0;
    for (h, hunk) in model.hunks.iter().enumerate() {
        gap(&mut items, hunk.old_start.saturating_sub(next_old));
        while let Some(run) = runs.get(r).filter(|run| run.hunk == h) {
            while let Some((_, id)) = boxes.next_if(|&(at, _)| at == r) {
                items.push(Item::Change(id));
            }
            if unified {
                unified_run(&mut items, h, &hunk.rows, run.rows.clone());
            } else {
                items.extend(run.rows.clone().map(|row| Item::Row { hunk: h, row }));
            }
            r += 1;
        }
        next_old = hunk.old_start + hunk.old_len;
    }
    if !model.is_empty() {
        gap(&mut items, (old_total + 1).saturating_sub(next_old));
    }
    items.extend(boxes.map(|(_, id)| Item::Change(id)));
    items
}

/// A run of rows: a changed run whole, or one unchanged row; with its first and last old and
/// new line numbers (`usize::MAX, 0` when it has none on that side).
struct Run {
    hunk: usize,
    rows: std::ops::Range<usize>,
    changed: bool,
    old: (usize, usize),
    new: (usize, usize),
}

fn runs_of(model: &DiffModel) -> Vec<Run> {
    let mut runs = Vec::new();
    for (hunk, h) in model.hunks.iter().enumerate() {
        let rows = &h.rows;
        let mut k = 0;
        while k < rows.len() {
            let changed = rows[k].kind != RowKind::Equal;
            let end = if changed {
                rows[k..]
                    .iter()
                    .position(|r| r.kind == RowKind::Equal)
                    .map_or(rows.len(), |n| k + n)
            } else {
                k + 1
            };
            let (old, new) = spans_of(&rows[k..end]);
            runs.push(Run {
                hunk,
                rows: k..end,
                changed,
                old,
                new,
            });
            k = end;
        }
    }
    runs
}

/// The runs that can take a box, as `(last line, first line, run)` on the side whose lines
/// decide: the last lines grow with the run, so the first run reaching a line is a binary search.
struct Reach {
    /// Changed runs by their old lines, changed runs by their new lines, any run by its old lines.
    changed_old: Vec<(usize, usize, usize)>,
    changed_new: Vec<(usize, usize, usize)>,
    any_old: Vec<(usize, usize, usize)>,
}

impl Reach {
    fn new(runs: &[Run]) -> Reach {
        let mut reach = Reach {
            changed_old: Vec::new(),
            changed_new: Vec::new(),
            any_old: Vec::new(),
        };
        for (k, r) in runs.iter().enumerate() {
            if r.old.1 > 0 {
                reach.any_old.push((r.old.1, r.old.0, k));
                if r.changed {
                    reach.changed_old.push((r.old.1, r.old.0, k));
                }
            }
            if r.changed && r.new.1 > 0 {
                reach.changed_new.push((r.new.1, r.new.0, k));
            }
        }
        reach
    }
}

/// The first of `among` whose last line reaches `line`.
fn first_reaching(among: &[(usize, usize, usize)], line: usize) -> Option<(usize, usize, usize)> {
    among.get(among.partition_point(|r| r.0 < line)).copied()
}

/// The first of `among` showing one of `lines`.
fn overlapping(among: &[(usize, usize, usize)], lines: Option<Lines>) -> Option<usize> {
    let l = lines?;
    let (_, first, run) = first_reaching(among, l.first)?;
    (first <= l.last).then_some(run)
}

/// The first run a change's box goes above: the first changed run showing its input or output
/// lines, or, for a rejected change (whose lines are unchanged), the first run reaching its
/// first input line.
fn run_of(reach: &Reach, c: &Change) -> Option<usize> {
    let rejected = match c.lines {
        Some(l) if !c.accepted => first_reaching(&reach.any_old, l.first).map(|r| r.2),
        _ => None,
    };
    [
        overlapping(&reach.changed_old, c.lines),
        overlapping(&reach.changed_new, c.output_lines),
        rejected,
    ]
    .into_iter()
    .flatten()
    .min()
}

fn gap(items: &mut Vec<Item>, hidden: usize) {
    if hidden > 0 {
        items.push(Item::Gap { hidden });
    }
}

/// The first and last old and new line numbers of a run of rows (`usize::MAX, 0` when none).
fn spans_of(run: &[Row]) -> ((usize, usize), (usize, usize)) {
    let (mut old, mut new) = ((usize::MAX, 0), (usize::MAX, 0));
    for r in run {
        if let Some(s) = &r.old {
            old = (old.0.min(s.line), old.1.max(s.line));
        }
        if let Some(s) = &r.new {
            new = (new.0.min(s.line), new.1.max(s.line));
        }
    }
    (old, new)
}

/// Unified: each run of changed rows as all its removed lines, then all its added lines.
fn unified_run(items: &mut Vec<Item>, hunk: usize, rows: &[Row], run: std::ops::Range<usize>) {
    let line = |row, new_side| Item::Line {
        hunk,
        row,
        new_side,
    };
    if rows[run.start].kind == RowKind::Equal {
        items.extend(run.map(|row| line(row, true)));
        return;
    }
    items.extend(
        run.clone()
            .filter(|&r| rows[r].old.is_some())
            .map(|r| line(r, false)),
    );
    items.extend(
        run.filter(|&r| rows[r].new.is_some())
            .map(|r| line(r, true)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{migrate, Input, Options, Report};

    fn placed(text: &str, unified: bool, context: usize) -> (Report, DiffModel, Vec<Item>) {
        let report = migrate(&[Input::new("kojiweb.conf", text)], &Options::default());
        let file = &report.files[0];
        let model = DiffModel::of_file(file, context);
        let total = file.original.as_deref().unwrap_or("").lines().count();
        let items = place(&model, &report.changes, FileId::new(0), total, unified);
        (report, model, items)
    }

    const WEB: &str = "# koji-web\nAlias /koji \"/usr/share/koji-web/scripts/\"\n\n<Directory \"/usr/share/koji-web/scripts/\">\n    SetHandler mod_python\n    PythonHandler kojiweb.publisher\n    PythonOption KojiHubURL http://hub.example.com/kojihub\n</Directory>\n";

    fn padded() -> String {
        format!("{}{WEB}{}", "# pad\n".repeat(40), "# tail\n".repeat(40))
    }

    #[test]
    fn every_change_of_the_file_has_exactly_one_box() {
        let (report, _, items) = placed(&padded(), false, 3);
        let mut boxes: Vec<ChangeId> = items
            .iter()
            .filter_map(|i| match i {
                Item::Change(c) => Some(*c),
                _ => None,
            })
            .collect();
        boxes.sort_unstable();
        let mine: Vec<ChangeId> = report
            .changes
            .iter()
            .filter(|c| c.input == FileId::new(0))
            .map(|c| c.id)
            .collect();
        assert!(!mine.is_empty());
        assert_eq!(boxes, mine);
    }

    #[test]
    fn side_by_side_shows_every_row_once_in_order_and_gaps_count_the_rest() {
        let text = padded();
        let (_, model, items) = placed(&text, false, 3);
        let rows: Vec<(usize, usize)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Row { hunk, row } => Some((*hunk, *row)),
                _ => None,
            })
            .collect();
        let expected: Vec<(usize, usize)> = model
            .hunks
            .iter()
            .enumerate()
            .flat_map(|(h, hunk)| (0..hunk.rows.len()).map(move |r| (h, r)))
            .collect();
        assert_eq!(rows, expected);
        let old_shown = rows
            .iter()
            .filter(|(h, r)| model.hunks[*h].rows[*r].old.is_some())
            .count();
        let hidden: usize = items
            .iter()
            .map(|i| match i {
                Item::Gap { hidden } => *hidden,
                _ => 0,
            })
            .sum();
        assert!(hidden > 0, "the padding is collapsed");
        assert_eq!(old_shown + hidden, text.lines().count());
    }

    #[test]
    fn an_accepted_box_sits_right_above_a_changed_row_of_its_lines() {
        let (report, model, items) = placed(&padded(), false, 3);
        for (k, item) in items.iter().enumerate() {
            let Item::Change(c) = item else { continue };
            let change = &report.changes[*c];
            if !change.accepted {
                continue;
            }
            let Some(Item::Row { hunk, row }) =
                items[k..].iter().find(|i| !matches!(i, Item::Change(_)))
            else {
                // Boxes of changes without lines of their own come last.
                continue;
            };
            let r = &model.hunks[*hunk].rows[*row];
            assert_ne!(r.kind, RowKind::Equal, "box {c:?} above an unchanged row");
        }
    }

    #[test]
    fn unified_shows_each_side_once_removed_before_added() {
        let (_, model, items) = placed(&padded(), true, 3);
        let mut olds = 0;
        let mut news = 0;
        let mut added_in_run = false;
        for item in &items {
            match *item {
                Item::Line {
                    hunk,
                    row,
                    new_side,
                } => {
                    let r = &model.hunks[hunk].rows[row];
                    if r.kind == RowKind::Equal {
                        added_in_run = false;
                        news += 1;
                        olds += 1;
                    } else if new_side {
                        added_in_run = true;
                        news += 1;
                    } else {
                        assert!(!added_in_run, "a removed line after an added one in a run");
                        olds += 1;
                    }
                }
                _ => added_in_run = false,
            }
        }
        let rows = model.hunks.iter().flat_map(|h| &h.rows);
        assert_eq!(olds, rows.clone().filter(|r| r.old.is_some()).count());
        assert_eq!(news, rows.filter(|r| r.new.is_some()).count());
    }

    fn overlaps(lines: Option<Lines>, (lo, hi): (usize, usize)) -> bool {
        lines.is_some_and(|l| l.first <= hi && lo <= l.last)
    }

    /// The placement as first written, one run at a time asking every change not placed yet:
    /// quadratic, but plainly the rules in the module's comment. `place` must agree with it.
    fn place_by_asking(
        model: &DiffModel,
        changes: &[Change],
        file: FileId,
        old_total: usize,
    ) -> Vec<Item> {
        let mut shown: Vec<bool> = changes.iter().map(|c| c.input != file).collect();
        let mut items = Vec::new();
        let mut next_old = 1;
        let mut ask = |items: &mut Vec<Item>, pick: &dyn Fn(&Change) -> bool| {
            for (c, seen) in changes.iter().zip(shown.iter_mut()) {
                if !*seen && pick(c) {
                    *seen = true;
                    items.push(Item::Change(c.id));
                }
            }
        };
        for (h, hunk) in model.hunks.iter().enumerate() {
            gap(&mut items, hunk.old_start.saturating_sub(next_old));
            for run in runs_of(model).into_iter().filter(|r| r.hunk == h) {
                let (old, new, changed) = (run.old, run.new, run.changed);
                ask(&mut items, &|c| {
                    (!c.accepted && c.lines.is_some_and(|l| l.first <= old.1))
                        || (changed && (overlaps(c.lines, old) || overlaps(c.output_lines, new)))
                });
                items.extend(run.rows.map(|row| Item::Row { hunk: h, row }));
            }
            next_old = hunk.old_start + hunk.old_len;
        }
        if !model.is_empty() {
            gap(&mut items, (old_total + 1).saturating_sub(next_old));
        }
        ask(&mut items, &|_| true);
        items
    }

    #[test]
    fn placing_by_line_numbers_agrees_with_asking_every_run() {
        let many = format!("{}{}", padded().repeat(30), WEB.repeat(20));
        for text in [WEB.to_string(), padded(), many] {
            let first = migrate(&[Input::new("kojiweb.conf", &text)], &Options::default());
            // Every third change rejected too, so that boxes sit at unchanged lines.
            let reject: Vec<ChangeId> = first.changes.iter().map(|c| c.id).step_by(3).collect();
            for reject in [Vec::new(), reject] {
                let options = Options {
                    choices: crate::Choices {
                        reject_changes: reject,
                        ..Default::default()
                    },
                    ..Options::default()
                };
                let report = migrate(&[Input::new("kojiweb.conf", &text)], &options);
                let file = &report.files[0];
                let total = text.lines().count();
                for context in [3, usize::MAX / 4] {
                    let model = DiffModel::of_file(file, context);
                    assert_eq!(
                        place(&model, &report.changes, FileId::new(0), total, false),
                        place_by_asking(&model, &report.changes, FileId::new(0), total)
                    );
                }
            }
        }
    }
}
