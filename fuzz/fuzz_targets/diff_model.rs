//! diff model: applying the rows to the old text gives the new text.
//! Byte 0 is the context size; the rest is old and new, split at the first `\n--8<--\n`
//! (without one, new is the migration of old, and the recorded diff is checked too).
#![no_main]
include!("../../tests/common/checks.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check_diff_bytes(data));
