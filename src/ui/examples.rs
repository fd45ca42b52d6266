//! "Try an example": a small Koji 1.6 site written for this project (not Koji's own files).

/// `(file name, content)` of every example file.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("kojihub.conf", include_str!("../../examples/kojihub.conf")),
    ("kojiweb.conf", include_str!("../../examples/kojiweb.conf")),
    ("hub.conf", include_str!("../../examples/hub.conf")),
    ("kojid.conf", include_str!("../../examples/kojid.conf")),
    ("koji.conf", include_str!("../../examples/koji.conf")),
];
