//! The direct plain layout: what `Renderer::plain()` renders for a note with its source lines,
//! written directly (the renderer costs tens of times as much), or `false` where the two could
//! differ. Apart with the tests that compare the two byte for byte.

use super::ascii::{
    digits, leading_blanks, printable_ascii, push_number, push_repeated, trailing_blanks,
    trim_blanks,
};
#[cfg(test)]
use super::notes::prints_verbatim;
use super::notes::NoteLine;
use koji_migrate::{Lines, Severity};

/// A note as `Renderer::plain()` renders it, written directly and appended to `out` (the
/// title in two pieces), by [`write_plain_with_source`] for one shown line and
/// [`write_plain_with_source_lines`] for several; `false` (and nothing written) where the
/// caller must render it with annotate-snippets. `verbatim`: whether the title's pieces,
/// the path and the note all print verbatim ([`prints_verbatim`]), which the caller knows
/// from the notes before.
///
/// [`prints_verbatim`]: super::notes::prints_verbatim
pub(super) fn write_plain(
    out: &mut String,
    severity: Severity,
    title: [&str; 2],
    shown: Shown,
    note: &mut NoteLine,
    verbatim: bool,
) -> bool {
    if !verbatim {
        return false;
    }
    if shown.several {
        write_plain_with_source_lines(out, severity, title, shown, note)
    } else {
        write_plain_with_source(out, severity, title, shown, note)
    }
}

/// What a note shows of its file: the file's name, the lines it is about, their text as
/// shown (joined by line breaks), where each line ends in it, and whether that is several
/// lines (which [`shown_lines`] counted: searching the text for a break again cost more
/// than writing most notes).
///
/// [`shown_lines`]: super::lines::shown_lines
#[derive(Clone, Copy)]
pub(super) struct Shown<'a> {
    pub(super) path: &'a str,
    pub(super) lines: Lines,
    pub(super) source: &'a str,
    pub(super) ends: &'a [usize],
    pub(super) several: bool,
}

/// [`write_plain`] into a string of its own, the title in one piece: what the tests compare
/// with annotate-snippets.
#[cfg(test)]
fn plain(
    severity: Severity,
    title: &str,
    path: &str,
    lines: Lines,
    source: &str,
    note: &str,
) -> Option<String> {
    let mut out = String::new();
    let ends: Vec<usize> = source
        .match_indices('\n')
        .map(|(k, _)| k)
        .chain([source.len()])
        .collect();
    let shown = Shown {
        path,
        lines,
        source,
        ends: &ends,
        several: ends.len() > 1,
    };
    let verbatim = prints_verbatim(title) && prints_verbatim(path) && prints_verbatim(note);
    let mut note = NoteLine::new(note.to_string());
    write_plain(&mut out, severity, ["", title], shown, &mut note, verbatim).then_some(out)
}

/// What `Renderer::plain()` renders for a note with one shown line, written directly: the
/// renderer costs about 40 times as much, and a report about a long file holds tens of
/// thousands of such notes. `false` (and nothing written) where its output could differ from
/// this (long or indented lines it would cut, text it would replace): the caller renders
/// those with it. `plain_rendering_agrees_with_annotate_snippets` compares the two.
fn write_plain_with_source(
    out: &mut String,
    severity: Severity,
    title: [&str; 2],
    shown: Shown,
    note: &mut NoteLine,
) -> bool {
    let Shown {
        path,
        lines,
        source,
        ..
    } = shown;
    if !printable_ascii(source.as_bytes(), false) {
        return false;
    }
    // Printable ASCII, whose only blank is the space: trimmed byte by byte (`trim_start`
    // decodes characters and tests each for Unicode's white space).
    let bytes = source.as_bytes();
    let start = leading_blanks(bytes);
    let end = bytes.len() - trailing_blanks(bytes);
    let width = digits(lines.first);
    let simple = end == source.len() && start < end && start <= 20 && width + source.len() <= 120;
    if !simple {
        return false;
    }
    let number = plain_header(out, severity, title, path, width, lines.first, start + 1);
    // The gutter's number is the place's, as wide as the gutter: copied rather than
    // written again.
    out.extend_from_within(number);
    out.push_str(" | ");
    out.push_str(source);
    out.push('\n');
    push_repeated(out, ' ', width);
    out.push_str(" | ");
    out.push_str(&source[..start]);
    push_repeated(out, '^', end - start);
    if lines.last > lines.first {
        out.push_str(" to line ");
        push_number(out, lines.last, 0);
    }
    out.push_str(note.tail(width));
    true
}

/// The first lines of a note `Renderer::plain()` renders with its source: the title, the place
/// (the margin is `width` blanks, as wide as the gutter's line numbers), the gutter's empty
/// first line; where the place's line number is in `out`.
fn plain_header(
    out: &mut String,
    severity: Severity,
    title: [&str; 2],
    path: &str,
    width: usize,
    line: usize,
    column: usize,
) -> std::ops::Range<usize> {
    out.push_str(severity.as_str());
    out.push_str(": ");
    out.push_str(title[0]);
    out.push_str(title[1]);
    out.push('\n');
    push_repeated(out, ' ', width);
    out.push_str("--> ");
    out.push_str(path);
    out.push(':');
    let start = out.len();
    push_number(out, line, 0);
    let number = start..out.len();
    out.push(':');
    push_number(out, column, 0);
    out.push('\n');
    push_repeated(out, ' ', width);
    out.push_str(" |\n");
    number
}

/// What `Renderer::plain()` renders for a note with several shown lines, written directly
/// like [`write_plain_with_source`] does for one: the renderer took about a fifth of all the
/// instructions of a 100,000-line file for its two thousand such notes. The layout, for the
/// marker from the first line's text to the last line's end:
///
/// ```text
/// action: title
///   --> path:11:5
///    |
/// 11 | /     the first line
/// 12 | |     up to three lines after it, less those at their end that are "empty"
/// ...  |
/// 25 | |     the line before the last, unless "empty"
/// 26 | |     the last line
///    | |_________________^
///    |
///    = note: note
/// ```
///
/// "Empty" is annotate-snippets' word (`annotated_lines` in its `source_map.rs`): blank, a
/// lone bracket, brace or parenthesis, or a `//` comment. One hidden line between two shown ones is shown
/// instead of a `...` line. Line numbers are right-aligned to the last one's width.
///
/// `false` (and nothing written) where the output could differ from this: characters other than printable ASCII in
/// the lines (tabs, control characters and wide characters change widths or are replaced), a
/// blank first or last line (the marker would start or end elsewhere), lines the renderer
/// would cut (longer than its 140 columns less the gutter, or every kept line indented more
/// than 26 columns), text it would replace. The caller renders those with it;
/// `plain_multi_line_rendering_agrees_with_annotate_snippets` compares the two.
fn write_plain_with_source_lines(
    out: &mut String,
    severity: Severity,
    title: [&str; 2],
    shown: Shown,
    note: &mut NoteLine,
) -> bool {
    let mark = out.len();
    let written = push_plain_with_source_lines(out, severity, title, shown, note);
    if written.is_none() {
        out.truncate(mark);
    }
    written.is_some()
}

/// The body of [`write_plain_with_source_lines`]: `None` where it must give up, possibly
/// after writing part of the note.
fn push_plain_with_source_lines(
    out: &mut String,
    severity: Severity,
    title: [&str; 2],
    shown: Shown,
    note: &mut NoteLine,
) -> Option<()> {
    let Shown {
        path,
        lines,
        source,
        ends,
        ..
    } = shown;
    if !printable_ascii(source.as_bytes(), true) {
        return None;
    }
    // A break at the end would make the last line blank.
    if source.ends_with('\n') {
        return None;
    }
    // Line `i` as `split('\n')` gives it, where [`shown_lines`] ended it: a note shows up
    // to 200 lines, and splitting them again cost a fifth of writing the note (collecting
    // them, a tenth). `None` past the last.
    let line = |i: usize| -> Option<&str> {
        let start = match i.checked_sub(1) {
            Some(before) => ends.get(before)? + 1,
            None => 0,
        };
        source.get(start..*ends.get(i)?)
    };
    let count = ends.len();
    let (first_text, last_text) = (line(0)?, line(count.checked_sub(1)?)?);
    let blank = |l: &str| l.bytes().all(|b| b == b' ');
    if count < 2 || blank(first_text) || blank(last_text) {
        return None;
    }
    // Printable ASCII, whose only white space is the blank: trimmed eight bytes at a time
    // (`trim` decodes characters and tests each for Unicode's white space).
    let indent = |l: &str| leading_blanks(l.as_bytes());
    let empty = |l: &str| {
        let t = trim_blanks(l);
        (t.starts_with("//") && !t.starts_with("///") && !t.starts_with("//!"))
            || matches!(t, "" | "{" | "}" | "(" | ")" | "[" | "]")
    };

    // The lines the renderer keeps, as indexes into `shown`: the first; those after it up to
    // the fourth, less the "empty" ones at the end of that run; the one before the last when
    // it lies beyond them and is not "empty"; the last.
    let last = count - 1;
    let middle = last.min(4);
    let until = (0..middle)
        .rev()
        .find(|&i| line(i).is_some_and(|l| !empty(l)))
        .map_or(0, |i| i + 1);
    // At most the first four, the one before the last and the last: kept in place.
    let mut kept = [0; 6];
    let mut kept_count = until.max(1);
    for (k, slot) in kept.iter_mut().enumerate().take(kept_count) {
        *slot = k;
    }
    if middle < last - 1 && line(last - 1).is_some_and(|l| !empty(l)) {
        kept[kept_count] = last - 1;
        kept_count += 1;
    }
    kept[kept_count] = last;
    let kept = &kept[..=kept_count];

    // It cuts the shown text at the left when every kept line that is not blank is indented
    // by more than 26 columns, and at the right when a line is wider than 140 columns less
    // the gutter (`Margin` in its `margin.rs`).
    let deepest = kept
        .iter()
        .filter_map(|&i| line(i))
        .filter(|l| !blank(l))
        .map(indent)
        .min()?;
    if deepest > 26 {
        return None;
    }
    // Every line number is right-aligned to the width of the last one.
    let width = digits(lines.first.checked_add(last)?);
    let room = 140usize.checked_sub(width + 5)?;

    plain_header(
        out,
        severity,
        title,
        path,
        width,
        lines.first,
        indent(first_text) + 1,
    );
    let mut previous: Option<usize> = None;
    for &i in kept {
        // Lines left out become one `...` line (the marker's `|` stays in its column), but
        // one line alone is shown rather than replaced.
        let gap = previous.map_or(1, |p| i - p);
        if gap > 2 {
            out.push_str("...");
            push_repeated(out, ' ', width);
            out.push_str("|\n");
        }
        let start = if gap == 2 { i - 1 } else { i };
        for j in start..=i {
            let text = line(j)?;
            if text.len() > room {
                return None;
            }
            push_number(out, lines.first + j, width);
            out.push_str(if j == 0 { " | /" } else { " | |" });
            // An empty line has no blank after the marker's `|`.
            if !text.is_empty() {
                out.push(' ');
                out.push_str(text);
            }
            out.push('\n');
        }
        previous = Some(i);
    }
    push_repeated(out, ' ', width);
    out.push_str(" | |");
    push_repeated(
        out,
        '_',
        last_text.len() - trailing_blanks(last_text.as_bytes()),
    );
    out.push('^');
    out.push_str(note.tail(width));
    // The caller trims what the renderer returns the same way.
    out.truncate(out.trim_end().len());
    Some(())
}

#[cfg(test)]
mod tests {
    use super::super::notes::with_source;
    use super::*;
    use annotate_snippets::Renderer;

    /// The direct rendering is byte for byte annotate-snippets' plain one wherever it is
    /// used, around each of its limits (indent, length, line-number width, characters).
    #[test]
    fn plain_rendering_agrees_with_annotate_snippets() {
        let renderer = Renderer::plain();
        let mut sources = Vec::new();
        for indent in [0, 1, 4, 8, 19, 20, 21, 26, 27, 40] {
            for len in [
                1, 2, 10, 60, 80, 99, 100, 101, 110, 114, 115, 116, 117, 120, 135, 140, 200,
            ] {
                let text: String = "PythonOption KojiHubURL http://hub.example.com/kojihub "
                    .chars()
                    .cycle()
                    .take(len)
                    .collect();
                sources.push(format!("{}{}", " ".repeat(indent), text.trim_end()));
            }
        }
        sources.extend(
            [
                "\tAuthType Kerberos",
                "AuthType Kerberos  ",
                "    ",
                "Secret = ********",
                "KojiHubURL = https://hub.example.com/kojihub # \u{2192} h\u{e9}",
                "a\u{7}b",
            ]
            .map(String::from),
        );
        let titles = [
            "Kerberos logins now go through mod_auth_gssapi (install it). \u{2192} 1.35 \u{2026}",
            "(not made) PythonDebug On becomes PythonDebug = True in web.conf.",
            "two\nlines",
            "bidi \u{202E} here",
            "joined \u{1F469}\u{200D}\u{1F4BB} here",
        ];
        let mut compared = 0;
        for severity in [
            Severity::Info,
            Severity::Warning,
            Severity::Action,
            Severity::Error,
        ] {
            for first in [1, 9, 10, 99, 100, 9_999, 10_000, 99_999, 123_456] {
                for last in [first, first + 1, first + 99_999] {
                    for source in &sources {
                        for title in titles {
                            for path in ["httpd.conf", "dir/web \u{e9}.conf", "a\tb"] {
                                let lines = Lines { first, last };
                                let note = "[web-options-to-web-conf] Web Configuration: https://docs.pagure.org/koji/migrating_to_1.7/#web-configuration";
                                let slow = with_source(
                                    &renderer, severity, title, path, lines, source, note,
                                );
                                if let Some(fast) =
                                    plain(severity, title, path, lines, source, note)
                                {
                                    assert_eq!(fast, slow, "{source:?} {lines:?} {title:?}");
                                    compared += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    /// A line of a generated source: `kind` picks text (most often), blank lines, lines
    /// annotate-snippets calls "empty" (a lone bracket, a `//` comment), trailing blanks and
    /// characters it treats apart; a text line is `indent` spaces and `len` characters, the
    /// last not blank.
    fn generated_line(kind: u64, indent: usize, len: usize) -> String {
        let mut text: String = "PythonOption KojiHubURL http://hub.example.com/kojihub "
            .chars()
            .cycle()
            .skip(len % 7)
            .take(len.max(1))
            .collect();
        if text.ends_with(' ') {
            text.pop();
            text.push('.');
        }
        let pad = " ".repeat(indent);
        match kind {
            0 => String::new(),
            1 => pad,
            2 => format!("{pad}}}"),
            3 => format!("{pad})"),
            4 => "{".into(),
            5 => format!("{pad}[  "),
            6 => format!("{pad}// a comment"),
            7 => format!("{pad}/// a doc comment"),
            8 => format!("{pad}//! inner"),
            9 => format!("{pad}</Directory>"),
            10 => format!("{pad}{text}  "),
            11 => format!("{pad}\t{text}"),
            12 => format!("{pad}KojiHubURL = h\u{e9}"),
            13 => format!("{pad}a\u{7}b"),
            _ => format!("{pad}{text}"),
        }
    }

    /// Sources of several lines to render: the line number of the first, the lines, whether
    /// they are realistic (the direct rendering must take them) and their family. Random ones
    /// of 2 to 40 lines in families 0 to 3, then (4) lines of a length around the
    /// renderer's right limit at each place it shows, then (5) indents around its left
    /// limit.
    fn multi_line_sources() -> Vec<(usize, String, bool, u64)> {
        let firsts = [
            1, 2, 5, 7, 8, 9, 10, 60, 90, 95, 96, 97, 98, 99, 100, 985, 995, 998, 999, 9_961,
            9_990, 9_995, 9_998, 9_999, 10_000, 99_999, 123_456,
        ];
        // xorshift: the same sources on every run, no dependency.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let mut sources = Vec::new();
        for count in 2..=40 {
            for &first in &firsts {
                // 0: text and the odd blank line, moderate indents and lengths. 1: also
                // "empty" lines, and lengths and indents around the limits. 2: also, rarely,
                // a tab, a non-ASCII or a control character. 3: the same lines as 2 under
                // titles and paths with characters the renderer rewrites or not.
                for family in 0..4 {
                    let source = (0..count)
                        .map(|i| {
                            let ends = i == 0 || i == count - 1;
                            let kind = match family {
                                0 if ends || next(6) > 0 => 99,
                                0 => 0,
                                _ if next(3) > 0 => 99,
                                1 => next(11),
                                _ if next(12) > 0 => next(11),
                                _ => next(15),
                            };
                            let indent = match family {
                                0 => [0, 2, 4, 8][next(4) as usize],
                                _ if next(4) == 0 => next(45) as usize,
                                _ => [0, 1, 4, 8, 12, 24, 25, 26, 27, 28][next(10) as usize],
                            };
                            let len = match family {
                                0 => 1 + next(90) as usize,
                                _ if next(6) == 0 => 100 + next(45) as usize,
                                _ => 1 + next(100) as usize,
                            };
                            generated_line(kind, indent, len)
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    sources.push((first, source, family == 0, family));
                }
            }
        }
        // One line `room - 1 ..= room + 2` long (`room`: 140 columns less the gutter) at
        // each place the renderer may show, the others short.
        for &first in &firsts {
            for count in [2_usize, 3, 4, 5, 6, 7, 8, 9, 40] {
                let digits = (first + count - 1).to_string().len();
                let room = 135 - digits;
                // The first six places and the last three (`% count` folds them into short
                // sources).
                let places = [0, 1, 2, 3, 4, 5, count.saturating_sub(3), count - 2];
                for at in places.into_iter().chain([count - 1]) {
                    for len in room - 1..=room + 2 {
                        let source = (0..count)
                            .map(|i| {
                                if i == at % count {
                                    generated_line(99, 4, len - 4)
                                } else {
                                    generated_line(99, 2, 30 + i)
                                }
                            })
                            .collect::<Vec<_>>()
                            .join("\n");
                        sources.push((first, source, false, 4));
                    }
                }
            }
        }
        // Every kept line indented `deep` (24 to 29), or all but a blank one, or all but
        // the last.
        for first in [1, 8, 98, 9_998] {
            for count in [2, 3, 4, 6, 7, 9, 12] {
                for deep in 24..=29 {
                    for shape in 0..3 {
                        let source = (0..count)
                            .map(|i| match shape {
                                1 if i == 1 && count > 2 => String::new(),
                                2 if i == count - 1 => generated_line(99, 0, 9),
                                _ => generated_line(99, deep + i % 3, 20 + i),
                            })
                            .collect::<Vec<_>>()
                            .join("\n");
                        sources.push((first, source, false, 5));
                    }
                }
            }
        }
        sources
    }

    /// The direct rendering of notes with several lines is byte for byte annotate-snippets'
    /// plain one wherever it is used ([`multi_line_sources`]: 2 to 40 lines, numbered so
    /// that the numbers' width changes inside the span or not, blank and "empty" lines
    /// anywhere, which decide what it folds, indents and lengths on both sides of where it
    /// cuts), and it is used for realistic notes and at each limit, not only short of it.
    #[test]
    fn plain_multi_line_rendering_agrees_with_annotate_snippets() {
        let renderer = Renderer::plain();
        let note = "[web-options-to-web-conf] Web Configuration: https://docs.pagure.org/koji/migrating_to_1.7/#web-configuration";
        let titles = [
            "Install the new web.conf as /etc/kojiweb/web.conf (found through the default path).",
            "(not made) Kerberos logins now go through mod_auth_gssapi. \u{2192} 1.35 \u{2026}",
            "two\nlines",
            "bidi \u{202E} here",
            "joined \u{1F469}\u{200D}\u{1F4BB} here",
        ];
        let paths = [
            "/etc/httpd/conf.d/kojiweb.conf",
            "dir/web \u{e9}.conf",
            "a\tb",
        ];
        let severities = [
            Severity::Info,
            Severity::Warning,
            Severity::Action,
            Severity::Error,
        ];
        let sources = multi_line_sources();
        let mut compared = [0; 6];
        let (mut folded, mut widening, mut at_limit) = (0, 0, 0);
        for (case, (first, source, realistic, family)) in sources.iter().enumerate() {
            let lines = Lines {
                first: *first,
                last: first + source.split('\n').count() - 1,
            };
            let severity = severities[case % severities.len()];
            let (title, path) = if *family == 3 {
                (
                    titles[case / 4 % titles.len()],
                    paths[case / 16 % paths.len()],
                )
            } else {
                (titles[case % 2], paths[0])
            };
            let slow = with_source(&renderer, severity, title, path, lines, source, note);
            match plain(severity, title, path, lines, source, note) {
                Some(fast) => {
                    assert_eq!(fast, slow, "{source:?} {lines:?}");
                    compared[*family as usize] += 1;
                    folded += usize::from(fast.contains("\n..."));
                    widening +=
                        usize::from(lines.first.to_string().len() != lines.last.to_string().len());
                    at_limit += usize::from(fast.lines().any(|l| l.len() == 140));
                }
                None => assert!(!realistic, "not direct: {source:?} {lines:?}"),
            }
        }
        let all: usize = compared.iter().sum();
        assert!(all > 3000, "{compared:?} of {}", sources.len());
        assert!(compared.iter().all(|&c| c > 100), "{compared:?}");
        assert!(
            folded > 100 && widening > 100 && at_limit > 100,
            "{folded} {widening} {at_limit}"
        );
    }
}
