//! Secret values masked in what is printed (the written files keep them): which lines of an input
//! may hold one, found once a line and remembered ([`SecretLines`]), and the masked text
//! ([`push_masked`]). Apart because the notes and the diff both mask, through the same memory.

use super::lines::splits_as_notes;
use koji_migrate::Report;

/// Whether each line of each input may hold a secret ([`koji_migrate::mask::may_mask`]),
/// found when the line is first printed: the notes and the diff print most changed lines,
/// and the diff the lines around them, two or three times. Only for inputs the diff splits
/// as the notes do ([`splits_as_notes`]): otherwise its line numbers are not the notes'.
pub(super) struct SecretLines(Vec<Option<Known>>);

/// What is known of each line of a file (by 0-based index): whether it may hold a secret
/// (`None` until asked), and the masked text of those that do, once masked, with the length
/// of the text that was masked. The notes and the diff mask the same few thousand lines of
/// a long file, and masking one costs a few thousand instructions; a line is asked about
/// with or without the `\r`s before its break, which masking may keep, hence the length.
/// A B-tree rather than a hash table: the table took a million instructions less for a
/// 100,000-line file, but its growth to a few thousand entries held 2 MB more memory at the
/// peak.
#[derive(Default)]
pub(super) struct Known {
    may_mask: Vec<Option<bool>>,
    masked: std::collections::BTreeMap<usize, (usize, String)>,
}

impl SecretLines {
    pub(super) fn new(report: &Report) -> Self {
        SecretLines(
            report
                .files
                .iter()
                .map(|f| splits_as_notes(f).then(Known::default))
                .collect(),
        )
    }

    /// What is known of the lines of file `file`'s input, if they are remembered.
    pub(super) fn of(&mut self, file: usize) -> Option<&mut Known> {
        self.0.get_mut(file)?.as_mut()
    }
}

/// Whether line `k` of a file, `text` (with or without the `\r`s before its break, which
/// hold no secret), may hold a secret: remembered in `known` once found.
///
/// The remembered answer is read inline (most lines are asked about twice or more), a new
/// line found apart.
#[inline(always)]
fn may_mask_line(known: &mut Vec<Option<bool>>, k: usize, text: &str) -> bool {
    if let Some(&Some(answer)) = known.get(k) {
        return answer;
    }
    may_mask_new_line(known, k, text)
}

/// [`may_mask_line`] for a line not asked about before.
#[inline(never)]
fn may_mask_new_line(known: &mut Vec<Option<bool>>, k: usize, text: &str) -> bool {
    if known.len() <= k {
        // Grown by doubling: the lines are asked about roughly in order.
        known.resize((k + 1).max(2 * known.len()), None);
    }
    let answer = koji_migrate::mask::may_mask(text);
    known[k] = Some(answer);
    answer
}

/// `text` appended to `out` with its secret values masked: printed output ends up in logs
/// (the files keep them). `text` is line `k` of a file whose lines `known` remembers, when
/// both are given (with or without the `\r`s before its break), which remembers the answer.
///
/// Inlined into its callers (the diff's writer calls one for each line), the masking
/// itself apart: a call's entry and exit were a third of its instructions.
#[inline(always)]
pub(super) fn push_masked(
    out: &mut String,
    known: Option<&mut Known>,
    k: Option<usize>,
    text: &str,
) {
    use koji_migrate::mask::{mask_flagged_line, may_mask};
    let (Some(known), Some(k)) = (known, k) else {
        if may_mask(text) {
            out.push_str(&mask_flagged_line(text));
        } else {
            out.push_str(text);
        }
        return;
    };
    if !may_mask_line(&mut known.may_mask, k, text) {
        out.push_str(text);
        return;
    }
    push_masked_line(out, known, k, text);
}

/// Line `k`, `text`, which may hold a secret, masked as [`push_masked`] does it.
#[inline(never)]
fn push_masked_line(out: &mut String, known: &mut Known, k: usize, text: &str) {
    use koji_migrate::mask::mask_flagged_line;
    let (len, masked) = known
        .masked
        .entry(k)
        .or_insert_with(|| (text.len(), mask_flagged_line(text)));
    if *len == text.len() {
        out.push_str(masked);
    } else {
        out.push_str(&mask_flagged_line(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Masking through what is remembered of a file's lines gives what `mask_line` gives,
    /// whichever of a line's forms (with its `\r`s or without, which masking a URL keeps)
    /// is asked first, remembered or not.
    #[test]
    fn remembered_masking_agrees_with_mask_line() {
        use koji_migrate::mask::mask_line;
        let lines = [
            "Secret = abc",
            "  DBPass: x\r",
            "server = http://u:p@h/x\r\r",
            "see http://u:p@h/x y",
            "    PythonOption Secret x\r",
            "plain line\r",
            "",
        ];
        let mut changed = 0;
        for trimmed_first in [false, true] {
            let mut known = Known::default();
            for (k, line) in lines.iter().enumerate() {
                let mut forms = [*line, line.trim_end_matches('\r')];
                if trimmed_first {
                    forms.reverse();
                }
                for text in forms.into_iter().chain(forms) {
                    let mut remembered = String::from("-");
                    push_masked(&mut remembered, Some(&mut known), Some(k), text);
                    assert_eq!(remembered, format!("-{}", mask_line(text)), "{text:?}");
                    let mut direct = String::from("-");
                    push_masked(&mut direct, None, None, text);
                    assert_eq!(direct, remembered);
                    changed += usize::from(mask_line(text) != text);
                }
            }
        }
        assert!(changed >= 16, "{changed}");
    }
}
