//! Recognising a body by its top-level members, in one pass over them all.

use super::CowStr;

/// The top-level members that tell the vendors' bodies apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Status,
    Result,
    Details,
    Errors,
    Message,
    Code,
    Error,
    Reason,
    ErrorMessage,
    Failure,
    AuthId,
}

/// How many [`Key`]s there are.
const KEYS: usize = Key::AuthId as usize + 1;

/// Which [`Key`]s a JSON object has, and the first byte of each one's
/// first value: enough to tell the bodies apart.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TopLevel {
    present: u16,
    first: [u8; KEYS],
    /// For `status`: whether its value is `"ok"`, `"warning"` or `"error"`.
    zato_status: bool,
}

impl TopLevel {
    /// Reads the names of every top-level member of `input` and the first
    /// byte of each one's value, in one pass; `None` when `input` does not
    /// have the structure of one JSON object.
    ///
    /// A scan, not a parse: values are skipped by their brackets and quotes,
    /// not checked, since the body's parser checks everything afterwards.
    /// That makes recognising a body a fraction of the cost of parsing it.
    pub(crate) fn scan(input: &[u8]) -> Option<Self> {
        let mut at = skip_ws(input, 0);
        if input.get(at) != Some(&b'{') {
            return None;
        }
        at = skip_ws(input, at + 1);
        let mut top = Self::default();
        if input.get(at) == Some(&b'}') {
            return (skip_ws(input, at + 1) == input.len()).then_some(top);
        }
        loop {
            let key_start = at;
            let key_end = skip_string(input, at)?;
            at = skip_ws(input, key_end);
            if input.get(at) != Some(&b':') {
                return None;
            }
            let value_start = skip_ws(input, at + 1);
            let value_end = skip_value(input, value_start)?;
            let key = input.get(key_start + 1..key_end - 1)?;
            top.record(key, input.get(value_start..value_end)?);
            at = skip_ws(input, value_end);
            match input.get(at) {
                Some(b',') => at = skip_ws(input, at + 1),
                Some(b'}') => return (skip_ws(input, at + 1) == input.len()).then_some(top),
                _ => return None,
            }
        }
    }

    /// The members of a body already parsed: `names` with the JSON text of
    /// each one's value.
    pub(crate) fn of_members<'m>(members: impl IntoIterator<Item = (&'m str, &'m str)>) -> Self {
        let mut top = Self::default();
        for (name, value) in members {
            // The name is unescaped already: quote its escapes back for
            // `record`, which reads it as it stands between quotes.
            if name.contains('\\') || name.contains('"') {
                let quoted = serde_json::to_string(name).unwrap_or_default();
                top.record(
                    quoted
                        .as_bytes()
                        .get(1..quoted.len().saturating_sub(1))
                        .unwrap_or_default(),
                    value.as_bytes(),
                );
            } else {
                top.record(name.as_bytes(), value.as_bytes());
            }
        }
        top
    }

    /// The first key of `input`'s object, as it stands between its quotes,
    /// when `input` starts like an object.
    pub(crate) fn first_key(input: &[u8]) -> Option<&[u8]> {
        let at = skip_ws(input, 0);
        if input.get(at) != Some(&b'{') {
            return None;
        }
        let start = skip_ws(input, at + 1);
        let end = skip_string(input, start)?;
        input.get(start + 1..end - 1)
    }

    /// Notes member `key` (its text between the quotes) with its value.
    fn record(&mut self, key: &[u8], value: &[u8]) {
        let at = if key.contains(&b'\\') {
            // An escaped name: compared once unescaped (rare).
            serde_json::from_slice::<CowStr<'_>>(&[b"\"", key, b"\""].concat())
                .ok()
                .and_then(|name| Self::index(name.0.as_bytes()))
        } else {
            Self::index(key)
        };
        let Some(at) = at else {
            return;
        };
        if self.present & (1 << at) == 0 {
            self.present |= 1 << at;
            if let Some(slot) = self.first.get_mut(at) {
                *slot = value.first().copied().unwrap_or(0);
            }
            if at == Key::Status as usize {
                self.zato_status = if value.contains(&b'\\') {
                    // An escaped value (`"\u0065rror"`): compared once
                    // unescaped, as the body's parser will read it (rare).
                    serde_json::from_slice::<CowStr<'_>>(value)
                        .is_ok_and(|text| matches!(&*text.0, "ok" | "warning" | "error"))
                } else {
                    matches!(value, br#""ok""# | br#""warning""# | br#""error""#)
                };
            }
        }
    }

    /// The [`Key`] a member name is, as its index: a `match`, which
    /// compiles to a switch on the length and one compare.
    fn index(key: &[u8]) -> Option<usize> {
        let key = match key {
            b"status" => Key::Status,
            b"result" => Key::Result,
            b"details" => Key::Details,
            b"errors" => Key::Errors,
            b"message" => Key::Message,
            b"code" => Key::Code,
            b"error" => Key::Error,
            b"reason" => Key::Reason,
            b"errorMessage" => Key::ErrorMessage,
            b"failure" => Key::Failure,
            b"authId" => Key::AuthId,
            _ => return None,
        };
        Some(key as usize)
    }

    /// Whether member `key` is present.
    #[inline]
    pub(crate) const fn has(&self, key: Key) -> bool {
        self.present & (1 << key as usize) != 0
    }

    /// The first byte of member `key`'s value, when present.
    #[inline]
    pub(crate) fn first_byte(&self, key: Key) -> Option<u8> {
        if self.has(key) {
            self.first.get(key as usize).copied()
        } else {
            None
        }
    }

    /// Whether member `key` is a JSON number.
    pub(crate) fn is_number(&self, key: Key) -> bool {
        self.first_byte(key)
            .is_some_and(|b| b == b'-' || b.is_ascii_digit())
    }

    /// Whether `status` is one of Zato's three.
    pub(crate) const fn has_zato_status(&self) -> bool {
        self.zato_status
    }
}

/// The first position at or after `at` that is not JSON whitespace.
fn skip_ws(input: &[u8], mut at: usize) -> usize {
    while matches!(input.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The position after the string that starts (with its quote) at `at`.
///
/// Eight bytes at a time while none of them is a quote or a backslash: most
/// of a body is strings, and this is most of the scan.
fn skip_string(input: &[u8], at: usize) -> Option<usize> {
    if input.get(at) != Some(&b'"') {
        return None;
    }
    let mut at = at + 1;
    loop {
        while let Some(chunk) = input.get(at..at + 8) {
            let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
            let hits = bytes_equal(word, b'"') | bytes_equal(word, b'\\');
            if hits != 0 {
                // The lowest marked byte is the first quote or backslash:
                // the marks above it may be false, it never is.
                at += (hits.trailing_zeros() / 8) as usize;
                break;
            }
            at += 8;
        }
        match input.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
}

/// The high bit of the bytes of `word` that equal `byte`: exact for the
/// lowest such byte (the classic test for a zero byte, on `word ^ byte`).
const fn bytes_equal(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let diff = word ^ (ONES * byte as u64);
    diff.wrapping_sub(ONES) & !diff & (ONES << 7)
}

/// The position after the value that starts at `at`: a string, an object or
/// array (by its brackets, strings inside skipped), or a number or literal
/// (up to the next delimiter).
fn skip_value(input: &[u8], at: usize) -> Option<usize> {
    match input.get(at)? {
        b'"' => skip_string(input, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut at = at;
            loop {
                match input.get(at)? {
                    b'"' => {
                        at = skip_string(input, at)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
        }
        b',' | b'}' | b']' | b':' => None,
        _ => {
            let mut at = at;
            while !matches!(
                input.get(at),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                at += 1;
            }
            Some(at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, TopLevel};

    /// Every member name the scan looks for, with its key.
    const NAMES: [(&str, Key); 11] = [
        ("status", Key::Status),
        ("result", Key::Result),
        ("details", Key::Details),
        ("errors", Key::Errors),
        ("message", Key::Message),
        ("code", Key::Code),
        ("error", Key::Error),
        ("reason", Key::Reason),
        ("errorMessage", Key::ErrorMessage),
        ("failure", Key::Failure),
        ("authId", Key::AuthId),
    ];

    #[test]
    fn member_names_are_their_keys() {
        for (name, key) in NAMES {
            assert_eq!(
                TopLevel::index(name.as_bytes()),
                Some(key as usize),
                "{name}"
            );
        }
        assert_eq!(TopLevel::index(b"statu"), None);
        assert_eq!(
            TopLevel::index(b"cid"),
            None,
            "not needed to tell bodies apart"
        );
        let top =
            TopLevel::scan(br#"{"sta\u0074us":"ok","message":[1,{"a":"]"}],"x":null}"#).unwrap();
        assert!(top.has(Key::Status) && top.has_zato_status() && top.has(Key::Message));
        assert_eq!(top.first_byte(Key::Message), Some(b'['));
        assert!(!top.has(Key::Errors));
        assert!(TopLevel::scan(br#"{"a":"unterminated}"#).is_none());
        assert!(TopLevel::scan(br#"{"a":1} x"#).is_none());
        assert!(TopLevel::scan(b"[1]").is_none());
    }

    /// Every key keeps the first byte of its first value, the last key
    /// included.
    #[test]
    fn every_key_keeps_its_first_byte() {
        for (name, key) in NAMES {
            for (value, first) in [(r#""x""#, b'"'), ("-1", b'-'), ("[2]", b'['), ("{}", b'{')] {
                let body = format!(r#"{{"{name}":{value},"{name}":7}}"#);
                let top = TopLevel::scan(body.as_bytes()).unwrap();
                assert_eq!(top.first_byte(key), Some(first), "{body}");
            }
        }
    }

    /// `bytes_equal` marks no byte of a word without the byte sought (so
    /// such a word is skipped whole), and marks the lowest one exactly,
    /// in every lane and whatever the other bytes are, high bytes included.
    #[test]
    fn bytes_equal_marks_the_lowest_equal_byte_exactly() {
        let fillers = [
            0x00u8, 0x01, 0x21, 0x23, 0x41, 0x5b, 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff,
        ];
        for sought in [b'"', b'\\'] {
            for filler in fillers {
                let word = u64::from_le_bytes([filler; 8]);
                assert_eq!(super::bytes_equal(word, sought), 0, "{filler:#x}");
                for lane in 0..8 {
                    for above in fillers.into_iter().chain([sought]) {
                        let mut bytes = [filler; 8];
                        bytes[lane] = sought;
                        for byte in bytes.iter_mut().skip(lane + 1) {
                            *byte = above;
                        }
                        let marks = super::bytes_equal(u64::from_le_bytes(bytes), sought);
                        assert_eq!(marks.trailing_zeros() as usize, lane * 8 + 7, "{bytes:x?}");
                        assert_eq!(marks & 0x7f7f_7f7f_7f7f_7f7f, 0, "{bytes:x?}");
                    }
                }
            }
        }
    }

    /// The word-at-a-time string scan agrees with a byte-by-byte one,
    /// wherever the quote and the escapes fall.
    #[test]
    fn skipping_strings_agrees_with_the_plain_scan() {
        fn plain(input: &[u8]) -> Option<usize> {
            let mut at = 1;
            loop {
                match input.get(at)? {
                    b'"' => return Some(at + 1),
                    b'\\' => at += 2,
                    _ => at += 1,
                }
            }
        }
        let pieces: [&[u8]; 6] = [
            b"a",
            b"\\\"",
            b"\\\\",
            b"\xc3\xa9",
            b"bcdefghij",
            b"\\u0041",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut input = b"\"".to_vec();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                input.extend_from_slice(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            if seed % 3 != 0 {
                input.push(b'"');
            }
            input.extend_from_slice(b"tail");
            assert_eq!(super::skip_string(&input, 0), plain(&input), "{input:?}");
        }
    }
}
