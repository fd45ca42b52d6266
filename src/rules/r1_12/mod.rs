//! Koji 1.12: koji-web runs in the main Python interpreter of its WSGI process.
pub(crate) mod web_wsgi_application_group;
