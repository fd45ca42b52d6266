//! Lossless line storage and the one way documents are edited: [`Splice`]s.
//!
//! Both document models (httpd configs and ini files) keep the input as a [`LineTable`]: the original
//! text plus the byte span of every physical line and of its line ending. Printing an unedited
//! document is therefore `table.text()`, the input byte for byte.
//!
//! Edits never rewrite text in place. A rule describes what it wants as splices ("at line 7, remove
//! 2 lines and insert these"), and [`apply`] builds the output in one linear pass, recording for every
//! output line which input line it came from. That record is what lets notes point at output lines and
//! the page trace each produced line back to its source.

use std::ops::Range;

/// How a physical line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eol {
    /// The last line of a file that does not end with a newline.
    None,
    Lf,
    CrLf,
    /// A lone carriage return; only a line break where the consumer treats it as one (Python's
    /// universal newlines do, Apache does not).
    Cr,
}

impl Eol {
    pub fn as_str(self) -> &'static str {
        match self {
            Eol::None => "",
            Eol::Lf => "\n",
            Eol::CrLf => "\r\n",
            Eol::Cr => "\r",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineSpan {
    start: usize,
    content_end: usize,
    end: usize,
}

/// The input text split into physical lines, without copying it.
#[derive(Debug, Clone)]
pub struct LineTable {
    text: String,
    spans: Vec<LineSpan>,
    lone_cr_breaks: bool,
}

impl LineTable {
    /// Splits `text` at `\n` and `\r\n`; with `lone_cr_breaks` also at a lone `\r` (as Python's
    /// universal-newline reading does for ini files).
    pub fn new(text: String, lone_cr_breaks: bool) -> Self {
        let spans = line_spans(&text, lone_cr_breaks);
        LineTable {
            text,
            spans,
            lone_cr_breaks,
        }
    }

    /// Whether a lone `\r` ends a line here (see [`LineTable::new`]).
    pub fn lone_cr_breaks(&self) -> bool {
        self.lone_cr_breaks
    }

    /// The whole original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original text, taken out without a copy (the migration hands it on to the report),
    /// leaving the table empty of text: only for a table that is read no more (its lines would
    /// point past its text). By `&mut` rather than by value: the whole document is then
    /// dropped by its one drop function, not field by field. Native only (the page copies its
    /// borrowed inputs).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Line `i` (0-based) without its line ending.
    pub fn line(&self, i: usize) -> &str {
        let s = self.spans[i];
        &self.text[s.start..s.content_end]
    }

    /// Line `i` with its line ending.
    pub fn raw_line(&self, i: usize) -> &str {
        let s = self.spans[i];
        &self.text[s.start..s.end]
    }

    /// The byte range of line `i` with its line ending (natively, [`apply`] sizes its output
    /// with it).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn raw_span(&self, i: usize) -> Range<usize> {
        let s = self.spans[i];
        s.start..s.end
    }

    pub fn eol(&self, i: usize) -> Eol {
        match &self.text[self.spans[i].content_end..self.spans[i].end] {
            "" => Eol::None,
            "\n" => Eol::Lf,
            "\r\n" => Eol::CrLf,
            _ => Eol::Cr,
        }
    }

    /// The line ending new lines should get: the first one the file uses, else `\n`.
    pub fn preferred_eol(&self) -> Eol {
        (0..self.len())
            .map(|i| self.eol(i))
            .find(|e| *e != Eol::None)
            .unwrap_or(Eol::Lf)
    }

    /// The leading blanks (spaces and tabs) of line `i`.
    pub fn indent(&self, i: usize) -> &str {
        let line = self.line(i);
        let end = line.len() - line.trim_start_matches([' ', '\t']).len();
        &line[..end]
    }
}

/// The spans of `text`'s lines, as [`raw_lines`] splits them: the page's form, and the
/// native one's test.
#[cfg(any(target_arch = "wasm32", test))]
fn line_spans_by_raw_lines(text: &str, lone_cr_breaks: bool) -> Vec<LineSpan> {
    let mut spans = Vec::new();
    let mut start = 0;
    for raw in raw_lines(text, lone_cr_breaks) {
        let eol = if raw.ends_with("\r\n") {
            2
        } else if raw.ends_with('\n') || (lone_cr_breaks && raw.ends_with('\r')) {
            1
        } else {
            0
        };
        spans.push(LineSpan {
            start,
            content_end: start + raw.len() - eol,
            end: start + raw.len(),
        });
        start += raw.len();
    }
    spans
}

#[cfg(target_arch = "wasm32")]
fn line_spans(text: &str, lone_cr_breaks: bool) -> Vec<LineSpan> {
    line_spans_by_raw_lines(text, lone_cr_breaks)
}

/// The spans of `text`'s lines in one pass over its words, each line break taken from the bits
/// of its word: [`raw_lines`] set up a search for every line, then the line's end was tested
/// again. Natively only, with the table allocated once from [`line_count_bound`]; the page
/// keeps [`line_spans_by_raw_lines`] (less code).
#[cfg(not(target_arch = "wasm32"))]
fn line_spans(text: &str, lone_cr_breaks: bool) -> Vec<LineSpan> {
    if lone_cr_breaks {
        line_spans_in::<true>(text.as_bytes())
    } else {
        line_spans_in::<false>(text.as_bytes())
    }
}

/// [`line_spans`], a copy for each mode: the loop over the words tests no flag.
#[cfg(not(target_arch = "wasm32"))]
fn line_spans_in<const LONE_CR: bool>(bytes: &[u8]) -> Vec<LineSpan> {
    let mut spans = Vec::with_capacity(line_count_bound_of(bytes));
    let mut start = 0;
    let mut chunks = bytes.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let word = word_of(chunk);
        let mut found = bytes_equal(word, b'\n');
        if LONE_CR {
            found |= bytes_equal(word, b'\r');
        }
        while found != 0 {
            let p = k * 8 + found.trailing_zeros() as usize / 8;
            line_break(bytes, p, &mut start, &mut spans);
            found &= found - 1;
        }
    }
    let tail = bytes.len() - chunks.remainder().len();
    for (k, &b) in chunks.remainder().iter().enumerate() {
        if b == b'\n' || (LONE_CR && b == b'\r') {
            line_break(bytes, tail + k, &mut start, &mut spans);
        }
    }
    if start < bytes.len() {
        spans.push(LineSpan {
            start,
            content_end: bytes.len(),
            end: bytes.len(),
        });
    }
    spans
}

/// The line from `start` ends at the `\n` or `\r` at `p`: its span, unless the `\r` is the first
/// half of a `\r\n` (its `\n` ends the line).
#[cfg(not(target_arch = "wasm32"))]
fn line_break(bytes: &[u8], p: usize, start: &mut usize, spans: &mut Vec<LineSpan>) {
    let content_end = match bytes[p] {
        b'\n' if p > *start && bytes[p - 1] == b'\r' => p - 1,
        b'\r' if bytes.get(p + 1) == Some(&b'\n') => return,
        _ => p,
    };
    spans.push(LineSpan {
        start: *start,
        content_end,
        end: p + 1,
    });
    *start = p + 1;
}

/// Eight bytes of `chunk` (a `chunks_exact(8)` piece) as one little-endian word, for the
/// CLI's scans that look at a word at a time (all native only).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn word_of(chunk: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(chunk);
    u64::from_le_bytes(bytes)
}

/// The high bit of each byte of `word` that equals `byte`, and no other bit.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The high bit of each byte of `word` below `n` (at most 0x80), exact for the first such byte
/// (the lowest address); bytes after it may be flagged too (the subtraction's borrow), so a
/// caller takes `trailing_zeros` of the result, never its count.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn first_byte_below(word: u64, n: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH
}

/// As many as the lines [`raw_lines`] finds in `text` (at least, unless lone `\r`s end some),
/// counted in one quick pass, so that a table of 100,000 lines is allocated once rather than
/// grown by copying. Natively only (the page grows its tables: the code would cost it more).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn line_count_bound(text: &str) -> usize {
    line_count_bound_of(text.as_bytes())
}

#[cfg(not(target_arch = "wasm32"))]
fn line_count_bound_of(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut breaks = 0;
    for chunk in chunks.by_ref() {
        breaks += bytes_equal(word_of(chunk), b'\n').count_ones() as usize;
    }
    breaks += chunks.remainder().iter().filter(|&&b| b == b'\n').count();
    // A file whose lines end in a lone `\r` has more lines than this: the table grows then.
    breaks + 1
}

/// Where the first `\n` of `text` is, or the first `\r` if that comes first and
/// `lone_cr_breaks`. Natively eight bytes at a time: on lines of a few dozen bytes,
/// `str::find`'s memchr spends more on setting up than on searching (and the two-character
/// search decodes every character): splitting a 100,000-line file and its output took 4 % of
/// the CLI's instructions, 15 % for an ini file. The page keeps `find`, which costs it no code
/// of its own.
#[cfg(not(target_arch = "wasm32"))]
fn find_break(text: &str, lone_cr_breaks: bool) -> Option<usize> {
    let other = if lone_cr_breaks { b'\r' } else { b'\n' };
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let word = word_of(chunk);
        let found = bytes_equal(word, b'\n') | bytes_equal(word, other);
        if found != 0 {
            return Some(k * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    let tail = bytes.len() - chunks.remainder().len();
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n' || b == other)
        .map(|p| tail + p)
}

#[cfg(target_arch = "wasm32")]
fn find_break(text: &str, lone_cr_breaks: bool) -> Option<usize> {
    if lone_cr_breaks {
        text.find(['\n', '\r'])
    } else {
        text.find('\n')
    }
}

/// The physical lines of `text`, each with its line ending: split at `\n` and `\r\n`, and with
/// `lone_cr_breaks` also at a lone `\r`. Concatenated, they give `text` back.
pub fn raw_lines(text: &str, lone_cr_breaks: bool) -> impl Iterator<Item = &str> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = if lone_cr_breaks {
            find_break(rest, true).map(|p| {
                if rest.as_bytes()[p] == b'\r' && rest.as_bytes().get(p + 1) == Some(&b'\n') {
                    p + 2
                } else {
                    p + 1
                }
            })
        } else {
            find_break(rest, false).map(|p| p + 1)
        }
        .unwrap_or(rest.len());
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// [`raw_lines`] collected; natively into a vector allocated once, from [`line_count_bound`]
/// (a 100,000-line file's table grown by doubling copied itself over and over). The page
/// collects (the code would cost it more).
pub fn raw_line_vec(text: &str, lone_cr_breaks: bool) -> Vec<&str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut lines = Vec::with_capacity(line_count_bound(text));
        lines.extend(raw_lines(text, lone_cr_breaks));
        lines
    }
    #[cfg(target_arch = "wasm32")]
    raw_lines(text, lone_cr_breaks).collect()
}

/// One edit: at input line `at` (0-based), remove `remove` lines and put `insert` in their place.
/// `at == len` appends at the end. Inserted lines carry no line ending; [`apply`] gives them the
/// file's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub at: usize,
    pub remove: usize,
    pub insert: Vec<String>,
}

impl Splice {
    pub fn replace(at: usize, remove: usize, insert: Vec<String>) -> Self {
        Splice { at, remove, insert }
    }
    pub fn remove(at: usize, count: usize) -> Self {
        Splice {
            at,
            remove: count,
            insert: Vec::new(),
        }
    }
    pub fn insert_before(at: usize, insert: Vec<String>) -> Self {
        Splice {
            at,
            remove: 0,
            insert,
        }
    }
    pub fn insert_after(line: usize, insert: Vec<String>) -> Self {
        Splice {
            at: line + 1,
            remove: 0,
            insert,
        }
    }
    /// The input lines this splice removes.
    pub fn removed(&self) -> Range<usize> {
        self.at..self.at + self.remove
    }
}

/// Where an output line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOrigin {
    /// Copied unchanged from this input line (0-based).
    Kept(usize),
    /// Written by a splice anchored at this input line (0-based; may equal the input's length for
    /// an append at the end).
    Written(usize),
}

/// The result of [`apply`].
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub text: String,
    /// One entry per output line.
    pub origins: Vec<LineOrigin>,
    /// For each splice given to [`apply`] (same order), the output lines (0-based) it wrote; empty
    /// for a pure removal, or for a splice dropped because it overlapped an earlier one.
    pub written: Vec<Range<usize>>,
    /// Indices of splices that were dropped because they overlapped an earlier one.
    pub conflicts: Vec<usize>,
}

/// Applies `splices` to `table` in one pass. Splices may come in any order; two that remove an
/// overlapping range conflict, and the later one (by index) is dropped and reported in
/// [`Applied::conflicts`]. Several insertions at the same place keep their given order.
pub fn apply(table: &LineTable, splices: &[Splice]) -> Applied {
    let n = table.len();
    // Sorted as plain (usize, usize, usize) keys, the index last: unique keys, so the unstable
    // sort gives the stable order, and the page's wasm holds one sort for every such key.
    let mut keys: Vec<(usize, usize, usize)> = splices
        .iter()
        .enumerate()
        .map(|(i, s)| (s.at, usize::from(s.remove != 0), i))
        .collect();
    // Natively the stable sort (the same order: the keys are unique), which finds the sorted
    // runs the splices come in (each rule makes its own in file order) and merges them: a third
    // of the time of the unstable one, which sorts them all over. The page keeps its one sort.
    #[cfg(not(target_arch = "wasm32"))]
    keys.sort();
    #[cfg(target_arch = "wasm32")]
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|k| k.2).collect();

    // Drop splices whose removed range overlaps one already taken, or that point past the end.
    let mut taken = vec![false; splices.len()];
    let mut conflicts = Vec::new();
    let mut removed_until = 0usize;
    for &i in &order {
        let s = &splices[i];
        let valid = s.at <= n && s.at + s.remove <= n;
        let overlaps = s.remove > 0 && s.at < removed_until;
        let inside = s.remove == 0 && s.at < removed_until;
        if !valid || overlaps || inside {
            conflicts.push(i);
            continue;
        }
        taken[i] = true;
        removed_until = removed_until.max(s.at + s.remove);
    }
    conflicts.sort_unstable();

    let eol = table.preferred_eol();
    // The output is written straight into its text, line by line: gathering the lines first
    // (to treat the last one apart) took a vector of 48 B per line, the largest block live at
    // the CLI's peak of heap. The last line's ending is settled once all are written instead.
    let mut out = Out {
        text: String::new(),
        origins: Vec::new(),
        eol,
        last_eol: 0,
        last_empty: true,
    };
    // Natively the text and the origins are allocated once, at their size, counted from the
    // splices (the page grows them: less code).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut lines = n;
        let mut bytes = table.text().len();
        for &i in order.iter().filter(|&&i| taken[i]) {
            let s = &splices[i];
            lines = lines - s.remove + s.insert.len();
            if s.remove > 0 {
                bytes -= table.raw_span(s.at + s.remove - 1).end - table.raw_span(s.at).start;
            }
            bytes += s
                .insert
                .iter()
                .map(|t| t.len() + eol.as_str().len())
                .sum::<usize>();
        }
        // The last line may gain a line ending (at most two bytes; or lose one: spare bytes).
        out.text.reserve_exact(bytes + 2);
        out.origins.reserve_exact(lines);
    }
    #[cfg(target_arch = "wasm32")]
    out.text.reserve(table.text().len() + 64);
    let mut written = vec![0..0; splices.len()];
    let mut next = 0usize; // next input line to copy
    for &i in order.iter().filter(|&&i| taken[i]) {
        let s = &splices[i];
        while next < s.at {
            out.push(table.line(next), table.eol(next), LineOrigin::Kept(next));
            next += 1;
        }
        let first = out.origins.len();
        for text in &s.insert {
            out.push(text, eol, LineOrigin::Written(s.at));
        }
        written[i] = first..out.origins.len();
        next = next.max(s.at + s.remove);
    }
    while next < n {
        out.push(table.line(next), table.eol(next), LineOrigin::Kept(next));
        next += 1;
    }
    // The last line keeps the input's choice: without an ending when the input's last line had
    // none. But an empty last line without an ending would vanish (and its origin with it): it
    // keeps its newline even then.
    if n > 0 && table.eol(n - 1) == Eol::None && !out.last_empty {
        out.text.truncate(out.text.len() - out.last_eol);
    }
    let Out { text, origins, .. } = out;
    Applied {
        text,
        origins,
        written,
        conflicts,
    }
}

/// The output [`apply`] writes, line by line.
struct Out {
    text: String,
    origins: Vec<LineOrigin>,
    /// The line ending of written lines (the file's own).
    eol: Eol,
    /// The length of the last line's ending, and whether the line was empty.
    last_eol: usize,
    last_empty: bool,
}

impl Out {
    /// Appends one line with its own ending, or the file's for a line without one (a written
    /// line, or the input's last).
    fn push(&mut self, line: &str, line_eol: Eol, origin: LineOrigin) {
        self.text.push_str(line);
        let e = if line_eol == Eol::None {
            self.eol
        } else {
            line_eol
        };
        self.text.push_str(e.as_str());
        self.last_eol = e.as_str().len();
        self.last_empty = line.is_empty();
        self.origins.push(origin);
    }
}

/// Python's `str.isspace` for one character: Rust's whitespace plus the four ASCII separators
/// U+001C..U+001F, which Python also strips.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
#[cfg(target_arch = "wasm32")]
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `str.strip()`. Natively the ASCII blanks at either end are skipped byte by byte,
/// and characters decoded only from a non-ASCII byte on: `trim_matches` decoded every
/// character, and an ini file strips each of its lines (11 M instructions for 100,000 lines).
/// The page keeps `trim_matches` (this form, inlined at its callers, cost it ~590 B gzipped).
#[cfg(not(target_arch = "wasm32"))]
pub fn py_strip(s: &str) -> &str {
    // `is_py_space` on ASCII: `\t`..`\r`, the four separators and the space.
    let ascii_space = |b: u8| matches!(b, b'\t'..=b'\r' | 0x1c..=b' ');
    // Every byte skipped is ASCII, so both cuts fall on character boundaries.
    let start = s.bytes().position(|b| !ascii_space(b)).unwrap_or(s.len());
    let s = &s[start..];
    let s = if s.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        s.trim_start_matches(is_py_space)
    } else {
        s
    };
    let end = s
        .bytes()
        .rposition(|b| !ascii_space(b))
        .map_or(0, |k| k + 1);
    let s = &s[..end];
    if s.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
        s.trim_end_matches(is_py_space)
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The native one-pass line split gives the spans `raw_lines` gives, for every line end
    /// (none, `\n`, `\r\n`, a lone `\r`, `\r\r\n`, …) at every place of texts across a word
    /// boundary, in both modes.
    #[test]
    fn line_spans_agree_with_raw_lines() {
        let pieces = [
            "", "a", "bc", "defgh", "\n", "\r", "\r\n", "\n\r", "\r\r\n", "\u{e9}",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        for pad in ["", "xxxxxxx", "yyyyy"] {
                            let text = format!("{pad}{a}{b}{c}{d}{b}{a}");
                            for cr in [false, true] {
                                assert_eq!(
                                    line_spans(&text, cr),
                                    line_spans_by_raw_lines(&text, cr),
                                    "{text:?} {cr}"
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 50_000);
    }

    /// `py_strip` strips as `trim_matches(is_py_space)` does, around ASCII and Unicode blanks
    /// (Python's separators U+001C..U+001F too) and other non-ASCII characters.
    #[test]
    fn py_strip_agrees_with_trim_matches() {
        let pieces = [
            "",
            " ",
            "\t",
            "\n",
            "\r",
            "\u{b}",
            "\u{c}",
            "\u{1c}",
            "\u{1f}",
            "\u{85}",
            "\u{a0}",
            "\u{2028}",
            "\u{3000}",
            "x",
            "\u{1b}",
            "!",
            "\u{e9}",
            "\u{1F600}",
            "= ",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let s = format!("{a}{b}{c}{d}{a}");
                        assert_eq!(py_strip(&s), s.trim_matches(is_py_space), "{s:?}");
                    }
                }
            }
        }
    }

    /// The native word-at-a-time search and count agree with `str::find` and a plain count,
    /// for a line break (or none) at every place of texts up to 40 bytes, and around it bytes
    /// that differ from `\n` by one bit, or are not ASCII.
    #[test]
    fn newline_search_and_count_agree_with_plain_ones() {
        for len in 0..40 {
            for at in 0..=len {
                for fill in ["a", "\u{b}", "\u{8a}", "\r", "\u{e9}"] {
                    let mut text: String = fill.repeat(len);
                    if at < len {
                        text.insert(text.len() / len.max(1) * at, '\n');
                        text.push_str("x\ny\n");
                    }
                    assert_eq!(find_break(&text, false), text.find('\n'), "{text:?}");
                    assert_eq!(find_break(&text, true), text.find(['\n', '\r']), "{text:?}");
                    assert_eq!(
                        line_count_bound(&text),
                        text.matches('\n').count() + 1,
                        "{text:?}"
                    );
                }
            }
        }
    }

    fn table(s: &str) -> LineTable {
        LineTable::new(s.to_string(), false)
    }

    #[test]
    fn splits_keep_every_byte() {
        for s in ["", "a", "a\n", "a\r\nb", "a\n\nb\r\n", "\r\n", "x\ry\n"] {
            let t = table(s);
            let joined: String = (0..t.len()).map(|i| t.raw_line(i)).collect();
            assert_eq!(joined, s);
        }
        assert_eq!(LineTable::new("a\rb\r\nc".into(), true).len(), 3);
        assert_eq!(table("a\rb\r\nc").len(), 2);
    }

    #[test]
    fn apply_without_splices_is_identity() {
        for s in ["", "a", "a\n", "a\r\nb", "a\n\nb\r\n"] {
            assert_eq!(apply(&table(s), &[]).text, s);
        }
    }

    #[test]
    fn apply_replaces_inserts_and_removes() {
        let t = table("a\r\nb\r\nc");
        let r = apply(
            &t,
            &[
                Splice::replace(1, 1, vec!["B1".into(), "B2".into()]),
                Splice::insert_after(2, vec!["d".into()]),
                Splice::remove(0, 1),
            ],
        );
        assert_eq!(r.text, "B1\r\nB2\r\nc\r\nd");
        assert_eq!(r.written[0], 0..2);
        assert_eq!(r.written[1], 3..4);
        assert_eq!(
            r.origins,
            vec![
                LineOrigin::Written(1),
                LineOrigin::Written(1),
                LineOrigin::Kept(2),
                LineOrigin::Written(3)
            ]
        );
    }

    #[test]
    fn removing_the_unterminated_last_line_keeps_an_empty_line_before_it() {
        let t = table("a\n\nb");
        let r = apply(&t, &[Splice::remove(2, 1)]);
        assert_eq!(r.text, "a\n\n");
        assert_eq!(r.origins.len(), table(&r.text).len());
        // A non-empty new last line still takes the input's missing newline.
        let r = apply(&table("a\nb"), &[Splice::remove(1, 1)]);
        assert_eq!(r.text, "a");
    }

    /// Splices come as runs, each in file order (one a rule): the runs are merged by place,
    /// insertions at one place in their given order, an insertion before a removal there.
    #[test]
    fn splices_in_interleaved_runs_apply_in_place_and_given_order() {
        let t = table("0\n1\n2\n3\n");
        let r = apply(
            &t,
            &[
                Splice::insert_before(1, vec!["a1".into()]),
                Splice::replace(2, 1, vec!["A2".into()]),
                Splice::insert_before(4, vec!["a4".into()]),
                Splice::insert_before(0, vec!["b0".into()]),
                Splice::insert_before(1, vec!["b1".into()]),
                Splice::insert_before(2, vec!["b2".into()]),
                Splice::insert_before(1, vec!["c1".into()]),
            ],
        );
        assert_eq!(r.text, "b0\n0\na1\nb1\nc1\n1\nb2\nA2\n3\na4\n");
        assert!(r.conflicts.is_empty());
    }

    #[test]
    fn overlapping_splices_conflict() {
        let t = table("a\nb\nc\n");
        let r = apply(&t, &[Splice::remove(0, 2), Splice::remove(1, 1)]);
        assert_eq!(r.conflicts, vec![1]);
        assert_eq!(r.text, "c\n");
    }

    /// The output's text and origins are allocated once at their size (the count made before
    /// writing): at most four bytes to spare (a last line gains or loses an ending of up to
    /// two), whatever the splices remove, insert or drop, and whatever the line endings.
    #[test]
    fn output_is_allocated_at_its_size() {
        for text in ["", "a", "a\n", "a\r\nb\r\n", "a\nb\nc", "x\n\ny\n", "\n"] {
            let t = table(text);
            let n = t.len();
            let mut cases = vec![vec![], vec![Splice::insert_before(n, vec!["end".into()])]];
            if n > 0 {
                cases.push(vec![Splice::remove(0, n)]);
                cases.push(vec![Splice::replace(
                    0,
                    1,
                    vec!["long line".into(), "".into()],
                )]);
                cases.push(vec![Splice::remove(n - 1, 1), Splice::remove(n - 1, 1)]);
                cases.push(vec![Splice::insert_after(n - 1, vec!["after".into()])]);
            }
            for splices in cases {
                let r = apply(&t, &splices);
                assert!(
                    r.text.capacity() <= r.text.len() + 4,
                    "{text:?} {splices:?}"
                );
                assert_eq!(
                    r.origins.capacity(),
                    r.origins.len(),
                    "{text:?} {splices:?}"
                );
                assert_eq!(r.origins.len(), raw_lines(&r.text, false).count());
            }
        }
    }

    #[test]
    fn python_whitespace() {
        assert_eq!(py_strip("\u{1c} a \t"), "a");
        assert!(!' '.is_alphabetic() && is_py_space('\u{a0}'));
    }
}
