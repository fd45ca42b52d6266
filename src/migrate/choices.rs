//! Which proposed changes are made: the admin's [`Choices`] and the dependencies between changes.

use crate::options::Choices;
use crate::rules::{ChangeDraft, Plan};

/// Decides, for every proposed change (by report-wide id), whether it is made; `Some(reason)`
/// when it is not.
pub(super) fn resolve_choices(
    plans: &[Plan],
    base: &[usize],
    choices: &Choices,
) -> Vec<Option<String>> {
    let all: Vec<(usize, &ChangeDraft)> = plans
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.changes.iter().map(move |c| (i, c)))
        .collect();
    let global = |i: usize, local: usize| base[i] + local;
    let mut verdict: Vec<Option<String>> = vec![None; all.len()];
    // --only: the named rules' changes and, transitively, what they need.
    if !choices.only_rules.is_empty() {
        let mut wanted: Vec<bool> = all
            .iter()
            .map(|(_, c)| choices.only_rules.iter().any(|r| r == c.rule.id))
            .collect();
        let mut grew = true;
        while grew {
            grew = false;
            for (g, (i, c)) in all.iter().enumerate() {
                if wanted[g] {
                    for &d in &c.depends_on {
                        if !wanted[global(*i, d)] {
                            wanted[global(*i, d)] = true;
                            grew = true;
                        }
                    }
                }
            }
        }
        for (g, w) in wanted.iter().enumerate() {
            if !w {
                verdict[g] = Some("not among the rules chosen with --only".into());
            }
        }
    }
    for (g, (_, c)) in all.iter().enumerate() {
        if choices.skip_rules.iter().any(|r| r == c.rule.id) {
            verdict[g] = Some(format!("rule {} skipped", c.rule.id));
        }
    }
    // The admin's own rejections win over the reasons above; an id of other inputs is ignored.
    for id in &choices.reject_changes {
        if let Some(v) = verdict.get_mut(id.index()) {
            *v = Some("rejected by you".into());
        }
    }
    // Rejection spreads to whatever depends on a rejected change (dependency chains are a few
    // links long, so this takes a few passes).
    let mut spread = true;
    while spread {
        spread = false;
        for (g, (i, c)) in all.iter().enumerate() {
            if verdict[g].is_some() {
                continue;
            }
            if let Some(&d) = c
                .depends_on
                .iter()
                .find(|&&d| verdict[global(*i, d)].is_some())
            {
                verdict[g] = Some(format!(
                    "it needs change {}, which is not made",
                    global(*i, d)
                ));
                spread = true;
            }
        }
    }
    verdict
}
