//! Compile-time perfect hashing for short string keys: the fast path in front
//! of each catalog's phf table.
//!
//! A key of up to 7 bytes is packed, with its length, into a `u64` that
//! identifies it exactly; a longer key is folded from its length and its
//! first, middle and last 8 bytes (all of it, up to 24 bytes), and confirmed by
//! comparing the text. A lookup is then one
//! multiply, one shift, one load and one compare. The multiplier is searched
//! for at compile time (`const fn`), so a collision-free table is part of the
//! build, and a catalog with a duplicate key does not compile.

// The lookup is a handful of instructions that must inline into each
// catalog's `resolve` (measured in `benches/lookup.rs`). The casts are bounded:
// a slot is masked below `SIZE`, and `build` asserts fewer than 255 keys.
#![allow(clippy::inline_always, clippy::cast_possible_truncation)]

/// A perfect-hash table over `SIZE` slots (a power of two).
pub(crate) struct Table<const SIZE: usize> {
    mult: u64,
    /// The folded key stored in each slot (0 for an empty slot).
    keys: [u64; SIZE],
    /// For each slot, the index of its key in `strs` (`u8::MAX`: empty).
    index: [u8; SIZE],
    strs: &'static [&'static str],
}

/// The slot count for `n` keys: a power of two, at least four times `n`.
pub(crate) const fn table_size(n: usize) -> usize {
    let mut size = 16;
    while size < 4 * n {
        size *= 2;
    }
    size
}

/// Reads 4 bytes at `at` as a little-endian `u32`; the caller has checked
/// that they are in bounds.
#[inline(always)]
const fn read4(s: &[u8], at: usize) -> u64 {
    u32::from_le_bytes([s[at], s[at + 1], s[at + 2], s[at + 3]]) as u64
}

/// Reads 8 bytes at `at` as a little-endian `u64`; the caller has checked
/// that they are in bounds.
#[inline(always)]
const fn read8(s: &[u8], at: usize) -> u64 {
    read4(s, at) | (read4(s, at + 4) << 32)
}

/// Folds a key into a `u64`, exactly (injectively) for up to 7 bytes; never 0
/// for those.
#[inline(always)]
pub(crate) const fn fold(s: &[u8]) -> u64 {
    let len = s.len();
    let packed = match len {
        0 => 0,
        1..=3 => {
            (s[0] as u64)
                | ((s[len / 2] as u64) << (8 * (len / 2)))
                | ((s[len - 1] as u64) << (8 * (len - 1)))
        }
        4..=7 => read4(s, 0) | (read4(s, len - 4) << (8 * (len - 4))),
        _ => {
            return read8(s, 0)
                ^ read8(s, len / 2 - 4).rotate_left(21)
                ^ read8(s, len - 8).rotate_left(43)
                ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    };
    packed | ((len as u64 + 1) << 56)
}

/// The `i`-th candidate multiplier (splitmix64, forced odd).
const fn candidate(i: u64) -> u64 {
    let mut z = i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

impl<const SIZE: usize> Table<SIZE> {
    const SHIFT: u32 = 64 - SIZE.trailing_zeros();

    #[inline(always)]
    const fn slot(mult: u64, key: u64) -> usize {
        (key.wrapping_mul(mult) >> Self::SHIFT) as usize & (SIZE - 1)
    }

    /// Builds the table for `strs` at compile time.
    ///
    /// # Panics
    ///
    /// At compile time, if two keys are equal, if there are more than 255
    /// keys, or if no multiplier separates the keys.
    pub(crate) const fn build(strs: &'static [&'static str]) -> Self {
        assert!(
            SIZE.is_power_of_two() && SIZE >= 4 * strs.len(),
            "table too small"
        );
        assert!(strs.len() < u8::MAX as usize, "too many keys");
        let mut i = 0;
        while i < strs.len() {
            let mut j = i + 1;
            while j < strs.len() {
                assert!(
                    !eq(strs[i].as_bytes(), strs[j].as_bytes()),
                    "duplicate key in a catalog table"
                );
                j += 1;
            }
            i += 1;
        }
        let mut attempt = 0;
        while attempt < 10_000 {
            let mult = candidate(attempt);
            let mut keys = [0u64; SIZE];
            let mut index = [u8::MAX; SIZE];
            let mut ok = true;
            let mut k = 0;
            while k < strs.len() {
                let key = fold(strs[k].as_bytes());
                let slot = Self::slot(mult, key);
                if index[slot] != u8::MAX {
                    ok = false;
                    break;
                }
                keys[slot] = key;
                index[slot] = k as u8;
                k += 1;
            }
            if ok {
                return Self {
                    mult,
                    keys,
                    index,
                    strs,
                };
            }
            attempt += 1;
        }
        panic!("no perfect hash found for a catalog table");
    }

    /// The index in the key list of `s`, if it is one of the keys.
    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<usize> {
        let bytes = s.as_bytes();
        let key = fold(bytes);
        let slot = Self::slot(self.mult, key);
        if self.keys[slot] != key {
            return None;
        }
        let at = usize::from(self.index[slot]);
        // Keys of up to 7 bytes are identified by their folded value alone.
        if bytes.len() > 7 && self.strs.get(at).is_none_or(|k| k.as_bytes() != bytes) {
            return None;
        }
        Some(at)
    }
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    static KEYS: &[&str] = &[
        "",
        "a",
        "ab",
        "abc",
        "abcd",
        "E005001",
        "ok",
        "a-much-longer-key",
        "a-much-longer-kez",
    ];
    static TABLE: Table<{ table_size(9) }> = Table::build(KEYS);

    #[test]
    fn finds_every_key_and_nothing_else() {
        for (i, key) in KEYS.iter().enumerate() {
            assert_eq!(TABLE.get(key), Some(i), "{key:?}");
        }
        for miss in [
            "b",
            "abcde",
            "E005002",
            "E00500",
            "ok\0",
            "\0ok",
            "a-much-longer-kex",
            "a-much-longer-key!",
        ] {
            assert_eq!(TABLE.get(miss), None, "{miss:?}");
        }
    }

    #[test]
    fn short_keys_fold_injectively() {
        assert_ne!(fold(b"101"), fold(b"101\0"));
        assert_ne!(fold(b""), fold(b"\0"));
        assert_eq!(fold(b"E005001") >> 56, 8);
        assert_ne!(fold(b""), 0);
    }
}
