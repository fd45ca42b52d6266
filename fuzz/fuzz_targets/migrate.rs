//! detect + migrate: no panic, notes within bounds, and migrating the output changes nothing.
//! Byte 0 picks the options and file names; the rest is split into files at `\n--8<--\n`.
#![no_main]
include!("../../tests/common/checks.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (inputs, options) = fuzz_inputs(data);
    check_migrate(&inputs, &options);
});
