#![no_main]

// See FUZZING.md and `sso_errors_fuzz::templates_merchant` for what this
// target asserts.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sso_errors_fuzz::templates_merchant(data));
