//! Recognising a body by its top-level members, in one pass over them all.

use super::CowStr;

/// The top-level member names that tell the vendors' bodies apart, in the
/// order of [`TopLevel::index`] (checked by a test).
const KEYS: [&str; 14] = [
    "status",
    "result",
    "details",
    "errors",
    "data",
    "message",
    "code",
    "error",
    "reason",
    "errorMessage",
    "failure",
    "authId",
    "tokenId",
    "cid",
];

/// Which of [`KEYS`] a JSON object has, and the first byte of each one's
/// first value: enough to tell the bodies apart.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TopLevel {
    present: u16,
    first: [u8; KEYS.len()],
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
            if at == 0 {
                self.zato_status = matches!(value, br#""ok""# | br#""warning""# | br#""error""#);
            }
        }
    }

    /// The position of `key` in [`KEYS`]: a `match`, which compiles to a
    /// switch on the length and one compare (and, for a constant `key`,
    /// nothing at run time).
    #[inline]
    fn index(key: &[u8]) -> Option<usize> {
        Some(match key {
            b"status" => 0,
            b"result" => 1,
            b"details" => 2,
            b"errors" => 3,
            b"data" => 4,
            b"message" => 5,
            b"code" => 6,
            b"error" => 7,
            b"reason" => 8,
            b"errorMessage" => 9,
            b"failure" => 10,
            b"authId" => 11,
            b"tokenId" => 12,
            b"cid" => 13,
            _ => return None,
        })
    }

    /// Whether member `key` is present.
    #[inline]
    pub(crate) fn has(&self, key: &str) -> bool {
        Self::index(key.as_bytes()).is_some_and(|at| self.present & (1 << at) != 0)
    }

    /// The first byte of member `key`'s value, when present.
    #[inline]
    pub(crate) fn first_byte(&self, key: &str) -> Option<u8> {
        let at = Self::index(key.as_bytes())?;
        (self.present & (1 << at) != 0)
            .then(|| self.first.get(at).copied())
            .flatten()
    }

    /// Whether member `key` is a JSON number.
    pub(crate) fn is_number(&self, key: &str) -> bool {
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
fn skip_string(input: &[u8], at: usize) -> Option<usize> {
    if input.get(at) != Some(&b'"') {
        return None;
    }
    let mut at = at + 1;
    loop {
        match input.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
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
    use super::{KEYS, TopLevel};

    #[test]
    fn the_index_follows_the_key_list() {
        for (at, key) in KEYS.iter().enumerate() {
            assert_eq!(TopLevel::index(key.as_bytes()), Some(at), "{key}");
        }
        assert_eq!(TopLevel::index(b"statu"), None);
    }
}
