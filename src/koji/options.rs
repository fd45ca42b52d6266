//! Which options each Koji component accepts in its config file, release by release, as Koji's
//! own code reads them (not as its docs describe them).
//!
//! Rules ask this module rather than carry their own lists, so that "kojid stopped accepting
//! `use_old_ssl` in 1.16" is one fact with one source: the per-release JSON extracted from Koji's
//! code (`../shared/koji-options`), turned into compact tables by `scripts/gen-option-tables`
//! (`options_data.rs`, generated and committed). The tables are small on purpose: they are
//! compiled into the web page. Lookups are binary searches over `&'static` slices; nothing is
//! allocated and nothing panics, whatever name is asked.
//!
//! Names are compared the way the parsers compare them: every parser lower-cases the keys it
//! reads (Python's `str.lower`, as [`crate::ini`] does) and the hub and web also lower-case the
//! name they ask for, so `DBName`, `dbname` and `DBNAME` are one hub option. kojid, kojira and the
//! client spell their names in lower case, so comparing case-insensitively is exact for them too.

use std::cmp::Ordering;

use super::options_data as data;
use super::Release;

/// A Koji program with a config file of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Component {
    /// kojihub: `hub.conf` (1.7+), `PythonOption`s under mod_python before.
    Hub,
    /// kojiweb: `web.conf` (1.7+); 1.3–1.6 read `PythonOption` lines only, no ini file.
    Web,
    /// The builder daemon: `kojid.conf`.
    Kojid,
    /// The repo regeneration daemon: `kojira.conf`.
    Kojira,
    /// The command-line client: `koji.conf` and its profiles.
    Client,
}

impl Component {
    /// Every component, in table order.
    pub const ALL: [Component; 5] = [
        Component::Hub,
        Component::Web,
        Component::Kojid,
        Component::Kojira,
        Component::Client,
    ];

    /// The name Koji's docs and the data use: "hub", "web", "kojid", "kojira", "client".
    pub const fn name(self) -> &'static str {
        match self {
            Component::Hub => "hub",
            Component::Web => "web",
            Component::Kojid => "kojid",
            Component::Kojira => "kojira",
            Component::Client => "client",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// What the code does with a value when it reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OptionType {
    /// Kept as text, even when its default is a number or a boolean (so `= False` is the
    /// non-empty, true string "False": client `no_ssl_verify`, kojid `mock_bootstrap_image`).
    String,
    /// `getint` / `int()`: anything else stops kojid/kojira, or errors on the hub/web.
    Integer,
    /// `getboolean`: `1/yes/true/on`, `0/no/false/off`, any case; anything else is an error.
    Boolean,
    /// Split by the code: kojid `plugin(s)` on whitespace, web `Tasks`/`ToplevelTasks`/
    /// `ParentTasks` on commas.
    List,
    /// `os.path.expanduser`: `~` is the user's home (client directory options).
    Path,
}

impl OptionType {
    /// The data's word for it: "string", "integer", "boolean", "list", "path".
    pub const fn name(self) -> &'static str {
        match self {
            OptionType::String => "string",
            OptionType::Integer => "integer",
            OptionType::Boolean => "boolean",
            OptionType::List => "list",
            OptionType::Path => "path",
        }
    }
}

/// How a component's parser reads `%` in values: the one thing that decides whether a value can
/// be copied between components or releases unchanged.
///
/// | variant | parser | `100%` | `50%%` | `%(x)s` |
/// |---|---|---|---|---|
/// | `Raw` | `RawConfigParser` (or `PythonOption` lines) | `100%` | `50%%` (two characters) | literal |
/// | `Py2Lax` | Python 2 `ConfigParser.ConfigParser` | `100%` | `50%%`, unless the value also has a `%(`: then `50%` | expanded; unknown name: error |
/// | `Percent` | `SafeConfigParser` (py2) / `configparser.ConfigParser` (py3) | error | `50%` | expanded; unknown name: error |
/// | `Py2LaxOrPercent` | six.moves `ConfigParser`: `Py2Lax` under Python 2, `Percent` under 3 | | | |
///
/// The error comes when the value is read; kojid, kojira and the client read every key of their
/// section, so one bad `%` anywhere stops them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Interpolation {
    /// No interpolation: `%` is an ordinary character.
    Raw,
    /// Python 2's lax `ConfigParser`: only values containing `%(` are interpolated.
    Py2Lax,
    /// Strict: `%%` is `%`, `%(name)s` is expanded, any other `%` is an error.
    Percent,
    /// Depends on the Python the package runs under: [`Py2Lax`](Self::Py2Lax) or
    /// [`Percent`](Self::Percent). Safe values are the ones both read the same.
    Py2LaxOrPercent,
}

/// What a component does with a key it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unknown {
    /// It never looks the key up (hub, web, client look up only the names they know).
    Ignored,
    /// It exits with "unknown config option: NAME" (kojid, kojira).
    Fatal,
}

/// What a component does with one key of its config file at one release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Acceptance {
    /// Read and used, as this type.
    Accepted(OptionType),
    /// Accepted with a deprecation warning, the value unused (kojira 1.21+ `legacy_opts`).
    Legacy,
    /// Named in the code's defaults but refused in the file: fatal ("unknown config option"),
    /// e.g. kojira `ccache` until 1.35.1, `sleeptime` 1.7–1.15, `init_timeout` 1.35.
    Rejected,
    /// Not a name the component knows; what that does is [`unknown_policy`].
    Unknown,
}

/// A slice of `options_data::STRINGS`: byte offset and length.
pub(super) type Text = (u16, u8);

/// A run of consecutive releases, `first..=last` (minor numbers), in which a component lists a
/// name, spelled as its code spells it, with the same `what` (its type, its default, or nothing).
/// The name is an offset and length into one shared string to keep the tables small.
pub(super) struct Span<T> {
    at: u16,
    len: u8,
    what: T,
    first: u8,
    last: u8,
}

/// The generated tables' constructor for [`Span`].
pub(super) const fn span<T>(at: u16, len: u8, what: T, first: u8, last: u8) -> Span<T> {
    Span {
        at,
        len,
        what,
        first,
        last,
    }
}

impl<T> Span<T> {
    fn name(&self) -> &'static str {
        text((self.at, self.len))
    }

    fn holds(&self, release: Release) -> bool {
        (self.first..=self.last).contains(&release.minor())
    }
}

fn text((at, len): Text) -> &'static str {
    let at = usize::from(at);
    data::STRINGS.get(at..at + usize::from(len)).unwrap_or("")
}

/// `table` against `key`, both lower-cased as Python's parsers store option names (with the
/// `unicode-case` feature the Kelvin sign `\u{212A}` is a `k`, as Python 3's configparser sees
/// it; see `ini::option_name`).
fn cmp_name(table: &str, key: &str) -> Ordering {
    // The tables' names are ASCII (a test checks it), sorted by their lower-cased bytes; `key`
    // is lowered already (`ini::option_name`, as Python's parsers store it). Byte for byte, then:
    // lowering through Unicode's tables on every step of the binary search took 42 % of the
    // CLI's time on a 100,000-line client config, and more in the page's wasm.
    table
        .bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(key.bytes())
}

/// The span of `table` (sorted by lower-cased name, then release) for `name` at `release`.
fn find<T>(table: &'static [Span<T>], name: &str, release: Release) -> Option<&'static Span<T>> {
    spans_for(table, name).iter().find(|s| s.holds(release))
}

/// The spans of `table` (sorted by lower-cased name, then release) for `name`, at any release.
fn spans_for<T>(table: &'static [Span<T>], name: &str) -> &'static [Span<T>] {
    let lowered;
    let key = if name
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        lowered = crate::ini::option_name(name);
        lowered.as_str()
    } else {
        name
    };
    let from = table.partition_point(|s| cmp_name(s.name(), key) == Ordering::Less);
    let rest = table.get(from..).unwrap_or(&[]);
    let len = rest
        .iter()
        .take_while(|s| cmp_name(s.name(), key) == Ordering::Equal)
        .count();
    rest.get(..len).unwrap_or(&[])
}

/// kojid's resource limits: from 1.7 it takes any key that, upper-cased, starts with `RLIMIT_`
/// (`name.upper().startswith('RLIMIT_')` on the lower-cased key), passing it to `setrlimit`.
fn kojid_rlimit(release: Release, name: &str) -> bool {
    let mut upper = name
        .chars()
        .flat_map(char::to_lowercase)
        .flat_map(char::to_uppercase);
    "RLIMIT_".chars().all(|c| upper.next() == Some(c))
        && data::KOJID_RLIMIT
            .iter()
            .any(|&(first, last)| (first..=last).contains(&release.minor()))
}

/// The type `component` reads `name` as at `release`, if it reads it at all (kojid's `RLIMIT_`
/// keys are strings). `None` for legacy, rejected and unknown names.
pub fn option_type(component: Component, release: Release, name: &str) -> Option<OptionType> {
    let table = data::OPTIONS.get(component.index())?;
    match find(table, name, release) {
        Some(span) => Some(span.what),
        None if component == Component::Kojid && kojid_rlimit(release, name) => {
            Some(OptionType::String)
        }
        None => None,
    }
}

/// What `component` at `release` does with the key `name` in its config file (any case).
///
/// kojira 1.21 declares its legacy names as the string `('with_src')`, not a tuple, so Koji
/// itself accepts any substring of "with_src" there (`src`, `with`); this answers for `with_src`
/// only, the one name meant.
pub fn accepts(component: Component, release: Release, name: &str) -> Acceptance {
    if let Some(ty) = option_type(component, release, name) {
        return Acceptance::Accepted(ty);
    }
    if component == Component::Kojira {
        if find(data::KOJIRA_LEGACY, name, release).is_some() {
            return Acceptance::Legacy;
        }
        if find(data::KOJIRA_NOT_IN_FILE, name, release).is_some() {
            return Acceptance::Rejected;
        }
    }
    Acceptance::Unknown
}

/// The value at `release` of a per-release setting stored as (first minor, value) at each change.
fn at_release<T: Copy>(runs: &[(u8, T)], release: Release) -> Option<T> {
    runs.iter()
        .rev()
        .find(|&&(first, _)| first <= release.minor())
        .map(|&(_, v)| v)
}

/// What `component` at `release` does with a key it does not know: ignores it (hub, web,
/// client) or exits (kojid, kojira).
pub fn unknown_policy(component: Component, release: Release) -> Unknown {
    let runs = data::UNKNOWN.get(component.index()).copied().unwrap_or(&[]);
    at_release(runs, release).unwrap_or(Unknown::Ignored)
}

/// How `component` at `release` reads `%` in its config file's values. Web 1.3–1.6 has no ini
/// file: its `PythonOption` values are taken as written, i.e. [`Interpolation::Raw`].
pub fn interpolation(component: Component, release: Release) -> Interpolation {
    let runs = data::INTERPOLATION
        .get(component.index())
        .copied()
        .unwrap_or(&[]);
    at_release(runs, release).unwrap_or(Interpolation::Raw)
}

/// The latest release up to `before_or_at` in which `component` reads `name`
/// ([`Acceptance::Accepted`]), e.g. to say "last accepted in 1.15". The name is looked up once,
/// not at every release tried (14 M instructions at 100,000 lines when it was).
pub fn last_accepted(component: Component, name: &str, before_or_at: Release) -> Option<Release> {
    // The name looked up once, at any release.
    let spans = spans_for(data::OPTIONS.get(component.index())?, name);
    Release::all()
        .rev()
        .filter(|&r| r <= before_or_at)
        .find(|&r| {
            spans.iter().any(|s| s.holds(r))
                || (component == Component::Kojid && kojid_rlimit(r, name))
        })
}

/// The first release in (`after`, `up_to`] in which `component` no longer reads a `name` it
/// reads at `after`, so a rule can say "kojid stopped accepting `use_old_ssl` in 1.16". `None`
/// when it reads it throughout, or does not read it at `after`.
///
/// "Reads" is [`Acceptance::Accepted`]: a name that turns [`Acceptance::Legacy`] counts as gone,
/// since its value no longer has an effect; ask [`accepts`] at the release returned to tell a
/// warning from an unknown or rejected key.
pub fn first_release_without(
    component: Component,
    name: &str,
    after: Release,
    up_to: Release,
) -> Option<Release> {
    option_type(component, after, name)?;
    Release::steps(after, up_to).find(|&r| option_type(component, r, name).is_none())
}

/// The code's built-in default of `name` at `release`, as the config-file text that gives the
/// same value (booleans as `True`/`False`). Only the defaults rules need are stored, to keep the
/// page small: kojira `max_repo_tasks` and `check_external_repos`, kojid `workdir` and
/// `use_createrepo_c`. `None` for any other name, and where the default is Python's `None`.
pub fn default_of(component: Component, release: Release, name: &str) -> Option<&'static str> {
    let table = data::DEFAULTS.get(component.index())?;
    find(table, name, release).map(|span| text(span.what))
}

/// How `component`'s code spells `name` at `release` (`dbname` → `DBName` for the hub), for the
/// names it lists: read, legacy or rejected. `None` for unknown names and for kojid's `RLIMIT_`
/// keys (any key with that prefix, not a listed name). Of names that differ only in case (hub
/// `DBHost` and `DBhost`, one key for the parser) the first the code lists is given.
pub fn canonical_name(component: Component, release: Release, name: &str) -> Option<&'static str> {
    let table = data::OPTIONS.get(component.index())?;
    if let Some(span) = find(table, name, release) {
        return Some(span.name());
    }
    if component == Component::Kojira {
        let legacy = find(data::KOJIRA_LEGACY, name, release);
        let rejected = || find(data::KOJIRA_NOT_IN_FILE, name, release);
        return legacy.or_else(rejected).map(Span::name);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Acceptance::{Accepted, Legacy, Rejected};
    use super::Component::{Client, Hub, Kojid, Kojira, Web};
    use super::*;

    /// `last_accepted` is `option_type` asked at each release down from `before_or_at`, for
    /// names of every table (in other cases too), kojid's `RLIMIT_` keys and unknown names.
    #[test]
    fn last_accepted_is_option_type_at_each_release() {
        for c in Component::ALL {
            let table = data::OPTIONS.get(c.index()).copied().unwrap_or(&[]);
            let mut names: Vec<String> = table
                .iter()
                .step_by(3)
                .map(|s| s.name().to_string())
                .collect();
            names.extend(
                table
                    .iter()
                    .step_by(7)
                    .map(|s| s.name().to_ascii_uppercase()),
            );
            names.extend(["RLIMIT_AS", "rlimit_nofile", "nope", "", "with_src"].map(String::from));
            for name in &names {
                for before in Release::all() {
                    let plain = Release::all()
                        .rev()
                        .filter(|&r| r <= before)
                        .find(|&r| option_type(c, r, name).is_some());
                    assert_eq!(
                        last_accepted(c, name, before),
                        plain,
                        "{c:?} {name} {before}"
                    );
                }
            }
        }
    }

    fn r(minor: u8) -> Release {
        Release::new(minor).unwrap()
    }

    #[test]
    fn kojid_dropped_use_old_ssl_in_1_16() {
        assert_eq!(
            accepts(Kojid, r(15), "use_old_ssl"),
            Accepted(OptionType::Boolean)
        );
        assert_eq!(accepts(Kojid, r(16), "use_old_ssl"), Acceptance::Unknown);
        assert_eq!(unknown_policy(Kojid, r(16)), Unknown::Fatal);
        assert_eq!(
            first_release_without(Kojid, "use_old_ssl", r(15), Release::NEWEST),
            Some(r(16))
        );
        assert_eq!(
            first_release_without(Kojid, "use_old_ssl", r(11), r(15)),
            None
        );
        assert_eq!(
            first_release_without(Kojid, "use_old_ssl", r(10), Release::NEWEST),
            None,
            "not read at 1.10 (added in 1.11)"
        );
        assert_eq!(
            last_accepted(Kojid, "USE_OLD_SSL", Release::NEWEST),
            Some(r(15))
        );
        assert_eq!(last_accepted(Kojid, "use_old_ssl", r(10)), None);
    }

    #[test]
    fn kojira_prune_batch_size_gone_in_1_8() {
        assert_eq!(
            accepts(Kojira, r(7), "prune_batch_size"),
            Accepted(OptionType::Integer)
        );
        assert_eq!(
            accepts(Kojira, r(8), "prune_batch_size"),
            Acceptance::Unknown
        );
        assert_eq!(
            first_release_without(Kojira, "prune_batch_size", Release::OLDEST, Release::NEWEST),
            Some(r(8))
        );
    }

    #[test]
    fn max_repo_tasks_moved_from_kojira_to_the_hub_in_1_35() {
        assert_eq!(
            accepts(Kojira, r(34), "max_repo_tasks"),
            Accepted(OptionType::Integer)
        );
        assert_eq!(accepts(Kojira, r(35), "max_repo_tasks"), Legacy);
        assert_eq!(
            first_release_without(Kojira, "max_repo_tasks", r(34), r(35)),
            Some(r(35))
        );
        assert_eq!(accepts(Hub, r(34), "MaxRepoTasks"), Acceptance::Unknown);
        assert_eq!(
            accepts(Hub, r(35), "maxrepotasks"),
            Accepted(OptionType::Integer)
        );
        assert_eq!(
            canonical_name(Hub, r(35), "MAXREPOTASKS"),
            Some("MaxRepoTasks")
        );
    }

    #[test]
    fn kojira_legacy_and_rejected_names() {
        assert_eq!(
            accepts(Kojira, r(20), "with_src"),
            Accepted(OptionType::Boolean)
        );
        assert_eq!(accepts(Kojira, r(21), "with_src"), Legacy);
        assert_eq!(accepts(Kojira, r(21), "src"), Acceptance::Unknown);
        assert_eq!(accepts(Kojira, r(22), "delete_batch_size"), Legacy);
        assert_eq!(canonical_name(Kojira, r(35), "With_Src"), Some("with_src"));

        assert_eq!(accepts(Kojira, r(34), "ccache"), Rejected);
        assert_eq!(
            accepts(Kojira, r(35), "ccache"),
            Accepted(OptionType::String)
        );
        assert_eq!(accepts(Kojira, r(35), "init_timeout"), Rejected);
        assert_eq!(accepts(Kojira, r(6), "sleeptime"), Acceptance::Unknown);
        assert_eq!(accepts(Kojira, r(15), "sleeptime"), Rejected);
        assert_eq!(
            accepts(Kojira, r(16), "sleeptime"),
            Accepted(OptionType::Integer)
        );
        // Rejected and legacy are kojira's alone.
        assert_eq!(accepts(Kojid, r(34), "init_timeout"), Acceptance::Unknown);
    }

    #[test]
    fn names_compare_as_the_parsers_lower_case_them() {
        for name in ["dbname", "DBName", "DBNAME", "dBnAmE"] {
            assert_eq!(
                accepts(Hub, r(3), name),
                Accepted(OptionType::String),
                "{name}"
            );
            assert_eq!(canonical_name(Hub, Release::NEWEST, name), Some("DBName"));
        }
        assert_eq!(canonical_name(Hub, r(21), "dbhost"), Some("DBHost"));
        // Python 3's str.lower turns the Kelvin sign into k.
        assert_eq!(
            canonical_name(Hub, r(21), "\u{212A}ojiDir"),
            Some("KojiDir")
        );
        assert_eq!(canonical_name(Hub, r(21), "dbnam"), None);
        assert_eq!(canonical_name(Hub, r(21), "dbnamex"), None);
        assert_eq!(canonical_name(Kojid, r(21), "RLIMIT_NOFILE"), None);
        for odd in ["", " ", "ø", "\u{0}", "k\u{301}", &"x".repeat(10_000)] {
            for c in Component::ALL {
                assert_eq!(accepts(c, r(21), odd), Acceptance::Unknown, "{odd:?}");
            }
        }
    }

    #[test]
    fn kojid_takes_any_rlimit_key_from_1_7() {
        for name in [
            "RLIMIT_NOFILE",
            "rlimit_nofile",
            "RLIMIT_WHATEVER",
            "rlımıt_as",
        ] {
            assert_eq!(
                accepts(Kojid, r(7), name),
                Accepted(OptionType::String),
                "{name}"
            );
            assert_eq!(
                accepts(Kojid, Release::NEWEST, name),
                Accepted(OptionType::String)
            );
            assert_eq!(accepts(Kojid, r(6), name), Acceptance::Unknown);
        }
        assert_eq!(accepts(Kojid, r(21), "RLIMIT"), Acceptance::Unknown);
        assert_eq!(accepts(Kojira, r(21), "RLIMIT_NOFILE"), Acceptance::Unknown);
        assert_eq!(
            last_accepted(Kojid, "RLIMIT_AS", Release::NEWEST),
            Some(Release::NEWEST)
        );
        assert_eq!(
            first_release_without(Kojid, "RLIMIT_AS", r(7), Release::NEWEST),
            None
        );
    }

    #[test]
    fn interpolation_by_release() {
        assert_eq!(interpolation(Web, r(18)), Interpolation::Raw);
        assert_eq!(interpolation(Web, r(19)), Interpolation::Percent);
        assert_eq!(interpolation(Web, r(3)), Interpolation::Raw);
        assert_eq!(interpolation(Hub, r(6)), Interpolation::Py2Lax);
        assert_eq!(interpolation(Hub, r(7)), Interpolation::Raw);
        assert_eq!(interpolation(Kojid, r(17)), Interpolation::Py2LaxOrPercent);
        assert_eq!(interpolation(Client, r(16)), Interpolation::Py2LaxOrPercent);
        for release in Release::steps(r(17), Release::NEWEST) {
            assert_eq!(
                interpolation(Kojid, release),
                Interpolation::Raw,
                "{release}"
            );
        }
        for release in Release::steps(r(16), Release::NEWEST) {
            assert_eq!(
                interpolation(Client, release),
                Interpolation::Percent,
                "{release}"
            );
        }
        assert_eq!(interpolation(Kojira, r(18)), Interpolation::Py2LaxOrPercent);
        assert_eq!(interpolation(Kojira, r(19)), Interpolation::Percent);
    }

    #[test]
    fn unknown_keys_stop_only_kojid_and_kojira() {
        for release in Release::all() {
            for c in Component::ALL {
                let fatal = matches!(c, Kojid | Kojira);
                let want = if fatal {
                    Unknown::Fatal
                } else {
                    Unknown::Ignored
                };
                assert_eq!(unknown_policy(c, release), want, "{} {release}", c.name());
            }
        }
    }

    #[test]
    fn stored_defaults() {
        assert_eq!(default_of(Kojira, r(3), "max_repo_tasks"), Some("10"));
        assert_eq!(default_of(Kojira, r(34), "max_repo_tasks"), Some("4"));
        assert_eq!(
            default_of(Kojira, r(34), "check_external_repos"),
            Some("False")
        );
        assert_eq!(
            default_of(Kojira, r(35), "check_external_repos"),
            Some("True")
        );
        assert_eq!(default_of(Kojid, r(9), "workdir"), Some("/tmp/koji"));
        assert_eq!(default_of(Kojid, r(10), "WORKDIR"), Some("/var/tmp/koji"));
        assert_eq!(default_of(Kojid, r(17), "use_createrepo_c"), Some("False"));
        assert_eq!(default_of(Kojid, r(18), "use_createrepo_c"), Some("True"));
        assert_eq!(default_of(Kojid, r(10), "use_createrepo_c"), None);
        assert_eq!(default_of(Kojid, r(18), "topdir"), None, "not stored");
    }

    /// The generated tables keep the invariants the lookups rely on.
    #[test]
    fn tables_are_well_formed() {
        fn check<T>(what: &str, table: &[Span<T>]) {
            for s in table {
                assert!(!s.name().is_empty() && s.name().is_ascii(), "{what}");
                assert!(
                    Release::OLDEST.minor() <= s.first
                        && s.first <= s.last
                        && s.last <= Release::NEWEST.minor(),
                    "{what} {}",
                    s.name()
                );
            }
            for w in table.windows(2) {
                let (a, b) = (&w[0], &w[1]);
                let order = cmp_name(a.name(), &b.name().to_ascii_lowercase());
                assert!(
                    order == Ordering::Less || (order == Ordering::Equal && a.last < b.first),
                    "{what}: {} {}..{} then {} {}..{}",
                    a.name(),
                    a.first,
                    a.last,
                    b.name(),
                    b.first,
                    b.last
                );
            }
        }
        for c in Component::ALL {
            check(c.name(), data::OPTIONS[c.index()]);
            check(c.name(), data::DEFAULTS[c.index()]);
            for s in data::DEFAULTS[c.index()] {
                let at_first = Release::new(s.first).unwrap();
                assert_ne!(accepts(c, at_first, s.name()), Acceptance::Unknown);
            }
            assert_eq!(data::UNKNOWN[c.index()][0].0, Release::OLDEST.minor());
            assert_eq!(data::INTERPOLATION[c.index()][0].0, Release::OLDEST.minor());
        }
        check("kojira legacy", data::KOJIRA_LEGACY);
        check("kojira rejected", data::KOJIRA_NOT_IN_FILE);
        assert_eq!(Component::ALL.map(Component::index), [0, 1, 2, 3, 4]);
    }

    /// `cmp_name` orders ASCII names as lower-casing through Unicode does (the tables' order).
    #[test]
    fn cmp_name_orders_as_unicode_lower_casing() {
        let fold = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        let names = [
            "",
            "a",
            "A",
            "ab",
            "aB",
            "a_b",
            "a-b",
            "Z",
            "z",
            "[",
            "_",
            "`",
            "@",
            "KojiHubURL",
            "kojihuburl",
            "topurl",
            "TopURL2",
        ];
        for a in names {
            for b in names {
                assert_eq!(cmp_name(a, &fold(b)), fold(a).cmp(&fold(b)), "{a} {b}");
            }
        }
    }
}
