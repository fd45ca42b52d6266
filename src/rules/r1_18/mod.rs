//! Koji 1.18: the hub must not be reloaded by mod_wsgi.
pub(crate) mod hub_wsgi_script_reloading;
