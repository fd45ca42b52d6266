#!/usr/bin/env python3
"""Reads config files with one Koji release's own readers; used by tests/real_readers.rs.

Usage (run with target/koji-readers/venv/bin/python, made by scripts/setup):

    check.py KOJI_DIR OPTIONS_JSON [--both-kojid] < jobs.json

KOJI_DIR is target/koji-readers/koji-<version>: the `koji` package of that version from PyPI
(`pip install --no-deps --target`) plus util/kojira and, when that version's sdist ships it,
builder/kojid. OPTIONS_JSON is ../shared/koji-options/<minor>.json: it says how the web and the hub
parse their files (`reader`) and which web/hub options are integers or booleans (the web's and hub's
own code is not on PyPI). jobs.json is a list of {"id": ..., "path": ..., "reader": ...} where reader
is one of client, web, hub, kojira, kojid. Prints one JSON object:

    {"koji": "koji-1.35.3", "kojid_loader": "...", "stubbed_for_kojid": [...],
     "results": {id: "ok" or the error text}, "notes": {id: [...]}}

`notes` are not failures: keys the hub, the web or the client ignore (not in their option table),
sections they ignore, and what kojira/kojid print while accepting a file (deprecation warnings).

How each reader is run:

- client: `koji.read_config_files([FILE])` (what the CLI parses with), then
  `koji.read_config(profile, user_config=FILE)` for every section of the file. read_config also
  reads /etc/koji.conf.d and /etc/koji.conf; those are filtered out (only FILE is read) so the result
  does not depend on the machine.
- web: `koji.read_config_files([(FILE, True)], raw=...)`, raw when OPTIONS_JSON's web.reader says
  no interpolation (1.7-1.18), interpolating from 1.19. Then every option of the web's table is read
  the way wsgi_publisher's Dispatcher.load_config does (getint / getboolean / get), and every other
  key of [web] with `.get` too (forces the interpolation errors the web would hit if it read it). A
  file without [web] fails (the web would silently run on defaults).
- hub: `koji.read_config_files([(FILE, True)], raw=True)` (the hub reads raw from 1.7 on; follows
  OPTIONS_JSON's hub.reader), then every option of the hub's table with its type. No [hub] fails.
- kojira: util/kojira from the sdist is loaded as a module named `kojira_<version>` (not
  `__main__`, so its main block does not run; it imports only the stdlib, requests and koji, so
  nothing is stubbed), then its `get_options()` runs with sys.argv = ['kojira', '-c', FILE].
  SystemExit (e.g. "unknown config option: x", "invalid section found in config file") and any
  exception are failures, with what kojira wrote to stderr.
- kojid: when KOJI_DIR has builder/kojid (of the versions in tests/readers/versions only 1.22.1's
  sdist ships it), it is loaded the same way and its `get_options()` runs with
  sys.argv = ['kojid', '-c', FILE]. To import it, each module whose absence stops the import is
  replaced by an EMPTY module object, one at a time (for 1.22.1: rpm, Cheetah, Cheetah.Template,
  multilib, multilib.multilib), plus koji.rpmdiff (koji's own, but it reads rpm.RPMTAG_* at import)
  when rpm is stubbed. get_options uses none of them; optional imports that kojid guards with
  try/except are not stubbed and fail as on a builder without them. `stubbed_for_kojid` in the
  output lists what was stubbed. `koji.ensuredir` is a no-op while get_options runs (it would create
  the configured workdir).
  Without builder/kojid, get_options is re-enacted from OPTIONS_JSON's kojid table: only a [kojid]
  section, every key known (or plugin(s), RLIMIT_*), integers int(), booleans getboolean, `server`
  and `topurl` required, raw or interpolating per kojid.reader: the steps and messages of
  builder/kojid's get_options in 1.22-1.35. Checked once by hand against the real builder/kojid of
  1.27.1, 1.32.1 and 1.35.3 (from Koji's git, which the test does not use) on the stock kojid.conf
  of every release and six broken files (and against 1.22.1's): the same text for every file.
  With `--both-kojid` and builder/kojid present, both run and any difference is a failure.
  `kojid_loader` in the output says which was used.
"""

import importlib
import importlib.machinery
import importlib.util
import io
import json
import os
import re
import sys
import traceback
import types
import warnings


def short(e):
    """One exception as `Type: message` (no traceback: the message is what an admin sees)."""
    return "%s: %s" % (type(e).__name__, str(e).strip())


class Captured:
    """Redirects sys.stderr (and sys.stdout) while a reader runs; logging's last-resort handler
    writes to whatever sys.stderr is at that moment, so kojira's/kojid's quit() messages land here."""

    def __enter__(self):
        self.old = (sys.stdout, sys.stderr, sys.argv, warnings.showwarning)
        self.err = io.StringIO()
        sys.stdout = io.StringIO()
        sys.stderr = self.err
        # A warning as its category and message (not the file:line of the script).
        warnings.showwarning = lambda message, category, *args, **kw: sys.stderr.write(
            "%s: %s\n" % (category.__name__, str(message).strip()))
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr, sys.argv, warnings.showwarning = self.old
        return False

    def text(self):
        lines = []
        for line in self.err.getvalue().splitlines():
            if line.strip() and line.strip() not in lines:
                lines.append(line.strip())
        return " | ".join(lines)


def load_script(path, name):
    """Loads a Koji script (no .py suffix) as a module named `name`, without running its main."""
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def load_with_stubs(path, name, koji):
    """load_script, replacing each module whose absence stops the import (ModuleNotFoundError)
    by an EMPTY module object (a package, so `from x import y` finds `x.y` missing in turn), one at
    a time, and retrying. Optional imports guarded by try/except ImportError are not stubbed: they
    fail as on a machine without them. Returns (module, names stubbed)."""
    stubbed = []
    for _ in range(30):
        try:
            return load_script(path, name), stubbed
        except ImportError as e:
            missing = e.name
            m = re.match(r"cannot import name '([^']+)' from '([^']+)'", str(e))
            if m and m.group(2) in stubbed:
                # `from stub import name`: name becomes an empty submodule of the stub.
                missing = m.group(2) + "." + m.group(1)
            elif not isinstance(e, ModuleNotFoundError):
                raise
            if not missing or missing in sys.modules:
                raise
            mod = types.ModuleType(missing)
            mod.__path__ = []
            sys.modules[missing] = mod
            if "." in missing:
                parent, child = missing.rsplit(".", 1)
                setattr(sys.modules[parent], child, mod)
            stubbed.append(missing)
            if missing == "rpm" and "koji.rpmdiff" not in sys.modules:
                # koji.rpmdiff (koji's own) reads rpm.RPMTAG_* at import: without the real rpm
                # it is an empty module too.
                sys.modules["koji.rpmdiff"] = types.ModuleType("koji.rpmdiff")
                koji.rpmdiff = sys.modules["koji.rpmdiff"]
                stubbed.append("koji.rpmdiff")
    raise RuntimeError("too many missing modules: %s" % stubbed)


class Checker:
    def __init__(self, koji_dir, options):
        self.koji_dir = koji_dir
        self.options = options
        sys.path.insert(0, koji_dir)
        import koji  # noqa: E402  (the version in koji_dir)

        self.koji = koji
        self._kojira = None
        self._kojid = None
        self.stubbed = []
        self.notes = []  # for the current file: what the reader accepts but ignores or warns about

    def _ignored(self, who, cp, section, table):
        known = set(k.lower() for k in table)
        extra = [k for k in cp.options(section) if k not in known and k not in cp.defaults()]
        if extra:
            self.notes.append("%s ignores [%s] %s" % (who, section, ", ".join(extra)))

    # -- client ---------------------------------------------------------------------------
    def client(self, path):
        koji = self.koji
        try:
            cp = koji.read_config_files([path])
        except Exception as e:
            return "read_config_files: " + short(e)
        sections = cp.sections()
        if not sections:
            return "no profile section"
        orig = koji.read_config_files
        want = os.path.abspath(path)

        def only_this_file(configs, raw=False):
            keep = []
            for c in configs:
                p = c[0] if isinstance(c, (list, tuple)) else c
                if os.path.abspath(os.path.expanduser(p)) == want:
                    keep.append(c)
            return orig(keep, raw=raw)

        for profile in sections:
            self._ignored("client", cp, profile, self.options["client"]["options"])
        errors = []
        koji.read_config_files = only_this_file
        try:
            for profile in sections:
                try:
                    koji.read_config(profile, user_config=path)
                except Exception as e:
                    errors.append("profile %s: read_config: %s" % (profile, short(e)))
        finally:
            koji.read_config_files = orig
        return "; ".join(errors) or "ok"

    # -- web and hub (their code is not on PyPI: koji.read_config_files + the option table) ---
    def _raw(self, component):
        return self.options[component]["reader"]["interpolation"] == "none"

    def _typed_reads(self, cp, section, table, all_keys):
        errors = []
        known = set()
        for name, dtype in table.items():
            key = name.lower()
            known.add(key)
            if not cp.has_option(section, name):
                continue
            try:
                if dtype == "integer":
                    cp.getint(section, name)
                elif dtype == "boolean":
                    cp.getboolean(section, name)
                else:
                    cp.get(section, name)
            except Exception as e:
                errors.append("%s (%s): %s" % (name, dtype, short(e)))
        if all_keys:
            for key in cp.options(section):
                if key in known:
                    continue
                try:
                    cp.get(section, key)
                except Exception as e:
                    errors.append("%s (not read by the web): %s" % (key, short(e)))
        return errors

    def web(self, path):
        raw = self._raw("web")
        try:
            cp = self.koji.read_config_files([(path, True)], raw=raw)
        except Exception as e:
            return "read_config_files(raw=%s): %s" % (raw, short(e))
        if not cp.has_section("web"):
            return "no [web] section: every option would be its default"
        errors = self._typed_reads(cp, "web", self.options["web"]["options"], True)
        self._ignored("web", cp, "web", self.options["web"]["options"])
        for other in cp.sections():
            if other != "web":
                self.notes.append("web ignores section [%s]" % other)
        return "; ".join(errors) or "ok"

    def hub(self, path):
        raw = self._raw("hub")
        try:
            cp = self.koji.read_config_files([(path, True)], raw=raw)
        except Exception as e:
            return "read_config_files(raw=%s): %s" % (raw, short(e))
        if not cp.has_section("hub"):
            return "no [hub] section: every option would be its default"
        errors = self._typed_reads(cp, "hub", self.options["hub"]["options"], False)
        self._ignored("hub", cp, "hub", self.options["hub"]["options"])
        for other in cp.sections():
            if other not in ("hub", "policy"):
                self.notes.append("hub ignores section [%s]" % other)
        return "; ".join(errors) or "ok"

    # -- kojira and kojid: their own get_options() -----------------------------------------
    def _run_get_options(self, mod, prog, path):
        with Captured() as cap:
            sys.argv = [prog, "-c", path]
            try:
                mod.get_options()
                result = None
            except SystemExit as e:
                result = "%s exits (%s): %s" % (prog, e.code, cap.text() or "no message")
            except Exception as e:
                result = "%s get_options raises %s" % (prog, short(e))
        if result is None and cap.text():
            self.notes.append("%s says: %s" % (prog, cap.text()))
        return result or "ok"

    def kojira(self, path):
        if self._kojira is None:
            script = os.path.join(self.koji_dir, "util", "kojira")
            name = "kojira_" + os.path.basename(self.koji_dir).replace("-", "_").replace(".", "_")
            self._kojira = load_script(script, name)
        return self._run_get_options(self._kojira, "kojira", path)

    def has_kojid(self):
        return os.path.exists(os.path.join(self.koji_dir, "builder", "kojid"))

    def kojid_real(self, path):
        if self._kojid is None:
            script = os.path.join(self.koji_dir, "builder", "kojid")
            name = "kojid_" + os.path.basename(self.koji_dir).replace("-", "_").replace(".", "_")
            try:
                self._kojid, self.stubbed = load_with_stubs(script, name, self.koji)
            except Exception as e:
                self._kojid = "cannot load builder/kojid: " + short(e)
        if isinstance(self._kojid, str):
            return self._kojid
        koji = self.koji
        orig = koji.ensuredir
        koji.ensuredir = lambda d: None
        try:
            return self._run_get_options(self._kojid, "kojid", path)
        finally:
            koji.ensuredir = orig

    def kojid_table(self, path):
        """builder/kojid get_options (1.22-1.35) re-enacted from the kojid option table."""
        spec = self.options["kojid"]
        raw = spec["reader"]["interpolation"] == "none"
        table = spec["options"]

        def quit(msg):
            return "kojid exits (1): %s" % msg

        try:
            cp = self.koji.read_config_files(path, raw=raw)
        except Exception as e:
            return "kojid get_options raises %s" % short(e)
        for x in cp.sections():
            if x != "kojid":
                return quit("invalid section found in config file: %s" % x)
        values = {}
        if cp.has_section("kojid"):
            try:
                items = cp.items("kojid")
            except Exception as e:
                return "kojid get_options raises %s" % short(e)
            for name, value in items:
                dtype = table.get(name)
                if dtype == "integer":
                    try:
                        int(value)
                    except ValueError:
                        return quit("value for %s option must be a valid integer" % name)
                elif dtype == "boolean":
                    try:
                        cp.getboolean("kojid", name)
                    except Exception as e:
                        return "kojid get_options raises %s" % short(e)
                elif name in ("plugin", "plugins") or dtype is not None:
                    pass
                elif name.upper().startswith("RLIMIT_"):
                    pass
                else:
                    return quit("unknown config option: %s" % name)
                values[name] = value
        for required in ("server", "topurl"):
            if not values.get(required):
                # kojid logs the message, then parser.error() prints usage and exits 2.
                msg = "the %s option is required" % required
                return "kojid exits (2): %s | Usage: kojid [options] | kojid: error: %s" % (msg, msg)
        return "ok"

    def kojid(self, path, both):
        if not self.has_kojid():
            return self.kojid_table(path)
        real = self.kojid_real(path)
        if both:
            table = self.kojid_table(path)
            if real != table:
                return "kojid disagrees with its option table: real: %s; table: %s" % (real, table)
        return real


def main():
    koji_dir, options_path = sys.argv[1], sys.argv[2]
    both = "--both-kojid" in sys.argv[3:]
    with open(options_path) as f:
        options = json.load(f)
    jobs = json.load(sys.stdin)
    real_stdout = sys.stdout
    checker = Checker(koji_dir, options)
    results = {}
    notes = {}
    for job in jobs:
        reader, path = job["reader"], job["path"]
        checker.notes = []
        try:
            if reader == "kojid":
                results[job["id"]] = checker.kojid(path, both)
            elif reader in ("client", "web", "hub", "kojira"):
                results[job["id"]] = getattr(checker, reader)(path)
            else:
                results[job["id"]] = "check.py: unknown reader %r" % reader
        except Exception:
            results[job["id"]] = "check.py crashed: " + traceback.format_exc()
        if checker.notes:
            notes[job["id"]] = checker.notes
    json.dump({
        "koji": os.path.basename(koji_dir),
        "kojid_loader": "builder/kojid" if checker.has_kojid() else "koji-options kojid table",
        "stubbed_for_kojid": checker.stubbed,
        "results": results,
        "notes": notes,
    }, real_stdout, indent=1, sort_keys=True)
    real_stdout.write("\n")


if __name__ == "__main__":
    main()
