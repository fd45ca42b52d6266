//! Koji 1.17: the client reads koji.conf with `%` interpolation.
pub(crate) mod client_conf_percent;
