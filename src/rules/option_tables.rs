//! `option-tables`: every option of every ini input checked against what the target release's
//! component accepts (`koji::options`, taken from Koji's code for each release).
//!
//! kojid and kojira quit at start on an option they do not know ("unknown config option"), so
//! such a line is removed, with the release that stopped accepting it; hub, web and the client
//! ignore unknown options: one that an earlier release read is removed as dead, one that no
//! release ever read is reported (a typo is likely). Options kojira only warns about are
//! removed. Values are checked against their types (integer, boolean) as Python reads them.
//!
//! ```text
//! before: [kojid]                 after: [kojid]
//!         use_old_ssl = False            topurl = https://koji.example.org/kojifiles
//!         topurl = https://koji.example.org/kojifiles
//! ```
//!
//! It runs after every other rule and leaves alone the lines another rule already changes.

use super::{Plan, Rule};
use crate::ini::IniDocument;
use crate::koji::options::{self, Acceptance, Component, OptionType, Unknown};
use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::text::py_strip;

pub static RULE: Rule = Rule {
    id: "option-tables",
    release: Release::NEWEST,
    summary: "Check every option against what the target release reads",
    guide: Guide::ReleaseNotes(Release::NEWEST),
    explanation: explained!("Each option of hub.conf, web.conf, kojid.conf, kojira.conf and the client configs is looked up in the options the target release's component reads (taken from Koji's code for every release). kojid and kojira quit at start on an option they do not know, so such a line is removed, with the release that stopped reading it; the hub, koji-web and the client ignore unknown options, so one an earlier release read is removed as dead and one no release ever read is reported. Options kojira only warns about are removed. Integer and boolean values are checked the way Python reads them."),
    rejecting: Some("kojid and kojira quit at start on an option they do not know (\"unknown config option\")."),
};

/// The component that reads a file of `kind`, and the sections it reads options from (`None`:
/// every section, one per client profile).
fn reader(kind: FileKind) -> Option<(Component, Option<&'static str>)> {
    Some(match kind {
        FileKind::HubConf => (Component::Hub, Some("hub")),
        FileKind::WebConf => (Component::Web, Some("web")),
        FileKind::KojidConf => (Component::Kojid, Some("kojid")),
        FileKind::KojiraConf => (Component::Kojira, Some("kojira")),
        FileKind::ClientConf => (Component::Client, None),
        _ => return None,
    })
}

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Ini(ini) = doc else { return };
    let Some((component, section)) = reader(kind) else {
        return;
    };
    let to = ctx.options.to;
    let fatal = options::unknown_policy(component, to) == Unknown::Fatal;
    for (k, s) in ini.sections.iter().enumerate() {
        if fatal
            && section.is_some_and(|want| s.name != want)
            && !ini.sections[..k].iter().any(|e| e.name == s.name)
        {
            ctx.plan.note(&RULE, Severity::Error, Some(s.line..s.line + 1), format!(
                "{} {to} quits at start on any section other than [{}]: move what [{}] holds into [{}], or remove it.",
                component.name(), section.unwrap_or(""), s.name, section.unwrap_or("")));
        }
    }
    // Natively each name is looked up once: a long client config repeats the same few names in
    // every profile, and the lookups cost 10 % of the CLI's instructions on 100,000 lines. The
    // page looks up each option (the map would cost it code).
    #[cfg(not(target_arch = "wasm32"))]
    let mut known: std::collections::HashMap<&str, Acceptance> = std::collections::HashMap::new();
    for (o, opt) in ini.options.iter().enumerate() {
        let sec = &ini.sections[opt.section].name;
        if section.is_some_and(|want| sec != want) || ctx.plan.touches(&opt.lines) {
            continue;
        }
        #[cfg(not(target_arch = "wasm32"))]
        let acceptance = *known
            .entry(opt.name.as_str())
            .or_insert_with(|| options::accepts(component, to, &opt.name));
        #[cfg(target_arch = "wasm32")]
        let acceptance = options::accepts(component, to, &opt.name);
        check_option(ini, o, component, fatal, to, acceptance, ctx.plan);
    }
}

/// Option `o`, which `component` at `to` takes as `acceptance` ([`options::accepts`]).
fn check_option(
    ini: &IniDocument,
    o: usize,
    component: Component,
    fatal: bool,
    to: Release,
    acceptance: Acceptance,
    plan: &mut Plan,
) {
    let opt = &ini.options[o];
    let (name, comp) = (opt.key.as_str(), component.name());
    // Nearly every option is accepted: nothing else is made for it.
    if let Acceptance::Accepted(ty) = acceptance {
        return check_value(ini, o, comp, ty, plan);
    }
    let remove = vec![ini.remove_option(o)];
    // The release that stopped reading it: one after the last release up to `to` that did.
    let dropped = options::last_accepted(component, &opt.name, to).and_then(Release::next);
    match acceptance {
        Acceptance::Accepted(_) => {} // checked above
        Acceptance::Legacy => {
            plan.change(&RULE, Severity::Info, opt.lines.clone(), remove, format!(
                "{comp} {to} no longer uses {name} (it only warns about it at start{}): removed.",
                dropped.map(|r| format!("; unused since {r}")).unwrap_or_default()));
            if let Some(r) = dropped {
                plan.guide_last(Guide::ReleaseNotes(r));
            }
        }
        Acceptance::Rejected | Acceptance::Unknown if fatal => {
            let why = match dropped {
                Some(r) => format!("{comp} stopped accepting {name} in {r}"),
                None => format!("{comp} {to} does not know {name} (no release of it ever read this option: check the name)"),
            };
            plan.change(&RULE, Severity::Warning, opt.lines.clone(), remove, format!(
                "{why}, and it quits at start on an option it does not know: removed."));
            if let Some(r) = dropped {
                plan.guide_last(Guide::ReleaseNotes(r));
            }
        }
        Acceptance::Rejected | Acceptance::Unknown => match dropped {
            Some(r) => {
                plan.change(&RULE, Severity::Info, opt.lines.clone(), remove, format!(
                    "{comp} has ignored {name} since {r}: removed, since it did nothing."));
                plan.guide_last(Guide::ReleaseNotes(r));
            }
            None => plan.note(&RULE, Severity::Warning, Some(opt.lines.clone()), format!(
                "{comp} {to} does not read {name} (no release of it did): it is ignored. Check the name.")),
        },
    }
}

/// Python's view of an integer or boolean option's value: a warning when the component would
/// refuse it at start.
fn check_value(ini: &IniDocument, o: usize, comp: &str, ty: OptionType, plan: &mut Plan) {
    let opt = &ini.options[o];
    let v = py_strip(&opt.value);
    if v.contains('%') {
        return; // interpolated: its value is known only after expansion
    }
    let ok = match ty {
        OptionType::Integer => {
            let d = v.strip_prefix(['+', '-']).unwrap_or(v).replace('_', "");
            !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
        }
        OptionType::Boolean => matches!(
            v.to_ascii_lowercase().as_str(),
            "1" | "yes" | "true" | "on" | "0" | "no" | "false" | "off"
        ),
        _ => true,
    };
    if !ok {
        plan.note(&RULE, Severity::Warning, Some(opt.lines.clone()), format!(
            "{comp} reads {} as {}: the value written here is not one, and {comp} fails when it reads it.",
            opt.key,
            if ty == OptionType::Integer { "an integer" } else { "a boolean (true/false, yes/no, on/off, 1/0)" }));
    }
}

/// The release from which `component` at `to` no longer reads `name`, which an earlier release
/// read: such an option is dead and is not carried into a file the migration writes.
pub(crate) fn dropped_from(component: Component, to: Release, name: &str) -> Option<Release> {
    if to <= Release::V1_7 || !cfg!(feature = "releases") {
        return None;
    }
    let name = name.to_ascii_lowercase();
    match options::accepts(component, to, &name) {
        Acceptance::Accepted(_) => None,
        _ => options::last_accepted(component, &name, to).and_then(Release::next),
    }
}

/// `value` as it must be written into a file of `component` at `to` so that its parser reads it
/// back as `value`: `%` doubled where the file is read with `%` interpolation, as is otherwise.
pub(crate) fn written(component: Component, to: Release, value: &str) -> std::borrow::Cow<'_, str> {
    if to > Release::V1_7
        && cfg!(feature = "releases")
        && options::interpolation(component, to) == options::Interpolation::Percent
        && value.contains('%')
    {
        value.replace('%', "%%").into()
    } else {
        value.into()
    }
}
