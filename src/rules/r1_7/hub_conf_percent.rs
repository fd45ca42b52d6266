//! `hub-conf-percent`: hub.conf values that 1.6 expanded with `%` interpolation are written out.
//!
//! Koji 1.6 read hub.conf with Python 2's `ConfigParser` (interpolating), 1.7 reads it raw: a value
//! with `%(` would change meaning, so it is replaced by what 1.6 saw.
//!
//! ```text
//! before: [hub]
//!         KojiDir = /mnt/koji
//!         LogFile = %(KojiDir)s/hub.log
//! after:  [hub]
//!         KojiDir = /mnt/koji
//!         LogFile = /mnt/koji/hub.log
//! ```
//!
//! Koji 1.6's hub read hub.conf with Python 2's `ConfigParser` and `get()`, which interpolates; 1.7
//! reads it with `RawConfigParser`, which does not. Python 2's `ConfigParser` only interpolates a
//! value that contains `%(`: then `%(name)s` is replaced by the option `name` of the same section
//! (or `[DEFAULT]`), `%%` by `%`, repeatedly (up to ten rounds). A value without `%(` was read
//! exactly as written by both releases, `%%` included, so it is left alone.
//!
//! So for each value with `%(`, this rule computes what 1.6 saw and writes that value out, so 1.7
//! sees the same. When 1.6 itself would have failed (a missing name, a format other than `%(…)s`),
//! nothing is invented: an action note asks the admin.
//!
//! The logic is all here: [`run`] and Python 2's interpolation ([`py2_interpolate`]).

use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::Guide;
use crate::report::Severity;
use crate::rules::context::Ctx;
use crate::rules::is_secret_key;
use crate::rules::Rule;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    id: "hub-conf-percent",
    release: Release::V1_7,
    summary: "Write out hub.conf values that 1.6 expanded with % interpolation",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("Koji 1.6 read hub.conf with Python 2's ConfigParser, which expands a value containing %(: %(name)s becomes the option name, %% becomes %. Koji 1.7 reads it raw. Each such value is replaced by what 1.6 saw; values without %( were read the same by both and stay as they are. When 1.6 could not expand a value either, you are asked to write it out."),
    rejecting: None,
};

/// Why a value could not be expanded the way Python 2 did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterpolationError {
    /// `%(name)s` names no option of the section or of `[DEFAULT]`.
    Missing(String),
    /// A `%` not followed by `%` or `(name)s`; Python 2 raised an error for it.
    BadFormat,
    /// Still `%(` after ten rounds (a reference loop).
    TooDeep,
}

/// A section's variables for interpolation: lower-case name → value, `[DEFAULT]`'s overridden by
/// the section's own. (A `&str → usize` map, the one map type of the core: each other key or
/// value type would be one more copy of the hash table in the page's wasm.)
#[derive(Debug, Clone, Default)]
pub struct Vars<'a> {
    index: HashMap<&'a str, usize>,
    values: Vec<&'a str>,
}

impl<'a> Vars<'a> {
    /// Sets `name` (lower-case) to `value`, replacing an earlier value.
    pub fn set(&mut self, name: &'a str, value: &'a str) {
        match self.index.get(name) {
            Some(&k) => self.values[k] = value,
            None => {
                self.index.insert(name, self.values.len());
                self.values.push(value);
            }
        }
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        self.index.get(name).map(|&k| self.values[k])
    }
}

/// The value Python 2's `ConfigParser.get()` returned for `raw`, given the section's options
/// (lower-case names, `[DEFAULT]` included).
pub fn py2_interpolate(raw: &str, vars: &Vars<'_>) -> Result<String, InterpolationError> {
    let mut value = raw.to_string();
    for _ in 0..10 {
        if !value.contains("%(") {
            return Ok(value);
        }
        value = format_once(&value, vars)?;
    }
    if value.contains("%(") {
        Err(InterpolationError::TooDeep)
    } else {
        Ok(value)
    }
}

/// One round of `value % vars`, after names were lower-cased as ConfigParser does.
fn format_once(value: &str, vars: &Vars<'_>) -> Result<String, InterpolationError> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        if let Some(tail) = after.strip_prefix('%') {
            out.push('%');
            rest = tail;
        } else if let Some(inner) = after.strip_prefix('(') {
            let close = inner.find(')').ok_or(InterpolationError::BadFormat)?;
            let tail = inner[close + 1..]
                .strip_prefix('s')
                .ok_or(InterpolationError::BadFormat)?;
            let name = crate::ini::option_name(&inner[..close]);
            out.push_str(vars.get(&name).ok_or(InterpolationError::Missing(name))?);
            rest = tail;
        } else {
            return Err(InterpolationError::BadFormat);
        }
    }
    out.push_str(rest);
    Ok(out)
}

pub(crate) fn run(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    let view = ini.semantic_view();
    let mut defaults = Vars::default();
    for (_, kv) in view.iter().filter(|(name, _)| name == "DEFAULT") {
        for (k, v) in kv {
            defaults.set(k, v);
        }
    }
    // The variables of each section (DEFAULT's, overridden by its own), built once per section.
    let mut vars_at: HashMap<&str, usize> = HashMap::new();
    let mut vars_of: Vec<Vars<'_>> = Vec::new();
    let section_at: HashMap<&str, usize> = view
        .iter()
        .enumerate()
        .map(|(k, (name, _))| (name.as_str(), k))
        .collect();
    for (o, opt) in ini.options.iter().enumerate() {
        // An option the target hub no longer reads is option-tables' to remove, not to rewrite.
        if !opt.value.contains("%(")
            || crate::rules::option_tables::dropped_from(
                crate::koji::Component::Hub,
                ctx.options.to,
                &opt.name,
            )
            .is_some()
        {
            continue;
        }
        let section = &ini.sections[opt.section].name;
        let at = *vars_at.entry(section.as_str()).or_insert_with(|| {
            let mut vars = defaults.clone();
            if let Some(&k) = section_at.get(section.as_str()) {
                for (name, value) in &view[k].1 {
                    vars.set(name, value);
                }
            }
            vars_of.push(vars);
            vars_of.len() - 1
        });
        let vars = &vars_of[at];
        let secret = is_secret_key(&opt.key);
        let lines = opt.lines.clone();
        match py2_interpolate(&opt.value, vars) {
            Ok(expanded) if !expanded.contains("%(") && !expanded.contains('\n') => {
                let shown = if secret { String::new() } else { format!(" to '{expanded}'") };
                ctx.plan.change(&RULE, Severity::Warning, lines.clone(),
                    vec![ini.set_option(o, &expanded)],
                    format!("Koji 1.6 expanded {}{shown}; Koji 1.7 reads hub.conf without interpolation, so the expanded value is written out.", opt.key));
            }
            Ok(_) => ctx.plan.note(&RULE, Severity::Action, Some(lines), format!(
                "Koji 1.6 expanded {} with % interpolation and 1.7 no longer does; the expanded value cannot be written on one line here: write it out yourself.", opt.key)),
            Err(e) => {
                let why = match e {
                    InterpolationError::Missing(name) => format!("it refers to %({name})s, which is not set"),
                    InterpolationError::BadFormat => "it holds a % that is neither %% nor %(name)s".into(),
                    InterpolationError::TooDeep => "its references loop".into(),
                };
                ctx.plan.note(&RULE, Severity::Action, Some(lines), format!(
                    "{} uses % interpolation, which Koji 1.7 no longer performs, and Koji 1.6 could not expand it either ({why}). Write the intended value out in full.", opt.key));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &[(&'a str, &'a str)]) -> Vars<'a> {
        let mut v = Vars::default();
        for (k, val) in pairs {
            v.set(k, val);
        }
        v
    }

    #[test]
    fn interpolates_like_python_2() {
        let v = vars(&[
            ("realm", "EXAMPLE.COM"),
            ("top", "/mnt/%(name)s"),
            ("name", "koji"),
        ]);
        assert_eq!(
            py2_interpolate("compile/%(Realm)s 100%%", &v),
            Ok("compile/EXAMPLE.COM 100%".into())
        );
        assert_eq!(py2_interpolate("%(top)s/x", &v), Ok("/mnt/koji/x".into()));
        // Without %( Python 2 did not touch the value at all, %% included.
        assert_eq!(py2_interpolate("100%% %s", &v), Ok("100%% %s".into()));
        assert_eq!(
            py2_interpolate("%(nope)s", &v),
            Err(InterpolationError::Missing("nope".into()))
        );
        assert_eq!(
            py2_interpolate("%(realm)s %d", &v),
            Err(InterpolationError::BadFormat)
        );
        let looped = vars(&[("a", "%(a)s")]);
        assert_eq!(
            py2_interpolate("%(a)s", &looped),
            Err(InterpolationError::TooDeep)
        );
    }
}
