//! JSON values kept verbatim, and strings that borrow from the input.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;

/// A JSON value kept exactly as received: the same text goes back out.
///
/// Used for members whose shape the vendor leaves open (OpenAM's `detail`,
/// JSON:API's `meta`) and for members the crate does not model. Parsing keeps
/// the value's text byte for byte, including its key order; when the body was
/// parsed with a borrowing parser the text is borrowed from the input.
///
/// ```
/// use sso_errors::RawJson;
///
/// let detail = RawJson::from_json(r#"{"b":1,"a":[true,null]}"#).unwrap();
/// assert_eq!(detail.get(), r#"{"b":1,"a":[true,null]}"#);
/// assert_eq!(detail.to_value().unwrap()["b"], 1);
/// ```
#[derive(Clone)]
pub struct RawJson<'a>(pub(super) RawRepr<'a>);

#[derive(Clone)]
pub(super) enum RawRepr<'a> {
    Borrowed(&'a RawValue),
    Owned(Box<RawValue>),
}

impl<'a> RawJson<'a> {
    /// Checks that `json` is one JSON value and keeps its text as is.
    ///
    /// # Errors
    ///
    /// [`serde_json::Error`] when `json` is not exactly one JSON value.
    pub fn from_json(json: impl Into<String>) -> Result<Self, serde_json::Error> {
        RawValue::from_string(json.into()).map(|raw| Self(RawRepr::Owned(raw)))
    }

    /// Renders a [`serde_json::Value`] compactly.
    #[must_use]
    pub fn from_value(value: &serde_json::Value) -> Self {
        // Rendering a `Value` is infallible, and its rendering is valid JSON.
        let text = value.to_string();
        match RawValue::from_string(text) {
            Ok(raw) => Self(RawRepr::Owned(raw)),
            Err(_) => Self::null(),
        }
    }

    /// The JSON `null`.
    #[must_use]
    pub fn null() -> Self {
        Self(RawRepr::Borrowed(RawValue::NULL))
    }

    /// Wraps a borrowed raw value.
    #[must_use]
    pub fn borrowed(raw: &'a RawValue) -> Self {
        Self(RawRepr::Borrowed(raw))
    }

    /// The JSON text, exactly as received.
    #[must_use]
    pub fn get(&self) -> &str {
        self.as_raw().get()
    }

    /// The value as a [`RawValue`].
    #[must_use]
    pub fn as_raw(&self) -> &RawValue {
        match &self.0 {
            RawRepr::Borrowed(raw) => raw,
            RawRepr::Owned(raw) => raw,
        }
    }

    /// Parses the text into a [`serde_json::Value`].
    ///
    /// # Errors
    ///
    /// Never for a value the crate parsed or built; kept fallible because
    /// `serde_json::Value` has limits of its own (nesting depth).
    pub fn to_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(self.get())
    }

    /// Deserializes the text into any type.
    ///
    /// # Errors
    ///
    /// When the value does not have the shape `T` expects.
    pub fn parse<'b, T: serde::Deserialize<'b>>(&'b self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.get())
    }

    /// Whether the value is a JSON string, and if so its unescaped text.
    #[must_use]
    pub fn as_string(&self) -> Option<Cow<'_, str>> {
        if self.get().starts_with('"') {
            self.parse::<CowStr<'_>>().ok().map(|s| s.0)
        } else {
            None
        }
    }

    /// Detaches the value from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> RawJson<'static> {
        match self.0 {
            RawRepr::Borrowed(raw) => RawJson(RawRepr::Owned(raw.to_owned())),
            RawRepr::Owned(raw) => RawJson(RawRepr::Owned(raw)),
        }
    }
}

impl From<&serde_json::Value> for RawJson<'_> {
    fn from(value: &serde_json::Value) -> Self {
        Self::from_value(value)
    }
}

impl From<serde_json::Value> for RawJson<'_> {
    fn from(value: serde_json::Value) -> Self {
        Self::from_value(&value)
    }
}

impl From<Box<RawValue>> for RawJson<'_> {
    fn from(raw: Box<RawValue>) -> Self {
        Self(RawRepr::Owned(raw))
    }
}

/// Compares the JSON text.
impl PartialEq for RawJson<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson<'_> {}

impl std::hash::Hash for RawJson<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl RawJson<'_> {
    /// The value's JSON type: `object`, `array`, `string`, `number`,
    /// `boolean` or `null`.
    ///
    /// ```
    /// use sso_errors::RawJson;
    ///
    /// assert_eq!(RawJson::from_json(r#"{"tokenId":"AQIC5w"}"#).unwrap().json_type(), "object");
    /// assert_eq!(RawJson::from_json("-1.5").unwrap().json_type(), "number");
    /// ```
    #[must_use]
    pub fn json_type(&self) -> &'static str {
        match self.get().as_bytes().first() {
            Some(b'{') => "object",
            Some(b'[') => "array",
            Some(b'"') => "string",
            Some(b't' | b'f') => "boolean",
            Some(b'n') => "null",
            _ => "number",
        }
    }
}

/// What the value is and its size, never the value: it is received text
/// the crate does not model, and may hold a secret (`RawJson(object, 24
/// bytes)`). [`get`](RawJson::get) gives the JSON text.
impl fmt::Debug for RawJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RawJson({}, {} bytes)",
            self.json_type(),
            self.get().len()
        )
    }
}

/// `a JSON object of 24 bytes`: what the value is and its size, never the
/// value, for the reasons of `Debug`. [`get`](RawJson::get) gives the JSON
/// text.
impl fmt::Display for RawJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a JSON {} of {} bytes",
            self.json_type(),
            self.get().len()
        )
    }
}

impl Serialize for RawJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_raw().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for RawJson<'_> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(|raw| Self(RawRepr::Owned(raw)))
    }
}

/// A string that borrows from the input when it needs no unescaping.
pub(crate) struct CowStr<'de>(pub(crate) Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for CowStr<'de> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v)))
            }
            refuse!('de; bool i64 u64 f64 unit seq map);
        }
        deserializer.deserialize_any(V)
    }
}
