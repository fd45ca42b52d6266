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
pub fn place(
    model: &DiffModel,
    changes: &[Change],
    file: FileId,
    old_total: usize,
    unified: bool,
) -> Vec<Item> {
    let mine: Vec<usize> = (0..changes.len())
        .filter(|&i| changes[i].input == file)
        .collect();
    let mut boxes = Boxes {
        changes,
        mine: &mine,
        shown: vec![false; mine.len()],
        rejected_left: mine.iter().filter(|&&i| !changes[i].accepted).count(),
        first_unshown: 0,
    };
    let mut items = Vec::new();
    let mut next_old = 1;
    for (h, hunk) in model.hunks.iter().enumerate() {
        gap(&mut items, hunk.old_start.saturating_sub(next_old));
        // Runs: each changed run whole, each unchanged row alone.
        let rows = &hunk.rows;
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
            if changed || boxes.rejected_left > 0 {
                boxes.place(&mut items, |c| {
                    (!c.accepted && c.lines.is_some_and(|l| l.first <= old.1))
                        || (changed && (overlaps(c.lines, old) || overlaps(c.output_lines, new)))
                });
            }
            if unified {
                unified_run(&mut items, h, rows, k..end);
            } else {
                items.extend((k..end).map(|row| Item::Row { hunk: h, row }));
            }
            k = end;
        }
        next_old = hunk.old_start + hunk.old_len;
    }
    if !model.is_empty() {
        gap(&mut items, (old_total + 1).saturating_sub(next_old));
    }
    boxes.place(&mut items, |_| true);
    items
}

/// The changes of one file and which of them have their box placed already.
struct Boxes<'a> {
    changes: &'a [Change],
    mine: &'a [usize],
    shown: Vec<bool>,
    /// Rejected changes not placed yet: while there are none, an unchanged row places no box,
    /// and skipping the search keeps a file with thousands of changes from going quadratic.
    rejected_left: usize,
    /// Changes before this one are all placed: the search starts here.
    first_unshown: usize,
}

impl Boxes<'_> {
    fn place(&mut self, items: &mut Vec<Item>, pick: impl Fn(&Change) -> bool) {
        for (&i, seen) in self
            .mine
            .iter()
            .zip(self.shown.iter_mut())
            .skip(self.first_unshown)
        {
            let c = &self.changes[i];
            if !*seen && pick(c) {
                *seen = true;
                if !c.accepted {
                    self.rejected_left -= 1;
                }
                items.push(Item::Change(c.id));
            }
        }
        while self.shown.get(self.first_unshown) == Some(&true) {
            self.first_unshown += 1;
        }
    }
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

fn overlaps(lines: Option<Lines>, (lo, hi): (usize, usize)) -> bool {
    lines.is_some_and(|l| l.first <= hi && lo <= l.last)
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
}
