//! The notes printed as a compiler's diagnostics ([`diagnostics`]): each rendered by
//! annotate-snippets ([`with_source`]) or, where that is byte for byte the same, by the direct
//! plain layout of `plain`, with what many notes share (a rule's note line, its last message)
//! made once.

use super::ascii::{printable_ascii, push_repeated};
use super::json::note_place;
use super::lines::{shown_lines, FileLines};
use super::plain::{write_plain, Shown};
use super::secrets::{push_masked, SecretLines};
use super::Out;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use koji_migrate::{Guide, Lines, Report, Severity};
use std::io::Write;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Info => Level::INFO,
        Severity::Warning => Level::WARNING,
        Severity::Action => Level::WARNING.with_name("action"),
        Severity::Error => Level::ERROR,
    }
}

/// Every note, most severe first, like a compiler's diagnostics: the message, the file and
/// line, the line itself, the rule and its guide. A note without lines is one line,
/// `severity: file: message [rule]`.
pub(super) fn diagnostics<'r, W: Write>(
    report: &'r Report,
    files: &mut FileLines<'r>,
    mut secrets: Option<&mut SecretLines>,
    renderer: &Renderer,
    plain: bool,
    out: &mut Out<W>,
) {
    let mut previous_multi_line: Option<bool> = None;
    // The note line of each rule and guide, made once: tens of thousands of notes share a
    // few dozen.
    let mut note_lines: std::collections::HashMap<
        (usize, usize, Guide),
        RuleNote,
        std::hash::BuildHasherDefault<QuickHasher>,
    > = Default::default();
    // Whether the last path prints verbatim, by its address and length (a file's name is
    // one string of the report, shared by its notes).
    let mut last_path: Option<(usize, usize, bool)> = None;
    let not_made_verbatim = prints_verbatim("(not made) ");
    let mut source = String::new();
    let mut ends = Vec::new();
    for n in report.notes_by_severity() {
        let skipped = if n.change.is_some_and(|c| !report.changes[c].accepted) {
            "(not made) "
        } else {
            ""
        };
        let shown = files.of(n).and_then(|(name, lines, all, input)| {
            let masked = secrets.as_deref_mut();
            let mut known = masked.map(|s| input.and_then(|i| s.of(i)));
            let push = |shown: &mut String, k: usize, l: &str| match &mut known {
                None => shown.push_str(l),
                Some(known) => push_masked(shown, known.as_deref_mut(), Some(k), l),
            };
            let count = shown_lines(&mut source, &mut ends, all, lines, push);
            (count > 0).then_some((name, lines, count > 1))
        });
        let rendered = match shown {
            Some((name, lines, several)) => {
                // A rule's id is one `&'static str`: its address and length name it.
                let rule = (n.rule.as_ptr() as usize, n.rule.len(), n.guide);
                let rule_note = note_lines.entry(rule).or_insert_with(|| {
                    RuleNote::new(format!(
                        "[{}] {}: {}",
                        n.rule,
                        n.guide.title(),
                        n.guide.url()
                    ))
                });
                let note = &mut rule_note.line;
                if plain {
                    let path_key = (name.as_ptr() as usize, name.len());
                    let path_verbatim = match last_path {
                        Some((at, len, verbatim)) if (at, len) == path_key => verbatim,
                        _ => {
                            let verbatim = prints_verbatim(name);
                            last_path = Some((path_key.0, path_key.1, verbatim));
                            verbatim
                        }
                    };
                    let verbatim = note.verbatim
                        && path_verbatim
                        && (skipped.is_empty() || not_made_verbatim)
                        && rule_note.last.verbatim(&n.message);
                    // Written directly, the note has several lines: it stands apart.
                    let mark = out.buf.len();
                    if previous_multi_line.is_some() {
                        out.buf.push('\n');
                    }
                    let title = [skipped, n.message.as_str()];
                    let shown = Shown {
                        path: name,
                        lines,
                        source: &source,
                        ends: &ends,
                        several,
                    };
                    if write_plain(&mut out.buf, n.severity, title, shown, note, verbatim) {
                        out.buf.push('\n');
                        previous_multi_line = Some(true);
                        out.spill();
                        continue;
                    }
                    out.buf.truncate(mark);
                }
                let title = format!("{skipped}{}", n.message);
                let note = &note.text;
                with_source(renderer, n.severity, &title, name, lines, &source, note)
            }
            None => {
                let (file, line) = note_place(report, n);
                let place = match (file, line) {
                    (Some(f), Some(l)) => format!("{f}:{l}: "),
                    (Some(f), None) => format!("{f}: "),
                    _ => String::new(),
                };
                let group = Group::with_title(
                    level(n.severity)
                        .primary_title(format!("{place}{skipped}{} [{}]", n.message, n.rule)),
                );
                renderer.render(&[group]).trim_end().to_string()
            }
        };
        // One-line notes follow each other; a diagnostic with its source stands apart.
        let multi_line = rendered.contains('\n');
        if previous_multi_line.is_some_and(|p| p || multi_line) {
            out.buf.push('\n');
        }
        previous_multi_line = Some(multi_line);
        out.buf.push_str(&rendered);
        out.buf.push('\n');
        out.spill();
    }
}

/// The note line of a rule and guide ([`NoteLine`]), and the last message of a note of the
/// rule with whether it prints verbatim ([`prints_verbatim`]): the notes of many rules say
/// the same each time (others name a line, and are checked each time), and checking a
/// message of a few hundred bytes again for each of thousands of notes cost more than
/// comparing it with the last.
struct RuleNote {
    line: NoteLine,
    last: LastMessage,
}

impl RuleNote {
    fn new(line: String) -> Self {
        RuleNote {
            line: NoteLine::new(line),
            last: LastMessage {
                text: String::new(),
                verbatim: true,
            },
        }
    }
}

/// A note line (`[rule] Guide: url`), whether it prints verbatim, and the lines that end a
/// note written directly with it under a gutter of the width they were made for: tens of
/// thousands of notes end alike, made once rather than written piece by piece for each.
pub(super) struct NoteLine {
    text: String,
    verbatim: bool,
    tail: String,
    tail_width: Option<usize>,
}

impl NoteLine {
    pub(super) fn new(text: String) -> Self {
        NoteLine {
            verbatim: prints_verbatim(&text),
            text,
            tail: String::new(),
            tail_width: None,
        }
    }

    /// The lines that end a note under a gutter `width` columns wide, from the line break
    /// before them: the gutter's empty line, then `= note: ` and the note line.
    #[inline(always)]
    pub(super) fn tail(&mut self, width: usize) -> &str {
        if self.tail_width != Some(width) {
            self.make_tail(width);
        }
        &self.tail
    }

    /// [`NoteLine::tail`] made for another width.
    #[inline(never)]
    fn make_tail(&mut self, width: usize) {
        self.tail.clear();
        self.tail.push('\n');
        push_repeated(&mut self.tail, ' ', width);
        self.tail.push_str(" |\n");
        push_repeated(&mut self.tail, ' ', width);
        self.tail.push_str(" = note: ");
        self.tail.push_str(&self.text);
        self.tail_width = Some(width);
    }
}

/// The last message of a rule's notes, and whether it prints verbatim.
struct LastMessage {
    text: String,
    verbatim: bool,
}

impl LastMessage {
    /// Whether `message` prints verbatim ([`prints_verbatim`]), remembered for the next.
    fn verbatim(&mut self, message: &str) -> bool {
        if self.text != message {
            self.verbatim = prints_verbatim(message);
            self.text.clear();
            self.text.push_str(message);
        }
        self.verbatim
    }
}

/// A hasher for a few small keys looked up tens of thousands of times (the std one, SipHash,
/// is made to resist chosen keys, which these are not): multiply and rotate, as rustc's
/// FxHasher does.
#[derive(Default)]
struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A note with the lines it is about, rendered by annotate-snippets: the message, the file
/// and line, the lines, the rule and its guide.
pub(super) fn with_source(
    renderer: &Renderer,
    severity: Severity,
    title: &str,
    path: &str,
    lines: Lines,
    source: &str,
    note: &str,
) -> String {
    // The marker runs from the first line's text to the last line's end.
    let start = source.len() - source.trim_start().len();
    let end = source.trim_end().len().max(start);
    let mut marker = AnnotationKind::Primary.span(start..end);
    if !source.contains('\n') && lines.last > lines.first {
        marker = marker.label(format!("to line {}", lines.last));
    }
    let group = Group::with_title(level(severity).primary_title(title))
        .element(
            Snippet::source(source)
                .line_start(lines.first)
                .path(path)
                .annotation(marker),
        )
        .element(Level::NOTE.message(note));
    renderer.render(&[group]).trim_end().to_string()
}

/// Whether annotate-snippets prints `text` as it is: no control characters or bidirectional
/// controls (which it replaces), no zero-width joiner (which it drops from titles), no line
/// breaks (which it indents).
pub(super) fn prints_verbatim(text: &str) -> bool {
    // Printable ASCII, nearly every text, is checked without branches.
    if printable_ascii(text.as_bytes(), false) {
        return true;
    }
    !text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{200D}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The remembered answer for a rule's last message is `prints_verbatim`'s, whether the
    /// message is the last one again or not.
    #[test]
    fn remembered_message_check_agrees_with_prints_verbatim() {
        let messages = [
            "Install the new web.conf.",
            "Install the new web.conf.",
            "two\nlines",
            "two\nlines",
            "",
            "bidi \u{202E} here",
            "Install the new web.conf.",
            "caf\u{e9}",
            "",
        ];
        let mut last = RuleNote::new(String::from("[rule] Guide: url")).last;
        for message in messages.iter().chain(messages.iter().rev()) {
            assert_eq!(
                last.verbatim(message),
                prints_verbatim(message),
                "{message:?}"
            );
        }
    }

    /// A note line's ending, remembered for one gutter width, is made again for another:
    /// what it gives for each width in turn is what a new one gives.
    #[test]
    fn note_tails_follow_the_width() {
        let mut note = NoteLine::new(String::from("[rule] Guide: https://example.com/"));
        for width in [3, 3, 5, 1, 3, 6, 6, 2] {
            let fresh = NoteLine::new(note.text.clone()).tail(width).to_string();
            assert_eq!(note.tail(width), fresh);
            let margin = " ".repeat(width);
            let expected = format!("\n{margin} |\n{margin} = note: {}", note.text);
            assert_eq!(fresh, expected);
        }
    }
}
