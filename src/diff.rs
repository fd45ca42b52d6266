//! The diff between an input and its migrated version, as a model every front end renders.
//!
//! The product path ([`DiffModel::of_file`]) reads the diff from what the migration recorded and
//! needs no search; `similar` (feature `search-diff`, off in the page's wasm, where it cost
//! ~10 KB gzipped) is only behind [`DiffModel::new`], the searched diff that tests use as an
//! oracle and that a file without a record falls back to. The model is a list of
//! [`Hunk`]s (changed regions with some context), each a list of side-by-side [`Row`]s whose
//! changed words are marked as [`Span`]s. The CLI prints it as a unified diff, the page as a
//! side-by-side or unified view, and tests check that applying it to the old text gives the new.

use crate::report::{Origin, OutputFile};
use crate::text::{raw_line_vec, raw_lines};
use serde::Serialize;
use std::ops::Range;

/// One run of a line diff: unchanged lines, lines only in the old text, lines only in the new
/// text, or old lines replaced by new ones (indices are 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Equal {
        old: usize,
        new: usize,
        len: usize,
    },
    Delete {
        old: usize,
        new: usize,
        old_len: usize,
    },
    Insert {
        old: usize,
        new: usize,
        new_len: usize,
    },
    Replace {
        old: usize,
        new: usize,
        old_len: usize,
        new_len: usize,
    },
}

impl Op {
    fn old_range(self) -> Range<usize> {
        match self {
            Op::Equal { old, len, .. } => old..old + len,
            Op::Delete { old, old_len, .. } | Op::Replace { old, old_len, .. } => {
                old..old + old_len
            }
            Op::Insert { old, .. } => old..old,
        }
    }

    fn new_range(self) -> Range<usize> {
        match self {
            Op::Equal { new, len, .. } => new..new + len,
            Op::Insert { new, new_len, .. } | Op::Replace { new, new_len, .. } => {
                new..new + new_len
            }
            Op::Delete { new, .. } => new..new,
        }
    }
}

/// Cuts a diff's runs into hunks with at most `context` unchanged lines around each change: the
/// leading and trailing unchanged runs are shortened to `context`, and an unchanged run longer
/// than twice `context` ends one hunk and starts the next (the shape of `diff -u`).
fn group_ops(mut ops: Vec<Op>, context: usize) -> Vec<Vec<Op>> {
    if let Some(Op::Equal { old, new, len }) = ops.first_mut() {
        let skip = len.saturating_sub(context);
        (*old, *new, *len) = (*old + skip, *new + skip, *len - skip);
    }
    if let Some(Op::Equal { len, .. }) = ops.last_mut() {
        *len = (*len).min(context);
    }
    let mut groups = Vec::new();
    let mut group = Vec::new();
    for op in ops {
        match op {
            Op::Equal { old, new, len } if len > 2 * context => {
                group.push(Op::Equal {
                    old,
                    new,
                    len: context,
                });
                groups.push(std::mem::take(&mut group));
                let skip = len - context;
                group.push(Op::Equal {
                    old: old + skip,
                    new: new + skip,
                    len: context,
                });
            }
            _ => group.push(op),
        }
    }
    if !matches!(group[..], [] | [Op::Equal { .. }]) {
        groups.push(group);
    }
    groups
}

/// A piece of a line, marked when it is what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub changed: bool,
}

/// One side of a row: a line number (1-based) and its content split into spans (without the
/// line ending).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub line: usize,
    pub spans: Vec<Span>,
}

impl Side {
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Equal,
    Delete,
    Insert,
    /// An old line and the new line that replaced it, shown side by side.
    Replace,
}

/// One row of a side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub kind: RowKind,
    pub old: Option<Side>,
    pub new: Option<Side>,
}

/// A changed region with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hunk {
    /// First old and new line numbers (1-based) of the hunk, and how many lines each side has.
    pub old_start: usize,
    pub old_len: usize,
    pub new_start: usize,
    pub new_len: usize,
    pub rows: Vec<Row>,
}

/// The whole diff of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct DiffModel {
    pub hunks: Vec<Hunk>,
}

impl DiffModel {
    /// The diff of `old` and `new` with `context` unchanged lines around each change, searched
    /// for (Myers) by `similar`.
    #[cfg(feature = "search-diff")]
    pub fn new(old: &str, new: &str, context: usize) -> DiffModel {
        use similar::DiffOp;
        let diff = similar::TextDiff::configure()
            .algorithm(similar::Algorithm::Myers)
            .diff_lines(old, new);
        let ops = diff
            .ops()
            .iter()
            .map(|op| match *op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => Op::Equal {
                    old: old_index,
                    new: new_index,
                    len,
                },
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => Op::Delete {
                    old: old_index,
                    new: new_index,
                    old_len,
                },
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => Op::Insert {
                    old: old_index,
                    new: new_index,
                    new_len,
                },
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => Op::Replace {
                    old: old_index,
                    new: new_index,
                    old_len,
                    new_len,
                },
            })
            .collect();
        Self::from_groups(
            diff.old_slices(),
            diff.new_slices(),
            group_ops(ops, context),
        )
    }

    /// Without a search: every old line replaced by every new one.
    #[cfg(not(feature = "search-diff"))]
    fn new(old: &str, new: &str, context: usize) -> DiffModel {
        let old_lines: Vec<&str> = raw_lines(old, false).collect();
        let new_lines: Vec<&str> = raw_lines(new, false).collect();
        let op = match (old_lines.len(), new_lines.len()) {
            (0, 0) => return DiffModel::default(),
            (0, new_len) => Op::Insert {
                old: 0,
                new: 0,
                new_len,
            },
            (old_len, 0) => Op::Delete {
                old: 0,
                new: 0,
                old_len,
            },
            (old_len, new_len) => Op::Replace {
                old: 0,
                new: 0,
                old_len,
                new_len,
            },
        };
        Self::from_groups(&old_lines, &new_lines, group_ops(vec![op], context))
    }

    /// The diff of a migrated file against its input, read from what the migration recorded
    /// instead of searched for: an output line copied from input line `k` pairs with it, and
    /// whatever lies between two such pairs was removed or written. Linear in the file's length
    /// (a searched diff is not), and exact about what the migration did: a line it rewrote with
    /// the same text still shows as rewritten. Falls back to [`DiffModel::new`] for a file whose
    /// origins do not describe it (none recorded, or not in input order).
    pub fn of_file(file: &OutputFile, context: usize) -> DiffModel {
        let old = file.original.as_deref().unwrap_or("");
        Self::from_origins(old, &file.text, &file.origins, file.lone_cr_breaks, context)
            .unwrap_or_else(|| Self::new(old, &file.text, context))
    }

    fn from_origins(
        old: &str,
        new: &str,
        origins: &[Option<Origin>],
        cr: bool,
        context: usize,
    ) -> Option<DiffModel> {
        let (old_lines, new_lines, ops) = origin_ops(raw_line_vec(old, cr), new, origins, cr)?;
        Some(Self::from_groups(
            &old_lines,
            &new_lines,
            group_ops(ops, context),
        ))
    }

    /// `DiffModel::of_file(file, context).unified(old_label, new_label)`, written straight
    /// from the file's origins without the side-by-side rows and their marked words (the CLI
    /// prints tens of thousands of lines of it).
    pub fn unified_of_file(
        file: &OutputFile,
        context: usize,
        old_label: &str,
        new_label: &str,
    ) -> String {
        let mut out = String::new();
        Self::write_unified_of_file(file, None, context, old_label, new_label, &mut |piece| {
            piece.push_to(&mut out)
        });
        out
    }

    /// [`DiffModel::unified_of_file`] handed to `emit` piece by piece as it is written, so that
    /// a caller can stream it or change its lines (the CLI masks secrets) without the whole
    /// text in memory: the diff is the concatenation of the pieces, a [`UnifiedPiece::Line`]
    /// being its mark, its text and a line break. `old_lines` are the input's lines as
    /// [`raw_line_vec`]`(original, file.lone_cr_breaks)` splits them, when the caller has them
    /// already (the CLI split the input for its notes: splitting 100,000 lines again cost 2 %
    /// of its instructions).
    pub fn write_unified_of_file<'t>(
        file: &'t OutputFile,
        old_lines: Option<Vec<&'t str>>,
        context: usize,
        old_label: &str,
        new_label: &str,
        emit: &mut dyn FnMut(UnifiedPiece),
    ) {
        let old = file.original.as_deref().unwrap_or("");
        let old_lines = old_lines.unwrap_or_else(|| raw_line_vec(old, file.lone_cr_breaks));
        let Some((old_lines, new_lines, ops)) =
            origin_ops(old_lines, &file.text, &file.origins, file.lone_cr_breaks)
        else {
            let text = Self::of_file(file, context).unified(old_label, new_label);
            emit(UnifiedPiece::Text(&text));
            return;
        };
        let line = |emit: &mut dyn FnMut(UnifiedPiece), mark: char, text: &str, old| {
            emit(UnifiedPiece::Line(mark, strip_eol(text), old));
        };
        let mut started = false;
        let mut header = String::new();
        for group in group_ops(ops, context) {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let old_range = first.old_range().start..last.old_range().end;
            let new_range = first.new_range().start..last.new_range().end;
            // As `unified` numbers a hunk: an empty side by the line before it.
            let start = |r: &Range<usize>| if r.is_empty() { r.start } else { r.start + 1 };
            header.clear();
            if !started {
                header = format!("--- {old_label}\n+++ {new_label}\n");
            }
            started = true;
            // `@@ -a,b +c,d @@`, pushed piece by piece into one buffer: a long file's diff has
            // thousands of hunks, and formatting the four numbers cost several times this.
            let numbers = [
                ("@@ -", start(&old_range)),
                (",", old_range.len()),
                (" +", start(&new_range)),
                (",", new_range.len()),
            ];
            for (before, n) in numbers {
                header.push_str(before);
                header.push_str(&n.to_string());
            }
            header.push_str(" @@\n");
            emit(UnifiedPiece::Text(&header));
            let mut plus: Vec<&str> = Vec::new();
            for op in group {
                let (old, new) = (op.old_range(), op.new_range());
                if let Op::Equal { .. } = op {
                    for l in plus.drain(..) {
                        line(emit, '+', l, None);
                    }
                    for (k, l) in old_lines[old.clone()].iter().enumerate() {
                        line(emit, ' ', l, Some(old.start + k));
                    }
                } else {
                    // Every removed line before every added one, up to the next equal line.
                    for (k, l) in old_lines[old.clone()].iter().enumerate() {
                        line(emit, '-', l, Some(old.start + k));
                    }
                    plus.extend(&new_lines[new]);
                }
            }
            for l in plus {
                line(emit, '+', l, None);
            }
        }
    }

    fn from_groups(old_lines: &[&str], new_lines: &[&str], groups: Vec<Vec<Op>>) -> DiffModel {
        let mut hunks = Vec::new();
        for group in groups {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let old_range = first.old_range().start..last.old_range().end;
            let new_range = first.new_range().start..last.new_range().end;
            let mut rows = Vec::new();
            for op in &group {
                rows.extend(rows_of(old_lines, new_lines, *op));
            }
            hunks.push(Hunk {
                old_start: old_range.start + 1,
                old_len: old_range.len(),
                new_start: new_range.start + 1,
                new_len: new_range.len(),
                rows,
            });
        }
        DiffModel { hunks }
    }

    pub fn is_empty(&self) -> bool {
        self.hunks.is_empty()
    }

    /// A unified diff (`diff -u` style) with the given file labels.
    pub fn unified(&self, old_label: &str, new_label: &str) -> String {
        if self.hunks.is_empty() {
            return String::new();
        }
        let mut out = format!("--- {old_label}\n+++ {new_label}\n");
        for h in &self.hunks {
            let old_start = if h.old_len == 0 {
                h.old_start - 1
            } else {
                h.old_start
            };
            let new_start = if h.new_len == 0 {
                h.new_start - 1
            } else {
                h.new_start
            };
            out.push_str(&format!(
                "@@ -{},{} +{},{} @@\n",
                old_start, h.old_len, new_start, h.new_len
            ));
            let mut minus = Vec::new();
            let mut plus = Vec::new();
            let flush = |out: &mut String, minus: &mut Vec<String>, plus: &mut Vec<String>| {
                for l in minus.drain(..) {
                    out.push_str(&format!("-{l}\n"));
                }
                for l in plus.drain(..) {
                    out.push_str(&format!("+{l}\n"));
                }
            };
            for row in &h.rows {
                match row.kind {
                    RowKind::Equal => {
                        flush(&mut out, &mut minus, &mut plus);
                        if let Some(s) = &row.old {
                            out.push_str(&format!(" {}\n", s.text()));
                        }
                    }
                    _ => {
                        if let Some(s) = &row.old {
                            minus.push(s.text());
                        }
                        if let Some(s) = &row.new {
                            plus.push(s.text());
                        }
                    }
                }
            }
            flush(&mut out, &mut minus, &mut plus);
        }
        out
    }
}

/// A piece of [`DiffModel::write_unified_of_file`]'s output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnifiedPiece<'a> {
    /// Text as it is: the file labels, a hunk's `@@` line (each ending in a line break), or the
    /// whole diff of a file whose origins do not describe it.
    Text(&'a str),
    /// A line of a hunk: its mark (` `, `-` or `+`), its text without the line break, and for
    /// a kept or removed line its index in the old text (0-based, its lines split as the
    /// file's table split them), by which a caller can remember what it found in the line.
    Line(char, &'a str, Option<usize>),
}

impl UnifiedPiece<'_> {
    /// Appends the piece as the diff prints it, nothing masked: the text, or the line's mark,
    /// text and line break.
    pub fn push_to(self, out: &mut String) {
        match self {
            UnifiedPiece::Text(text) => out.push_str(text),
            UnifiedPiece::Line(mark, text, _) => {
                out.push(mark);
                out.push_str(text);
                out.push('\n');
            }
        }
    }
}

/// The ops of a file's diff read from its origins (see [`DiffModel::of_file`]), with both
/// texts' lines (`old_lines` given, as [`raw_line_vec`] splits the old text); `None` when the
/// origins do not describe the file.
#[allow(clippy::type_complexity)]
fn origin_ops<'t>(
    old_lines: Vec<&'t str>,
    new: &'t str,
    origins: &[Option<Origin>],
    cr: bool,
) -> Option<(Vec<&'t str>, Vec<&'t str>, Vec<Op>)> {
    // Split the new text the way the document did (its line table's lone-CR mode, recorded in
    // the output file), and only use the record if it has one origin per output line.
    // Natively allocated once; the page grows it (its code would cost the page more).
    #[cfg(not(target_arch = "wasm32"))]
    let new_lines: Vec<&str> = {
        let mut lines = Vec::with_capacity(origins.len());
        lines.extend(raw_lines(new, cr));
        lines
    };
    #[cfg(target_arch = "wasm32")]
    let new_lines: Vec<&str> = raw_lines(new, cr).collect();
    if new_lines.len() != origins.len() {
        return None;
    }
    let mut ops = Vec::new();
    let (mut old_at, mut new_at) = (0usize, 0usize);
    loop {
        let next_kept = (new_at..origins.len()).find_map(|k| match origins[k] {
            Some(o) if !o.written => Some((k, o.line.checked_sub(1)?)),
            _ => None,
        });
        let (k, from) = next_kept.unwrap_or((origins.len(), old_lines.len()));
        if from < old_at || from > old_lines.len() {
            return None;
        }
        let (old_len, new_len) = (from - old_at, k - new_at);
        match (old_len, new_len) {
            (0, 0) => {}
            (0, _) => ops.push(Op::Insert {
                old: old_at,
                new: new_at,
                new_len,
            }),
            (_, 0) => ops.push(Op::Delete {
                old: old_at,
                new: new_at,
                old_len,
            }),
            _ => ops.push(Op::Replace {
                old: old_at,
                new: new_at,
                old_len,
                new_len,
            }),
        }
        if next_kept.is_none() {
            break;
        }
        let mut len = 0;
        while k + len < origins.len()
            && from + len < old_lines.len()
            && matches!(origins[k + len], Some(o) if !o.written && o.line == from + len + 1)
        {
            len += 1;
        }
        if len == 0 {
            return None;
        }
        ops.push(Op::Equal {
            old: from,
            new: k,
            len,
        });
        old_at = from + len;
        new_at = k + len;
    }
    Some((old_lines, new_lines, ops))
}

fn strip_eol(s: &str) -> &str {
    s.strip_suffix("\r\n")
        .or_else(|| s.strip_suffix('\n'))
        .unwrap_or(s)
}

fn plain(line: usize, text: &str) -> Side {
    Side {
        line,
        spans: vec![Span {
            text: strip_eol(text).to_string(),
            changed: false,
        }],
    }
}

fn rows_of(old_lines: &[&str], new_lines: &[&str], op: Op) -> Vec<Row> {
    match op {
        Op::Equal {
            old: old_index,
            new: new_index,
            len,
        } => (0..len)
            .map(|k| Row {
                kind: RowKind::Equal,
                old: Some(plain(old_index + k + 1, old_lines[old_index + k])),
                new: Some(plain(new_index + k + 1, new_lines[new_index + k])),
            })
            .collect(),
        Op::Delete {
            old: old_index,
            old_len,
            ..
        } => (0..old_len)
            .map(|k| Row {
                kind: RowKind::Delete,
                old: Some(plain(old_index + k + 1, old_lines[old_index + k])),
                new: None,
            })
            .collect(),
        Op::Insert {
            new: new_index,
            new_len,
            ..
        } => (0..new_len)
            .map(|k| Row {
                kind: RowKind::Insert,
                old: None,
                new: Some(plain(new_index + k + 1, new_lines[new_index + k])),
            })
            .collect(),
        Op::Replace {
            old: old_index,
            old_len,
            new: new_index,
            new_len,
        } => {
            let paired = old_len.min(new_len);
            let mut rows = Vec::with_capacity(old_len.max(new_len));
            for k in 0..paired {
                let (old, new) = word_spans(old_lines[old_index + k], new_lines[new_index + k]);
                rows.push(Row {
                    kind: RowKind::Replace,
                    old: Some(Side {
                        line: old_index + k + 1,
                        spans: old,
                    }),
                    new: Some(Side {
                        line: new_index + k + 1,
                        spans: new,
                    }),
                });
            }
            for k in paired..old_len {
                rows.push(Row {
                    kind: RowKind::Delete,
                    old: Some(plain(old_index + k + 1, old_lines[old_index + k])),
                    new: None,
                });
            }
            for k in paired..new_len {
                rows.push(Row {
                    kind: RowKind::Insert,
                    old: None,
                    new: Some(plain(new_index + k + 1, new_lines[new_index + k])),
                });
            }
            rows
        }
    }
}

/// Marks the words that differ between two lines: the words both lines start with and end with
/// stay plain, what lies between is marked on each side. Config lines change in one place (a
/// value, a directive's argument), which this shows exactly without a search.
fn word_spans(old: &str, new: &str) -> (Vec<Span>, Vec<Span>) {
    let (old, new) = (strip_eol(old), strip_eol(new));
    let (a, b) = (word_bounds(old), word_bounds(new));
    let prefix = a
        .iter()
        .zip(&b)
        .take_while(|(x, y)| old[(*x).clone()] == new[(*y).clone()])
        .count();
    let rest = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(rest)
        .take_while(|(x, y)| old[(*x).clone()] == new[(*y).clone()])
        .count();
    let spans = |text: &str, words: &[Range<usize>]| -> Vec<Span> {
        let start = words.get(prefix).map_or(text.len(), |w| w.start);
        let end = words
            .len()
            .checked_sub(suffix + 1)
            .and_then(|k| words.get(k))
            .map_or(start, |w| w.end.max(start));
        [
            (0..start, false),
            (start..end, true),
            (end..text.len(), false),
        ]
        .into_iter()
        .filter(|(r, _)| !r.is_empty())
        .map(|(r, changed)| Span {
            text: text[r].to_string(),
            changed,
        })
        .collect()
    };
    (spans(old, &a), spans(new, &b))
}

/// The byte ranges of a line's words: runs of word characters, runs of blanks, and each other
/// character alone.
fn word_bounds(line: &str) -> Vec<Range<usize>> {
    let class = |c: char| {
        if c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii() {
            1
        } else if c.is_whitespace() {
            2
        } else {
            0
        }
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut last = None;
    for (i, c) in line.char_indices() {
        let k = class(c);
        match out.last_mut() {
            Some(w) if k != 0 && last == Some(k) => w.end = i + c.len_utf8(),
            _ => out.push(i..i + c.len_utf8()),
        }
        last = Some(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_hunks() {
        assert!(DiffModel::new("a\nb\n", "a\nb\n", 3).is_empty());
    }

    #[test]
    fn replace_rows_mark_changed_words() {
        let m = DiffModel::new(
            "x\nAlias /koji \"/a/\"\ny\n",
            "x\nAlias /koji \"/a/w.py\"\ny\n",
            1,
        );
        assert_eq!(m.hunks.len(), 1);
        let row = &m.hunks[0].rows[1];
        assert_eq!(row.kind, RowKind::Replace);
        let new = row.new.as_ref().unwrap();
        assert_eq!(new.text(), "Alias /koji \"/a/w.py\"");
        assert!(new.spans.iter().any(|s| s.changed));
        assert!(new
            .spans
            .iter()
            .any(|s| !s.changed && s.text.contains("Alias")));
    }

    #[test]
    fn unified_matches_diff_u_shape() {
        let m = DiffModel::new("a\nb\nc\n", "a\nB\nc\n", 1);
        assert_eq!(
            m.unified("old", "new"),
            "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
    }

    /// The CLI's unified diff written from the origins is the one of the side-by-side model.
    #[test]
    fn unified_of_file_is_the_models_unified() {
        let inputs: Vec<crate::Input> = std::fs::read_dir("examples")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "conf"))
            .filter_map(|p| {
                let bytes = std::fs::read(&p).ok()?;
                Some(crate::Input::from_bytes(p.to_string_lossy(), &bytes))
            })
            .collect();
        assert!(inputs.len() >= 4);
        let mut cr = inputs[0].clone();
        cr.text = cr.text.replace('\n', "\r\n");
        let mut lone_cr = inputs[1].clone();
        lone_cr.text = lone_cr.text.replace('\n', "\r");
        let mut sets = vec![inputs.clone(), vec![cr], vec![lone_cr]];
        sets.extend(inputs.iter().map(|i| vec![i.clone()]));
        for set in sets {
            for to in ["1.7", "1.21", "1.35"] {
                let options = crate::Options {
                    to: crate::Release::parse(to).expect("a known release"),
                    ..crate::Options::default()
                };
                let report = crate::migrate(&set, &options);
                for f in &report.files {
                    for context in [0, 1, 3] {
                        let unified = DiffModel::unified_of_file(f, context, "a", "b");
                        assert_eq!(
                            unified,
                            DiffModel::of_file(f, context).unified("a", "b"),
                            "{} to {to}",
                            f.output
                        );
                        // The same from the input's lines split by the caller, as the CLI
                        // does (at `\n` alone: only for files without lone `\r` breaks).
                        if !f.lone_cr_breaks {
                            let old = f.original.as_deref().unwrap_or("");
                            let lines = raw_line_vec(old, false);
                            let mut given = String::new();
                            DiffModel::write_unified_of_file(
                                f,
                                Some(lines),
                                context,
                                "a",
                                "b",
                                &mut |piece| match piece {
                                    UnifiedPiece::Text(text) => given.push_str(text),
                                    UnifiedPiece::Line(mark, text, _) => {
                                        given.push(mark);
                                        given.push_str(text);
                                        given.push('\n');
                                    }
                                },
                            );
                            assert_eq!(given, unified, "{} to {to}", f.output);
                        }
                    }
                }
            }
        }
    }
}
