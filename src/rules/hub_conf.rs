//! hub.conf (`[hub]`): from an interpolating reader to a raw one.
//!
//! Koji 1.6 read hub.conf with `ConfigParser`, where `%%` means `%` and `%(name)s` refers to
//! another option; 1.7 reads it with `RawConfigParser`, where both are literal text. So `%%`
//! becomes `%`. Since a converted value cannot be told from an unconverted one, a marker comment
//! records the conversion and makes a second run change nothing.

use super::{is_secret_key, HUB_CONF_PERCENT};
use crate::ini::{IniDocument, LineKind};
use crate::migrate::Ctx;
use crate::report::Severity;
use crate::text::{py_strip, Splice};

/// The comment that records the `%%` conversion (checked with `contains`, so it may be moved).
pub const RAW_MARKER: &str =
    "koji-migrate: values below are read raw by Koji 1.7 (%% was undoubled)";

pub(crate) fn migrate(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    let marked = ini
        .kinds
        .iter()
        .enumerate()
        .any(|(i, k)| *k == LineKind::Comment && ini.table.line(i).contains(RAW_MARKER));
    if marked {
        return;
    }
    let mut splices = Vec::new();
    let mut touched = Vec::new();
    for (o, opt) in ini.options.iter().enumerate() {
        if opt.value.contains("%(") {
            let what = if is_secret_key(&opt.key) {
                String::new()
            } else {
                format!(" ({})", opt.value)
            };
            ctx.plan.note(&HUB_CONF_PERCENT, Severity::Action, Some(opt.lines.clone()), format!(
                "{} refers to another option with %(…)s{what}; Koji 1.7 no longer expands that: write the value out in full.", opt.key));
        }
        if !opt.value.contains("%%") {
            continue;
        }
        for line in opt.lines.clone() {
            let text = ini.table.line(line);
            let stripped = py_strip(text);
            if stripped.starts_with('#') || stripped.starts_with(';') {
                continue;
            }
            let new = if line == opt.lines.start {
                let prefix = ini.option_prefix(o);
                format!("{prefix}{}", text[prefix.len()..].replace("%%", "%"))
            } else {
                text.replace("%%", "%")
            };
            if new != text {
                splices.push(Splice::replace(line, 1, vec![new]));
            }
        }
        touched.push(o);
    }
    if touched.is_empty() {
        return;
    }
    let keys: Vec<&str> = touched
        .iter()
        .map(|&o| ini.options[o].key.as_str())
        .collect();
    let span =
        ini.options[touched[0]].lines.start..ini.options[touched[touched.len() - 1]].lines.end;
    splices.push(Splice::insert_before(0, vec![format!("# {RAW_MARKER}")]));
    ctx.plan.change(&HUB_CONF_PERCENT, Severity::Warning, span, splices, format!(
        "Koji 1.7 reads hub.conf without % interpolation: %% in {} becomes %, which is what 1.6 saw. \
         A comment at the top marks the file as converted.", keys.join(", ")));
}
