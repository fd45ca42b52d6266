//! Koji 1.25 (from 1.24.1): koji-web's process group is set inside its `<Directory>`.
pub(crate) mod web_wsgi_process_group_placement;
