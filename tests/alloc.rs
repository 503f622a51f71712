//! Parsing a body whose codes are known allocates nothing for the codes, and
//! borrows strings that need no unescaping: counted with a counting
//! allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

/// Counts the allocations made on the current thread.
struct Counting;

// SAFETY: every call is forwarded unchanged to the system allocator; the
// thread-local counter is `const`-initialised, so updating it never
// allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes on this thread, and its result.
fn count<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (ALLOCATIONS.with(Cell::get) - before, value)
}

#[test]
fn zato_bodies_parse_without_allocating() {
    use sso_errors::zato::{Response, SubStatus};
    let bodies: [&[u8]; 4] = [
        br#"{"status":"error","cid":"30e22dfde268b7ba0b56ad0d","sub_status":["E005001"]}"#,
        br#"{"status":"ok","cid":"7bc5ffdf15ff1baa90693a9a","ust":"gAAAAABakZBSHNBCLn4pPk9DqJ_byC6zdSv..."}"#,
        br#"{"status":"warning","cid":"01","sub_status":["W003005"],"ust":"gAAAA"}"#,
        br#"{"status":"error","sub_status":"E003007","cid":"e6"}"#,
    ];
    for body in bodies {
        let (allocations, response) = count(|| Response::parse(body).unwrap());
        assert_eq!(allocations, 0, "{}", String::from_utf8_lossy(body));
        assert!(response.known().count() == response.sub_status.len());
    }
    // Two known codes need the list's heap storage, and nothing else.
    let body = br#"{"status":"error","cid":"ab","sub_status":["E005001","E005002"]}"#;
    let (allocations, response) = count(|| Response::parse(body).unwrap());
    assert_eq!(allocations, 1);
    assert_eq!(
        response.sub_status,
        [SubStatus::AuthNotAllowed, SubStatus::AuthLocked]
    );
}

#[test]
fn merchant_bodies_parse_without_allocating() {
    use sso_errors::merchant::ErrorBody;
    let bodies: [&[u8]; 2] = [
        br#"{"message":[{"errorName":"VALIDATION_GENERAL_FAILURE","code":"10001","description":"Invalid username: finance1234 already exists"}]}"#,
        br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#,
    ];
    for body in bodies {
        let (allocations, parsed) = count(|| ErrorBody::parse(body).unwrap());
        assert_eq!(parsed.message().len(), 1);
        assert_eq!(allocations, 0, "{}", String::from_utf8_lossy(body));
    }
}

#[test]
fn the_counter_counts() {
    let (allocations, value) = count(|| vec![1u8; 16]);
    assert_eq!(allocations, 1);
    assert_eq!(value.len(), 16);
}
