//! A status code as a body carries it: a whole JSON number from 0 to 65535.

use std::fmt;

use serde::de::{self, Deserializer as _, Visitor};
use serde::ser::Serializer;

use super::Code;
use crate::RawJson;
use crate::body::{Field, Mode};

/// Reads a code: a whole JSON number from 0 to 65535. Anything else is an
/// error naming the value.
impl<'de> serde::Deserialize<'de> for Code {
    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CodeVisitor)
    }
}

/// Writes the number.
impl serde::Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

struct CodeVisitor;

impl<'de> Visitor<'de> for CodeVisitor {
    type Value = Code;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a status code number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Code, E> {
        u16::try_from(v)
            .map(Code::new)
            .map_err(|_| E::custom("a number above 65535, expected a status code number"))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Code, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::custom(
                "a negative number, expected a status code number",
            )),
        }
    }

    /// serde_json hands over as a float every number with a fraction or
    /// an exponent, `-0`, and integers beyond 64 bits: say which it is.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Code, E> {
        Err(E::custom(if v.fract() != 0.0 {
            "a fractional number, expected a status code number"
        } else if v.is_sign_negative() {
            "a negative number, expected a status code number"
        } else if v > f64::from(u16::MAX) {
            "a number above 65535, expected a status code number"
        } else {
            "a whole number written with a fraction or an exponent, expected a status code \
             number written as an integer"
        }))
    }

    refuse!('de; bool str unit seq map);
}

/// A status code member: a whole JSON number from 0 to 65535, under `code`,
/// or under `error` for very old servers.
impl<'a> Field<'a> for Code {
    type Owned = Self;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CodeVisitor)
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.as_u16())
    }

    #[inline]
    fn into_owned(self) -> Self {
        self
    }

    /// The number under `error`; any other value there is not a code.
    fn from_alias(raw: &RawJson<'_>) -> Option<Result<Self, serde_json::Error>> {
        matches!(raw.get().as_bytes().first(), Some(b'-' | b'0'..=b'9'))
            .then(|| raw.as_raw().deserialize_any(CodeVisitor))
    }
}
