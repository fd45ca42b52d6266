//! Koji 1.17: Python 3 everywhere; the client reads koji.conf with `%` interpolation, koji-web
//! needs a UTF-8 locale.
pub(crate) mod client_conf_percent;
pub(crate) mod web_wsgi_daemon_process;
