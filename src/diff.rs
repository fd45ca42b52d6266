//! The diff between an input and its migrated version, as a model every front end renders.
//!
//! `similar` computes it; nothing outside this module imports `similar`. The model is a list of
//! [`Hunk`]s (changed regions with some context), each a list of side-by-side [`Row`]s whose
//! changed words are marked as [`Span`]s. The CLI prints it as a unified diff, the page as a
//! side-by-side or unified view, and tests check that applying it to the old text gives the new.

use serde::Serialize;
use similar::{ChangeTag, DiffOp, TextDiff};

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
    /// The diff of `old` and `new` with `context` unchanged lines around each change.
    pub fn new(old: &str, new: &str, context: usize) -> DiffModel {
        let diff = TextDiff::configure()
            .algorithm(similar::Algorithm::Myers)
            .diff_lines(old, new);
        let mut hunks = Vec::new();
        for group in diff.grouped_ops(context) {
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let old_range = first.old_range().start..last.old_range().end;
            let new_range = first.new_range().start..last.new_range().end;
            let mut rows = Vec::new();
            for op in &group {
                rows.extend(rows_of(&diff, op));
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

fn rows_of<'a>(diff: &TextDiff<'a, 'a, 'a, str>, op: &DiffOp) -> Vec<Row> {
    let old_lines = diff.old_slices();
    let new_lines = diff.new_slices();
    match *op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => (0..len)
            .map(|k| Row {
                kind: RowKind::Equal,
                old: Some(plain(old_index + k + 1, old_lines[old_index + k])),
                new: Some(plain(new_index + k + 1, new_lines[new_index + k])),
            })
            .collect(),
        DiffOp::Delete {
            old_index, old_len, ..
        } => (0..old_len)
            .map(|k| Row {
                kind: RowKind::Delete,
                old: Some(plain(old_index + k + 1, old_lines[old_index + k])),
                new: None,
            })
            .collect(),
        DiffOp::Insert {
            new_index, new_len, ..
        } => (0..new_len)
            .map(|k| Row {
                kind: RowKind::Insert,
                old: None,
                new: Some(plain(new_index + k + 1, new_lines[new_index + k])),
            })
            .collect(),
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
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

/// Marks the words that differ between two lines.
fn word_spans(old: &str, new: &str) -> (Vec<Span>, Vec<Span>) {
    let (old, new) = (strip_eol(old), strip_eol(new));
    let diff = TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_words(old, new);
    let mut o: Vec<Span> = Vec::new();
    let mut n: Vec<Span> = Vec::new();
    fn push(v: &mut Vec<Span>, text: &str, changed: bool) {
        match v.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(text),
            _ => v.push(Span {
                text: text.to_string(),
                changed,
            }),
        }
    }
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut o, text, false);
                push(&mut n, text, false);
            }
            ChangeTag::Delete => push(&mut o, text, true),
            ChangeTag::Insert => push(&mut n, text, true),
        }
    }
    (o, n)
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
}
