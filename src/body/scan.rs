//! Recognising a body by its top-level members, in one pass over them all.

use std::fmt;

use serde::de::{Deserializer as _, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::CowStr;

/// The top-level member names that tell the vendors' bodies apart.
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
    /// Reads every top-level member of `input`; `None` when `input` is not
    /// one JSON object.
    pub(crate) fn scan(input: &[u8]) -> Option<Self> {
        let mut de = serde_json::Deserializer::from_slice(input);
        let top = de.deserialize_map(ScanVisitor).ok()?;
        de.end().ok()?;
        Some(top)
    }

    fn index(key: &str) -> Option<usize> {
        KEYS.iter().position(|k| *k == key)
    }

    /// Whether member `key` is present.
    pub(crate) fn has(&self, key: &str) -> bool {
        Self::index(key).is_some_and(|at| self.present & (1 << at) != 0)
    }

    /// The first byte of member `key`'s value, when present.
    pub(crate) fn first_byte(&self, key: &str) -> Option<u8> {
        let at = Self::index(key)?;
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

struct ScanVisitor;

impl<'de> Visitor<'de> for ScanVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        let mut top = TopLevel::default();
        while let Some(key) = map.next_key::<CowStr<'de>>()? {
            let value = map.next_value::<&'de RawValue>()?;
            let Some(at) = TopLevel::index(&key.0) else {
                continue;
            };
            if top.present & (1 << at) == 0 {
                top.present |= 1 << at;
                if let Some(slot) = top.first.get_mut(at) {
                    *slot = value.get().as_bytes().first().copied().unwrap_or(0);
                }
                if at == 0 {
                    top.zato_status =
                        matches!(value.get(), r#""ok""# | r#""warning""# | r#""error""#);
                }
            }
        }
        Ok(top)
    }
}
