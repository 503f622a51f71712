//! The `body!` macro: one declaration per JSON object a vendor sends.

/// Declares a JSON object body: the struct and everything that reads and
/// writes it.
///
/// ```text
/// body! {
///     /// docs
///     pub struct Name<'a>: "what the parser expected"
///         [, vendor = Vendor [, pages = true]] // a top-level body: `parse` and `Body`
///         [, missing = path]   // fn(&'static str, Layout, &Members) -> Mismatch
///         [, check = path]     // fn(&Name<'_>) -> Result<(), Mismatch>
///         [, order = ["name", …]] // how a body built in code is written
///     {
///         /// docs
///         [@secret | @shown] pub field: Type = "name" [| "alternative name"] [via Reader],
///         …
///     } [rare Rare {
///         field: Option<Type> = "name" [via Reader],
///         …
///     }]
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
///   `Debug`, which redacts `@secret` members, and writes a `@shown` member
///   as the body's own `shown()` method gives it (a member whose value is a
///   secret only for some codes, which that method redacts).
///
/// A body that a vendor sends on its own (not inside another) names its
/// `vendor`: the macro adds its `parse` and its [`Body`](crate::Body)
/// implementation, from the body's own `http_status` and `codes`.
/// `pages = true` reports an empty input or an HTML page as not an error body
/// before reading it as JSON.
///
/// Members the vendor rarely sends can be declared `rare`, each by the type
/// of its value (they are all optional). They become the variants of an
/// enum named after the group, and the body holds those present in one
/// boxed list ([`Rare`](crate::body::Rare)), so that the usual body stays
/// small and cheap to move through the parser, and one that has a rare
/// member pays for that member only. The body reads them through `rare()`,
/// which gives each as an `Option` field, and sets one with
/// `self.rare.set(Group::member(value))`. `order` gives the order a body built
/// in code is written in, when it is not the declared one.
///
/// `via Reader` reads the value as `Reader` (a `Field` that converts
/// `Into` the member's type), for a member the vendor spells in more ways
/// than its type reads. A repeated member is an error; a missing required one is reported by
/// `missing` (default: "missing field"); `check` sees the finished body.
macro_rules! body {
    (
        $(#[$meta:meta])*
        $vis:vis struct $Name:ident<'a>: $expecting:literal
            $(, vendor = $vendor:ident $(, pages = $pages:literal)?)?
            $(, missing = $missing:path)? $(, check = $check:path)?
            $(, order = [$($order:literal),+ $(,)?])? {
            $(
                $(#[$fmeta:meta])*
                $(@$secret:ident)?
                $fvis:vis $field:ident: $ty:ty = $name:literal $(| $alias:literal)? $(via $via:ty)?
            ),+ $(,)?
        }
        $(rare $Rare:ident {
            $(
                $(#[$rmeta:meta])*
                $rfield:ident: $rty:ty = $rname:literal $(via $rvia:ty)?
            ),+ $(,)?
        })?
    ) => {
        $(#[$meta])*
        #[derive(Clone)]
        $vis struct $Name<'a> {
            $(
                $(#[$fmeta])*
                $fvis $field: $ty,
            )+
            $(
                /// The members that are rarely sent, only those present:
                /// the usual body stays small.
                rare: $crate::body::Rare<$Rare<'a>>,
            )?
            /// Members beside the standard ones, kept verbatim and in the
            /// places they were received.
            pub members: $crate::Members<'a>,
            layout: $crate::body::Layout,
        }

        $(
            /// A rarely sent member of the body.
            #[allow(non_camel_case_types)]
            #[derive(Clone, PartialEq, Eq, Debug)]
            enum $Rare<'a> {
                $($(#[$rmeta])* $rfield($rty),)+
            }
        )?

        const _: () = {
            use core::fmt;
            use $crate::body::{Field, Layout, Mode, Mismatch, Seed, Write};
            use $crate::{Members, RawJson};
            use serde::de::{self, MapAccess, Visitor};
            use serde::ser::SerializeMap as _;

            #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
            #[repr(u8)]
            enum Idx { $($field,)+ $($($rfield,)+)? }

            /// Every member name: the declared names in order (the rare ones
            /// last), then the alternative names.
            const NAMES: &[&str] = &[$($name,)+ $($($rname,)+)? $($($alias,)?)+];
            /// The field each name binds.
            const FIELD_OF: &[usize] = &[
                $(Idx::$field as usize,)+
                $($(Idx::$rfield as usize,)+)?
                $($({ let _ = $alias; Idx::$field as usize },)?)+
            ];
            const FIELDS: usize = [$(Idx::$field,)+ $($(Idx::$rfield,)+)?].len();
            /// The order a body built in code is written in.
            const ORDER: &[usize] = body!(@order
                [$($($crate::body::position(NAMES, $order)),+)?]
                [$(Idx::$field as usize,)+ $($(Idx::$rfield as usize,)+)?]
            );
            const _: () = assert!(FIELDS <= Layout::MAX && NAMES.len() < 16);
            const _: () = $crate::body::assert_order(ORDER, FIELDS);

            $(
                /// The rarely sent members of a body, each `None` when absent.
                struct RareView<'x, 'a> {
                    $($rfield: Option<&'x $rty>,)+
                }
            )?

            struct BodyVisitor<'a, M>(core::marker::PhantomData<(&'a (), M)>);

            impl<'de, 'a, M: Mode<'de, 'a>> Visitor<'de> for BodyVisitor<'a, M> {
                type Value = $Name<'a>;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str($expecting)
                }

                #[inline]
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    $(let mut $field: Option<$ty> = None;)+
                    $($(let mut $rfield: Option<$rty> = None;)+)?
                    let mut members = Members::new();
                    let mut layout = Layout::default();
                    while let Some(key) = map.next_key::<$crate::body::CowStr<'de>>()? {
                        let key = key.0;
                        $(
                            body!(@member key map layout M $field: $ty = $name, [$($via)?]);
                            $(
                                if key == $alias {
                                    let raw = map.next_value_seed(Seed::<M, RawJson<'a>>::new())?;
                                    match <$ty as Field<'a>>::from_alias(&raw) {
                                        // The member under both names, in either order.
                                        Some(Ok(_)) if $field.is_some() => {
                                            return Err(Mismatch::Duplicate($name).into_error());
                                        }
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
                        $($(body!(@member key map layout M $rfield: $rty = $rname, [$($rvia)?]);)+)?
                        let value = map.next_value_seed(Seed::<M, RawJson<'a>>::new())?;
                        members.push_received(M::str(key), value, layout.len());
                    }
                    #[allow(unused_variables)]
                    let missing = |name: &'static str| -> Mismatch {
                        $(if true { return $missing(name, layout, &members); })?
                        Mismatch::Missing(name)
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
                    body!(@finish ($Name {
                        $($field,)+
                        $(rare: $crate::body::Rare::of([$($rfield.map($Rare::$rfield)),+]),)?
                        members,
                        layout,
                    }) $(, $check)?)
                }

                refuse!('de; bool i64 u64 f64 str unit seq);
            }

            impl<'a> Field<'a> for $Name<'a> {
                type Owned = $Name<'static>;

                #[inline]
                fn read<'de, M: Mode<'de, 'a>, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    d.deserialize_any(BodyVisitor::<M>(core::marker::PhantomData))
                }

                #[inline]
                fn respell(&mut self, input: &'a str) {
                    self.members.respell(input);
                    $(Field::respell(&mut self.$field, input);)+
                    $(
                        for value in self.rare.iter_mut() {
                            match value {
                                $($Rare::$rfield(value) => Field::respell(value, input),)+
                            }
                        }
                    )?
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
                        $(rare: self.rare.map(|member| match member {
                            $($Rare::$rfield(value) => $Rare::$rfield(Field::into_owned(value)),)+
                        }),)?
                        members: self.members.into_owned(),
                        layout: self.layout,
                    }
                }

                /// Writes member `field` under `name`, if it is present.
                #[inline]
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
                    $($(
                        if field == Idx::$rfield as usize {
                            if let Some(value) = self.rare().$rfield {
                                map.serialize_entry(name, &Write(value))?;
                            }
                            return Ok(());
                        }
                    )+)?
                    Ok(())
                }

                $(
                    /// The rarely sent members, each `None` when absent.
                    #[inline]
                    fn rare(&self) -> RareView<'_, 'a> {
                        let mut view = RareView { $($rfield: None,)+ };
                        for member in self.rare.iter() {
                            match member {
                                $($Rare::$rfield(value) => view.$rfield = Some(value),)+
                            }
                        }
                        view
                    }
                )?
            }

            $(
                impl<'a> $Name<'a> {
                    /// Parses a body, borrowing from `input` wherever no
                    /// unescaping is needed.
                    ///
                    /// # Errors
                    ///
                    /// An [`Error`](crate::Error) whose
                    /// [`category`](crate::Error::category) says what `input`
                    /// is instead: not JSON, JSON of another shape, another
                    /// vendor's body, or no error body at all.
                    #[inline]
                    pub fn parse(input: &'a [u8]) -> Result<Self, $crate::Error> {
                        $(
                            if $pages {
                                if let Some(what) = $crate::body::not_json(input) {
                                    return Err($crate::Error::not_an_error_body(
                                        $crate::Vendor::$vendor, None, what, input,
                                    ));
                                }
                            }
                        )?
                        $crate::body::parse_slice($crate::Vendor::$vendor, input)
                    }
                }

                impl $crate::body::Sealed for $Name<'_> {}

                impl<'a> $crate::Body<'a> for $Name<'a> {
                    const VENDOR: $crate::Vendor = $crate::Vendor::$vendor;
                    type Owned = $Name<'static>;

                    #[inline]
                    fn parse(input: &'a [u8]) -> Result<Self, $crate::Error> {
                        $Name::parse(input)
                    }

                    fn parse_owned(input: &[u8]) -> Result<$Name<'static>, $crate::Error> {
                        $Name::parse(input).map($Name::into_owned)
                    }

                    fn to_json(&self) -> String {
                        $Name::to_json(self)
                    }

                    fn http_status(&self) -> u16 {
                        $Name::http_status(self)
                    }

                    fn kind(&self) -> $crate::ErrorKind {
                        $Name::kind(self)
                    }

                    fn is_retryable(&self) -> bool {
                        $Name::is_retryable(self)
                    }

                    fn codes(&self) -> Vec<std::borrow::Cow<'_, str>> {
                        $Name::codes(self)
                    }

                    fn into_owned(self) -> $Name<'static> {
                        $Name::into_owned(self)
                    }
                }

                /// [`Body::to_http`](crate::Body::to_http).
                #[cfg(feature = "http")]
                impl From<$Name<'_>> for http::Response<String> {
                    fn from(body: $Name<'_>) -> Self {
                        $crate::Body::to_http(&body)
                    }
                }

                /// The body with its status and `Content-Type`
                /// ([`Body::to_http`](crate::Body::to_http)).
                #[cfg(feature = "axum")]
                impl axum_core::response::IntoResponse for $Name<'_> {
                    fn into_response(self) -> axum_core::response::Response {
                        $crate::Body::to_http(&self).into_response()
                    }
                }
            )?

            /// Writes the members in the order received; a body built in
            /// code in the declared order, undefined members last.
            impl serde::Serialize for $Name<'_> {
                #[inline]
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    if self.members.has_spelled_names() {
                        // A name received with escapes goes back as it was
                        // spelled, which serde's map keys cannot carry: the
                        // object is written as one raw JSON text.
                        let mut text = $crate::body::TextMap::new();
                        self.write_entries(&mut text, |member, text| member.write_text(text))
                            .map_err(serde::ser::Error::custom)?;
                        let raw = text.into_raw().map_err(serde::ser::Error::custom)?;
                        return serde::Serialize::serialize(&raw, s);
                    }
                    let mut map = s.serialize_map(None)?;
                    self.write_entries(&mut map, |member, map| member.write(map))?;
                    map.end()
                }
            }

            impl $Name<'_> {
                /// Writes the members in the order received; a body built in
                /// code in the declared order, undefined members last.
                fn write_entries<M: serde::ser::SerializeMap>(
                    &self,
                    map: &mut M,
                    member: impl Fn(&$crate::body::Member<'_>, &mut M) -> Result<(), M::Error>,
                ) -> Result<(), M::Error> {
                    let mut written = [false; FIELDS];
                    let mut extra = self.members.received().peekable();
                    for at in 0..self.layout.len() {
                        while let Some((received, _)) = extra.next_if(|m| m.1 <= at) {
                            member(received, map)?;
                        }
                        let index = self.layout.get(at).unwrap_or(usize::MAX);
                        if let (Some(name), Some(&field)) = (NAMES.get(index), FIELD_OF.get(index)) {
                            if let Some(done @ false) = written.get_mut(field) {
                                *done = true;
                                self.write_member(field, name, map)?;
                            }
                        }
                    }
                    for &field in ORDER {
                        if let (Some(false), Some(name)) = (written.get(field).copied(), NAMES.get(field)) {
                            self.write_member(field, name, map)?;
                        }
                    }
                    for (received, _) in extra {
                        member(received, map)?;
                    }
                    Ok(())
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
                    $(self.$field == other.$field &&)+
                    $(<$crate::body::Rare<$Rare<'_>>>::eq(&self.rare, &other.rare) &&)?
                    self.members == other.members
                }
            }

            impl Eq for $Name<'_> {}

            /// Every member, secrets redacted, escaped and capped at
            /// [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
            impl fmt::Debug for $Name<'_> {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    struct Fields<'x, 'a>(&'x $Name<'a>);
                    impl fmt::Debug for Fields<'_, '_> {
                        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                            let body = self.0;
                            f.debug_struct(stringify!($Name))
                                $(.field(stringify!($field), body!(@debug body $field $(, $secret)?)))+
                                $($(.field(stringify!($rfield), &body.rare().$rfield))+)?
                                .field("members", &body.members)
                                .finish()
                        }
                    }
                    $crate::text::capped_debug(f, &Fields(self))
                }
            }
        };
    };
    // Without a check, the body is built straight into the result.
    (@finish $built:expr) => {
        Ok($built)
    };
    (@finish $built:expr, $check:path) => {{
        let body = Ok($built);
        if let Ok(built) = &body {
            $check(built).map_err(Mismatch::into_error)?;
        }
        body
    }};
    // Reads member `$field` when `$key` is its name.
    (@member $key:ident $map:ident $layout:ident $M:ident $field:ident: $ty:ty = $name:literal, [$($via:ty)?]) => {
        if $key == $name {
            if $field.is_some() {
                return Err(Mismatch::Duplicate($name).into_error());
            }
            $layout.push(Idx::$field as usize);
            $field = Some(
                $map.next_value_seed(Seed::<$M, body!(@via $ty $(, $via)?)>::new())
                    .map_err(|e| $crate::body::in_member(e, $name))?
                    .into(),
            );
            continue;
        }
    };
    (@order [] [$($default:tt)*]) => { &[$($default)*] };
    (@order [$($order:tt)+] [$($default:tt)*]) => { &[$($order)+] };
    (@via $ty:ty) => { $ty };
    (@via $ty:ty, $via:ty) => { $via };
    (@debug $body:ident $field:ident) => { &$body.$field };
    (@debug $body:ident $field:ident, secret) => {
        &$crate::body::Redacted(Field::is_present(&$body.$field))
    };
    (@debug $body:ident $field:ident, shown) => { &$body.shown() };
}
