#![no_main]

// See FUZZING.md and `sso_errors_fuzz::reply` for what this target asserts.
libfuzzer_sys::fuzz_target!(
    |data: &[u8]| sso_errors_fuzz::reply::<sso_errors_fuzz::MerchantReplies>(data)
);
