//! A lossless model of an ini file, read the way Koji reads it: with Python's `RawConfigParser`.
//!
//! Koji 1.7 reads `web.conf`, `hub.conf`, `kojid.conf` and the client configs with
//! `RawConfigParser`, so its rules are the ones that matter, not any other ini dialect's:
//! - lines are split at `\n`, `\r\n` and a lone `\r` (Python's universal newlines);
//! - a line whose stripped text starts with `#` or `;` is a comment, wherever it is indented;
//!   there are no inline comments (`key = a ; b` has the value `a ; b`);
//! - `[name]` (after stripping) opens a section; the name is everything up to the last `]`, case
//!   kept; a section seen twice is merged (with `strict=False`), and we report it;
//! - `key = value` or `key: value`, split at the first `=` or `:`; the key is stripped and
//!   lower-cased; the value stripped; a later duplicate key wins, and we report it;
//! - a line indented deeper than its option's first line continues the value; blank lines inside a
//!   value are kept in it, trailing ones dropped; comment lines inside it are skipped;
//! - an option before any section, or a line that is none of the above, is an error.
//!
//! `tests/python_differential.rs` checks these rules against Python itself.

use crate::text::{is_py_space, py_strip, LineTable, Splice};
use std::ops::Range;

/// An option's name as Python's parsers store it (`optionxform`: lowered). Exact for ASCII names
/// (every Koji option) in every build; non-ASCII letters are lowered only with the
/// `unicode-case` feature (the CLI; Python 3's `str.lower()`), and kept as they are without it
/// (the page; Python 2's byte-string `lower()`), which spares the page Unicode's case tables.
pub fn option_name(key: &str) -> String {
    if cfg!(feature = "unicode-case") && !key.is_ascii() {
        key.to_lowercase()
    } else {
        key.to_ascii_lowercase()
    }
}

/// The one map type of this module: section or option name to an index. Natively hashed with a
/// multiply-rotate hasher (rustc's FxHasher): SipHash, made to resist chosen keys, took 15 % of
/// the CLI's instructions on a 100,000-line client config. The page keeps SipHash (one hash
/// table type less in its wasm).
#[cfg(not(target_arch = "wasm32"))]
type NameMap<'a> =
    std::collections::HashMap<&'a str, usize, std::hash::BuildHasherDefault<QuickHasher>>;
#[cfg(target_arch = "wasm32")]
type NameMap<'a> = std::collections::HashMap<&'a str, usize>;

/// [`NameMap`]'s hasher.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct QuickHasher(u64);

#[cfg(not(target_arch = "wasm32"))]
impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a step, then the rest one by one.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            self.write_u64(crate::text::word_of(chunk));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// How one physical line was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Comment,
    /// `[name]`: index into [`IniDocument::sections`].
    Section(usize),
    /// The first line of an option: index into [`IniDocument::options`].
    OptionStart(usize),
    /// A continuation line (or a blank or comment line inside a multi-line value) of an option.
    Continuation(usize),
    /// A line Python refuses: an option outside any section, or no `=`/`:`.
    Invalid(IniError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IniError {
    MissingSectionHeader,
    NotAnOption,
}

impl std::fmt::Display for IniError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IniError::MissingSectionHeader => write!(f, "option before any [section] header"),
            IniError::NotAnOption => write!(
                f,
                "line is neither a [section], a 'key = value' option nor a comment"
            ),
        }
    }
}

/// A `[section]` header occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHeader {
    pub name: String,
    pub line: usize,
}

/// One option occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IniOption {
    /// Index of the section header it belongs to (an option outside any section is never an
    /// `IniOption`: it is an invalid line).
    pub section: usize,
    /// The key as written (stripped).
    pub key: String,
    /// The key as Python stores it: lower-cased.
    pub name: String,
    /// The value as Python sees it: stripped, continuation lines joined with `\n`.
    pub value: String,
    /// Physical lines (0-based), from the option's first line to its last continuation line.
    pub lines: Range<usize>,
}

/// A section as Python sees it: all headers of one name merged (see [`IniDocument::merged_sections`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedSection<'a> {
    pub name: &'a str,
    /// Line (0-based) of its first header.
    pub line: usize,
    /// Indices into [`IniDocument::options`], in file order.
    pub options: Vec<usize>,
}

impl MergedSection<'_> {
    /// Its options called `name` (lower-case, as Python stores keys), in file order; the last one
    /// is the one Python keeps. The same as [`IniDocument::find`] for this section.
    pub fn find<'d>(
        &'d self,
        doc: &'d IniDocument,
        name: &'d str,
    ) -> impl DoubleEndedIterator<Item = usize> + 'd {
        self.options
            .iter()
            .copied()
            .filter(move |&o| doc.options[o].name == name)
    }

    /// The value Python keeps for `name` (lower-case), like [`IniDocument::get`].
    pub fn get<'d>(&'d self, doc: &'d IniDocument, name: &'d str) -> Option<&'d str> {
        self.find(doc, name)
            .next_back()
            .map(|o| doc.options[o].value.as_str())
    }
}

/// A parsed ini file.
#[derive(Debug, Clone)]
pub struct IniDocument {
    pub table: LineTable,
    pub kinds: Vec<LineKind>,
    pub sections: Vec<SectionHeader>,
    pub options: Vec<IniOption>,
}

impl IniDocument {
    pub fn parse(text: impl Into<String>) -> Self {
        let table = LineTable::new(text.into(), true);
        let mut kinds = Vec::with_capacity(table.len());
        let mut sections: Vec<SectionHeader> = Vec::new();
        // At most one option a line: allocated once rather than grown by copying (pages not
        // written to are not touched).
        let mut options: Vec<IniOption> = Vec::with_capacity(table.len());
        // Pieces of the current option's value (Python's list before the join), borrowed from
        // the table until the value is built.
        let mut pieces: Vec<&str> = Vec::new();
        let mut current_option: Option<usize> = None;
        let mut indent_level = usize::MAX;

        let finish =
            |options: &mut Vec<IniOption>, pieces: &mut Vec<&str>, current: Option<usize>| {
                if let Some(o) = current {
                    // Most values are one line: natively copied as it is, without `join`'s
                    // set-up (3 M instructions for 65,000 options; the page joins them all).
                    #[cfg(not(target_arch = "wasm32"))]
                    if let [one] = pieces.as_slice() {
                        options[o].value = one.trim_end_matches(is_py_space).to_string();
                        pieces.clear();
                        return;
                    }
                    // One copy of the pieces, trimmed in place.
                    let mut joined = pieces.join("\n");
                    joined.truncate(joined.trim_end_matches(is_py_space).len());
                    options[o].value = joined;
                }
                pieces.clear();
            };

        for i in 0..table.len() {
            let line = table.line(i);
            let stripped = py_strip(line);
            let is_comment = stripped.starts_with('#') || stripped.starts_with(';');
            if stripped.is_empty() || is_comment {
                // Blank lines belong to the value being read (Python appends '' for them, trimmed
                // at the end); comment lines are skipped but do not end it either.
                match current_option {
                    Some(o) => {
                        if !is_comment {
                            pieces.push("");
                        }
                        kinds.push(LineKind::Continuation(o));
                    }
                    None => kinds.push(if is_comment {
                        LineKind::Comment
                    } else {
                        LineKind::Blank
                    }),
                }
                continue;
            }
            let cur_indent = line.chars().take_while(|c| is_py_space(*c)).count();
            if let Some(o) = current_option {
                if cur_indent > indent_level {
                    pieces.push(stripped);
                    options[o].lines.end = i + 1;
                    kinds.push(LineKind::Continuation(o));
                    continue;
                }
            }
            indent_level = cur_indent;
            finish(&mut options, &mut pieces, current_option);
            current_option = None;
            if let Some(name) = section_name(stripped) {
                sections.push(SectionHeader {
                    name: name.to_string(),
                    line: i,
                });
                kinds.push(LineKind::Section(sections.len() - 1));
            } else if sections.is_empty() {
                kinds.push(LineKind::Invalid(IniError::MissingSectionHeader));
            } else if let Some((key, value)) = split_option(stripped) {
                options.push(IniOption {
                    section: sections.len() - 1,
                    key: key.to_string(),
                    name: option_name(key),
                    value: String::new(),
                    lines: i..i + 1,
                });
                pieces.push(value);
                current_option = Some(options.len() - 1);
                kinds.push(LineKind::OptionStart(options.len() - 1));
            } else {
                kinds.push(LineKind::Invalid(IniError::NotAnOption));
            }
        }
        finish(&mut options, &mut pieces, current_option);

        // Trailing blank/comment lines after a value's last real line are not part of the option
        // for editing purposes: give them back their own kind.
        for (o, option) in options.iter().enumerate() {
            let end = option.lines.end;
            let mut k = end;
            while k < kinds.len() && kinds[k] == LineKind::Continuation(o) {
                let s = py_strip(table.line(k));
                kinds[k] = if s.is_empty() {
                    LineKind::Blank
                } else {
                    LineKind::Comment
                };
                k += 1;
            }
        }
        IniDocument {
            table,
            kinds,
            sections,
            options,
        }
    }

    /// The original text, byte for byte.
    pub fn text(&self) -> &str {
        self.table.text()
    }

    /// The distinct section names, in first-seen order (Python merges repeated sections).
    pub fn section_names(&self) -> Vec<&str> {
        // (One map type for every index in this file: each distinct type costs the page code.)
        let mut seen: NameMap<'_> = NameMap::default();
        let mut names: Vec<&str> = Vec::new();
        for s in &self.sections {
            if seen.insert(s.name.as_str(), 0).is_none() {
                names.push(&s.name);
            }
        }
        names
    }

    /// Every distinct section (as [`Self::section_names`] orders them) with the line of its first
    /// header and its options in file order, repeated headers merged: one pass, where calling
    /// [`Self::find`] for each section would scan every option once per section.
    pub fn merged_sections(&self) -> Vec<MergedSection<'_>> {
        let mut index: NameMap<'_> = NameMap::default();
        let mut out: Vec<MergedSection<'_>> = Vec::new();
        let mut of_header = Vec::with_capacity(self.sections.len());
        for s in &self.sections {
            let k = *index.entry(s.name.as_str()).or_insert_with(|| {
                out.push(MergedSection {
                    name: &s.name,
                    line: s.line,
                    options: Vec::new(),
                });
                out.len() - 1
            });
            of_header.push(k);
        }
        // Natively each section's list is allocated once, at its length: grown push by push, a
        // 100,000-line file's 10,000 sections reallocated twice each, on each of the three
        // calls (12 M instructions). The page grows them (less code).
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut counts = vec![0usize; out.len()];
            for option in &self.options {
                counts[of_header[option.section]] += 1;
            }
            for (section, count) in out.iter_mut().zip(counts) {
                section.options.reserve_exact(count);
            }
        }
        for (o, option) in self.options.iter().enumerate() {
            out[of_header[option.section]].options.push(o);
        }
        out
    }

    /// Option occurrences in section `name` (all headers of that name) called `key`
    /// (case-insensitive), in file order. The last one is the one Python keeps.
    pub fn find<'a>(&'a self, section: &'a str, key: &'a str) -> impl Iterator<Item = usize> + 'a {
        let key = option_name(key);
        self.options
            .iter()
            .enumerate()
            .filter(move |(_, o)| self.sections[o.section].name == section && o.name == key)
            .map(|(i, _)| i)
    }

    /// The value Python would return for `section`/`key`, ignoring `[DEFAULT]` inheritance.
    pub fn get(&self, section: &str, key: &str) -> Option<&str> {
        self.find(section, key)
            .last()
            .map(|i| self.options[i].value.as_str())
    }

    /// Python's view of the file: `(section, [(key, value)])` with repeated sections merged and
    /// later duplicate keys winning (in the position of their first occurrence, as a dict does).
    pub fn semantic_view(&self) -> Vec<(String, Vec<(String, String)>)> {
        let mut view: Vec<(String, Vec<(String, String)>)> = Vec::new();
        // Where each section and each (section, key) sits in `view`: one lookup per option.
        let mut section_at: NameMap<'_> = NameMap::default();
        let mut key_at: Vec<NameMap<'_>> = Vec::new();
        for name in self.section_names() {
            section_at.insert(name, view.len());
            view.push((name.to_string(), Vec::new()));
            key_at.push(NameMap::default());
        }
        for o in &self.options {
            let section = &self.sections[o.section].name;
            let Some(&at) = section_at.get(section.as_str()) else {
                continue;
            };
            let entry = &mut view[at].1;
            match key_at[at].get(o.name.as_str()) {
                Some(&k) => entry[k].1 = o.value.clone(),
                None => {
                    key_at[at].insert(o.name.as_str(), entry.len());
                    entry.push((o.name.clone(), o.value.clone()));
                }
            }
        }
        view
    }

    /// Invalid lines (0-based) with what is wrong with them.
    pub fn errors(&self) -> impl Iterator<Item = (usize, &IniError)> {
        self.kinds.iter().enumerate().filter_map(|(i, k)| match k {
            LineKind::Invalid(e) => Some((i, e)),
            _ => None,
        })
    }

    /// Repeated `[section]` headers: (line of the repeat, name).
    pub fn duplicate_sections(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut seen: NameMap<'_> = NameMap::default();
        for s in &self.sections {
            if seen.insert(s.name.as_str(), 0).is_some() {
                out.push((s.line, s.name.as_str()));
            }
        }
        out
    }

    /// Keys set more than once in one section: (option index of the repeat, of the earlier one).
    pub fn duplicate_options(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        // Section name → slot, then key → option: the map type the rest of the module uses (one
        // more key type would be one more copy of the hash table in the page's wasm).
        let mut slot_of: NameMap<'_> = NameMap::default();
        let mut seen: Vec<NameMap<'_>> = Vec::new();
        for (k, o) in self.options.iter().enumerate() {
            let slot = *slot_of
                .entry(self.sections[o.section].name.as_str())
                .or_insert_with(|| {
                    seen.push(NameMap::default());
                    seen.len() - 1
                });
            if let Some(first) = seen[slot].insert(o.name.as_str(), k) {
                out.push((k, first));
            }
        }
        out
    }

    /// The text of option `o`'s first line up to and including the separator and the blanks
    /// after it (e.g. `"pkgurl = "`), so a new value can be written in the same style.
    pub fn option_prefix(&self, o: usize) -> &str {
        let line = self.table.line(self.options[o].lines.start);
        let sep = line.find(['=', ':']).unwrap_or(line.len());
        let after = line[sep + 1..].len() - line[sep + 1..].trim_start_matches(is_py_space).len();
        let end = (sep + 1 + after).min(line.len());
        &line[..end]
    }

    // Edits. The document never changes: each method returns a `Splice` for the rule's `Plan`
    // (`text::apply` carries it out), covering every physical line of the option, so that rules
    // never compute line ranges by hand.

    /// Removes option `o`, every physical line of it: a [`Splice`] for the rule's `Plan`.
    #[inline]
    pub fn remove_option(&self, o: usize) -> Splice {
        let l = &self.options[o].lines;
        Splice::remove(l.start, l.len())
    }

    /// Replaces option `o` (every physical line of it) by `lines`: a [`Splice`] for the rule's
    /// `Plan`.
    #[inline]
    pub fn replace_option(&self, o: usize, lines: Vec<String>) -> Splice {
        let l = &self.options[o].lines;
        Splice::replace(l.start, l.len(), lines)
    }

    /// Sets option `o` to `value`: the option (every physical line of it) becomes one line with
    /// its key, indentation and separator as written ([`Self::rewrite_option_line`]). A [`Splice`]
    /// for the rule's `Plan`.
    #[inline]
    pub fn set_option(&self, o: usize, value: &str) -> Splice {
        let line = self.rewrite_option_line(o, &self.options[o].key, value);
        self.replace_option(o, vec![line])
    }

    /// Inserts `lines` just before option `o` (before its first line): a [`Splice`] for the
    /// rule's `Plan`.
    #[inline]
    pub fn insert_before_option(&self, o: usize, lines: Vec<String>) -> Splice {
        Splice::insert_before(self.options[o].lines.start, lines)
    }

    /// Inserts `lines` just after option `o` (after its last continuation line; blank or comment
    /// lines that follow it are not part of it): a [`Splice`] for the rule's `Plan`.
    #[inline]
    pub fn insert_after_option(&self, o: usize, lines: Vec<String>) -> Splice {
        Splice::insert_before(self.options[o].lines.end, lines)
    }

    /// Option `o` turned into comments, every physical line of it (kept for the admin to decide
    /// by, where the option must go).
    pub fn comment_out(&self, o: usize) -> Splice {
        let commented = self.options[o]
            .lines
            .clone()
            .map(|l| format!("# {}", self.table.line(l)))
            .collect();
        self.replace_option(o, commented)
    }

    /// Option `o`'s first line with the key replaced by `new_key` and the value by `new_value`,
    /// keeping indentation and the separator as written.
    pub fn rewrite_option_line(&self, o: usize, new_key: &str, new_value: &str) -> String {
        let prefix = self.option_prefix(o);
        let key_start = prefix.len() - prefix.trim_start_matches(is_py_space).len();
        let key_end = key_start + self.options[o].key.len();
        format!(
            "{}{}{}{}",
            &prefix[..key_start],
            new_key,
            &prefix[key_end..],
            new_value
        )
    }
}

fn section_name(stripped: &str) -> Option<&str> {
    // Python: SECTCRE = r"\[(?P<header>.+)\]" with re.match: from the start, up to the last ']'
    // that leaves at least one character of name.
    let rest = stripped.strip_prefix('[')?;
    let end = rest.rfind(']')?;
    (end > 0).then(|| &rest[..end])
}

fn split_option(stripped: &str) -> Option<(&str, &str)> {
    // Python: OPTCRE = r"(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$"; an empty option is an error.
    let sep = stripped.find(['=', ':'])?;
    let key = stripped[..sep].trim_end_matches(is_py_space);
    if key.is_empty() {
        return None;
    }
    Some((key, py_strip(&stripped[sep + 1..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_raw_config_parser() {
        let d = IniDocument::parse(
            "[kojid]\nServer = http://a ; not a comment\n  ; comment inside\n  more\n\n\nPkgUrl: x%y\n[kojid]\npkgurl=z\n",
        );
        assert_eq!(
            d.get("kojid", "server"),
            Some("http://a ; not a comment\nmore")
        );
        assert_eq!(d.get("kojid", "PKGURL"), Some("z"));
        assert_eq!(d.duplicate_sections(), vec![(7, "kojid")]);
        assert_eq!(d.duplicate_options().len(), 1);
        assert_eq!(d.options[0].lines, 1..4);
        assert_eq!(d.kinds[4], LineKind::Blank);
    }

    #[test]
    fn errors_are_reported_with_lines() {
        let d = IniDocument::parse("x = 1\n[s]\nnot an option\n= empty key\n");
        let errs: Vec<_> = d.errors().map(|(l, e)| (l, e.clone())).collect();
        assert_eq!(
            errs,
            vec![
                (0, IniError::MissingSectionHeader),
                (2, IniError::NotAnOption),
                (3, IniError::NotAnOption)
            ]
        );
    }

    #[test]
    fn merged_sections_agree_with_find() {
        let d = IniDocument::parse("[a]\nx=1\n[b]\nx=2\n[a]\nX=3\ny=4\n[c]\n[b]\n");
        let m = d.merged_sections();
        let names: Vec<&str> = m.iter().map(|s| s.name).collect();
        assert_eq!(names, d.section_names());
        assert_eq!(m.iter().map(|s| s.line).collect::<Vec<_>>(), vec![0, 2, 7]);
        for s in &m {
            for key in ["x", "y", "z"] {
                let ours: Vec<usize> = s.find(&d, key).collect();
                assert_eq!(ours, d.find(s.name, key).collect::<Vec<_>>());
                assert_eq!(s.get(&d, key), d.get(s.name, key));
            }
        }
        assert_eq!(d.duplicate_sections(), vec![(4, "a"), (8, "b")]);
    }

    #[test]
    fn section_names_follow_python_regex() {
        let d = IniDocument::parse("[a] junk]\n[]\n[b]\n");
        assert_eq!(d.section_names(), vec!["a] junk", "b"]);
    }

    #[test]
    fn edits_cover_every_line_of_an_option() {
        use crate::text::apply;
        // Option 0 has a continuation line, then a comment and a blank line that are not its own.
        let text = "[s]\na = 1\n  more\n# note\n\nB : 2\n";
        let d = IniDocument::parse(text);
        assert_eq!(d.options[0].lines, 1..3);
        let edited = |s: Splice| apply(&d.table, &[s]).text;
        assert_eq!(edited(d.remove_option(0)), "[s]\n# note\n\nB : 2\n");
        assert_eq!(
            edited(d.replace_option(0, vec!["x = 9".into()])),
            "[s]\nx = 9\n# note\n\nB : 2\n"
        );
        assert_eq!(
            edited(d.set_option(0, "one")),
            "[s]\na = one\n# note\n\nB : 2\n"
        );
        assert_eq!(
            edited(d.set_option(1, "3")),
            "[s]\na = 1\n  more\n# note\n\nB : 3\n"
        );
        assert_eq!(
            edited(d.insert_before_option(0, vec!["z = 0".into()])),
            "[s]\nz = 0\na = 1\n  more\n# note\n\nB : 2\n"
        );
        assert_eq!(
            edited(d.insert_after_option(0, vec!["z = 0".into()])),
            "[s]\na = 1\n  more\nz = 0\n# note\n\nB : 2\n"
        );
        // The last option of a file without a final newline.
        let d = IniDocument::parse("[s]\r\nb = 2");
        assert_eq!(
            apply(&d.table, &[d.insert_after_option(0, vec!["c = 3".into()])]).text,
            "[s]\r\nb = 2\r\nc = 3"
        );
        assert_eq!(apply(&d.table, &[d.remove_option(0)]).text, "[s]");
    }

    #[test]
    fn rewrite_keeps_style() {
        let d = IniDocument::parse("[k]\n  pkgurl  =  http://x/packages\n");
        assert_eq!(
            d.rewrite_option_line(0, "topurl", "http://x"),
            "  topurl  =  http://x"
        );
    }
}
