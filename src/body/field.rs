//! How one member's value is read, written and detached, whatever body it
//! stands in: one [`Field`] implementation per value shape.

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::RawJson;
use super::raw::{CowStr, RawRepr};
use crate::{Catalog, List, Wire};

/// Refuses, inside a `Visitor<$de>` impl, every JSON type it names, with an
/// error that says what type the value is and never quotes it (serde's
/// default `visit_*` methods quote strings and numbers, and so would put a
/// token sent in the wrong place into a message). Drive such a visitor with
/// `deserialize_any`, so that it sees the value's real type.
macro_rules! refuse {
    ($de:lifetime; $($shape:ident)*) => { $(refuse!(@ $de $shape);)* };
    (@ $de:lifetime bool) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::invalid_type(serde::de::Unexpected::Other("a boolean"), &self))
        }
    };
    (@ $de:lifetime i64) => {
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::invalid_type(serde::de::Unexpected::Other("an integer"), &self))
        }
    };
    (@ $de:lifetime u64) => {
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::invalid_type(serde::de::Unexpected::Other("an integer"), &self))
        }
    };
    (@ $de:lifetime f64) => {
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::invalid_type(serde::de::Unexpected::Other("a number"), &self))
        }
    };
    (@ $de:lifetime str) => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::invalid_type(serde::de::Unexpected::Other("a string"), &self))
        }
    };
    (@ $de:lifetime unit) => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err(E::invalid_type(serde::de::Unexpected::Other("null"), &self))
        }
    };
    (@ $de:lifetime seq) => {
        fn visit_seq<A: serde::de::SeqAccess<$de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(serde::de::Error::invalid_type(serde::de::Unexpected::Other("an array"), &self))
        }
    };
    (@ $de:lifetime map) => {
        fn visit_map<A: serde::de::MapAccess<$de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(serde::de::Error::invalid_type(serde::de::Unexpected::Other("an object"), &self))
        }
    };
}

/// Where parsed strings go: borrowed from the input, or owned.
pub(crate) trait Mode<'de, 'a> {
    /// Keeps a string.
    fn str(s: Cow<'de, str>) -> Cow<'a, str>;

    /// Reads a JSON value verbatim.
    fn raw<D: Deserializer<'de>>(deserializer: D) -> Result<RawJson<'a>, D::Error>;
}

/// Borrows from the input wherever no unescaping is needed.
pub(crate) struct Borrow;

impl<'de: 'a, 'a> Mode<'de, 'a> for Borrow {
    #[inline]
    fn str(s: Cow<'de, str>) -> Cow<'a, str> {
        s
    }

    #[inline]
    fn raw<D: Deserializer<'de>>(deserializer: D) -> Result<RawJson<'a>, D::Error> {
        <&'de RawValue as serde::Deserialize>::deserialize(deserializer)
            .map(|raw| RawJson(RawRepr::Borrowed(raw)))
    }
}

/// Owns everything; works with any deserializer.
pub(crate) struct Own;

impl<'de, 'a> Mode<'de, 'a> for Own {
    #[inline]
    fn str(s: Cow<'de, str>) -> Cow<'a, str> {
        Cow::Owned(s.into_owned())
    }

    #[inline]
    fn raw<D: Deserializer<'de>>(deserializer: D) -> Result<RawJson<'a>, D::Error> {
        <Box<RawValue> as serde::Deserialize>::deserialize(deserializer)
            .map(|raw| RawJson(RawRepr::Owned(raw)))
    }
}

/// A member's value type: how it is read in either mode, whether and how it
/// is written, and how it is detached from the input.
pub(crate) trait Field<'a>: Sized {
    /// The same value, owning its data.
    type Owned;

    /// Reads the value.
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;

    /// The value of a member the input left out; `None` when the member is
    /// required.
    #[inline]
    fn absent() -> Option<Self> {
        None
    }

    /// Whether the member is written.
    #[inline]
    fn is_present(&self) -> bool {
        true
    }

    /// Writes the value.
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;

    /// Detaches the value from the input.
    fn into_owned(self) -> Self::Owned;

    /// Recovers, from the whole `input` the value was borrowed from, the
    /// spelling of the member names that had escapes (a parse keeps their
    /// unescaped text only), so that they are written back byte for byte.
    /// Only for a value read in [`Borrow`] mode from `input`; nothing for a
    /// value with no members of its own.
    #[inline]
    fn respell(&mut self, _input: &'a str) {}

    /// The value read under the member's alternative name: `None` when
    /// the value is not of this member's kind, and the member is kept as an
    /// undefined one; an error when it is, but is not valid.
    #[inline]
    fn from_alias(_raw: &RawJson<'_>) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}

/// A [`Field`] as a `serde` seed.
pub(crate) struct Seed<'a, M, T>(PhantomData<(&'a (), M, T)>);

impl<M, T> Seed<'_, M, T> {
    #[inline]
    pub(crate) const fn new() -> Self {
        Self(PhantomData)
    }
}

impl<'de, 'a, M: Mode<'de, 'a>, T: Field<'a>> DeserializeSeed<'de> for Seed<'a, M, T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read::<M, D>(deserializer)
    }
}

/// A [`Field`] as a `Serialize` value.
pub(crate) struct Write<'f, T>(pub(crate) &'f T);

impl<'a, T: Field<'a>> Serialize for Write<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

impl<'a> Field<'a> for Cow<'a, str> {
    type Owned = Cow<'static, str>;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CowStr::deserialize(d).map(|s| M::str(s.0))
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }

    #[inline]
    fn into_owned(self) -> Cow<'static, str> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl<'a> Field<'a> for RawJson<'a> {
    type Owned = RawJson<'static>;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        M::raw(d)
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }

    #[inline]
    fn into_owned(self) -> Self::Owned {
        RawJson::into_owned(self)
    }
}

/// Implements [`Field`] for types that own their data and read and write
/// themselves through their own `serde` impls: one line per type.
macro_rules! serde_field {
    ($($T:ty),+ $(,)?) => {$(
        impl<'a> $crate::body::Field<'a> for $T {
            type Owned = Self;

            #[inline]
            fn read<'de, M: $crate::body::Mode<'de, 'a>, D: serde::Deserializer<'de>>(
                d: D,
            ) -> Result<Self, D::Error> {
                <Self as serde::Deserialize>::deserialize(d)
            }

            #[inline]
            fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }

            #[inline]
            fn into_owned(self) -> Self {
                self
            }
        }
    )+};
}

/// A JSON boolean.
impl<'a> Field<'a> for bool {
    type Owned = Self;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Bool;
        impl<'de> Visitor<'de> for Bool {
            type Value = bool;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a boolean")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
                Ok(v)
            }
            refuse!('de; i64 u64 f64 str unit seq map);
        }
        d.deserialize_any(Bool)
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(*self)
    }

    #[inline]
    fn into_owned(self) -> Self {
        self
    }
}

impl<'a, C: Catalog> Field<'a> for Wire<'a, C> {
    type Owned = Wire<'static, C>;

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = CowStr::deserialize(d)?.0;
        Ok(wire::<M, C>(text))
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }

    #[inline]
    fn into_owned(self) -> Self::Owned {
        Wire::into_owned(self)
    }
}

/// A received code, kept in mode `M` when it is unknown.
#[inline]
pub(crate) fn wire<'de, 'a, M: Mode<'de, 'a>, C: Catalog>(text: Cow<'de, str>) -> Wire<'a, C> {
    match C::resolve(&text) {
        Some((value, spelling)) => Wire::from_known(value, spelling),
        None => Wire::from_unknown(M::str(text)),
    }
}

/// An optional member: left out when `None`.
impl<'a, T: Field<'a>> Field<'a> for Option<T> {
    type Owned = Option<T::Owned>;

    #[inline]
    fn respell(&mut self, input: &'a str) {
        if let Some(value) = self {
            value.respell(input);
        }
    }

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::read::<M, D>(d).map(Some)
    }

    #[inline]
    fn absent() -> Option<Self> {
        Some(None)
    }

    #[inline]
    fn is_present(&self) -> bool {
        self.is_some()
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.write(s),
            None => s.serialize_none(),
        }
    }

    #[inline]
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }

    #[inline]
    fn from_alias(raw: &RawJson<'_>) -> Option<Result<Self, serde_json::Error>> {
        T::from_alias(raw).map(|value| value.map(Some))
    }
}

impl<'a, T: Field<'a>> Field<'a> for Box<T> {
    type Owned = Box<T::Owned>;

    #[inline]
    fn respell(&mut self, input: &'a str) {
        (**self).respell(input);
    }

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::read::<M, D>(d).map(Box::new)
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).write(s)
    }

    #[inline]
    fn into_owned(self) -> Self::Owned {
        Box::new((*self).into_owned())
    }
}

/// A JSON array, one element inline.
impl<'a, T: Field<'a>> Field<'a> for List<T> {
    type Owned = List<T::Owned>;

    #[inline]
    fn respell(&mut self, input: &'a str) {
        for value in self.iter_mut() {
            value.respell(input);
        }
    }

    #[inline]
    fn read<'de, M: Mode<'de, 'a>, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor::<M, T>(PhantomData))
    }

    #[inline]
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Write))
    }

    #[inline]
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }
}

struct ListVisitor<'a, M, T>(PhantomData<(&'a (), M, T)>);

impl<'de, 'a, M: Mode<'de, 'a>, T: Field<'a>> Visitor<'de> for ListVisitor<'a, M, T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array")
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = List::new();
        while let Some(value) = seq.next_element_seed(Seed::<M, T>::new())? {
            list.push(value);
        }
        Ok(list)
    }

    refuse!('de; bool i64 u64 f64 str unit map);
}

/// Reads a strict catalog code: an unknown one is an error.
pub(crate) fn read_known<'de, C: Catalog, D: Deserializer<'de>>(d: D) -> Result<C, D::Error> {
    let text = CowStr::deserialize(d)?.0;
    C::from_code(&text).ok_or_else(|| de::Error::custom(crate::UnknownCode::new::<C>(&text)))
}

#[cfg(test)]
mod tests {
    use super::Field;
    use crate::RawJson;
    use crate::openam::Code;

    #[test]
    fn an_optional_member_reads_its_alternative_name_as_its_value_does() {
        let number = RawJson::from_json("404").unwrap();
        let text = RawJson::from_json(r#""404""#).unwrap();
        let out_of_range = RawJson::from_json("70000").unwrap();
        assert_eq!(
            <Option<Code> as Field<'_>>::from_alias(&number).map(Result::ok),
            Some(Some(Some(Code::new(404))))
        );
        assert!(<Option<Code> as Field<'_>>::from_alias(&text).is_none());
        assert!(matches!(
            <Option<Code> as Field<'_>>::from_alias(&out_of_range),
            Some(Err(_))
        ));
    }
}
