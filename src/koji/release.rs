//! Koji releases, as the minor versions an admin names ("1.21", "1.21.0", "v1.21.1").
//!
//! Config changes come with minor releases, so a [`Release`] is the minor number of Koji 1.x;
//! the patch level an admin types is accepted and dropped. The tool knows every release from
//! [`Release::OLDEST`] (1.3, the oldest config it reads) to [`Release::NEWEST`].

use std::fmt;

/// A Koji 1.x minor release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Release(u8);

impl Release {
    /// The oldest release whose configs the tool reads.
    pub const OLDEST: Release = Release(3);
    /// The release that moved Koji to mod_wsgi and web.conf: where the tool began.
    pub const V1_7: Release = Release(7);
    /// The newest release the tool migrates to.
    pub const NEWEST: Release = Release(35);

    /// Koji 1.`minor`, when the tool knows it.
    pub const fn new(minor: u8) -> Option<Release> {
        if minor >= Self::OLDEST.0 && minor <= Self::NEWEST.0 {
            Some(Release(minor))
        } else {
            None
        }
    }

    /// Koji 1.`minor`, for a release the code names itself (a rule's release): a minor the tool
    /// does not know stops the build, since it is only ever evaluated as a constant.
    pub const fn known(minor: u8) -> Release {
        match Release::new(minor) {
            Some(r) => r,
            None => panic!("a release koji-migrate does not know"),
        }
    }

    /// The minor number: 21 for Koji 1.21.
    pub const fn minor(self) -> u8 {
        self.0
    }

    /// Reads "1.21", "1.21.0", "v1.21.1" or "koji-1.21"; `None` for anything else or for a
    /// release the tool does not know.
    pub fn parse(s: &str) -> Option<Release> {
        let s = s.trim();
        let s = s.strip_prefix("koji-").unwrap_or(s);
        let s = s.strip_prefix('v').unwrap_or(s);
        let mut parts = s.split('.');
        let (major, minor) = (parts.next()?, parts.next()?);
        let patch_ok = match parts.next() {
            None => true,
            Some(p) => !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()),
        };
        if major != "1" || !patch_ok || parts.next().is_some() {
            return None;
        }
        if minor.is_empty() || minor.len() > 3 || !minor.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        minor.parse().ok().and_then(Release::new)
    }

    /// The next release, if the tool knows one.
    pub fn next(self) -> Option<Release> {
        Release::new(self.0 + 1)
    }

    /// Every release the tool knows, oldest first.
    pub fn all() -> impl DoubleEndedIterator<Item = Release> + Clone {
        (Self::OLDEST.0..=Self::NEWEST.0).map(Release)
    }

    /// The releases whose changes a migration from `from` to `to` makes: those after `from`, up
    /// to and including `to`.
    pub fn steps(from: Release, to: Release) -> impl DoubleEndedIterator<Item = Release> + Clone {
        (from.0 + 1..=to.0).map(Release)
    }

    /// Whether this release's changes belong to a migration from `from` to `to`.
    pub fn is_step_of(self, from: Release, to: Release) -> bool {
        from < self && self <= to
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "1.{}", self.0)
    }
}

impl serde::Serialize for Release {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_admins_type() {
        assert_eq!(Release::parse("1.21"), Release::new(21));
        assert_eq!(Release::parse("1.21.0"), Release::new(21));
        assert_eq!(Release::parse(" v1.35.3 "), Some(Release::NEWEST));
        assert_eq!(Release::parse("koji-1.3.1"), Some(Release::OLDEST));
        for bad in [
            "", "1", "1.", "2.1", "1.2", "1.36", "1.x", "1.21.", "1.21.0.1", "1.+5", "1.0021",
        ] {
            assert_eq!(Release::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn prints_as_minor_and_orders_by_it() {
        assert_eq!(Release::NEWEST.to_string(), "1.35");
        assert!(Release::V1_7 < Release::parse("1.10").unwrap());
        assert_eq!(Release::all().count(), 33);
        let steps: Vec<String> = Release::steps(Release::V1_7, Release::new(9).unwrap())
            .map(|r| r.to_string())
            .collect();
        assert_eq!(steps, ["1.8", "1.9"]);
        assert!(Release::new(8)
            .unwrap()
            .is_step_of(Release::V1_7, Release::NEWEST));
        assert!(!Release::V1_7.is_step_of(Release::V1_7, Release::NEWEST));
    }
}
