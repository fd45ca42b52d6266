//! Koji 1.13: the hub and web packages need mod_auth_gssapi instead of mod_auth_kerb.
pub(crate) mod auth_kerb_to_gssapi;
