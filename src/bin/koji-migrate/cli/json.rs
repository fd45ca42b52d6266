//! `--json`: the report as one JSON object, for tools. Apart from the printed report, with which
//! it shares only [`note_place`].

use koji_migrate::{Note, Report};

/// The file a note is about, by name, and its first line there.
pub(super) fn note_place(report: &Report, n: &Note) -> (Option<String>, Option<usize>) {
    match (n.input, n.output) {
        (Some(i), _) => (report.files[i].input.clone(), n.lines.map(|l| l.first)),
        (None, Some(o)) => (
            Some(report.files[o].output.clone()),
            n.output_lines.map(|l| l.first),
        ),
        (None, None) => (None, None),
    }
}

pub(super) fn json(report: &Report) -> String {
    use serde_json::{json, Value};
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|f| json!({"input": f.input, "kind": f.kind.id(), "output": f.output, "changed": f.changed}))
        .collect();
    let notes: Vec<Value> = report
        .notes
        .iter()
        .map(|n| {
            let (file, line) = note_place(report, n);
            json!({
                "severity": n.severity.as_str(),
                "file": file,
                "line": line,
                "message": n.message,
                "guide": n.guide.title(),
                "rule": n.rule,
                "lines": n.lines.map(|l| [l.first, l.last]),
                "output_file": n.output.map(|o| report.files[o].output.clone()),
                "output_lines": n.output_lines.map(|l| [l.first, l.last]),
                "guide_url": n.guide.url(),
                "change": n.change,
                "skipped": n.change.is_some_and(|c| !report.changes[c].accepted),
            })
        })
        .collect();
    let changes: Vec<Value> = report
        .changes
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "rule": c.rule,
                "file": report.files[c.input].input,
                "lines": c.lines.map(|l| [l.first, l.last]),
                "output_lines": c.output_lines.map(|l| [l.first, l.last]),
                "depends_on": c.depends_on,
                "accepted": c.accepted,
                "rejected_because": c.rejected_because,
            })
        })
        .collect();
    let mut s = serde_json::to_string(
        &json!({"files": files, "notes": notes, "changes": changes, "database": report.database, "steps": report.steps}),
    )
    .unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
