#![no_main]

// See FUZZING.md and `sso_errors_fuzz::templates_zenlogin` for what this
// target asserts.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sso_errors_fuzz::templates_zenlogin(data));
