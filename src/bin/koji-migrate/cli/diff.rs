//! The unified diff of every changed file, printed after the notes without `--out`, secret
//! values masked line by line unless they are shown.

use super::lines::FileLines;
use super::secrets::{push_masked, SecretLines};
use super::Out;
use koji_migrate::diff::{DiffModel, UnifiedPiece};
use koji_migrate::Report;
use std::io::Write;

/// A unified diff of every changed file, each after an empty line; secret values masked
/// when `secrets` is given.
pub(super) fn diffs<W: Write>(
    report: &Report,
    mut files: FileLines,
    mut secrets: Option<&mut SecretLines>,
    out: &mut Out<W>,
) {
    for (i, f) in report.files.iter().enumerate() {
        if !f.changed {
            continue;
        }
        let old_label = match (&f.original, &f.input) {
            (Some(_), Some(name)) => format!("a/{name}"),
            _ => "/dev/null".to_string(),
        };
        let new_label = match &f.input {
            Some(name) => format!("b/{name}"),
            None => format!("b/{}", f.output),
        };
        out.buf.push('\n');
        let mut known = secrets.as_deref_mut().map(|s| s.of(i));
        let old_lines = files.take_input(i);
        DiffModel::write_unified_of_file(f, old_lines, 3, &old_label, &new_label, &mut |piece| {
            let mask = known.as_mut().map(|known| {
                move |out: &mut String, old: Option<usize>, text: &str| {
                    push_masked(out, known.as_deref_mut(), old, text);
                }
            });
            push_diff_piece(&mut out.buf, piece, mask);
            out.spill();
        });
    }
}

/// A piece of a unified diff as printed: secret values masked when `mask` is given (which
/// appends a hunk's line, given its index in the old text, masked). The diff reads as its lines (`str::lines`, which drops a `\r` before a line break)
/// each followed by a line break, a hunk's line masked after its mark; the file labels
/// (`---`, `+++`) and lines that look like them are printed as they are.
fn push_diff_piece(
    out: &mut String,
    piece: UnifiedPiece,
    mask: Option<impl FnMut(&mut String, Option<usize>, &str)>,
) {
    let Some(mut mask) = mask else {
        piece.push_to(out);
        return;
    };
    match piece {
        // A hunk's `@@` line alone, nearly every piece of text: printed as it is, as
        // `push_masked_diff_line` would print it (it starts with neither mark), without
        // splitting it into lines.
        UnifiedPiece::Text(text) if is_hunk_header(text) => out.push_str(text),
        UnifiedPiece::Text(text) => {
            for line in text.lines() {
                push_masked_diff_line(out, line);
            }
        }
        UnifiedPiece::Line(mark, text, old) => {
            // The line as `str::lines` would read it back: a `\r` before the break goes.
            let text = text.strip_suffix('\r').unwrap_or(text);
            let label = match mark {
                '-' => text.starts_with("--"),
                '+' => text.starts_with("++"),
                _ => false,
            };
            out.push(mark);
            if label {
                out.push_str(text);
            } else {
                mask(out, old, text);
            }
            out.push('\n');
        }
    }
}

/// Whether `text` is one line that starts with `@@` and ends with its line break, without a
/// `\r` (which `str::lines` would drop before the break).
fn is_hunk_header(text: &str) -> bool {
    text.strip_suffix('\n').is_some_and(|line| {
        line.starts_with("@@") && !line.bytes().any(|b| b == b'\n' || b == b'\r')
    })
}

/// One line of a unified diff (without its line break) as printed when secrets are masked.
fn push_masked_diff_line(out: &mut String, line: &str) {
    match line.split_at_checked(1) {
        Some((mark @ (" " | "-" | "+"), rest))
            if !line.starts_with("---") && !line.starts_with("+++") =>
        {
            out.push_str(mark);
            push_masked(out, None, None, rest);
        }
        _ => out.push_str(line),
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hunk's `@@` line is printed as the general path prints a piece of text, and texts
    /// that are not one such line take that path.
    #[test]
    fn hunk_headers_print_as_masked_text() {
        let texts = [
            "@@ -1,3 +1,4 @@\n",
            "@@ -0,0 +1 @@\n",
            "@@ -1 +1 @@\r\n",
            "@@ -1 +1 @@",
            "@@ -1 +1 @@\n@@ -2 +2 @@\n",
            "--- a/x\n+++ b/x\n@@ -1 +1 @@\n",
            "@@\n",
            "\n",
            "@ -1 +1 @@\n",
        ];
        let mut fast = 0;
        for text in texts {
            let mut general = String::new();
            for line in text.lines() {
                push_masked_diff_line(&mut general, line);
            }
            let mut printed = String::new();
            let mask = Some(|out: &mut String, _: Option<usize>, line: &str| {
                push_masked(out, None, None, line);
            });
            push_diff_piece(&mut printed, UnifiedPiece::Text(text), mask);
            assert_eq!(printed, general, "{text:?}");
            fast += usize::from(is_hunk_header(text));
        }
        assert_eq!(fast, 3);
    }
}
