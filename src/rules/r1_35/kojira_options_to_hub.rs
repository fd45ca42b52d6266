//! `kojira-options-to-hub`: the repo options kojira 1.35 no longer uses move to hub.conf.
//!
//! Koji 1.35 moved repository generation into the hub. kojira's `max_repo_tasks`,
//! `max_repo_tasks_maven`, `debuginfo_tags`, `source_tags` and `separate_source_tags` are read
//! by the hub now, as `MaxRepoTasks`, `MaxRepoTasksMaven`, `DebuginfoTags`, `SourceTags` and
//! `SeparateSourceTags` in hub.conf's `[hub]`. kojira only warns about the old names, so a site
//! that keeps them silently loses its settings. The values are carried over: into the given
//! hub.conf (unless it already sets the option), or, without one, into a note saying what to add.
//!
//! ```text
//! kojira.conf before: [kojira]              after: [kojira]
//!                     max_repo_tasks = 6
//! hub.conf before:    [hub]                 after: [hub]
//!                                                  MaxRepoTasks = 6
//! ```

use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::rules::{Plan, Rule};
use crate::text::Splice;

pub static RULE: Rule = Rule {
    id: "kojira-options-to-hub",
    release: RELEASE,
    summary: "Move kojira's repo options into hub.conf",
    guide: Guide::Migrating(RELEASE),
    explanation: explained!("Koji 1.35 generates repositories in the hub. kojira's max_repo_tasks, max_repo_tasks_maven, debuginfo_tags, source_tags and separate_source_tags are now hub.conf options (MaxRepoTasks, MaxRepoTasksMaven, DebuginfoTags, SourceTags, SeparateSourceTags, in [hub]); kojira only warns about the old names. Each value leaves kojira.conf and is written into the given hub.conf, or, when hub.conf is not given, named in a note with the line to add."),
    rejecting: None,
};

const RELEASE: Release = Release::known(35);

/// kojira's name and the hub's.
const MOVED: [(&str, &str); 5] = [
    ("max_repo_tasks", "MaxRepoTasks"),
    ("max_repo_tasks_maven", "MaxRepoTasksMaven"),
    ("debuginfo_tags", "DebuginfoTags"),
    ("source_tags", "SourceTags"),
    ("separate_source_tags", "SeparateSourceTags"),
];

/// A value leaving kojira.conf for hub.conf.
#[derive(Debug, Clone)]
pub(crate) struct Moved {
    /// The kojira input and its change that removes the line.
    pub input: usize,
    pub change: usize,
    pub hub_name: &'static str,
    pub value: String,
    pub line: usize,
}

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Ini(ini) = doc else { return };
    if kind != FileKind::KojiraConf {
        return;
    }
    for (o, opt) in ini.options.iter().enumerate() {
        if ini.sections[opt.section].name != "kojira" {
            continue;
        }
        let Some(&(_, hub_name)) = MOVED.iter().find(|(k, _)| *k == opt.name) else {
            continue;
        };
        // Only the value Python keeps (the last) moves; earlier ones go with it.
        let kept = ini.find("kojira", &opt.name).last() == Some(o);
        let c = ctx.plan.change(
            &RULE,
            Severity::Info,
            opt.lines.clone(),
            vec![ini.remove_option(o)],
            format!(
                "Koji 1.35 reads {} in hub.conf as {hub_name}; kojira no longer uses it.",
                opt.key
            ),
        );
        if kept {
            ctx.facts.moved_to_hub.push(Moved {
                input: ctx.input,
                change: c,
                hub_name,
                value: opt.value.clone(),
                line: opt.lines.start,
            });
        }
    }
}

/// After every input: writes the moved values into the given hub.conf, or says what to add.
pub(crate) fn carry(moved: &[Moved], docs: &[Doc], kinds: &[FileKind], plans: &mut [Plan]) {
    if moved.is_empty() {
        return;
    }
    let hub = kinds
        .iter()
        .zip(docs)
        .enumerate()
        .find_map(|(i, (k, d))| match (k, d) {
            (FileKind::HubConf, Doc::Ini(ini)) => Some((i, ini)),
            _ => None,
        });
    let Some((h, ini)) = hub else {
        for m in moved {
            plans[m.input].note_change(&RULE, Severity::Action, m.change, format!(
                "hub.conf was not given: add {} = {} to [hub] in /etc/koji-hub/hub.conf, or the hub uses its default.",
                m.hub_name, m.value));
        }
        return;
    };
    let Some(at) = end_of_hub_section(ini) else {
        plans[h].note(
            &RULE,
            Severity::Action,
            None,
            format!(
                "hub.conf has no [hub] section: add one with {} (moved from kojira.conf).",
                moved
                    .iter()
                    .map(|m| format!("{} = {}", m.hub_name, m.value))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        return;
    };
    // hub.conf was judged before kojira's values reached it: it changes after all.
    plans[h]
        .notes
        .retain(|n| !std::ptr::eq(n.rule, &crate::rules::r1_7::already_migrated::RULE));
    for m in moved {
        if let Some(existing) = ini.find("hub", &m.hub_name.to_ascii_lowercase()).last() {
            plans[h].note(
                &RULE,
                Severity::Warning,
                Some(ini.options[existing].lines.clone()),
                format!(
                "hub.conf already sets {}; kojira.conf line {} had {} = {}: keep the one you mean.",
                m.hub_name, m.line + 1, m.hub_name, m.value),
            );
            continue;
        }
        plans[h].change(
            &RULE,
            Severity::Info,
            at..at,
            vec![Splice::insert_before(
                at,
                vec![format!("{} = {}", m.hub_name, m.value)],
            )],
            format!(
                "{} comes from kojira.conf line {} (Koji 1.35 reads it here).",
                m.hub_name,
                m.line + 1
            ),
        );
    }
}

/// The line after the last option or comment of the last `[hub]` section (before the blank
/// lines that end it), where new options go.
fn end_of_hub_section(ini: &IniDocument) -> Option<usize> {
    let k = ini.sections.iter().rposition(|s| s.name == "hub")?;
    let start = ini.sections[k].line + 1;
    let end = ini.sections.get(k + 1).map_or(ini.table.len(), |s| s.line);
    let last_option = ini
        .options
        .iter()
        .filter(|o| o.section == k)
        .map(|o| o.lines.end)
        .max();
    Some(last_option.unwrap_or(start).clamp(start, end))
}
