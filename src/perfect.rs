//! Compile-time perfect hashing for short string keys: the fast path in front
//! of each catalog's phf table.
//!
//! A key of up to 7 bytes is packed, with its length, into a `u64` that
//! identifies it exactly; a longer key is folded from its length and its
//! first, middle and last 8-byte words, which are compared too (all of the
//! key up to 24 bytes; a longer one is also compared as text). A lookup is then one
//! multiply, one shift, one load and one compare. The multiplier is searched
//! for at compile time (`const fn`), so a collision-free table is part of the
//! build, and a catalog with a duplicate key does not compile.

// The lookup is a handful of instructions that must inline into each
// catalog's `resolve` (measured in `benches/lookup.rs`). The casts are bounded:
// a slot is masked below `SIZE`, and `build` asserts fewer than 255 keys.
#![allow(clippy::inline_always, clippy::cast_possible_truncation)]

/// A perfect-hash table from string keys to `T`, over `SIZE` slots (a power
/// of two).
pub(crate) struct Table<T: 'static, const SIZE: usize, const MULT: u64> {
    /// Each slot's folded key (0 for an empty slot) and value, side by side
    /// so that a lookup touches one cache line.
    slots: [(u64, Option<T>); SIZE],
    /// For each slot's key over 7 bytes: its middle and last words and its
    /// length, which with the fold identify a key of up to 24 bytes.
    long: [(u64, u64, usize); SIZE],
    /// The text of each slot's key, compared only for keys over 24 bytes.
    texts: [&'static str; SIZE],
}

/// The slot count for `n` keys: a power of two, at least twice `n`.
pub(crate) const fn table_size(n: usize) -> usize {
    let mut size = 16;
    while size < 2 * n {
        size *= 2;
    }
    size
}

/// The first 4 bytes, little-endian; 0 if there are fewer.
#[inline(always)]
const fn head4(s: &[u8]) -> u64 {
    match s.first_chunk::<4>() {
        Some(bytes) => u32::from_le_bytes(*bytes) as u64,
        None => 0,
    }
}

/// The last 4 bytes, little-endian; 0 if there are fewer.
#[inline(always)]
const fn tail4(s: &[u8]) -> u64 {
    match s.last_chunk::<4>() {
        Some(bytes) => u32::from_le_bytes(*bytes) as u64,
        None => 0,
    }
}

/// The first 8 bytes, little-endian; 0 if there are fewer.
#[inline(always)]
const fn head8(s: &[u8]) -> u64 {
    match s.first_chunk::<8>() {
        Some(bytes) => u64::from_le_bytes(*bytes),
        None => 0,
    }
}

/// The last 8 bytes, little-endian; 0 if there are fewer.
#[inline(always)]
const fn tail8(s: &[u8]) -> u64 {
    match s.last_chunk::<8>() {
        Some(bytes) => u64::from_le_bytes(*bytes),
        None => 0,
    }
}

/// The middle and last 8-byte words of a key of at least 8 bytes, and its
/// fold. With the first word, the three cover every byte of a key of up to 24
/// bytes.
#[inline(always)]
const fn fold_long(s: &[u8]) -> (u64, u64, u64) {
    let len = s.len();
    let middle = head8(s.split_at(len / 2 - 4).1);
    let last = tail8(s);
    let key = head8(s)
        ^ middle.rotate_left(21)
        ^ last.rotate_left(43)
        ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (key, middle, last)
}

/// Folds a key into a `u64`, exactly (injectively) for up to 7 bytes; never 0
/// for those.
#[inline(always)]
pub(crate) const fn fold(s: &[u8]) -> u64 {
    let len = s.len();
    // The common case first, without a jump table: two overlapping 4-byte
    // reads cover 4 to 7 bytes, and the overlap agrees.
    let extra = len.wrapping_sub(4);
    if extra <= 3 {
        // Tagged with the length: 4 to 7.
        return head4(s) | (tail4(s) << (8 * extra)) | ((len as u64) << 56);
    }
    let packed = match s {
        [] => 0,
        [a] => *a as u64,
        [a, b] => *a as u64 | ((*b as u64) << 8),
        [a, b, c] => *a as u64 | ((*b as u64) << 8) | ((*c as u64) << 16),
        [_, _, _, _] | [_, _, _, _, _] | [_, _, _, _, _, _] | [_, _, _, _, _, _, _] => {
            head4(s) | (tail4(s) << (8 * (len - 4)))
        }
        _ => return fold_long(s).0,
    };
    // Tagged with the length plus 8: 8 to 11, apart from the 4 to 7 above.
    packed | ((len as u64 | 8) << 56)
}

/// The `i`-th candidate multiplier (splitmix64, forced odd).
const fn candidate(i: u64) -> u64 {
    let mut z = i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

/// The slot of `key` in a table of `size` slots (a power of two).
#[inline(always)]
const fn slot(size: usize, mult: u64, key: u64) -> usize {
    (key.wrapping_mul(mult) >> (64 - size.trailing_zeros())) as usize & (size - 1)
}

/// Finds, at compile time, a multiplier that sends `keys` to distinct slots
/// of a table of `size` slots.
///
/// # Panics
///
/// At compile time, if two keys are equal, if the table is too small, or if
/// no multiplier separates the keys.
pub(crate) const fn multiplier(size: usize, keys: &[&str]) -> u64 {
    assert!(
        size.is_power_of_two() && size >= 2 * keys.len() && size <= 4096,
        "bad table size"
    );
    let mut i = 0;
    while i < keys.len() {
        let mut j = i + 1;
        while j < keys.len() {
            assert!(
                !eq(keys[i].as_bytes(), keys[j].as_bytes()),
                "duplicate key in a catalog table"
            );
            j += 1;
        }
        i += 1;
    }
    let mut attempt = 0;
    while attempt < 100_000 {
        let mult = candidate(attempt);
        let mut used = [false; 4096];
        let mut ok = true;
        let mut k = 0;
        while k < keys.len() {
            let at = slot(size, mult, fold(keys[k].as_bytes()));
            if used[at] {
                ok = false;
                break;
            }
            used[at] = true;
            k += 1;
        }
        if ok {
            return mult;
        }
        attempt += 1;
    }
    panic!("no perfect hash found for a catalog table");
}

impl<T: Copy + 'static, const SIZE: usize, const MULT: u64> Table<T, SIZE, MULT> {
    /// Builds the table mapping `keys[i]` to `values[i]`, at compile time;
    /// `MULT` comes from [`multiplier`] for the same keys.
    ///
    /// # Panics
    ///
    /// At compile time, if the two lists differ in length or `MULT` does not
    /// separate the keys.
    pub(crate) const fn build(keys: &'static [&'static str], values: &[T]) -> Self {
        assert!(
            keys.len() == values.len(),
            "keys and values differ in length"
        );
        let mut table = Self {
            slots: [const { (0, None) }; SIZE],
            long: [(0, 0, 0); SIZE],
            texts: [""; SIZE],
        };
        let mut k = 0;
        while k < keys.len() {
            let key = fold(keys[k].as_bytes());
            let at = slot(SIZE, MULT, key);
            assert!(
                table.slots[at].1.is_none(),
                "the multiplier does not fit these keys"
            );
            table.slots[at] = (key, Some(values[k]));
            let bytes = keys[k].as_bytes();
            if bytes.len() > 7 {
                let (_, middle, last) = fold_long(bytes);
                table.long[at] = (middle, last, bytes.len());
            }
            table.texts[at] = keys[k];
            k += 1;
        }
        table
    }

    /// The value of key `s`, if it is one of the keys.
    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<T> {
        let bytes = s.as_bytes();
        if bytes.len() <= 7 {
            // Keys of up to 7 bytes are identified by their fold alone.
            let key = fold(bytes);
            let (stored, value) = self.slots[slot(SIZE, MULT, key)];
            return if stored == key { value } else { None };
        }
        let (key, middle, last) = fold_long(bytes);
        let at = slot(SIZE, MULT, key);
        let (stored, value) = self.slots[at];
        if stored != key || self.long[at] != (middle, last, bytes.len()) {
            return None;
        }
        if bytes.len() > 24 && self.texts[at].as_bytes() != bytes {
            return None;
        }
        value
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
        "password.w_about_to_exp",
        "password_reset.could_not_access",
    ];
    const SIZE: usize = table_size(11);
    static TABLE: Table<usize, SIZE, { multiplier(SIZE, KEYS) }> =
        Table::build(KEYS, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

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
        assert_eq!(fold(b"E005001") >> 56, 7);
        assert_ne!(fold(b"abc"), fold(b"abc\0"));
        assert_ne!(fold(b"ab"), fold(b"ab\0\0"));
        assert_ne!(fold(b""), 0);
    }
}
