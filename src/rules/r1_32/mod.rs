//! Koji 1.32: the hub's code moved to site-packages; httpd serves it through `kojiapp.py`.
pub(crate) mod hub_alias_kojiapp;
