//! httpd parse/print: the model prints its input back byte for byte and never panics.
#![no_main]
include!("../../tests/common/checks.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_httpd_roundtrip(&text);
});
