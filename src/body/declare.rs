//! The `body!` macro: one declaration per JSON object a vendor sends.

/// Declares a JSON object body: the struct and everything that reads and
/// writes it.
///
/// ```text
/// body! {
///     /// docs
///     pub struct Name<'a>: "what the parser expected"
///         [, missing = path]   // fn(&'static str, Layout, &Members) -> Problem
///         [, check = path]     // fn(&Name<'_>) -> Result<(), Problem>
///     {
///         /// docs
///         [@secret] pub field: Type = "name" [| "alternative name"] [via Reader],
///         …
///     }
/// }
/// ```
///
/// Each member is bound by its name, never by its position: a member's value
/// type implements `Field`, which says how it is read in either parse mode,
/// whether it may be left out (`Option`), how it is written and detached.
/// The macro adds `members` (the undefined members, kept verbatim where they
/// stood) and the received key order, and generates:
///
/// - the borrowing and owning parsers (through `Field`, so the body can
///   also stand inside another one) and `Deserialize`;
/// - `Serialize`, in the received key order, or the declared order for a
///   body built in code;
/// - `into_owned`;
/// - `PartialEq`/`Eq` over the members (the key order does not count) and
///   `Debug`, which redacts `@secret` members.
///
/// `via Reader` reads the value as `Reader` (a `Field` that converts
/// `Into` the member's type), for a member the vendor spells in more ways
/// than its type reads. A repeated member is an error; a missing required one is reported by
/// `missing` (default: "missing field"); `check` sees the finished body.
macro_rules! body {
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident<'a>: $expecting:literal
            $(, missing = $missing:path)? $(, check = $check:path)? {
            $(
                $(#[$fmeta:meta])*
                $(@$secret:ident)?
                $fvis:vis $field:ident: $ty:ty = $name:literal $(| $alias:literal)? $(via $via:ty)?
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone)]
        $vis struct $Name<'a> {
            $(
                $(#[$fmeta])*
                $fvis $field: $ty,
            )+
            /// Members beside the standard ones, kept verbatim and in the
            /// places they were received.
            pub members: $crate::Members<'a>,
            layout: $crate::body::Layout,
        }

        const _: () = {
            use core::fmt;
            use $crate::body::{Field, Layout, Mode, Problem, Seed, Write};
            use $crate::{Members, RawJson};
            use serde::de::{self, MapAccess, Visitor};
            use serde::ser::SerializeMap as _;

            #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
            #[repr(u8)]
            enum Idx { $($field),+ }

            /// Every member name: the declared names in order, then the
            /// alternative names.
            const NAMES: &[&str] = &[$($name,)+ $($($alias,)?)+];
            /// The field each name binds.
            const FIELD_OF: &[usize] = &[
                $(Idx::$field as usize,)+
                $($({ let _ = $alias; Idx::$field as usize },)?)+
            ];
            const FIELDS: usize = [$(Idx::$field),+].len();
            const _: () = assert!(FIELDS <= Layout::MAX && NAMES.len() < 16);

            struct BodyVisitor<'a, M>(core::marker::PhantomData<(&'a (), M)>);

            impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for BodyVisitor<'a, M> {
                type Value = $Name<'a>;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str($expecting)
                }

                #[inline]
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    $(let mut $field: Option<$ty> = None;)+
                    let mut members = Members::new();
                    let mut layout = Layout::default();
                    while let Some(key) = map.next_key::<$crate::body::CowStr<'de>>()? {
                        let key = key.0;
                        $(
                            if key == $name {
                                if $field.is_some() {
                                    return Err(Problem::Duplicate($name).into_error());
                                }
                                layout.push(Idx::$field as usize);
                                $field = Some(
                                    map.next_value_seed(Seed::<M, body!(@via $ty $(, $via)?)>::new())
                                        .map_err(|e| $crate::body::in_member(e, $name))?
                                        .into(),
                                );
                                continue;
                            }
                            $(
                                if key == $alias && $field.is_none() {
                                    let raw = map.next_value_seed(Seed::<M, RawJson<'a>>::new())?;
                                    match <$ty as Field<'a>>::from_alias(&raw) {
                                        Some(Ok(value)) => {
                                            layout.push($crate::body::position(NAMES, $alias));
                                            $field = Some(value);
                                        }
                                        Some(Err(e)) => {
                                            let reason = $crate::error::reason_of(&e);
                                            return Err($crate::body::in_member(de::Error::custom(reason), $alias));
                                        }
                                        None => members.push_received(M::str(key), raw, layout.len()),
                                    }
                                    continue;
                                }
                            )?
                        )+
                        let value = map.next_value_seed(Seed::<M, RawJson<'a>>::new())?;
                        members.push_received(M::str(key), value, layout.len());
                    }
                    #[allow(unused_variables)]
                    let missing = |name: &'static str| -> Problem {
                        $(if true { return $missing(name, layout, &members); })?
                        Problem::Missing(name)
                    };
                    $(
                        let $field = match $field {
                            Some(value) => value,
                            None => match <$ty as Field<'a>>::absent() {
                                Some(value) => value,
                                None => return Err(missing($name).into_error()),
                            },
                        };
                    )+
                    body!(@finish $Name [$($field)+] members layout $(, $check)?)
                }
            }

            impl<'a> Field<'a> for $Name<'a> {
                type Owned = $Name<'static>;

                #[inline]
                fn read<'de, M: Mode<'de, 'a>, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    d.deserialize_map(BodyVisitor::<M>(core::marker::PhantomData))
                }

                #[inline]
                fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    serde::Serialize::serialize(self, s)
                }

                #[inline]
                fn into_owned(self) -> Self::Owned {
                    $Name::into_owned(self)
                }
            }

            impl<'a> $Name<'a> {
                /// Every member name the body declares.
                #[allow(dead_code)]
                const MEMBER_NAMES: &'static [&'static str] = NAMES;

                /// The compact JSON text, members in the order received (in
                /// the declared order for a body built in code).
                #[must_use]
                pub fn to_json(&self) -> String {
                    // Writing to a string cannot fail: every member is valid
                    // JSON, and every key a string.
                    serde_json::to_string(self).unwrap_or_default()
                }

                /// Detaches the body from the input it borrows from.
                #[must_use]
                pub fn into_owned(self) -> $Name<'static> {
                    $Name {
                        $($field: Field::into_owned(self.$field),)+
                        members: self.members.into_owned(),
                        layout: self.layout,
                    }
                }

                /// Writes member `field` under `name`, if it is present.
                fn write_member<S: serde::ser::SerializeMap>(
                    &self,
                    field: usize,
                    name: &'static str,
                    map: &mut S,
                ) -> Result<(), S::Error> {
                    $(
                        if field == Idx::$field as usize {
                            if Field::is_present(&self.$field) {
                                map.serialize_entry(name, &Write(&self.$field))?;
                            }
                            return Ok(());
                        }
                    )+
                    Ok(())
                }
            }

            /// Writes the members in the order received; a body built in
            /// code in the declared order, undefined members last.
            impl serde::Serialize for $Name<'_> {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    let mut map = s.serialize_map(None)?;
                    let mut written = [false; FIELDS];
                    let mut extra = self.members.received().peekable();
                    for at in 0..self.layout.len() {
                        while let Some((key, value)) = extra.next_if(|m| m.2 <= at).map(|m| (m.0, m.1)) {
                            map.serialize_entry(key, value)?;
                        }
                        let index = self.layout.get(at).unwrap_or(usize::MAX);
                        if let (Some(name), Some(&field)) = (NAMES.get(index), FIELD_OF.get(index)) {
                            if let Some(done @ false) = written.get_mut(field) {
                                *done = true;
                                self.write_member(field, name, &mut map)?;
                            }
                        }
                    }
                    for (field, (name, done)) in NAMES.iter().zip(written).enumerate() {
                        if !done {
                            self.write_member(field, name, &mut map)?;
                        }
                    }
                    for (key, value, _) in extra {
                        map.serialize_entry(key, value)?;
                    }
                    map.end()
                }
            }

            /// Reads a body, owning its strings.
            impl<'de> serde::Deserialize<'de> for $Name<'_> {
                #[inline]
                fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    <Self as Field<'_>>::read::<$crate::body::Own, D>(d)
                }
            }

            /// Equal when every member is: the key order does not count.
            impl PartialEq for $Name<'_> {
                fn eq(&self, other: &Self) -> bool {
                    $(self.$field == other.$field &&)+ self.members == other.members
                }
            }

            impl Eq for $Name<'_> {}

            impl fmt::Debug for $Name<'_> {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.debug_struct(stringify!($Name))
                        $(.field(stringify!($field), body!(@debug self.$field $(, $secret)?)))+
                        .field("members", &self.members)
                        .finish()
                }
            }
        };
    };
    // Without a check, the body is built straight into the result.
    (@finish $Name:ident [$($f:ident)+] $m:ident $l:ident) => {
        Ok($Name { $($f,)+ members: $m, layout: $l })
    };
    (@finish $Name:ident [$($f:ident)+] $m:ident $l:ident, $check:path) => {{
        let body = Ok($Name { $($f,)+ members: $m, layout: $l });
        if let Ok(built) = &body {
            $check(built).map_err(Problem::into_error)?;
        }
        body
    }};
    (@via $ty:ty) => { $ty };
    (@via $ty:ty, $via:ty) => { $via };
    (@debug $value:expr) => { &$value };
    (@debug $value:expr, secret) => { &$crate::body::Redacted(Field::is_present(&$value)) };
}
