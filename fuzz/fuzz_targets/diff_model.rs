//! diff model: applying the rows to the old text gives the new text.
//! Byte 0 is the context size; the rest is old and new, split at the first `\n--8<--\n`
//! (without one, new is the migration of old).
#![no_main]
include!("../../tests/common/checks.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&ctx, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (old, new) = match text.find("\n--8<--\n") {
        Some(p) => (text[..p].to_string(), text[p + 8..].to_string()),
        None => {
            let report =
                koji_migrate::migrate(&[Input::new("pasted", text.as_ref())], &Options::default());
            (text.to_string(), report.files[0].text.clone())
        }
    };
    check_diff(&old, &new, (ctx % 8) as usize);
});
