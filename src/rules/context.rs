//! What a rule sees of one input and where it writes: the parsed document ([`Doc`]) and the
//! context ([`Ctx`]: the options, the input's [`Plan`], the created files, the cross-file facts).
//! The pipeline (`migrate`) builds them and hands them to the rules; the rules never import the
//! pipeline.

use super::cross_file::Facts;
use super::{NewFile, Plan};
use crate::httpd::HttpdConfig;
use crate::ini::IniDocument;
use crate::options::Options;
use crate::text::LineTable;

/// A parsed input.
pub(crate) enum Doc {
    Httpd(HttpdConfig),
    Ini(IniDocument),
    /// Unknown kind: kept as lines, never edited.
    Opaque(LineTable),
}

impl Doc {
    pub(crate) fn table(&self) -> &LineTable {
        match self {
            Doc::Httpd(c) => &c.table,
            Doc::Ini(d) => &d.table,
            Doc::Opaque(t) => t,
        }
    }

    /// The text the document was read from, taken out for the report (the input's only copy);
    /// the document is read no more. Native only (the page copies its borrowed inputs).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn take_text(&mut self) -> String {
        match self {
            Doc::Httpd(c) => c.table.take_text(),
            Doc::Ini(d) => d.table.take_text(),
            Doc::Opaque(t) => t.take_text(),
        }
    }
}

/// What the rules of one input get to see and write.
pub(crate) struct Ctx<'a> {
    pub options: &'a Options,
    /// Index of the input.
    pub input: usize,
    pub plan: &'a mut Plan,
    pub new_files: &'a mut Vec<NewFile>,
    pub facts: &'a mut Facts,
}
