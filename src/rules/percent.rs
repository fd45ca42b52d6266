//! What the rules that follow a file into `%` interpolation share.
//!
//! A file read raw (or by Python 2's lax parser, which interpolates only values with `%(`) takes
//! `%` literally; read with interpolation (`configparser.ConfigParser`), a lone `%` is an error
//! that stops the program and `%%` means `%`. A value the interpolating reader would refuse is
//! written with every `%` doubled, which reads back as the old value. A value it accepts is left
//! alone: it may already have been written for the new reader (so the rule is idempotent), and
//! when it holds `%(`, which now expands, the admin is asked.

use super::{Plan, Rule};
use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::Severity;

/// Whether an interpolating parser refuses `value`: a `%` followed by neither `%` nor a
/// well-formed `(name)s`.
pub(crate) fn refused(value: &str) -> bool {
    let mut rest = value;
    while let Some(p) = rest.find('%') {
        let after = &rest[p + 1..];
        if let Some(tail) = after.strip_prefix('%') {
            rest = tail;
        } else if let Some(inner) = after.strip_prefix('(') {
            match inner.find(')') {
                Some(close) if inner[close + 1..].starts_with('s') => rest = &inner[close + 2..],
                _ => return true,
            }
        } else {
            return true;
        }
    }
    false
}

/// Rewrites the values of `section` (every section when `None`) that the interpolating reader of
/// `what` would refuse, and asks about values with `%(`.
pub(crate) fn follow_into_interpolation(
    ini: &IniDocument,
    section: Option<&str>,
    plan: &mut Plan,
    rule: &'static Rule,
    release: Release,
    what: &str,
) {
    for (o, opt) in ini.options.iter().enumerate() {
        if section.is_some_and(|s| ini.sections[opt.section].name != s)
            || !opt.value.contains('%')
            || plan.touches(&opt.lines)
        {
            continue;
        }
        if refused(&opt.value) {
            if opt.lines.len() > 1 {
                plan.note(rule, Severity::Action, Some(opt.lines.clone()), format!(
                    "{what} reads this file with % interpolation since Koji {release}: write every % of {} as %%, or it stops.",
                    opt.key));
                continue;
            }
            let splice = ini.set_option(o, &opt.value.replace('%', "%%"));
            plan.change(rule, Severity::Warning, opt.lines.clone(), vec![splice], format!(
                "{what} reads this file with % interpolation since Koji {release}, where a lone % stops it: every % of {} is now %% (read back as before).",
                opt.key));
        } else if opt.value.contains("%(") {
            plan.note(rule, Severity::Action, Some(opt.lines.clone()), format!(
                "{what} reads this file with % interpolation since Koji {release}: %(name)s in {} now expands; write %% for each % meant literally.",
                opt.key));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::refused;

    #[test]
    fn refuses_what_configparser_refuses() {
        for bad in ["100%", "%", "a%b", "%(x)", "%(x"] {
            assert!(refused(bad), "{bad}");
        }
        for good in ["50%%", "%(x)s/y", "plain", "%%(x)s"] {
            assert!(!refused(good), "{good}");
        }
    }
}
