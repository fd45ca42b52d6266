//! The files' lines as the notes show them: each file split once, when a note first needs it
//! ([`FileLines`]), then handed to the diff, and the lines one note shows ([`shown_lines`]). Apart
//! because the notes, the masking of secrets and the diff must agree on how lines are numbered.

use koji_migrate::{Lines, Note, OutputFile, Report};

/// A note about more lines than this shows only its first line, marked "to line N" (the renderer
/// folds the middle of shorter ones itself).
const MAX_SHOWN_LINES: usize = 200;

/// The files' lines, each with its line break, each file split once, when a note first
/// needs it: a report can hold thousands of notes about one long file. The diff of an input
/// takes its lines over afterwards (split as the diff would split them, unless the input has
/// lone `\r` breaks).
pub(super) struct FileLines<'r> {
    report: &'r Report,
    inputs: Vec<Option<Vec<&'r str>>>,
    outputs: Vec<Option<Vec<&'r str>>>,
}

impl<'r> FileLines<'r> {
    pub(super) fn new(report: &'r Report) -> Self {
        FileLines {
            report,
            inputs: vec![None; report.files.len()],
            outputs: vec![None; report.files.len()],
        }
    }

    /// A note's file (by name), the lines it is about, every line of that file (with its
    /// break, see [`shown_lines`]), and the file's index if it is an input: the input it is
    /// about, else the file it created.
    pub(super) fn of(&mut self, n: &Note) -> Option<(&'r str, Lines, &[&'r str], Option<usize>)> {
        // At `\n` alone, as `str::lines` splits.
        let split = |text: &'r str| koji_migrate::text::raw_line_vec(text, false);
        match (n.input, n.output) {
            (Some(i), _) => {
                let f = &self.report.files[i];
                let (name, text, lines) = (f.input.as_deref()?, f.original.as_deref()?, n.lines?);
                Some((
                    name,
                    lines,
                    self.inputs[i.index()].get_or_insert_with(|| split(text)),
                    Some(i.index()),
                ))
            }
            (None, Some(o)) => {
                let f = &self.report.files[o];
                let lines = n.output_lines?;
                let all = self.outputs[o.index()].get_or_insert_with(|| split(&f.text));
                Some((f.output.as_str(), lines, all, None))
            }
            (None, None) => None,
        }
    }

    /// Input `i`'s lines as the diff splits them, if a note had them split: `None` when
    /// none did, or when the diff's lines are not the notes' ([`splits_as_notes`]).
    pub(super) fn take_input(&mut self, i: usize) -> Option<Vec<&'r str>> {
        if !splits_as_notes(&self.report.files[i]) {
            return None;
        }
        self.inputs.get_mut(i)?.take()
    }
}

/// Whether the diff splits `f`'s input into the lines the notes number (at `\n` alone):
/// unless the input's lines also end at a lone `\r` (ini files, as Python reads them) and
/// it holds a `\r` (nearly every ini file holds none).
pub(super) fn splits_as_notes(f: &OutputFile) -> bool {
    !f.lone_cr_breaks || !f.original.as_deref().is_some_and(|t| t.contains('\r'))
}

/// The lines `first..=last` (1-based) of a file (`all`, each with its break), only the
/// first when there are more than [`MAX_SHOWN_LINES`], each appended by `push` (given
/// `shown`, the line's 0-based index and its text), joined by line breaks into `shown`
/// (emptied first), with where each line ends in it written to `ends` (emptied first: what
/// `push_plain_with_source_lines` would otherwise split again); how many, 0 when the file
/// has no such lines. A line is shown as `str::lines` reads it, without its break and with
/// every `\r` at its end dropped.
pub(super) fn shown_lines(
    shown: &mut String,
    ends: &mut Vec<usize>,
    all: &[&str],
    lines: Lines,
    mut push: impl FnMut(&mut String, usize, &str),
) -> usize {
    shown.clear();
    ends.clear();
    if lines.first == 0 || lines.last < lines.first {
        return 0;
    }
    let mut count = lines.last - lines.first + 1;
    if count > MAX_SHOWN_LINES {
        count = 1;
    }
    let first = lines.first - 1;
    let Some(lines) = all.get(first..first + count) else {
        return 0;
    };
    for (k, &l) in lines.iter().enumerate() {
        if k > 0 {
            shown.push('\n');
        }
        let l = l.strip_suffix('\n').unwrap_or(l).trim_end_matches('\r');
        push(shown, first + k, l);
        ends.push(shown.len());
    }
    count
}

#[cfg(test)]
mod tests {
    use super::super::secrets::{push_masked, Known};
    use super::*;
    use koji_migrate::{migrate, Input, Options};

    /// An ini input (lines split at a lone `\r` too) is split by the diff as by the notes
    /// exactly when it holds no `\r`; an httpd input always is.
    #[test]
    fn the_diff_splits_as_the_notes_unless_a_lone_cr_may_break_a_line() {
        use koji_migrate::text::raw_line_vec;
        let cases = [
            ("kojid.conf", "[kojid]\ntopurl = http://h/kojifiles\n"),
            ("kojid.conf", "[kojid]\r\ntopurl = http://h/kojifiles\r\n"),
            (
                "kojid.conf",
                "[kojid]\ntopurl = http://h/kojifiles\rx = 1\n",
            ),
            ("kojihub.conf", "Alias /kojihub \"/x\"\r\n"),
        ];
        let mut lone_cr_inputs = 0;
        for (name, text) in cases {
            let input = Input::from_bytes(name, text.as_bytes());
            let report = migrate(&[input], &Options::default());
            let f = &report.files[0];
            lone_cr_inputs += usize::from(f.lone_cr_breaks);
            let same = raw_line_vec(text, f.lone_cr_breaks) == raw_line_vec(text, false);
            assert_eq!(
                splits_as_notes(f),
                !f.lone_cr_breaks || !text.contains('\r')
            );
            // When it says so, the lines are the same (not the other way round: a `\r\n`
            // splits alike).
            assert!(!splits_as_notes(f) || same, "{text:?}");
        }
        assert!(lone_cr_inputs >= 3);
    }

    /// Where [`shown_lines`] says each shown line ends is where the text's breaks are (what
    /// the direct rendering of several lines reads instead of splitting it again), masked
    /// lines, `\r`s and empty lines included.
    #[test]
    fn shown_lines_ends_are_the_breaks() {
        let text = "a\r\n\n  Secret = x\r\r\nsee http://u:p@h/x\nlast";
        let all = koji_migrate::text::raw_line_vec(text, false);
        let (mut shown, mut ends) = (String::new(), Vec::new());
        for first in 1..=5 {
            for last in first..=6 {
                let lines = Lines { first, last };
                let mut known = Known::default();
                let push = |s: &mut String, k: usize, l: &str| {
                    push_masked(s, Some(&mut known), Some(k), l);
                };
                let count = shown_lines(&mut shown, &mut ends, &all, lines, push);
                let breaks: Vec<usize> = shown
                    .match_indices('\n')
                    .map(|(k, _)| k)
                    .chain([shown.len()])
                    .collect();
                assert_eq!(ends, if count > 0 { breaks } else { vec![] }, "{shown:?}");
                assert_eq!(ends.len(), count);
            }
        }
    }
}
