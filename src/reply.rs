//! What a vendor's endpoint answered: the HTTP status and the body, one
//! type for every vendor.

use std::borrow::Cow;
use std::fmt;

use crate::Vendor;

mod sealed {
    /// Keeps [`ReplyContent`](super::ReplyContent) to the crate's own.
    pub trait Sealed {}
}

pub(crate) use sealed::Sealed;

/// The bodies one vendor's endpoints answer with: each vendor's
/// `ReplyBody` enum. Sealed.
pub trait ReplyContent: Sealed + Clone + fmt::Debug + PartialEq + fmt::Display {
    /// The vendor whose answers these are.
    const VENDOR: Vendor;

    /// The same body, owning its data.
    type Owned: ReplyContent;

    /// The body as it goes on the wire: compact JSON, a plain text, or
    /// nothing.
    fn to_body(&self) -> String;

    /// What the body means for the caller (see
    /// [`ErrorKind`](crate::ErrorKind)), from its codes or its shape alone.
    fn kind(&self) -> crate::ErrorKind;

    /// What the body means when it came with HTTP `http_status`: its
    /// [`kind`](Self::kind), except for a body whose codes or shape say
    /// nothing the status does not (OpenAM's authenticate failures, whose
    /// kind is their status's unless their message is a reason phrase).
    fn kind_at(&self, http_status: u16) -> crate::ErrorKind;

    /// Whether the answer says the request may succeed if sent again
    /// unchanged.
    fn is_retryable(&self) -> bool;

    /// The codes the body carries, as the wire spells them, known or not
    /// (OpenAM's numbers in decimal); none for a fixed text.
    fn codes(&self) -> Vec<Cow<'_, str>>;

    /// The body's own words about this failure, where it has them: a
    /// Zenlogin error object's `detail`, OpenAM's `message`, a merchant
    /// entry's `description`, Zato's `details` (the first, where there are
    /// several). Received text, unbounded and unescaped: escape it before
    /// it reaches a terminal or a log.
    fn detail(&self) -> Option<Cow<'_, str>>;

    /// The body's media type, for `Content-Type`: the vendor's JSON media
    /// type ([`Vendor::media_type`]), `text/plain; charset=utf-8` for a
    /// plain text, none for no body.
    fn media_type(&self) -> Option<&'static str>;

    /// Detaches the body from the input it borrows from.
    fn into_owned(self) -> Self::Owned;
}

/// The media type of a plain-text body.
pub(crate) const TEXT_PLAIN: &str = "text/plain; charset=utf-8";

/// A vendor's answer: the HTTP status it came with, as the caller passed
/// it, and its body, recognised and parsed. Every vendor's `Reply` is this
/// type (`zato::Reply` is `Reply<zato::ReplyBody>`), so every vendor's
/// reply has the same methods, and every vendor's parses with the same
/// signature: `Reply::parse(http_status, input)`.
///
/// ```
/// use sso_errors::zato::{Reply, ReplyBody};
///
/// let reply = Reply::parse(400, br#"{"result":"Error","cid":"000000000000000000000005","details":"Bad request"}"#)?;
/// assert!(matches!(reply.body(), ReplyBody::BadRequest(_)));
/// assert_eq!(reply.http_status(), 400);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reply<B> {
    http_status: u16,
    body: B,
}

impl<B: ReplyContent> Reply<B> {
    /// A reply from its parts.
    #[must_use]
    pub const fn new(http_status: u16, body: B) -> Self {
        Self { http_status, body }
    }

    /// The reply to a body parsed from an answer with HTTP `http_status`,
    /// or the error, with the status recorded in it.
    pub(crate) fn parsed(
        http_status: u16,
        body: Result<B, crate::Error>,
    ) -> Result<Self, crate::Error> {
        body.map(|body| Self::new(http_status, body))
            .map_err(|e| e.with_status(http_status))
    }

    /// The HTTP status the reply came with, as the caller passed it (the
    /// body's own code, where it has one, is on the body).
    #[must_use]
    pub const fn http_status(&self) -> u16 {
        self.http_status
    }

    /// The body.
    #[must_use]
    pub const fn body(&self) -> &B {
        &self.body
    }

    /// The body, by value.
    #[must_use]
    pub fn into_body(self) -> B {
        self.body
    }

    /// The vendor that answered.
    #[must_use]
    pub const fn vendor(&self) -> Vendor {
        B::VENDOR
    }

    /// The body as it goes on the wire.
    #[must_use]
    pub fn to_body(&self) -> String {
        self.body.to_body()
    }

    /// What the answer means for the caller: its body's kind at its status
    /// ([`ReplyContent::kind_at`]).
    #[must_use]
    pub fn kind(&self) -> crate::ErrorKind {
        self.body.kind_at(self.http_status)
    }

    /// Whether the request may succeed if sent again unchanged.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.body.is_retryable()
    }

    /// The codes the body carries, as the wire spells them.
    #[must_use]
    pub fn codes(&self) -> Vec<Cow<'_, str>> {
        self.body.codes()
    }

    /// The body's own words about the failure (see
    /// [`ReplyContent::detail`]).
    #[must_use]
    pub fn detail(&self) -> Option<Cow<'_, str>> {
        self.body.detail()
    }

    /// The body's media type, for `Content-Type`; none for no body.
    #[must_use]
    pub fn media_type(&self) -> Option<&'static str> {
        self.body.media_type()
    }

    /// Detaches the reply from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> Reply<B::Owned> {
        Reply {
            http_status: self.http_status,
            body: self.body.into_owned(),
        }
    }
}

capped_debug! {
    /// The status and the body, escaped and capped at
    /// [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
    [B: fmt::Debug] Reply<B> => "Reply" { http_status, body }
}

/// `HTTP 403: ` and the body's own line, the whole line escaped and capped
/// at [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
impl<B: ReplyContent> fmt::Display for Reply<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::capped(f, format_args!("HTTP {}: {}", self.http_status, self.body))
    }
}

impl<B: ReplyContent> std::error::Error for Reply<B> {}

/// Declares a vendor's `ReplyBody` enum: one variant per body its
/// endpoints answer with, a body type or a fixed text (`= "text"`, possibly
/// empty). Generates the enum, its [`ReplyContent`] implementation and its
/// `Reply::parse`; `read` names the vendor's `fn(u16, &[u8], Shape) ->
/// Result<ReplyBody, Error>` that picks and parses the body (`scan = false`
/// when it needs no look at the input first), `kind` and `retryable` its
/// `fn(&ReplyBody<'_>)` giving them.
macro_rules! reply_body {
    (
        $(#[$meta:meta])*
        pub enum $Name:ident<'a>: $vendor:ident, read = $read:path $(, scan = $scan:literal)?,
            kind = $kind:path, retryable = $retryable:path,
            codes = $codes:path, detail = $detail:path {
            $($(#[$vmeta:meta])* $V:ident $(($T:ty))? $(= $text:expr)?),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum $Name<'a> {
            $($(#[$vmeta])* $V $(($T))?,)+
        }

        /// The variant and its body, escaped and capped at
        /// [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
        impl std::fmt::Debug for $Name<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                $crate::text::capped_debug(f, &$crate::text::DebugWith(|f: &mut std::fmt::Formatter<'_>| {
                    reply_body!(@debug self f [] $($V $(($T))? $(= $text)?,)+)
                }))
            }
        }

        impl $crate::reply::Sealed for $Name<'_> {}

        impl<'a> $crate::Reply<$Name<'a>> {
            #[doc = concat!(
                "Recognises and parses an answer of ", stringify!($vendor),
                " that came with HTTP status `http_status`, borrowing from `input`: ",
                "the [`", stringify!($Name), "`] table says which bodies it tells apart."
            )]
            ///
            /// # Errors
            ///
            /// The body's parse error, with `http_status` recorded in it.
            pub fn parse(http_status: u16, input: &'a [u8]) -> Result<Self, $crate::Error> {
                let scan = true $(&& $scan)?;
                let shape = if scan {
                    $crate::reply::Shape::of(input)
                } else {
                    $crate::reply::Shape::Unscanned
                };
                Self::parse_shaped(http_status, input, shape)
            }

            #[doc = concat!(
                "Reads an answer of ", stringify!($vendor), " from an HTTP response: ",
                "its status and body, as [`parse`](Self::parse) does."
            )]
            ///
            /// # Errors
            ///
            /// As [`parse`](Self::parse).
            #[cfg(feature = "http")]
            #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
            pub fn from_http<T: AsRef<[u8]>>(
                response: &'a http::Response<T>,
            ) -> Result<Self, $crate::Error> {
                Self::parse(response.status().as_u16(), response.body().as_ref())
            }

            /// [`parse`](Self::parse), for an input already looked at.
            pub(crate) fn parse_shaped(
                http_status: u16,
                input: &'a [u8],
                shape: $crate::reply::Shape<'_>,
            ) -> Result<Self, $crate::Error> {
                Self::parsed(http_status, $read(http_status, input, shape))
            }
        }

        impl $crate::ReplyContent for $Name<'_> {
            const VENDOR: $crate::Vendor = $crate::Vendor::$vendor;
            type Owned = $Name<'static>;

            fn to_body(&self) -> String {
                reply_body!(@to_body self [] $($V $(($T))? $(= $text)?,)+)
            }

            fn kind(&self) -> $crate::ErrorKind {
                $kind(self, None)
            }

            fn kind_at(&self, http_status: u16) -> $crate::ErrorKind {
                $kind(self, Some(http_status))
            }

            fn is_retryable(&self) -> bool {
                $retryable(self)
            }

            fn codes(&self) -> Vec<std::borrow::Cow<'_, str>> {
                $codes(self)
            }

            fn detail(&self) -> Option<std::borrow::Cow<'_, str>> {
                $detail(self)
            }

            fn media_type(&self) -> Option<&'static str> {
                reply_body!(@media self $vendor [] $($V $(($T))? $(= $text)?,)+)
            }

            fn into_owned(self) -> $Name<'static> {
                reply_body!(@owned self $Name [] $($V $(($T))? $(= $text)?,)+)
            }
        }
    };
    (@to_body $s:ident [$($arms:tt)*]) => { match $s { $($arms)* } };
    (@to_body $s:ident [$($arms:tt)*] $V:ident($T:ty), $($rest:tt)*) => {
        reply_body!(@to_body $s [$($arms)* Self::$V(body) => serde_json::to_string(body).unwrap_or_default(),] $($rest)*)
    };
    (@to_body $s:ident [$($arms:tt)*] $V:ident = $text:expr, $($rest:tt)*) => {
        reply_body!(@to_body $s [$($arms)* Self::$V => String::from($text),] $($rest)*)
    };
    (@debug $s:ident $f:ident [$($arms:tt)*]) => { match $s { $($arms)* } };
    (@debug $s:ident $f:ident [$($arms:tt)*] $V:ident($T:ty), $($rest:tt)*) => {
        reply_body!(@debug $s $f [$($arms)* Self::$V(body) => $f.debug_tuple(stringify!($V)).field(body).finish(),] $($rest)*)
    };
    (@debug $s:ident $f:ident [$($arms:tt)*] $V:ident = $text:expr, $($rest:tt)*) => {
        reply_body!(@debug $s $f [$($arms)* Self::$V => $f.write_str(stringify!($V)),] $($rest)*)
    };
    (@media $s:ident $vendor:ident [$($arms:tt)*]) => { match $s { $($arms)* } };
    (@media $s:ident $vendor:ident [$($arms:tt)*] $V:ident($T:ty), $($rest:tt)*) => {
        reply_body!(@media $s $vendor [$($arms)* Self::$V(_) => Some($crate::Vendor::$vendor.media_type()),] $($rest)*)
    };
    (@media $s:ident $vendor:ident [$($arms:tt)*] $V:ident = $text:expr, $($rest:tt)*) => {
        reply_body!(@media $s $vendor [$($arms)* Self::$V => {
            let text: &str = $text;
            (!text.is_empty()).then_some($crate::reply::TEXT_PLAIN)
        },] $($rest)*)
    };
    (@owned $s:ident $Name:ident [$($arms:tt)*]) => { match $s { $($arms)* } };
    (@owned $s:ident $Name:ident [$($arms:tt)*] $V:ident($T:ty), $($rest:tt)*) => {
        reply_body!(@owned $s $Name [$($arms)* Self::$V(body) => $Name::$V($crate::body::Field::into_owned(body)),] $($rest)*)
    };
    (@owned $s:ident $Name:ident [$($arms:tt)*] $V:ident = $text:expr, $($rest:tt)*) => {
        reply_body!(@owned $s $Name [$($arms)* Self::$V => $Name::$V,] $($rest)*)
    };
}

/// What an input is, from one look at it: the replies decide on it which
/// body to parse.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape<'i> {
    /// Nothing but whitespace.
    Empty,
    /// Starts with `<`: an HTML (or XML) page.
    Html,
    /// A JSON object, with its top-level members.
    Object(crate::body::TopLevel),
    /// Anything else: a plain text, another JSON value, malformed JSON.
    Other(&'i [u8]),
    /// Not looked at: the vendor has one body shape.
    Unscanned,
}

impl<'i> Shape<'i> {
    pub(crate) fn of(input: &'i [u8]) -> Self {
        let trimmed = input.trim_ascii();
        match trimmed.first() {
            None => Self::Empty,
            Some(b'<') => Self::Html,
            Some(b'{') => {
                crate::body::TopLevel::scan(input).map_or(Self::Other(trimmed), Self::Object)
            }
            Some(_) => Self::Other(trimmed),
        }
    }
}
