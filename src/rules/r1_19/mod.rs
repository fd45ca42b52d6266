//! Koji 1.19: web.conf and kojira.conf are read with `%` interpolation.
pub(crate) mod kojira_conf_percent;
pub(crate) mod web_conf_percent;
