//! Compile-time perfect hashing for short string keys: how every catalog
//! looks its codes up. The catalog's phf table is the reference model the
//! tests compare it with, and a benchmark baseline.
//!
//! A key of up to 7 bytes is packed, with its length, into a `u64` that
//! identifies it exactly; a longer key is folded from its length and four of
//! its 8-byte words, which are compared too, with its length (all of the key
//! up to 32 bytes; a longer one is also compared as text). A lookup is then one
//! multiply, one shift, one load and one compare. The multiplier is searched
//! for at compile time (`const fn`), so a collision-free table is part of the
//! build, and a catalog with a duplicate key does not compile.

// The lookup is a handful of instructions that must inline into each
// catalog's `resolve` (measured in `benches/lookup.rs`). The casts are bounded:
// a slot is masked below `SIZE`, and `build` asserts fewer than 255 keys.
#![allow(clippy::inline_always, clippy::cast_possible_truncation)]

/// A perfect-hash table from string keys to `T`, over `SIZE` slots (a power
/// of two).
///
/// `MIN` and `MAX` are the shortest and longest key lengths ([`min_len`],
/// [`max_len`]): an input of another length is rejected before hashing, and a
/// table whose keys all have the same length packs them with constant shifts.
pub(crate) struct Table<
    T: 'static,
    const SIZE: usize,
    const MULT: u64,
    const MIN: usize,
    const MAX: usize,
    const COMMON: usize,
    const WIDE: usize,
> {
    /// Each slot's folded key (0 for an empty slot) and value, side by side
    /// so that a lookup touches one cache line.
    slots: [(u64, Option<T>); SIZE],
    /// For each slot's key over 7 bytes, its [`words`], which with the fold
    /// identify a key of up to 32 bytes. `WIDE` is `SIZE` for a table with
    /// such keys, 0 otherwise.
    words: [[u64; 4]; WIDE],
    /// The text of each slot's key: its length is compared for every key over
    /// 7 bytes, its bytes for keys over 32.
    texts: [&'static str; WIDE],
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

/// The first 2 bytes, little-endian; 0 if there are fewer.
#[inline(always)]
const fn head2(s: &[u8]) -> u64 {
    match s.first_chunk::<2>() {
        Some(bytes) => u16::from_le_bytes(*bytes) as u64,
        None => 0,
    }
}

/// The last 2 bytes, little-endian; 0 if there are fewer.
#[inline(always)]
const fn tail2(s: &[u8]) -> u64 {
    match s.last_chunk::<2>() {
        Some(bytes) => u16::from_le_bytes(*bytes) as u64,
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

/// Four 8-byte words of a key of 8 bytes or more: those at 0, 8 and 16 (0
/// where the key is too short for one) and the last 8. Between them they
/// cover every byte of a key of up to 32 bytes.
#[inline(always)]
const fn words(s: &[u8]) -> [u64; 4] {
    let from8 = match s.split_at_checked(8) {
        Some((_, rest)) => rest,
        None => &[],
    };
    let from16 = match s.split_at_checked(16) {
        Some((_, rest)) => rest,
        None => &[],
    };
    [head8(s), head8(from8), head8(from16), tail8(s)]
}

/// The fold of a key of 8 bytes or more, from its [`words`] and length.
#[inline(always)]
const fn fold_words(w: &[u64; 4], len: usize) -> u64 {
    w[0] ^ w[1].rotate_left(16)
        ^ w[2].rotate_left(32)
        ^ w[3].rotate_left(48)
        ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
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
        // 8 bytes or more (4 to 7 returned above).
        _ => return fold_words(&words(s), len),
    };
    // Tagged with the length plus 8: 8 to 11, apart from the 4 to 7 above.
    packed | ((len as u64 | 8) << 56)
}

/// A table's key for `s`, a key of `MIN` to `MAX` bytes of which most are
/// `COMMON` bytes long ([`common_len`]): the general [`fold`], or, where the
/// lengths allow, a packing with fewer steps (constant shifts for the common
/// length when it is 4 to 7 bytes; two 2-byte reads for 2 to 4 bytes). Each
/// length is packed one way, tagged with the length, so the key is exact for
/// up to 7 bytes.
#[inline(always)]
pub(crate) const fn pack<const MIN: usize, const MAX: usize, const COMMON: usize>(s: &[u8]) -> u64 {
    let len = s.len();
    if COMMON >= 4 && COMMON <= 7 && len == COMMON {
        head4(s) | (tail4(s) << (8 * (COMMON - 4))) | ((COMMON as u64) << 56)
    } else if MIN >= 2 && MAX <= 4 {
        head2(s) | (tail2(s) << 16) | ((len as u64) << 56)
    } else {
        fold(s)
    }
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

/// Checks, at compile time, that no two keys are equal.
///
/// # Panics
///
/// At compile time, if two keys are equal.
#[allow(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "evaluated in constants only: a bad index or a panic is a build error"
)]
pub(crate) const fn assert_unique(keys: &[&str]) {
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
}

/// Finds, at compile time, a multiplier that sends `keys` to distinct slots
/// of a table of `size` slots.
///
/// # Panics
///
/// At compile time, if two keys are equal, if the table is too small, or if
/// no multiplier separates the keys.
#[allow(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "evaluated in constants only: a bad index or a panic is a build error"
)]
pub(crate) const fn multiplier<const MIN: usize, const MAX: usize, const COMMON: usize>(
    size: usize,
    keys: &[&str],
) -> u64 {
    assert!(
        size.is_power_of_two() && size >= 2 * keys.len() && size <= 4096,
        "bad table size"
    );
    assert_unique(keys);
    let mut attempt = 0;
    while attempt < 100_000 {
        let mult = candidate(attempt);
        let mut used = [false; 4096];
        let mut ok = true;
        let mut k = 0;
        while k < keys.len() {
            let at = slot(size, mult, pack::<MIN, MAX, COMMON>(keys[k].as_bytes()));
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

/// The length of the shortest key (0 for no keys).
#[allow(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "evaluated in constants only: a bad index or a panic is a build error"
)]
pub(crate) const fn min_len(keys: &[&str]) -> usize {
    let mut min = usize::MAX;
    let mut i = 0;
    while i < keys.len() {
        if keys[i].len() < min {
            min = keys[i].len();
        }
        i += 1;
    }
    if keys.is_empty() { 0 } else { min }
}

/// The most frequent key length (the shortest of equally frequent ones; 0 for
/// no keys).
#[allow(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "evaluated in constants only: a bad index or a panic is a build error"
)]
pub(crate) const fn common_len(keys: &[&str]) -> usize {
    let mut best = 0;
    let mut best_count = 0;
    let mut i = 0;
    while i < keys.len() {
        let len = keys[i].len();
        let mut count = 0;
        let mut j = 0;
        while j < keys.len() {
            if keys[j].len() == len {
                count += 1;
            }
            j += 1;
        }
        if count > best_count || (count == best_count && len < best) {
            best = len;
            best_count = count;
        }
        i += 1;
    }
    best
}

/// The length of the longest key (0 for no keys).
#[allow(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "evaluated in constants only: a bad index or a panic is a build error"
)]
pub(crate) const fn max_len(keys: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < keys.len() {
        if keys[i].len() > max {
            max = keys[i].len();
        }
        i += 1;
    }
    max
}

/// Whether two texts are equal, comparing up to 32 bytes word by word
/// rather than through a `memcmp` call.
#[inline]
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        0..=7 => fold(a) == fold(b),
        8..=32 => {
            let word = |s: &[u8], at: usize| s.get(at..).map_or(0, head8);
            head8(a) == head8(b)
                && tail8(a) == tail8(b)
                && word(a, 8) == word(b, 8)
                && word(a, 16) == word(b, 16)
        }
        _ => a == b,
    }
}

/// The length of a table's word and text arrays: `size` when a key is over 7
/// bytes, else 0.
pub(crate) const fn wide(size: usize, keys: &[&str]) -> usize {
    if max_len(keys) > 7 { size } else { 0 }
}

impl<
    T: Copy + 'static,
    const SIZE: usize,
    const MULT: u64,
    const MIN: usize,
    const MAX: usize,
    const COMMON: usize,
    const WIDE: usize,
> Table<T, SIZE, MULT, MIN, MAX, COMMON, WIDE>
{
    /// Builds the table mapping `keys[i]` to `values[i]`, at compile time;
    /// `MULT` comes from [`multiplier`] for the same keys.
    ///
    /// # Panics
    ///
    /// At compile time, if the two lists differ in length or `MULT` does not
    /// separate the keys.
    #[allow(
        clippy::indexing_slicing,
        clippy::panic,
        reason = "evaluated in constants only: a bad index or a panic is a build error"
    )]
    pub(crate) const fn build(keys: &'static [&'static str], values: &[T]) -> Self {
        assert!(
            keys.len() == values.len(),
            "keys and values differ in length"
        );
        assert!(keys.len() < 255, "a table holds fewer than 255 keys");
        let mut table = Self {
            slots: [const { (0, None) }; SIZE],
            words: [[0; 4]; WIDE],
            texts: [""; WIDE],
        };
        let mut k = 0;
        while k < keys.len() {
            let key = pack::<MIN, MAX, COMMON>(keys[k].as_bytes());
            let at = slot(SIZE, MULT, key);
            assert!(
                table.slots[at].1.is_none(),
                "the multiplier does not fit these keys"
            );
            table.slots[at] = (key, Some(values[k]));
            let bytes = keys[k].as_bytes();
            if bytes.len() > 7 {
                assert!(WIDE == SIZE, "a key over 7 bytes needs the word arrays");
                table.words[at] = words(bytes);
                table.texts[at] = keys[k];
            }
            k += 1;
        }
        table
    }

    /// The value of key `s`, if it is one of the keys.
    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<T> {
        let bytes = s.as_bytes();
        let len = bytes.len();
        if len < MIN || len > MAX {
            return None;
        }
        if MAX <= 7 || len <= 7 {
            // Keys of up to 7 bytes are identified by their key alone.
            let key = pack::<MIN, MAX, COMMON>(bytes);
            let &(stored, value) = self.slots.get(slot(SIZE, MULT, key))?;
            return if stored == key { value } else { None };
        }
        let words = words(bytes);
        let key = fold_words(&words, len);
        let at = slot(SIZE, MULT, key);
        let &(_, value) = self.slots.get(at)?;
        // The fold only places the key: equal words and an equal length
        // mean equal keys up to 32 bytes (the words of a key whose bytes
        // repeat are those of its neighbours one byte longer or shorter).
        // Compared in registers, word by word: comparing the arrays whole
        // reloads the input's words from the stack, wider than they were
        // stored, which stalls.
        let same = self.words.get(at).is_some_and(|w| {
            ((w[0] ^ words[0]) | (w[1] ^ words[1]) | (w[2] ^ words[2]) | (w[3] ^ words[3])) == 0
        }) && self.texts.get(at).is_some_and(|text| text.len() == len);
        if !same {
            return None;
        }
        if len > 32
            && self
                .texts
                .get(at)
                .is_none_or(|text| text.as_bytes() != bytes)
        {
            return None;
        }
        value
    }
}

/// The byte at `at`, if `bytes` is that long: indexing that cannot panic,
/// usable in a `const fn`.
#[inline]
pub(crate) const fn byte_at(bytes: &[u8], at: usize) -> Option<u8> {
    match bytes.split_at_checked(at) {
        Some((_, [byte, ..])) => Some(*byte),
        _ => None,
    }
}

pub(crate) const fn eq(mut a: &[u8], mut b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    while let ([x, a_rest @ ..], [y, b_rest @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        (a, b) = (a_rest, b_rest);
    }
    true
}

#[cfg(test)]
mod tests {
    // The tests build strings and lists, with or without the `std` feature.
    #[cfg(not(feature = "std"))]
    extern crate std;
    use std::string::String;
    use std::vec;
    use std::vec::Vec;

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
        "a key that is longer than thirty-two bytes",
        "a key that is longer than thirty-two bytez",
        // Keys whose words repeat: only the length tells them from their
        // neighbours of one byte more or less.
        "xxxxxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        // Its last word is its third.
        "twenty-four-bytes-key-24",
    ];
    const SIZE: usize = table_size(16);
    static TABLE: Table<
        usize,
        SIZE,
        { multiplier::<{ min_len(KEYS) }, { max_len(KEYS) }, { common_len(KEYS) }>(SIZE, KEYS) },
        { min_len(KEYS) },
        { max_len(KEYS) },
        { common_len(KEYS) },
        { wide(SIZE, KEYS) },
    > = Table::build(
        KEYS,
        &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    );

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

    /// The strings one byte removed, doubled, changed or added away from
    /// `key`.
    fn neighbours(key: &str) -> Vec<String> {
        let bytes = key.as_bytes();
        let mut near: Vec<Vec<u8>> = vec![[bytes, b"x"].concat(), [b"x", bytes].concat()];
        for (at, &byte) in bytes.iter().enumerate() {
            let mut removed = bytes.to_vec();
            removed.remove(at);
            let mut doubled = bytes.to_vec();
            doubled.insert(at, byte);
            near.extend([removed, doubled]);
            for changed in [byte.wrapping_add(1), byte.wrapping_sub(1), byte ^ 0x20, 0] {
                let mut edited = bytes.to_vec();
                edited[at] = changed;
                near.push(edited);
            }
        }
        near.into_iter()
            .filter_map(|bytes| String::from_utf8(bytes).ok())
            .collect()
    }

    /// Every string one byte removed, doubled, changed or added away from a
    /// key is found exactly when it is itself a key.
    #[test]
    fn tells_every_key_from_its_neighbours() {
        let mut tried = 0;
        for key in KEYS {
            for text in neighbours(key) {
                let expected = KEYS.iter().position(|k| *k == text);
                assert_eq!(TABLE.get(&text), expected, "{text:?}");
                tried += 1;
            }
        }
        // Inputs that differ from a key by the same bits in two of its words
        // (or, at 24 bytes, in the word that is both its third and its last):
        // many land in the key's slot, and none may pass for it.
        for key in KEYS.iter().filter(|k| (16..=32).contains(&k.len())) {
            let mut places: Vec<Vec<usize>> = (0..8)
                .flat_map(|i| [vec![i, i + 8], vec![i + 8, i + 16]])
                .collect();
            places.extend((16..key.len()).map(|i| vec![i]));
            for at in places.iter().filter(|at| at.iter().all(|&i| i < key.len())) {
                for delta in 1..=127u8 {
                    let mut bytes = key.as_bytes().to_vec();
                    for &i in at {
                        bytes[i] ^= delta;
                    }
                    let Ok(text) = core::str::from_utf8(&bytes) else {
                        continue;
                    };
                    let expected = KEYS.iter().position(|k| *k == text);
                    assert_eq!(TABLE.get(text), expected, "{text:?}");
                    tried += 1;
                }
            }
        }
        assert!(tried > 10_000, "{tried}");
        // Keys whose words repeat, against every length around them.
        for n in 1..=64 {
            let text = "x".repeat(n);
            let expected = KEYS.iter().position(|k| *k == text);
            assert_eq!(TABLE.get(&text), expected, "{n} bytes");
        }
    }

    #[test]
    fn same_text_compares_every_byte() {
        let long = "password_reset.could_not_access";
        assert!(same_text(long, long));
        for at in 0..long.len() {
            let mut other = [0u8; 31];
            other.copy_from_slice(long.as_bytes());
            other[at] ^= 1;
            let other = core::str::from_utf8(&other).unwrap();
            assert!(!same_text(long, other), "{other}");
        }
        assert!(!same_text("abc", "abcd"));
        assert!(same_text("", ""));
        let very_long = "a key that is longer than thirty-two bytes";
        assert!(same_text(
            very_long,
            "a key that is longer than thirty-two bytes"
        ));
        assert!(!same_text(
            very_long,
            "a key that is longer than thirty-two byteZ"
        ));
    }

    /// Keys of 2 to 4 bytes, read as two 2-byte halves: "ab" and "abab"
    /// have the same halves, and only the length tells them apart.
    #[test]
    fn short_tables_tell_lengths_apart() {
        static SHORT: &[&str] = &["ab", "ba", "10", "aba", "404", "400", "abab", "1011"];
        static TABLE: Table<usize, 16, { multiplier::<2, 4, 2>(16, SHORT) }, 2, 4, 2, 0> =
            Table::build(SHORT, &[0, 1, 2, 3, 4, 5, 6, 7]);
        for key in SHORT {
            for text in neighbours(key).iter().map(String::as_str).chain([*key]) {
                let expected = SHORT.iter().position(|k| *k == text);
                assert_eq!(TABLE.get(text), expected, "{text:?}");
            }
            // 256 bytes more, with the same halves: the length tag is one
            // byte, so only the length check tells them apart.
            let (head, tail) = (&key[..2], &key[key.len() - 2..]);
            let long = [head, &"z".repeat(254 + key.len() - 2), tail].concat();
            assert_eq!(long.len(), key.len() + 256);
            assert_eq!(TABLE.get(&long), None, "{long:?}");
        }
    }

    #[test]
    fn distinct_keys_pass_the_uniqueness_check() {
        assert_unique(KEYS);
        assert_unique(&[]);
    }

    #[test]
    #[should_panic(expected = "duplicate key")]
    fn a_duplicate_key_is_refused() {
        assert_unique(&["a", "b", "ab", "b"]);
    }

    #[test]
    fn fixed_length_tables_pack_like_fold() {
        static CODES: &[&str] = &["E005001", "E005002", "W003005"];
        static FIXED: Table<usize, 16, { multiplier::<7, 7, 7>(16, CODES) }, 7, 7, 7, 0> =
            Table::build(CODES, &[0, 1, 2]);
        assert_eq!(FIXED.get("E005002"), Some(1));
        assert_eq!(FIXED.get("E00500"), None);
        assert_eq!(FIXED.get("E0050011"), None);
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
