//! Koji 1.7: mod_python to mod_wsgi, koji-web's settings to web.conf, `pkgurl` to `topurl`, the
//! database schema. One file per rule; what several rules of one file kind share lives in the
//! helper of that kind (`rules::hub_httpd`, `rules::web_httpd`, `rules::web_settings`,
//! `rules::web_conf`, `rules::kojid_conf`, `rules::client_conf`, `rules::pkgurl`,
//! `rules::cross_file`, `rules::schema`), and each rule's doc comment says where its logic is.
pub(crate) mod already_migrated;
pub(crate) mod client_krbservice;
pub(crate) mod client_pkgurl_topurl;
pub(crate) mod cross_files_url;
pub(crate) mod cross_hub_url;
pub(crate) mod db_schema_upgrade;
pub(crate) mod hub_alias_wsgi;
pub(crate) mod hub_conf_percent;
pub(crate) mod hub_configfile_setenv;
pub(crate) mod hub_handler_wsgi;
pub(crate) mod hub_options_ignored;
pub(crate) mod hub_options_to_hub_conf;
pub(crate) mod ifmodule_wsgi;
pub(crate) mod input_kind;
pub(crate) mod input_problem;
pub(crate) mod kojid_pkgurl_topurl;
pub(crate) mod web_alias_wsgi;
pub(crate) mod web_configfile;
pub(crate) mod web_debug;
pub(crate) mod web_files_url;
pub(crate) mod web_greeting;
pub(crate) mod web_handler_mod_python;
pub(crate) mod web_handler_wsgi;
pub(crate) mod web_libpath;
pub(crate) mod web_options_to_web_conf;
pub(crate) mod web_removed_handlers;
pub(crate) mod web_secret;
pub(crate) mod web_theme_alias;
pub(crate) mod web_unknown_option;
