//! Koji 1.11: the hub runs in the main Python interpreter of its WSGI process.
pub(crate) mod hub_wsgi_application_group;
