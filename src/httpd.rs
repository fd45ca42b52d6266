//! A lossless model of an Apache httpd configuration file.
//!
//! The file is kept as a [`LineTable`]; parsing adds a flat list of [`Item`]s (one per logical line:
//! a directive, a section opening or closing, a comment or a blank), each pointing at its physical
//! lines. Sections are not a recursive tree but parent links, so 100,000 nested `<IfModule>`s cost
//! nothing special and nothing recurses.
//!
//! Parsing never fails. What Apache would reject (an unclosed `<Directory>`, a stray `</Location>`,
//! an unterminated quote) becomes a [`Problem`] with its line, and the rest of the file is still
//! modelled.
//!
//! How Apache reads a line, and so how we do: trailing whitespace is dropped; a line whose last
//! character is then `\` continues on the next one (comments too); a line whose first non-blank
//! character is `#` is a comment; otherwise the first word is the directive name (case-insensitive),
//! and the rest are arguments, separated by blanks, `"…"` or `'…'` quoted with `\` escapes.

use crate::text::{LineTable, Splice};
use std::ops::Range;

/// One logical line of the file.
///
/// Its numbers are kept as `u32`s and read as `usize`s through [`Item::lines`],
/// [`Item::parent`] and [`Item::depth`]: a 100,000-line config has 100,000 items, and with
/// `usize`s an item took 104 B natively (10.4 MB, the largest block of the CLI's heap), 72 B
/// now. A count past `u32::MAX` cannot be reached: an item costs more than 72 B of memory and
/// its line at least one byte of text, so 2^32 of them would need over 300 GB (see [`small`]).
#[derive(Debug, Clone)]
pub struct Item {
    /// Physical lines (0-based) this item spans, `start..end`; more than one with `\`
    /// continuations.
    start: u32,
    end: u32,
    pub kind: ItemKind,
    /// Index (into [`HttpdConfig::items`]) of the section opening that encloses this item,
    /// plus one; 0 at the top level (an `Option<u32>` would take twice the room).
    parent: u32,
    /// How many sections enclose this item.
    depth: u32,
}

impl Item {
    /// Physical lines (0-based) this item spans; more than one with `\` continuations.
    pub fn lines(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Index (into [`HttpdConfig::items`]) of the section opening that encloses this item.
    pub fn parent(&self) -> Option<usize> {
        (self.parent as usize).checked_sub(1)
    }

    /// How many sections enclose this item.
    pub fn depth(&self) -> usize {
        self.depth as usize
    }
}

/// `n` as a `u32`, for [`Item`]'s numbers; `u32::MAX` past it, which no document reaches (see
/// [`Item`]).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Debug, Clone)]
pub enum ItemKind {
    Blank,
    Comment,
    Directive(Directive),
    /// `<Name args>`; `close` is the index of the matching `</Name>` item, if any (a `u32`,
    /// as [`Item`]'s numbers: this is the largest kind, and so the size of every item's).
    SectionOpen {
        directive: Directive,
        close: Option<u32>,
    },
    /// `</Name>`; `open` is the index of the section it closes, if it matched one.
    SectionClose {
        name: String,
        open: Option<usize>,
    },
}

/// A directive or section header: its name as written and its arguments.
///
/// One text holds the name, then each argument's value (unquoted), and a slice says where each
/// value ends and how it was quoted: two allocations a directive, one without arguments. A
/// `String` per word and a `Vec` of them took 48 B in every item (the largest kind, so the
/// size of each item's) and an allocation per word; 40 B now, and no allocation per word.
/// Natively: the page keeps a `String` a word (reading this form cost it ~400 B gzipped).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    text: Box<str>,
    /// Where the name ends in `text` (`u32`s, as [`Item`]'s numbers).
    name_end: u32,
    args: Box<[ArgEnd]>,
}

/// The page's [`Directive`]: its name, and each argument's value and quote.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    name: String,
    args: Vec<(String, Option<char>)>,
}

/// Where an argument's value ends in its [`Directive`]'s text (it starts where the previous
/// one ends), and how it was quoted: 8 B an argument.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ArgEnd {
    end: u32,
    quote: Option<char>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Directive {
    /// A directive from its name and its arguments.
    pub fn new<'a>(name: &str, args: impl IntoIterator<Item = Arg<'a>>) -> Self {
        let mut text = String::from(name);
        let mut ends = Vec::new();
        for a in args {
            text.push_str(a.value);
            ends.push(ArgEnd {
                end: small(text.len()),
                quote: a.quote,
            });
        }
        Directive {
            name_end: small(name.len()),
            text: text.into(),
            args: ends.into(),
        }
    }

    /// Its name as written.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn name(&self) -> &str {
        self.slice(0, self.name_end)
    }

    /// Case-insensitive name test, as Apache compares directive names. Natively, names are
    /// first compared as written (memcmp), which settles the usual case where
    /// `eq_ignore_ascii_case` lowers both sides byte by byte (the rules ask this of every
    /// directive many times: a few percent of the CLI's instructions). The page, where each of
    /// the rules' calls would carry the comparison, goes straight to `eq_ignore_ascii_case`.
    /// Both compare the name's bytes: no character boundary to check (the rules ask this
    /// millions of times for a long config).
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn is(&self, name: &str) -> bool {
        let own = self.text.as_bytes().get(..self.name_end as usize);
        let own = own.unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        if own == name.as_bytes() {
            return true;
        }
        own.eq_ignore_ascii_case(name.as_bytes())
    }

    /// Its arguments, in order.
    pub fn args(&self) -> impl ExactSizeIterator<Item = Arg<'_>> + '_ {
        let mut start = self.name_end;
        self.args.iter().map(move |a| {
            let value = self.slice(start, a.end);
            start = a.end;
            Arg {
                value,
                quote: a.quote,
            }
        })
    }

    /// The unquoted value of argument `i`.
    pub fn arg(&self, i: usize) -> Option<&str> {
        let end = self.args.get(i)?.end;
        let start = match i.checked_sub(1) {
            Some(p) => self.args[p].end,
            None => self.name_end,
        };
        Some(self.slice(start, end))
    }

    /// `text[start..end]`; empty where an offset saturated (a directive of more than 4 GiB,
    /// see [`small`]) rather than a panic.
    fn slice(&self, start: u32, end: u32) -> &str {
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

#[cfg(target_arch = "wasm32")]
impl Directive {
    /// A directive from its name and its arguments.
    pub fn new<'a>(name: &str, args: impl IntoIterator<Item = Arg<'a>>) -> Self {
        Directive {
            name: name.to_string(),
            args: args
                .into_iter()
                .map(|a| (a.value.to_string(), a.quote))
                .collect(),
        }
    }

    /// Its name as written.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Case-insensitive name test, as Apache compares directive names.
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// Its arguments, in order.
    pub fn args(&self) -> impl ExactSizeIterator<Item = Arg<'_>> + '_ {
        self.args.iter().map(|(value, quote)| Arg {
            value,
            quote: *quote,
        })
    }

    /// The unquoted value of argument `i`.
    pub fn arg(&self, i: usize) -> Option<&str> {
        self.args.get(i).map(|a| a.0.as_str())
    }
}

/// One argument: its value after unquoting, and how it was quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arg<'a> {
    pub value: &'a str,
    pub quote: Option<char>,
}

/// Where [`split_directive`] builds a directive, kept from one line to the next so that it
/// grows only to the longest line.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Scratch {
    text: String,
    args: Vec<ArgEnd>,
}

/// The page's: where its [`split_directive`] gathers the arguments.
#[cfg(target_arch = "wasm32")]
type Scratch = Vec<(String, Option<char>)>;

/// Something Apache would refuse, with the physical line (0-based) where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// `<Name …>` with no `</Name>` before the end of the file (or of its parent).
    UnclosedSection(String),
    /// `</Name>` that closes no open section.
    UnmatchedClose(String),
    /// `<Name …` without the closing `>`.
    UnterminatedSectionHeader(String),
    /// A quote that is never closed.
    UnterminatedQuote,
    /// The file ends in the middle of a `\` continuation.
    DanglingContinuation,
}

impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProblemKind::UnclosedSection(n) => write!(f, "<{n}> is never closed"),
            ProblemKind::UnmatchedClose(n) => write!(f, "</{n}> closes no open <{n}> section"),
            ProblemKind::UnterminatedSectionHeader(n) => {
                write!(f, "<{n} is missing its closing '>'")
            }
            ProblemKind::UnterminatedQuote => write!(f, "a quoted argument is never closed"),
            ProblemKind::DanglingContinuation => {
                write!(f, "the file ends in a line continued with '\\'")
            }
        }
    }
}

/// A parsed httpd configuration file.
#[derive(Debug, Clone)]
pub struct HttpdConfig {
    pub table: LineTable,
    pub items: Vec<Item>,
    pub problems: Vec<Problem>,
    /// For each unclosed section (by item index, sorted): the index of the first item after it
    /// that is not inside it, found while parsing so [`Self::children`] need not search for it.
    unclosed_ends: Vec<(usize, usize, usize)>,
    /// Every `<Directory>`/`<Location>` section and what it names, found by `apps` the first time
    /// it is asked and kept for the next: the rules ask about twenty times per document. Native
    /// only: the page finds them on each call, as the field and its filling cost it ~190 B
    /// gzipped.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) claims: std::cell::OnceCell<Vec<(usize, usize, usize)>>,
}

impl HttpdConfig {
    pub fn parse(text: impl Into<String>) -> Self {
        let table = LineTable::new(text.into(), false);
        // At most one item per line: allocated once (natively; the page grows it).
        #[cfg(not(target_arch = "wasm32"))]
        let mut items: Vec<Item> = Vec::with_capacity(table.len());
        #[cfg(target_arch = "wasm32")]
        let mut items: Vec<Item> = Vec::new();
        let mut problems = Vec::new();
        let mut open: Vec<usize> = Vec::new(); // stack of open section item indices
                                               // (open, end, 0): the key type of the core's other sorts, one sort in the page's wasm.
        let mut unclosed_ends: Vec<(usize, usize, usize)> = Vec::new();
        // Where `split_directive` builds each directive (see `Scratch`).
        let mut scratch = Scratch::default();

        let mut i = 0;
        while i < table.len() {
            let start = i;
            // Borrowed from the table unless `\` continuations join lines.
            let mut logical = std::borrow::Cow::Borrowed("");
            loop {
                let trimmed = trim_blank_end(table.line(i));
                i += 1;
                if let Some(head) = trimmed.strip_suffix('\\') {
                    logical.to_mut().push_str(head);
                    if i >= table.len() {
                        problems.push(Problem {
                            line: start,
                            kind: ProblemKind::DanglingContinuation,
                        });
                        break;
                    }
                } else {
                    if logical.is_empty() {
                        logical = trimmed.into();
                    } else {
                        logical.to_mut().push_str(trimmed);
                    }
                    break;
                }
            }
            let parent = open.last().map_or(0, |&o| small(o + 1));
            let depth = small(open.len());
            let body = trim_blank_start(&logical);
            let kind = if body.is_empty() {
                ItemKind::Blank
            } else if body.starts_with('#') {
                ItemKind::Comment
            } else if let Some(rest) = body.strip_prefix("</") {
                let name = rest.trim_end_matches('>').trim().to_string();
                let index = items.len();
                let matched = open
                    .iter()
                    .rposition(|&o| section_name(&items[o]).eq_ignore_ascii_case(&name));
                let open_index = match matched {
                    Some(pos) => {
                        // Close everything opened after the match: those sections are unclosed.
                        for &inner in &open[pos + 1..] {
                            // It ends where this close is: every item since was deeper.
                            unclosed_ends.push((inner, index, 0));
                            problems.push(Problem {
                                line: items[inner].lines().start,
                                kind: ProblemKind::UnclosedSection(
                                    section_name(&items[inner]).to_string(),
                                ),
                            });
                        }
                        let o = open[pos];
                        open.truncate(pos);
                        if let ItemKind::SectionOpen { close, .. } = &mut items[o].kind {
                            *close = Some(small(index));
                        }
                        Some(o)
                    }
                    None => {
                        problems.push(Problem {
                            line: start,
                            kind: ProblemKind::UnmatchedClose(name.clone()),
                        });
                        None
                    }
                };
                let (parent, depth) = match open_index {
                    Some(o) => (items[o].parent, items[o].depth),
                    None => (parent, depth),
                };
                items.push(Item {
                    start: small(start),
                    end: small(i),
                    kind: ItemKind::SectionClose {
                        name,
                        open: open_index,
                    },
                    parent,
                    depth,
                });
                continue;
            } else if let Some(rest) = body.strip_prefix('<') {
                let (inner, terminated) = match rest.rfind('>') {
                    Some(end) => (&rest[..end], true),
                    None => (rest, false),
                };
                let (directive, quote_ok) = split_directive(inner, &mut scratch);
                if !terminated {
                    problems.push(Problem {
                        line: start,
                        kind: ProblemKind::UnterminatedSectionHeader(directive.name().to_string()),
                    });
                }
                if !quote_ok {
                    problems.push(Problem {
                        line: start,
                        kind: ProblemKind::UnterminatedQuote,
                    });
                }
                open.push(items.len());
                ItemKind::SectionOpen {
                    directive,
                    close: None,
                }
            } else {
                let (directive, quote_ok) = split_directive(body, &mut scratch);
                if !quote_ok {
                    problems.push(Problem {
                        line: start,
                        kind: ProblemKind::UnterminatedQuote,
                    });
                }
                ItemKind::Directive(directive)
            };
            items.push(Item {
                start: small(start),
                end: small(i),
                kind,
                parent,
                depth,
            });
        }
        for &o in &open {
            unclosed_ends.push((o, items.len(), 0));
            problems.push(Problem {
                line: items[o].lines().start,
                kind: ProblemKind::UnclosedSection(section_name(&items[o]).to_string()),
            });
        }
        // By line, keeping the order of problems on one line: the position breaks ties, so the
        // (smaller) unstable sort gives the stable order.
        // (The key type of the other sorts of the core: one sort in the page's wasm.)
        let mut order: Vec<(usize, usize, usize)> = problems
            .iter()
            .enumerate()
            .map(|(k, p)| (p.line, k, 0))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Problem>> = problems.into_iter().map(Some).collect();
        let problems: Vec<Problem> = order
            .into_iter()
            .filter_map(|(_, k, _)| slots[k].take())
            .collect();
        unclosed_ends.sort_unstable();
        HttpdConfig {
            table,
            items,
            problems,
            unclosed_ends,
            #[cfg(not(target_arch = "wasm32"))]
            claims: std::cell::OnceCell::new(),
        }
    }

    /// The original text, byte for byte.
    pub fn text(&self) -> &str {
        self.table.text()
    }

    /// The directive of item `i`, whether a plain directive or a section header.
    pub fn directive(&self, i: usize) -> Option<&Directive> {
        match &self.items[i].kind {
            ItemKind::Directive(d) | ItemKind::SectionOpen { directive: d, .. } => Some(d),
            _ => None,
        }
    }

    /// Indices of all plain directives named `name` (case-insensitive), anywhere in the file.
    pub fn find_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.items
            .iter()
            .enumerate()
            .filter_map(move |(i, item)| match &item.kind {
                ItemKind::Directive(d) if d.is(name) => Some(i),
                _ => None,
            })
    }

    /// Indices of the items directly inside section `open` (not inside nested sections).
    pub fn children(&self, open: usize) -> Range<usize> {
        let end = match &self.items[open].kind {
            ItemKind::SectionOpen { close: Some(c), .. } => *c as usize,
            ItemKind::SectionOpen { close: None, .. } => {
                // Unclosed: it runs until the first item that is not inside it.
                if let Ok(k) = self
                    .unclosed_ends
                    .binary_search_by_key(&open, |&(o, _, _)| o)
                {
                    return open + 1..self.unclosed_ends[k].1;
                }
                let depth = self.items[open].depth;
                self.items[open + 1..]
                    .iter()
                    .position(|it| it.depth <= depth)
                    .map_or(self.items.len(), |p| open + 1 + p)
            }
            _ => open + 1,
        };
        open + 1..end
    }

    /// Plain directives directly inside section `open` named `name`.
    pub fn child_directives<'a>(
        &'a self,
        open: usize,
        name: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(open).filter(move |&i| {
            self.items[i].parent() == Some(open)
                && matches!(&self.items[i].kind, ItemKind::Directive(d) if d.is(name))
        })
    }

    /// The sections enclosing item `i`, innermost first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.items[i].parent(), move |&p| self.items[p].parent())
    }

    /// The indentation of item `i`'s first line.
    pub fn indent(&self, i: usize) -> &str {
        self.table.indent(self.items[i].lines().start)
    }

    /// The indentation a new directive inside section `open` should get: that of its first
    /// indented child, else the section's own plus four spaces.
    pub fn child_indent(&self, open: usize) -> String {
        self.children(open)
            .find(|&c| {
                self.items[c].parent() == Some(open)
                    && !matches!(self.items[c].kind, ItemKind::Blank)
            })
            .map(|c| self.indent(c).to_string())
            .unwrap_or_else(|| format!("{}    ", self.indent(open)))
    }

    // Edits. The document never changes: each method returns a `Splice` for the rule's `Plan`
    // (`text::apply` carries it out), covering every physical line of the item, so that rules
    // never compute line ranges by hand.

    /// Removes item `i`, every physical line of it: a [`Splice`] for the rule's `Plan`.
    #[inline]
    pub fn remove_item(&self, i: usize) -> Splice {
        let l = self.items[i].lines();
        Splice::remove(l.start, l.len())
    }

    /// Replaces item `i` (every physical line of it) by `lines`: a [`Splice`] for the rule's
    /// `Plan`.
    #[inline]
    pub fn replace_item(&self, i: usize, lines: Vec<String>) -> Splice {
        let l = self.items[i].lines();
        Splice::replace(l.start, l.len(), lines)
    }

    /// Inserts `lines` just before item `i` (before its first physical line): a [`Splice`] for
    /// the rule's `Plan`.
    #[inline]
    pub fn insert_before_item(&self, i: usize, lines: Vec<String>) -> Splice {
        Splice::insert_before(self.items[i].lines().start, lines)
    }

    /// Inserts `lines` just after item `i` (after its last physical line): a [`Splice`] for the
    /// rule's `Plan`.
    #[inline]
    pub fn insert_after_item(&self, i: usize, lines: Vec<String>) -> Splice {
        Splice::insert_before(self.items[i].lines().end, lines)
    }
}

fn section_name(item: &Item) -> &str {
    match &item.kind {
        ItemKind::SectionOpen { directive, .. } => directive.name(),
        _ => "",
    }
}

/// Apache's notion of a blank inside a line.
fn is_apache_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\x0b' | '\x0c')
}

// Apache's blanks (and quotes) are ASCII: the parser searches bytes, not characters, which is
// the same (a position found is always a character boundary) and costs less.
fn blank(b: u8) -> bool {
    is_apache_space(char::from(b))
}

#[cfg(target_arch = "wasm32")]
fn first_blank(s: &str) -> usize {
    s.bytes().position(blank).unwrap_or(s.len())
}

/// The position of `s`'s first blank (its length if none). Natively eight bytes at a time:
/// every blank is below `!`, so a word's first byte below it is the candidate, checked, and
/// the search goes on after it when it is another control character. Words and arguments
/// were searched a byte at a time: a fifth of parsing's instructions. The page keeps that
/// (less code).
#[cfg(not(target_arch = "wasm32"))]
fn first_blank(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut k = 0;
    while let Some(chunk) = bytes.get(k..k + 8) {
        let below = crate::text::first_byte_below(crate::text::word_of(chunk), b'!');
        if below == 0 {
            k += 8;
            continue;
        }
        let p = k + below.trailing_zeros() as usize / 8;
        if blank(bytes[p]) {
            return p;
        }
        k = p + 1;
    }
    bytes[k..]
        .iter()
        .position(|&b| blank(b))
        .map_or(bytes.len(), |p| k + p)
}

/// Where a quoted value that starts `bytes` (after its opening quote) can be copied as it is:
/// the position of its closing `quote` when no backslash comes before it; `None` when a
/// backslash comes first or the quote is never closed (the value is then read character by
/// character). Natively eight bytes at a time (both searches in one pass); the page searches
/// the quote, then the backslashes before it.
#[cfg(not(target_arch = "wasm32"))]
fn plain_quoted_end(bytes: &[u8], quote: u8) -> Option<usize> {
    use crate::text::{bytes_equal, word_of};
    let mut chunks = bytes.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let word = word_of(chunk);
        let found = bytes_equal(word, quote) | bytes_equal(word, b'\\');
        if found != 0 {
            let p = k * 8 + found.trailing_zeros() as usize / 8;
            return (bytes[p] == quote).then_some(p);
        }
    }
    let tail = bytes.len() - chunks.remainder().len();
    let p = tail
        + chunks
            .remainder()
            .iter()
            .position(|&b| b == quote || b == b'\\')?;
    (bytes[p] == quote).then_some(p)
}

#[cfg(target_arch = "wasm32")]
fn plain_quoted_end(bytes: &[u8], quote: u8) -> Option<usize> {
    let close = bytes.iter().position(|&b| b == quote);
    close.filter(|&end| !bytes[..end].contains(&b'\\'))
}

fn trim_blank_start(s: &str) -> &str {
    &s[s.bytes().position(|b| !blank(b)).unwrap_or(s.len())..]
}

fn trim_blank_end(s: &str) -> &str {
    &s[..s.bytes().rposition(|b| !blank(b)).map_or(0, |k| k + 1)]
}

/// Splits a directive body into its name and arguments the way Apache's `ap_getword_conf` does,
/// building the directive in `scratch` (see [`Scratch`]). The flag is false when a quote was
/// left open.
#[cfg(not(target_arch = "wasm32"))]
fn split_directive(body: &str, scratch: &mut Scratch) -> (Directive, bool) {
    let body = trim_blank_end(trim_blank_start(body));
    let name_end = first_blank(body);
    let Scratch { text, args } = scratch;
    text.clear();
    args.clear();
    text.push_str(&body[..name_end]);
    let mut ok = true;
    let mut rest = &body[name_end..];
    loop {
        rest = trim_blank_start(rest);
        let Some(&first) = rest.as_bytes().first() else {
            break;
        };
        let quote = if first == b'"' || first == b'\'' {
            // Most quoted values hold no backslash: the slice as it is.
            let plain_end = plain_quoted_end(&rest.as_bytes()[1..], first);
            let first = char::from(first);
            if let Some(end) = plain_end {
                text.push_str(&rest[1..1 + end]);
                rest = &rest[1 + end + 1..];
            } else {
                match unescape_quoted(&rest[1..], first, text) {
                    Some(n) => rest = &rest[1 + n..],
                    None => {
                        ok = false;
                        rest = "";
                    }
                }
            }
            Some(first)
        } else {
            let end = first_blank(rest);
            text.push_str(&rest[..end]);
            rest = &rest[end..];
            None
        };
        args.push(ArgEnd {
            end: small(text.len()),
            quote,
        });
    }
    let directive = Directive {
        text: text.as_str().into(),
        name_end: small(name_end),
        args: args.as_slice().into(),
    };
    (directive, ok)
}

/// [`split_directive`] for the page's [`Directive`]: its words, gathered by [`split_words`] in
/// `args` (empty) and moved out.
#[cfg(target_arch = "wasm32")]
fn split_directive(body: &str, args: &mut Scratch) -> (Directive, bool) {
    let (name, ok) = split_words(body, args);
    let args = std::mem::take(args);
    (Directive { name, args }, ok)
}

/// The page's reading of a directive: the same scans as the native [`split_directive`], each
/// word a `String` pushed to `args` where the native one appends it to the directive's text
/// (building that one text and reading it back cost the page ~400 B gzipped; sharing the
/// native reading and copying its words out, 150 B). Returns the name, and false when a quote
/// was left open. Compiled for the tests too, which check that both read the same words.
#[cfg(any(target_arch = "wasm32", test))]
fn split_words(body: &str, args: &mut Vec<(String, Option<char>)>) -> (String, bool) {
    let body = trim_blank_end(trim_blank_start(body));
    let name_end = first_blank(body);
    let name = body[..name_end].to_string();
    let mut ok = true;
    let mut rest = &body[name_end..];
    loop {
        rest = trim_blank_start(rest);
        let Some(&first) = rest.as_bytes().first() else {
            break;
        };
        if first == b'"' || first == b'\'' {
            let plain_end = plain_quoted_end(&rest.as_bytes()[1..], first);
            let first = char::from(first);
            if let Some(end) = plain_end {
                args.push((rest[1..1 + end].to_string(), Some(first)));
                rest = &rest[1 + end + 1..];
                continue;
            }
            let mut value = String::new();
            match unescape_quoted(&rest[1..], first, &mut value) {
                Some(n) => rest = &rest[1 + n..],
                None => {
                    ok = false;
                    rest = "";
                }
            }
            args.push((value, Some(first)));
        } else {
            let end = first_blank(rest);
            args.push((rest[..end].to_string(), None));
            rest = &rest[end..];
        }
    }
    (name, ok)
}

/// A quoted argument's value from `after_quote` (the text after its opening `quote`), appended
/// to `value`, with the bytes it takes up to and with its closing quote; `None` for those when
/// it is never closed. Apache drops a backslash only where it escapes the quote character.
fn unescape_quoted(after_quote: &str, quote: char, value: &mut String) -> Option<usize> {
    let mut chars = after_quote.char_indices();
    while let Some((k, c)) = chars.next() {
        if c == '\\' {
            match after_quote[k + 1..].chars().next() {
                Some(next) if next == quote => {
                    chars.next();
                    value.push(next);
                }
                _ => value.push('\\'),
            }
        } else if c == quote {
            return Some(k + 1);
        } else {
            value.push(c);
        }
    }
    None
}

/// Writes an argument back, quoting it when it needs quotes (or when `prefer` asks for a quote).
pub fn quote_arg(value: &str, prefer: Option<char>) -> String {
    let needs =
        value.is_empty() || value.contains(is_apache_space) || value.starts_with(['"', '\'']);
    match (prefer, needs) {
        (Some(q), _) => {
            // Built in place: the rules rewrite thousands of quoted arguments in a long config,
            // and `format!` around `replace` cost several times this.
            let mut quoted = String::with_capacity(value.len() + 2);
            quoted.push(q);
            for c in value.chars() {
                if c == q {
                    quoted.push('\\');
                }
                quoted.push(c);
            }
            quoted.push(q);
            quoted
        }
        (None, true) => format!("\"{}\"", value.replace('"', "\\\"")),
        (None, false) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser's first form, which searched characters: the byte search must split every
    /// line the same way.
    fn split_directive_by_chars(body: &str) -> (Directive, bool) {
        let body = body.trim_matches(is_apache_space);
        let name_end = body.find(is_apache_space).unwrap_or(body.len());
        let name = body[..name_end].to_string();
        let mut args: Vec<(String, Option<char>)> = Vec::new();
        let mut ok = true;
        let mut rest = &body[name_end..];
        loop {
            rest = rest.trim_start_matches(is_apache_space);
            let Some(first) = rest.chars().next() else {
                break;
            };
            if first == '"' || first == '\'' {
                // Most quoted values hold no backslash: one copy of the slice.
                let close = rest[1..].find(first);
                if let Some(end) = close.filter(|&end| !rest[1..1 + end].contains('\\')) {
                    args.push((rest[1..1 + end].to_string(), Some(first)));
                    rest = &rest[1 + end + 1..];
                    continue;
                }
                let mut value = String::new();
                match unescape_quoted(&rest[1..], first, &mut value) {
                    Some(n) => rest = &rest[1 + n..],
                    None => {
                        ok = false;
                        rest = "";
                    }
                }
                args.push((value, Some(first)));
            } else {
                let end = rest.find(is_apache_space).unwrap_or(rest.len());
                args.push((rest[..end].to_string(), None));
                rest = &rest[end..];
            }
        }
        let args = args.iter().map(|(value, quote)| Arg {
            value,
            quote: *quote,
        });
        (Directive::new(&name, args), ok)
    }

    /// `split_directive` splits like the character-searching form around every blank, quote,
    /// backslash and non-ASCII character (including ones whose UTF-8 bytes hold 0x85 or 0xA0,
    /// Unicode blanks that Apache does not count).
    #[test]
    fn byte_search_splits_like_the_character_search() {
        let pieces = [
            " ",
            "\t",
            "\u{b}",
            "\u{c}",
            "\r",
            "\n",
            "\"",
            "'",
            "\\",
            "a",
            "Name",
            "\u{e9}",
            "\u{85}",
            "\u{a0}",
            "\u{2028}",
            "\u{1F600}",
            "x\"y",
            "'q q'",
            "\"a b\"",
            "\"c\\\"d\"",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in [
                        "",
                        "z",
                        "\"",
                        " '",
                        "0123456789\u{b}abcdef\"",
                        "\u{1}x\tlong_word_here",
                    ] {
                        let body = format!("{a}{b}Dir{c}{a} v{d}{b}");
                        let split = split_directive(&body, &mut Scratch::default());
                        // The page's reading finds the same words.
                        let mut words = Vec::new();
                        let (name, ok) = split_words(&body, &mut words);
                        let native: Vec<_> = split
                            .0
                            .args()
                            .map(|a| (a.value.to_string(), a.quote))
                            .collect();
                        assert_eq!(
                            (name.as_str(), words, ok),
                            (split.0.name(), native, split.1)
                        );
                        assert_eq!(split, split_directive_by_chars(&body), "{body:?}");
                        assert_eq!(
                            trim_blank_start(&body),
                            body.trim_start_matches(is_apache_space)
                        );
                        assert_eq!(
                            trim_blank_end(&body),
                            body.trim_end_matches(is_apache_space)
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 45_000);
    }

    /// The word-at-a-time searches find what a byte-at-a-time search finds, for every blank,
    /// control character, quote and backslash at every place of strings across word
    /// boundaries.
    #[test]
    fn word_searches_agree_with_byte_searches() {
        let pieces = [
            "", "a", "bcdefgh", " ", "\t", "\u{b}", "\r", "\u{1}", "\u{1f}", "!", "\"", "'", "\\",
            "\u{e9}", "\u{a0}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for pad in ["", "xyz", "0123456"] {
                        let s = format!("{pad}{a}{b}{pad}{c}{a}");
                        let expected = s.bytes().position(blank).unwrap_or(s.len());
                        assert_eq!(first_blank(&s), expected, "{s:?}");
                        for q in [b'"', b'\''] {
                            let bytes = s.as_bytes();
                            let close = bytes.iter().position(|&b| b == q);
                            let expected = close.filter(|&end| !bytes[..end].contains(&b'\\'));
                            assert_eq!(plain_quoted_end(bytes, q), expected, "{s:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn unclosed_sections_end_where_a_scan_says() {
        let c = HttpdConfig::parse(
            "<VirtualHost *>\n<Directory /a>\nX 1\n<Location /b>\nY 2\n</VirtualHost>\nZ 3\n<Directory /c>\n<IfModule m>\nW\n</Directory>\n<Location /d>\nV\n",
        );
        let mut unclosed = 0;
        for (o, item) in c.items.iter().enumerate() {
            if let ItemKind::SectionOpen { close, .. } = &item.kind {
                let scan = c.items[o + 1..]
                    .iter()
                    .position(|it| it.depth() <= item.depth())
                    .map_or(c.items.len(), |p| o + 1 + p);
                let end = close.map_or(scan, |c| c as usize);
                unclosed += usize::from(close.is_none());
                assert_eq!(c.children(o), o + 1..end, "section at item {o}");
            }
        }
        assert_eq!(unclosed, 4);
    }

    #[test]
    fn parses_sections_and_directives() {
        let c = HttpdConfig::parse(
            "Alias /koji \"/usr/share/koji-web/scripts/\"\n<Directory \"/x\">\n  pythonoption  A 'b c'\n</directory>\n",
        );
        assert!(c.problems.is_empty());
        assert_eq!(c.items.len(), 4);
        let d = c.directive(0).unwrap();
        assert!(d.is("alias"));
        assert_eq!(d.arg(1), Some("/usr/share/koji-web/scripts/"));
        assert_eq!(c.items[2].parent(), Some(1));
        let o = c.directive(2).unwrap();
        assert!(o.is("PythonOption"));
        assert_eq!(o.arg(1), Some("b c"));
        assert_eq!(
            c.child_directives(1, "PYTHONOPTION").collect::<Vec<_>>(),
            vec![2]
        );
        assert_eq!(c.child_indent(1), "  ");
    }

    #[test]
    fn continuation_lines_form_one_item() {
        let c = HttpdConfig::parse("PythonOption \\\n  Secret x\nFoo\n");
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.items[0].lines(), 0..2);
        assert_eq!(c.directive(0).unwrap().arg(1), Some("x"));
    }

    #[test]
    fn problems_have_lines_and_the_rest_still_parses() {
        let c = HttpdConfig::parse("<Directory /a>\nX 1\n</Location>\n<IfModule m>\nY 2\n");
        let kinds: Vec<_> = c
            .problems
            .iter()
            .map(|p| (p.line, p.kind.to_string()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (0, "<Directory> is never closed".to_string()),
                (
                    2,
                    "</Location> closes no open <Location> section".to_string()
                ),
                (3, "<IfModule> is never closed".to_string())
            ]
        );
        assert_eq!(c.children(0), 1..5);
        assert!(c.find_all("Y").count() == 1);
    }

    #[test]
    fn edits_cover_every_line_of_an_item() {
        use crate::text::apply;
        // Item 1 is a directive continued over two lines, inside a section; CRLF endings.
        let c =
            HttpdConfig::parse("<Directory /a>\r\n  A 1 \\\r\n    2\r\n  B\r\n</Directory>\r\n");
        assert_eq!(c.items[1].lines(), 1..3);
        let edited = |s: Splice| apply(&c.table, &[s]).text;
        assert_eq!(
            edited(c.remove_item(1)),
            "<Directory /a>\r\n  B\r\n</Directory>\r\n"
        );
        assert_eq!(
            edited(c.replace_item(1, vec!["  A 3".into(), "  C".into()])),
            "<Directory /a>\r\n  A 3\r\n  C\r\n  B\r\n</Directory>\r\n"
        );
        assert_eq!(
            edited(c.insert_before_item(1, vec!["  X".into()])),
            "<Directory /a>\r\n  X\r\n  A 1 \\\r\n    2\r\n  B\r\n</Directory>\r\n"
        );
        assert_eq!(
            edited(c.insert_after_item(1, vec!["  X".into()])),
            "<Directory /a>\r\n  A 1 \\\r\n    2\r\n  X\r\n  B\r\n</Directory>\r\n"
        );
        // Before the closing item: the end of the section; after the last item: the end of the file.
        assert_eq!(
            edited(c.insert_before_item(3, vec!["  Y".into()])),
            "<Directory /a>\r\n  A 1 \\\r\n    2\r\n  B\r\n  Y\r\n</Directory>\r\n"
        );
        assert_eq!(
            edited(c.insert_after_item(3, vec!["Z".into()])),
            "<Directory /a>\r\n  A 1 \\\r\n    2\r\n  B\r\n</Directory>\r\nZ\r\n"
        );
        // The same edits as hand-computed splices, which rules wrote before.
        assert_eq!(c.remove_item(1), Splice::remove(1, 2));
        assert_eq!(
            c.insert_after_item(1, vec![]),
            Splice::insert_after(2, vec![])
        );
    }

    /// A directive reads back the name and each argument (value and quote) it was given,
    /// whatever they hold (nothing, blanks, non-ASCII), one by one and in order; a parsed line
    /// gives the directive made from its words.
    #[test]
    fn directives_read_back_their_words() {
        let words = [
            ("", Some('"')),
            ("a b", Some('\'')),
            ("\u{e9}\u{1F600}", None),
            ("x", None),
        ];
        for n in 0..=words.len() {
            let args = words[..n]
                .iter()
                .map(|&(value, quote)| Arg { value, quote });
            let d = Directive::new("N\u{e4}me", args);
            assert_eq!(d.name(), "N\u{e4}me");
            assert!(d.is("n\u{e4}ME") && !d.is("N\u{c4}me") && !d.is("N\u{e4}m"));
            assert_eq!(d.args().len(), n);
            let back: Vec<_> = d.args().map(|a| (a.value, a.quote)).collect();
            assert_eq!(back, words[..n].to_vec());
            for (i, w) in words[..n].iter().enumerate() {
                assert_eq!(d.arg(i), Some(w.0));
            }
            assert_eq!(d.arg(n), None);
        }
        let c = HttpdConfig::parse("  N\u{e4}me \"\" 'a b' \u{e9}\u{1F600} x\n");
        let args = words.iter().map(|&(value, quote)| Arg { value, quote });
        assert_eq!(c.directive(0), Some(&Directive::new("N\u{e4}me", args)));
    }

    /// An item's numbers are `u32`s: 72 B an item natively (104 B with `usize`s), and a
    /// count that could not fit saturates rather than wraps.
    #[test]
    fn items_are_small() {
        assert!(std::mem::size_of::<Item>() <= 72);
        assert_eq!(small(7), 7);
        assert_eq!(small(u32::MAX as usize), u32::MAX);
        if let Some(big) = (u32::MAX as usize).checked_add(5) {
            assert_eq!(small(big), u32::MAX);
        }
        let c = HttpdConfig::parse("<A>\n<B x>\nC\n</B>\n</A>\nD\n");
        let close = |i: usize| match &c.items[i].kind {
            ItemKind::SectionOpen { close, .. } => *close,
            _ => None,
        };
        assert_eq!((close(0), close(1)), (Some(4), Some(3)));
        let shape: Vec<_> = c
            .items
            .iter()
            .map(|it| (it.lines(), it.parent(), it.depth()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (0..1, None, 0),
                (1..2, Some(0), 1),
                (2..3, Some(1), 2),
                (3..4, Some(0), 1),
                (4..5, None, 0),
                (5..6, None, 0)
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let n = 100_000;
        let text = "<IfModule a>\n".repeat(n) + &"</IfModule>\n".repeat(n);
        let c = HttpdConfig::parse(text);
        assert!(c.problems.is_empty());
        assert_eq!(c.items[n].depth(), n - 1);
    }

    #[test]
    fn quoting_round_trips() {
        for v in [
            "plain",
            "with space",
            "",
            "q\"uote",
            "back\\slash",
            "C:\\dir\\x",
        ] {
            let c = HttpdConfig::parse(format!("X {}\n", quote_arg(v, None)));
            assert_eq!(c.directive(0).unwrap().arg(0), Some(v));
        }
    }

    /// With a preferred quote, the value is quoted with it and only that quote is escaped, as
    /// the first form (`format!` around `replace`) wrote it.
    #[test]
    fn quoting_with_a_preferred_quote_escapes_only_it() {
        for v in [
            "plain",
            "",
            "q\"uote",
            "it's",
            "'\"'",
            "back\\slash",
            "é\"ü",
        ] {
            for q in ['"', '\''] {
                let expected = format!("{q}{}{q}", v.replace(q, &format!("\\{q}")));
                assert_eq!(quote_arg(v, Some(q)), expected);
            }
        }
    }
}
