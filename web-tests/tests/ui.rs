//! Component tests of the page in a real (headless) browser.
#![cfg(target_arch = "wasm32")]

use koji_migrate::ui::components::app::App;
use koji_migrate::ui::state::{
    fragment_of_releases, releases_of_fragment, Action, Converted, InputDoc, State,
};
use koji_migrate::ui::zip;
use koji_migrate::{FileKind, Release, Target};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `ready` holds, polling every 20 ms: the page renders (and converts, in its worker)
/// in its own time, so a test waits for the state it asserts. Gives up after 30 s, a bound for a
/// loaded machine that never makes a passing test slower.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..1500 {
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("still not {what} after 30 s");
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn button(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|k| list.get(k))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"))
}

#[wasm_bindgen_test]
fn crc32_and_zip_layout() {
    assert_eq!(zip::crc32(b"123456789"), 0xCBF4_3926);
    let z = zip::store(&[("a.txt".into(), b"hello".to_vec())]);
    assert_eq!(&z[..4], b"PK\x03\x04");
    let eocd = &z[z.len() - 22..];
    assert_eq!(&eocd[..4], b"PK\x05\x06");
    assert_eq!(u16::from_le_bytes([eocd[10], eocd[11]]), 1);
}

#[wasm_bindgen_test]
fn reducer_keeps_text_and_drops_stale_results() {
    let s = Rc::new(State::default());
    let id = s.active_input;
    let s = s.reduce(Action::Edit(
        id,
        "[koji]\npkgurl = http://x/packages\n".into(),
        true,
    ));
    assert_eq!(&*s.inputs[0].text, "[koji]\npkgurl = http://x/packages\n");
    assert!(s.typing, "typed text waits for a pause");
    let pasted = s.clone().reduce(Action::Edit(id, "[koji]\n".into(), false));
    assert!(!pasted.typing, "pasted text is converted at once");
    assert!(!pasted.reduce(Action::SetKeepPkgurl(true)).typing);
    let rev = s.revision;
    let stale = Converted::compute(rev - 1, &s.inputs, Target::ModWsgi);
    let s = s.reduce(Action::Converted(Rc::new(stale)));
    assert!(s.result.is_none(), "a stale result was kept");
    let fresh = Converted::compute(rev, &s.inputs, Target::ModWsgi);
    let s = s.reduce(Action::Converted(Rc::new(fresh)));
    // Its notes and steps are drawn a frame later: the outputs are busy until then.
    assert!(
        !s.is_current(),
        "current before its notes and steps are drawn"
    );
    let s = s.reduce(Action::ShowSide);
    assert!(s.is_current());
    assert_eq!(
        s.result.as_ref().unwrap().kind_of(id),
        Some(FileKind::ClientConf)
    );
    // Removing the last input leaves an empty one to paste into.
    let s = s.reduce(Action::Remove(id));
    assert_eq!(s.inputs.len(), 1);
    assert!(s.inputs[0].text.is_empty());
    // Adding files replaces that lone empty tab; an oversized one is kept but not converted.
    let s = s.reduce(Action::Add(vec![
        InputDoc::from_bytes("bad.conf", b"[koji]\nx = \xff\n"),
        InputDoc::too_large("big.conf", 6 << 20),
    ]));
    assert_eq!(s.inputs.len(), 2);
    assert_eq!(s.inputs[0].invalid_utf8_line, Some(2));
    assert!(!s.inputs[1].converts());
}

/// `s` with input `id`'s text replaced (a paste) and converted: its notes not drawn yet.
fn edited_and_converted(s: Rc<State>, id: u32, text: &str) -> Rc<State> {
    let s = s.reduce(Action::Edit(id, text.into(), false));
    let result = Converted::compute(s.revision, &s.inputs, Target::ModWsgi);
    s.reduce(Action::Converted(Rc::new(result)))
}

/// While a new result's notes and steps wait for its diff to be painted, the last ones shown
/// stay, but never those of a result without inputs (an emptied page), which were not shown.
#[wasm_bindgen_test]
fn notes_shown_until_the_next_are_drawn() {
    let s = Rc::new(State::default());
    let id = s.active_input;
    let empty = Converted::compute(s.revision, &s.inputs, Target::ModWsgi);
    assert!(empty.input_ids.is_empty());
    let s = s.reduce(Action::Converted(Rc::new(empty)));
    let s = s.reduce(Action::ShowSide);
    assert!(s.is_current() && s.side.is_some());
    let s = edited_and_converted(s, id, "[koji]\npkgurl = http://x/\n");
    assert!(
        s.side.is_none(),
        "an emptied page's notes kept for the next result"
    );
    let s = s.reduce(Action::ShowSide);
    let shown = s.side.clone().unwrap();
    let s = edited_and_converted(s, id, "[koji]\ntopurl = http://x/\n");
    assert!(
        s.side.as_ref().is_some_and(|side| Rc::ptr_eq(side, &shown)),
        "the last notes shown left before the new ones are drawn"
    );
    assert!(!s.is_current());
}

#[wasm_bindgen_test]
fn choices_reach_the_conversion_and_reset_with_the_inputs() {
    let s = Rc::new(State::default()).reduce(Action::SetTo(Release::V1_7));
    let s = s.reduce(Action::Add(vec![InputDoc::text(
        "kojiweb.conf",
        "Alias /koji \"/usr/share/koji-web/scripts/\"\n<Directory \"/usr/share/koji-web/scripts/\">\n    SetHandler mod_python\n    PythonHandler kojiweb.publisher\n    PythonOption KojiHubURL http://hub/kojihub\n</Directory>\n",
    )]));
    let convert = |s: &Rc<State>| {
        let c = Converted::compute_with(s.revision, &s.inputs, &s.options());
        s.clone().reduce(Action::Converted(Rc::new(c)))
    };
    let s = convert(&s);
    let changes = &s.result.as_ref().unwrap().report.changes;
    let handler = changes
        .iter()
        .find(|c| c.rule == "web-handler-wsgi")
        .unwrap()
        .id;
    let options = changes
        .iter()
        .find(|c| c.rule == "web-options-to-web-conf")
        .unwrap();
    assert!(options.depends_on.contains(&handler));
    let options = options.id;
    let s = convert(&s.reduce(Action::Choose(handler, false)));
    assert_eq!(s.options().choices.reject_changes, vec![handler]);
    let report = &s.result.as_ref().unwrap().report;
    assert!(
        !report.changes[options].accepted,
        "the dependent change follows"
    );
    assert!(!report.files.iter().any(|f| f.output == "web.conf"));
    // Accepting the dependent change accepts what it needs.
    let s = convert(&s.reduce(Action::Choose(options, true)));
    assert!(s.rejected.is_empty());
    assert!(s
        .result
        .as_ref()
        .unwrap()
        .report
        .changes
        .iter()
        .all(|c| c.accepted));
    // Other inputs, other ids: an edit clears the choices, and a toggle from the old result is ignored.
    let s = s.reduce(Action::Choose(handler, false));
    let id = s.inputs[0].id;
    let s = s.reduce(Action::Edit(id, "[koji]\n".into(), true));
    assert!(s.rejected.is_empty());
    let s = s.reduce(Action::Choose(handler, false));
    assert!(s.rejected.is_empty(), "a choice on a stale result was kept");
}

fn release(s: &str) -> Release {
    Release::parse(s).unwrap()
}

#[wasm_bindgen_test]
fn releases_go_together_and_never_conflict() {
    let s = Rc::new(State::default());
    assert_eq!((s.from, s.to), (None, Release::NEWEST));
    assert!(!s.mod_python_allowed());
    // mod_python cannot be chosen for a release that removed it.
    let s = s.reduce(Action::SetTarget(Target::ModPython));
    assert_eq!(s.target, Target::ModWsgi);
    let s = s.reduce(Action::SetTo(Release::V1_7));
    let s = s.reduce(Action::SetTarget(Target::ModPython));
    assert_eq!(s.target, Target::ModPython);
    assert_eq!(s.options().conflict(), None);
    // Moving past 1.13 goes back to mod_wsgi; the options never conflict.
    let s = s.reduce(Action::SetTo(release("1.14")));
    assert_eq!(s.target, Target::ModWsgi);
    assert_eq!(s.options().conflict(), None);
    // A `to` not after `from` is refused; a `from` at or after `to` moves `to` on.
    let s = s.reduce(Action::SetFrom(Some(release("1.10"))));
    assert_eq!(s.to, release("1.14"));
    let s = s.reduce(Action::SetTo(release("1.10")));
    assert_eq!(s.to, release("1.14"));
    let s = s.reduce(Action::SetTo(release("1.6")));
    assert_eq!(s.to, release("1.14"));
    let s = s.reduce(Action::SetFrom(Some(release("1.21"))));
    assert_eq!((s.from, s.to), (Some(release("1.21")), release("1.22")));
    assert_eq!(s.options().conflict(), None);
    // Unchanged releases are no change (the rejections stay).
    let rev = s.revision;
    let s = s.reduce(Action::SetReleases(Some(release("1.21")), release("1.22")));
    assert_eq!(s.revision, rev);
    let s = s.reduce(Action::SetReleases(Some(release("1.30")), release("1.22")));
    assert_eq!(s.revision, rev, "conflicting releases are ignored");
    let s = s.reduce(Action::SetFrom(None));
    assert_eq!((s.from, s.to), (None, release("1.22")));
}

#[wasm_bindgen_test]
fn url_fragments_name_releases() {
    assert_eq!(
        releases_of_fragment("#from=1.21&to=1.35"),
        Some((Some(release("1.21")), Release::NEWEST))
    );
    assert_eq!(
        releases_of_fragment("#to=1.10"),
        Some((None, release("1.10")))
    );
    assert_eq!(
        releases_of_fragment("from=1.5"),
        Some((Some(release("1.5")), Release::NEWEST))
    );
    assert_eq!(releases_of_fragment(""), Some((None, Release::NEWEST)));
    for bad in [
        "#to=9.9",
        "#to=1.6",
        "#from=1.21&to=1.21",
        "#from=1.35",
        "#from=&to=1.8",
        "#x=1",
        "#to",
    ] {
        assert_eq!(releases_of_fragment(bad), None, "{bad}");
    }
    assert_eq!(
        fragment_of_releases(Some(release("1.21")), Release::NEWEST),
        "#from=1.21&to=1.35"
    );
    assert_eq!(fragment_of_releases(None, Release::V1_7), "#to=1.7");
}

#[wasm_bindgen_test]
fn steps_and_readme_name_the_releases() {
    let s = Rc::new(State::default()).reduce(Action::SetFrom(Some(release("1.21"))));
    let s = s.reduce(Action::Add(vec![InputDoc::text(
        "kojid.conf",
        "[kojid]\ntopurl = http://hub/kojifiles\n",
    )]));
    let c = Converted::compute_with(s.revision, &s.inputs, &s.options());
    let readme = koji_migrate::checklist::readme(&c.report, c.from, c.to);
    assert!(
        readme.starts_with("Koji 1.21 to 1.35 migration"),
        "{readme}"
    );
    let ids: Vec<_> = c.report.steps.iter().map(|s| s.id).collect();
    assert!(
        !ids.contains(&"install-mod-wsgi"),
        "1.21 already runs mod_wsgi"
    );
}

#[wasm_bindgen_test]
fn steps_follow_the_target() {
    // The hub's side too: the database step belongs with it.
    let inputs = Rc::new(State::default()).reduce(Action::Add(vec![
        InputDoc::text(
            "kojiweb.conf",
            "Alias /koji \"/usr/share/koji-web/scripts/\"\n<Directory \"/usr/share/koji-web/scripts/\">\n    SetHandler mod_python\n    PythonHandler kojiweb.publisher\n    PythonOption KojiHubURL http://hub/kojihub\n    PythonOption Secret CHANGE_ME\n</Directory>\n",
        ),
        InputDoc::text(
            "kojihub.conf",
            "Alias /kojihub /usr/share/koji-hub/XMLRPC\n<Directory /usr/share/koji-hub>\n    SetHandler mod_python\n    PythonHandler kojixmlrpc\n</Directory>\n",
        ),
    ]));
    let wsgi = Converted::compute(1, &inputs.inputs, Target::ModWsgi);
    let python = Converted::compute(1, &inputs.inputs, Target::ModPython);
    let ids = |c: &Converted| c.report.steps.iter().map(|s| s.id).collect::<Vec<_>>();
    assert!(ids(&wsgi).contains(&"install-mod-wsgi"));
    assert!(!ids(&python).contains(&"install-mod-wsgi"));
    assert!(ids(&wsgi).contains(&"schema-upgrade"));
    assert!(
        koji_migrate::checklist::readme(&wsgi.report, wsgi.from, wsgi.to)
            .contains("Set a real Secret")
    );
}

#[wasm_bindgen_test]
async fn app_converts_the_example_after_the_debounce() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let text = || root.text_content().unwrap_or_default();
    until("mounted", || text().contains("1. Your Koji files")).await;
    assert_eq!(
        count(&root, "table.diff"),
        0,
        "output shown before any input"
    );

    button(&root, "Try an example").click();
    until("showing five example inputs", || {
        count(&root, ".inputs .tab") == 5
    })
    .await;
    // Conversion waits for the debounce, then fills the outputs, notes and steps.
    until("converted", || text().contains("Install mod_wsgi")).await;
    assert!(count(&root, ".output .tab") >= 6);
    assert!(count(&root, "table.diff tr.row") > 5);
    assert!(count(&root, ".notes li.note") > 5);

    // mod_python is offered only up to 1.13: choose 1.7, then switch to mod_python.
    let python: web_sys::HtmlInputElement = root
        .query_selector("#target-python")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(python.disabled(), "mod_python offered for 1.35");
    let to: web_sys::HtmlSelectElement = root
        .query_selector("#to-release")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    to.set_value("1.7");
    to.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    until("offering mod_python", || !python.disabled()).await;
    assert!(text().contains("2. Koji 1.7 files"));
    python.click();
    // Converted again for mod_python: nothing to install.
    until("converted for mod_python", || {
        !text().contains("Install mod_wsgi")
    })
    .await;
    assert!(count(&root, ".notes li.note") > 5);
    root.remove();
}

fn web_httpd() -> Rc<Converted> {
    web_httpd_with("")
}

/// The koji-web site of [`web_httpd`], with `near` (lines) just above its changes.
fn web_httpd_with(near: &str) -> Rc<Converted> {
    let mut text = String::from("# site header\n");
    for k in 0..12 {
        text.push_str(&format!("# filler comment {k}\n"));
    }
    text.push_str(near);
    text.push_str(concat!(
        "Alias /koji \"/usr/share/koji-web/scripts/\"\n",
        "<Directory \"/usr/share/koji-web/scripts/\">\n",
        "    SetHandler mod_python\n",
        "    PythonHandler kojiweb.publisher\n",
        "    PythonOption KojiHubURL http://hub/kojihub\n",
        "    PythonOption Secret CHANGE_ME\n",
        "</Directory>\n",
    ));
    let state =
        Rc::new(State::default()).reduce(Action::Add(vec![InputDoc::text("kojiweb.conf", &text)]));
    Rc::new(Converted::compute(1, &state.inputs, Target::ModWsgi))
}

fn mount_diff(unified: bool) -> web_sys::Element {
    mount_diff_of(web_httpd(), unified)
}

fn mount_diff_of(result: Rc<Converted>, unified: bool) -> web_sys::Element {
    use koji_migrate::ui::components::diff_view::{DiffView, DiffViewProps};
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = DiffViewProps {
        result,
        file: koji_migrate::FileId::new(0),
        focus: None,
        unified,
        on_choose: yew::Callback::noop(),
    };
    yew::Renderer::<DiffView>::with_root_and_props(root.clone(), props).render();
    root
}

#[wasm_bindgen_test]
async fn diff_view_collapses_unchanged_lines_until_asked() {
    let root = mount_diff(false);
    until("drawn", || count(&root, "tr.row") > 0).await;
    assert_eq!(count(&root, "table.diff.split"), 1);
    assert_eq!(
        count(&root, "tr.gap"),
        1,
        "the leading comments are collapsed"
    );
    let collapsed = count(&root, "tr.row");
    assert!(
        count(&root, "tr.row.replace mark") > 0,
        "changed words are marked"
    );
    let show_more = root.query_selector("tr.gap button").unwrap().unwrap();
    assert!(show_more.text_content().unwrap().contains("show more"));
    show_more
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    until("expanded", || count(&root, "tr.gap") == 0).await;
    assert!(count(&root, "tr.row") > collapsed);
    root.remove();
}

#[wasm_bindgen_test]
async fn unified_view_lists_removed_lines_before_added_ones() {
    let root = mount_diff(true);
    until("drawn", || count(&root, "tr.row") > 0).await;
    assert_eq!(count(&root, "table.diff.unified"), 1);
    let marks = root.query_selector_all("td.mk").unwrap();
    let marks: String = (0..marks.length())
        .filter_map(|k| marks.get(k))
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    // Within each changed run, no "−" follows a "+".
    for run in marks.split(' ') {
        assert!(!run.contains("+−"), "interleaved run: {run:?} in {marks:?}");
    }
    assert!(marks.contains('−') && marks.contains('+'));
    root.remove();
}

/// The rows are written as HTML and parsed by the browser: every character of a line must come
/// back as itself, markup and a lone carriage return included, in both views.
#[wasm_bindgen_test]
async fn rows_show_markup_characters_as_text() {
    let line = "# <b>not bold</b> &amp; \"quoted\" 'single' a\rb";
    for unified in [false, true] {
        let root = mount_diff_of(web_httpd_with(&format!("{line}\n")), unified);
        until("drawn", || count(&root, "tr.row") > 0).await;
        assert_eq!(
            count(&root, "td.code b"),
            0,
            "markup in a line became an element"
        );
        let codes = root.query_selector_all("td.code").unwrap();
        let shown: Vec<String> = (0..codes.length())
            .filter_map(|k| codes.get(k))
            .map(|n| n.text_content().unwrap_or_default())
            .collect();
        assert!(
            shown.iter().any(|s| s == line),
            "{line:?} not among the rows (unified: {unified}): {shown:?}"
        );
        // The changed words are marked, and a new line says where it comes from.
        assert!(count(&root, "tr.row mark") > 0);
        assert!(count(&root, "tr.row[title^=\"from kojiweb.conf line \"]") > 0);
        root.remove();
    }
}

#[wasm_bindgen_test]
fn sizes_read_like_people_write_them() {
    use koji_migrate::ui::browser::megabytes;
    assert_eq!(megabytes(5 << 20), "5.0 MB");
    assert_eq!(megabytes(1536 * 1024), "1.5 MB");
    assert_eq!(megabytes(0), "0.0 MB");
    assert_eq!(
        megabytes(koji_migrate::decode::PAGE_INPUT_LIMIT + 1),
        "5.0 MB"
    );
}
