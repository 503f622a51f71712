//! What JSON:API 1.0 asks of the members the crate reads and builds.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};

use crate::body::{self, Field, Mode};
use crate::{RawJson, Snippet};

/// A member JSON:API defines as an object (`meta`, `links`, `jsonapi`):
/// kept verbatim, and anything but an object is an error.
pub(super) struct JsonObject<'a>(RawJson<'a>);

impl<'a> From<JsonObject<'a>> for RawJson<'a> {
    fn from(object: JsonObject<'a>) -> Self {
        object.0
    }
}

impl<'a> Field<'a> for JsonObject<'a> {
    type Owned = JsonObject<'static>;

    fn read<'de, M: Mode<'de, 'a>, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawJson::read::<M, D>(d)?;
        if raw.get().starts_with('{') {
            Ok(Self(raw))
        } else {
            Err(de::Error::custom("expected a JSON object"))
        }
    }

    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }

    fn into_owned(self) -> JsonObject<'static> {
        JsonObject(self.0.into_owned())
    }
}

/// A member value that would make an error document invalid JSON:API, given
/// to a method that builds one.
///
/// Its message and its `Debug` name the member, what is wrong and the
/// value's length, never the value (a `source.pointer` may hold anything);
/// the value is behind [`input`](Self::input).
#[derive(Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid JSON:API `{member}`: {reason}; a value of {} bytes", input.original_len())]
pub struct InvalidMember {
    member: &'static str,
    reason: &'static str,
    input: Snippet,
}

impl InvalidMember {
    pub(super) fn new(member: &'static str, reason: &'static str, input: &str) -> Self {
        Self {
            member,
            reason,
            input: Snippet::new(input),
        }
    }

    /// The member being set (`source.pointer`, `links.about`, `meta`).
    #[must_use]
    pub const fn member(&self) -> &'static str {
        self.member
    }

    /// What is wrong with the value.
    #[must_use]
    pub const fn reason(&self) -> &'static str {
        self.reason
    }

    /// The start of the value, at most [`Snippet::CAPACITY`] bytes, and
    /// its length.
    #[must_use]
    pub const fn input(&self) -> &Snippet {
        &self.input
    }
}

/// The member, the reason and the value's length, never the value.
impl fmt::Debug for InvalidMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvalidMember")
            .field("member", &self.member)
            .field("reason", &self.reason)
            .field("bytes", &self.input.original_len())
            .finish()
    }
}

/// RFC 6901, as the schema's pattern `^(?:\/(?:[^~/]|~0|~1)*)*$` has it.
pub(super) fn is_json_pointer(pointer: &str) -> bool {
    let bytes = pointer.as_bytes();
    (bytes.is_empty() || bytes.first() == Some(&b'/'))
        && bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'~')
            .all(|(at, _)| matches!(bytes.get(at + 1), Some(b'0' | b'1')))
}

/// An absolute URI (RFC 3986): a scheme, then URI characters only.
pub(super) fn is_uri(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    let bytes = rest.as_bytes();
    let rest_ok = bytes.iter().enumerate().all(|(at, &b)| {
        if b == b'%' {
            bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
        } else {
            b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)
        }
    });
    scheme_ok && rest_ok
}

/// A JSON:API member name: `^[a-zA-Z0-9](?:[-\w]*[a-zA-Z0-9])?$`.
fn is_member_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        }
        _ => false,
    }
}

/// Checks that `meta` is an object whose member names are JSON:API member
/// names.
pub(super) fn check_meta(member: &'static str, meta: &RawJson<'_>) -> Result<(), InvalidMember> {
    struct Names;
    impl<'de> Visitor<'de> for Names {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut bad = None;
            while let Some(name) = map.next_key::<body::CowStr<'de>>()? {
                map.next_value::<IgnoredAny>()?;
                if bad.is_none() && !is_member_name(&name.0) {
                    bad = Some(name.0.into_owned());
                }
            }
            Ok(bad)
        }
    }
    let mut de = serde_json::Deserializer::from_str(meta.get());
    match de::Deserializer::deserialize_map(&mut de, Names) {
        Ok(None) => Ok(()),
        Ok(Some(name)) => Err(InvalidMember::new(
            member,
            "a member name is not a JSON:API member name",
            &name,
        )),
        Err(_) => Err(InvalidMember::new(member, "not a JSON object", meta.get())),
    }
}
