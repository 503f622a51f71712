//! The machinery shared by every vendor's body: JSON values kept verbatim,
//! extra members kept in order, the received key order, and the two parse
//! modes (owning for `serde`, borrowing for the fast parsers).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;

use crate::{Catalog, Error, Vendor, Wire};

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
pub struct RawJson<'a>(RawRepr<'a>);

#[derive(Clone)]
enum RawRepr<'a> {
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

impl fmt::Debug for RawJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

/// Writes the JSON text.
impl fmt::Display for RawJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
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

/// Members of a JSON object that the vendor's body does not define, kept with
/// their values verbatim and in the order received.
///
/// ```
/// use sso_errors::{Members, RawJson};
///
/// let mut members = Members::new();
/// members.push("reset_key", RawJson::from_json(r#""6a0e1c""#).unwrap());
/// assert_eq!(members.get("reset_key").unwrap().get(), r#""6a0e1c""#);
/// assert_eq!(members.len(), 1);
/// ```
#[derive(Clone, Default)]
pub struct Members<'a>(Vec<Member<'a>>);

/// One extra member, and where it stood among the standard ones.
#[derive(Clone)]
struct Member<'a> {
    key: Cow<'a, str>,
    value: RawJson<'a>,
    /// How many standard members came before it; `u8::MAX` for a member
    /// added in code, which goes after them all.
    after: u8,
}

impl<'a> Members<'a> {
    /// No members.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Appends a member (written after the standard members).
    pub fn push(&mut self, key: impl Into<Cow<'a, str>>, value: RawJson<'a>) {
        self.0.push(Member {
            key: key.into(),
            value,
            after: u8::MAX,
        });
    }

    /// The value of the first member called `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&RawJson<'a>> {
        self.0.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    /// Removes every member called `key`, returning the first one's value.
    pub fn remove(&mut self, key: &str) -> Option<RawJson<'a>> {
        let at = self.0.iter().position(|m| m.key == key)?;
        let first = self.0.remove(at);
        self.0.retain(|m| m.key != key);
        Some(first.value)
    }

    /// The members, in order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &RawJson<'a>)> {
        self.0.iter().map(|m| (m.key.as_ref(), &m.value))
    }

    /// The number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Detaches the members from the input they borrow from.
    #[must_use]
    pub fn into_owned(self) -> Members<'static> {
        Members(
            self.0
                .into_iter()
                .map(|m| Member {
                    key: Cow::Owned(m.key.into_owned()),
                    value: m.value.into_owned(),
                    after: m.after,
                })
                .collect(),
        )
    }
}

/// Equal when the same members, with the same values, come in the same
/// order; where they stood among the standard members does not count.
impl PartialEq for Members<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Members<'_> {}

impl std::hash::Hash for Members<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for (key, value) in self.iter() {
            key.hash(state);
            value.hash(state);
        }
    }
}

impl fmt::Debug for Members<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a, K: Into<Cow<'a, str>>> FromIterator<(K, RawJson<'a>)> for Members<'a> {
    fn from_iter<I: IntoIterator<Item = (K, RawJson<'a>)>>(iter: I) -> Self {
        let mut members = Self::new();
        for (key, value) in iter {
            members.push(key, value);
        }
        members
    }
}

/// The order in which a parsed object's standard members arrived, so that
/// re-serializing gives them back in that order: one nibble per member (its
/// index plus one), in received order, in a `u32`. Extra members record
/// their own place ([`Members`]). A body built in code has the empty layout
/// and is written in the vendor's canonical order.
///
/// The layout is how a body was spelled, not what it says: all layouts
/// compare equal, so that bodies can derive `PartialEq` and a parsed body
/// equals the same body built in code.
#[derive(Clone, Copy, Default)]
pub(crate) struct Layout(u32);

impl PartialEq for Layout {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Layout {}

/// The standard members' indexes, in received order (empty when canonical).
impl fmt::Debug for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries((0..self.len()).filter_map(|at| self.get(at)))
            .finish()
    }
}

impl Layout {
    pub(crate) const MAX: usize = 8;

    /// The number of standard members recorded.
    fn len(self) -> usize {
        (32 - self.0.leading_zeros() as usize).div_ceil(4)
    }

    /// The standard member recorded at position `at`.
    fn get(self, at: usize) -> Option<usize> {
        let nibble = (self.0 >> (4 * at)) & 0xF;
        (at < Self::MAX && nibble != 0).then(|| nibble as usize - 1)
    }

    fn push(&mut self, key: usize) {
        let at = self.len();
        if at < Self::MAX && key < 15 {
            self.0 |= (u32::try_from(key).unwrap_or(0) + 1) << (4 * at);
        }
    }

    fn seen(self, key: usize) -> bool {
        (0..self.len()).any(|at| self.get(at) == Some(key))
    }
}

/// The standard members of a JSON object, for reading (see [`visit_object`]).
pub(crate) trait Fields<'a>: Sized {
    /// The standard member names, in the vendor's canonical order (at most
    /// [`Layout::MAX`]).
    const NAMES: &'static [&'static str];

    /// Reads standard member `index` from the map.
    fn read<'de, M: Mode<'de, 'a>, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// The standard members of a JSON object, for writing (see
/// [`serialize_object`]).
pub(crate) trait WriteFields {
    /// The standard member names, in the vendor's canonical order.
    const NAMES: &'static [&'static str];

    /// Whether standard member `index` is to be written.
    fn present(&self, index: usize) -> bool;

    /// Writes the value of standard member `index` (the caller writes the
    /// key).
    fn write<S: SerializeMap>(&self, index: usize, map: &mut S) -> Result<(), S::Error>;
}

/// Reads the members of a JSON object: standard ones into `fields`, others
/// into `extras`, recording the order in `layout`. A repeated standard member
/// is an error.
pub(crate) fn visit_object<'de, 'a, M, F, A>(
    map: &mut A,
    fields: &mut F,
    extras: &mut Members<'a>,
    layout: &mut Layout,
) -> Result<(), A::Error>
where
    M: Mode<'de, 'a>,
    F: Fields<'a>,
    A: MapAccess<'de>,
{
    while let Some(key) = map.next_key::<CowStr<'de>>()? {
        if let Some(index) = F::NAMES.iter().position(|name| *name == key.0) {
            if layout.seen(index) {
                return Err(de::Error::custom(format_args!(
                    "duplicate member `{}`",
                    F::NAMES[index]
                )));
            }
            layout.push(index);
            fields.read::<M, A>(index, map)?;
        } else {
            let value = map.next_value_seed(RawSeed::<M>(PhantomData))?;
            extras.0.push(Member {
                key: M::str(key.0),
                value,
                after: u8::try_from(layout.len()).unwrap_or(u8::MAX),
            });
        }
    }
    Ok(())
}

/// Writes an object: standard members in `layout` order (canonical order for
/// an empty layout), extras where they were received.
pub(crate) fn serialize_object<F: WriteFields, S: Serializer>(
    serializer: S,
    fields: &F,
    extras: &Members<'_>,
    layout: Layout,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    let mut written = [false; Layout::MAX];
    let mut extra = extras.0.iter().peekable();
    for at in 0..layout.len() {
        while let Some(member) = extra.next_if(|m| usize::from(m.after) <= at) {
            map.serialize_entry(&member.key, &member.value)?;
        }
        if let Some(index) = layout.get(at) {
            if index < F::NAMES.len() && fields.present(index) {
                map.serialize_key(F::NAMES[index])?;
                fields.write(index, &mut map)?;
                written[index] = true;
            }
        }
    }
    for (index, name) in F::NAMES.iter().enumerate() {
        if !written.get(index).copied().unwrap_or(false) && fields.present(index) {
            map.serialize_key(name)?;
            fields.write(index, &mut map)?;
        }
    }
    for member in extra {
        map.serialize_entry(&member.key, &member.value)?;
    }
    map.end()
}

/// Implements `DeserializeSeed` for a seed that is its own map visitor, in
/// either parse mode: `map_seed!(BodySeed<'_, 'a, M> => Value);`.
macro_rules! map_seed {
    ($Seed:ident<'_, 'a, M> => $Value:ty) => {
        map_seed!(@impl $Seed<'_, 'a, M> => $Value);
    };
    ($Seed:ident<'a, M> => $Value:ty) => {
        map_seed!(@impl $Seed<'a, M> => $Value);
    };
    (@impl $Seed:ident<$($lt:lifetime),+, M> => $Value:ty) => {
        impl<'de, 'a, M: $crate::body::Mode<'de, 'a>> serde::de::DeserializeSeed<'de>
            for $Seed<$($lt),+, M>
        {
            type Value = $Value;

            #[inline]
            fn deserialize<D: serde::de::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_map(self)
            }
        }
    };
}

/// Where parsed strings go: borrowed from the input, or owned.
pub(crate) trait Mode<'de, 'a> {
    /// Keeps a string.
    fn str(s: Cow<'de, str>) -> Cow<'a, str>;

    /// Reads a JSON value verbatim.
    fn raw<D: Deserializer<'de>>(deserializer: D) -> Result<RawJson<'a>, D::Error>;

    /// Reads a code.
    fn wire<C: Catalog, D: Deserializer<'de>>(deserializer: D) -> Result<Wire<'a, C>, D::Error> {
        let text = CowStr::deserialize(deserializer)?.0;
        Ok(match C::resolve(&text) {
            Some((value, spelling)) => Wire::from_known(value, spelling),
            None => Wire::from_unknown(Self::str(text)),
        })
    }
}

/// Borrows from the input wherever no unescaping is needed.
pub(crate) struct Borrow;

impl<'de: 'a, 'a> Mode<'de, 'a> for Borrow {
    fn str(s: Cow<'de, str>) -> Cow<'a, str> {
        s
    }

    fn raw<D: Deserializer<'de>>(deserializer: D) -> Result<RawJson<'a>, D::Error> {
        <&'de RawValue as serde::Deserialize>::deserialize(deserializer)
            .map(|raw| RawJson(RawRepr::Borrowed(raw)))
    }
}

/// Owns everything; works with any deserializer.
pub(crate) struct Own;

impl<'de, 'a> Mode<'de, 'a> for Own {
    fn str(s: Cow<'de, str>) -> Cow<'a, str> {
        Cow::Owned(s.into_owned())
    }

    fn raw<D: Deserializer<'de>>(deserializer: D) -> Result<RawJson<'a>, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(|raw| RawJson(RawRepr::Owned(raw)))
    }
}

/// A JSON value read verbatim in mode `M`.
pub(crate) struct RawSeed<'a, M>(pub(crate) PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for RawSeed<'a, M> {
    type Value = RawJson<'a>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        M::raw(deserializer)
    }
}

/// A string in mode `M`.
pub(crate) struct StrSeed<'a, M>(pub(crate) PhantomData<(&'a (), M)>);

impl<'de, 'a, M: Mode<'de, 'a>> DeserializeSeed<'de> for StrSeed<'a, M> {
    type Value = Cow<'a, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        CowStr::deserialize(deserializer).map(|s| M::str(s.0))
    }
}

/// A code in mode `M`.
pub(crate) struct WireSeed<'a, M, C>(pub(crate) PhantomData<(&'a (), M, C)>);

impl<'de, 'a, M: Mode<'de, 'a>, C: Catalog> DeserializeSeed<'de> for WireSeed<'a, M, C> {
    type Value = Wire<'a, C>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        M::wire(deserializer)
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
        }
        deserializer.deserialize_str(V)
    }
}

/// Parses a whole input with a seed, borrowing from it, and requires that
/// nothing but whitespace follows.
///
/// Valid UTF-8 (every well-formed body) is checked once, as a whole, and then
/// read as text, so no string is checked again on its own; other input goes
/// through the byte reader, which reports where the bad bytes are.
#[inline]
pub(crate) fn parse_slice<'a, T>(
    vendor: Vendor,
    input: &'a [u8],
    seed: impl DeserializeSeed<'a, Value = T>,
) -> Result<T, Error> {
    let result = match core::str::from_utf8(input) {
        Ok(text) => finish(seed, &mut serde_json::Deserializer::from_str(text)),
        Err(_) => finish(seed, &mut serde_json::Deserializer::from_slice(input)),
    };
    match result {
        Ok(value) => Ok(value),
        Err(e) => Err(Error::from_json(vendor, &e, input)),
    }
}

/// Runs `seed` on the whole input of `de`.
#[inline]
fn finish<'a, T, R: serde_json::de::Read<'a>>(
    seed: impl DeserializeSeed<'a, Value = T>,
    de: &mut serde_json::Deserializer<R>,
) -> Result<T, serde_json::Error> {
    let value = seed.deserialize(&mut *de)?;
    de.end()?;
    Ok(value)
}

/// The names of an object's top-level members (at most `N`), for recognising
/// which envelope a body is. `None` when the input is not a JSON object.
pub(crate) fn top_level_keys<const N: usize>(input: &[u8]) -> Option<TopKeys<'_, N>> {
    struct Seed<const N: usize>;
    impl<'de, const N: usize> Visitor<'de> for Seed<N> {
        type Value = TopKeys<'de, N>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut keys = TopKeys {
                keys: [const { None }; N],
                first_values: [const { None }; N],
                len: 0,
            };
            while let Some(key) = map.next_key::<CowStr<'de>>()? {
                let value = map.next_value::<&'de RawValue>()?;
                if keys.len < N {
                    keys.keys[keys.len] = Some(key.0);
                    keys.first_values[keys.len] = Some(value);
                    keys.len += 1;
                }
            }
            Ok(keys)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(input);
    let keys = de.deserialize_map(Seed::<N>).ok()?;
    de.end().ok()?;
    Some(keys)
}

/// The first top-level members of an object, with their raw values.
pub(crate) struct TopKeys<'a, const N: usize> {
    keys: [Option<Cow<'a, str>>; N],
    first_values: [Option<&'a RawValue>; N],
    len: usize,
}

impl<'a, const N: usize> TopKeys<'a, N> {
    /// The raw value of member `key`, if present among the first `N`.
    pub(crate) fn get(&self, key: &str) -> Option<&'a RawValue> {
        (0..self.len).find_map(|i| match (&self.keys[i], self.first_values[i]) {
            (Some(k), Some(v)) if k == key => Some(v),
            _ => None,
        })
    }

    /// Whether member `key` is present among the first `N`.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}
