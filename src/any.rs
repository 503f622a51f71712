//! One entry point for a response of any vendor: recognise whose reply it
//! is, and parse it as that vendor's.

use std::fmt;

use crate::body::TopLevel;
use crate::reply::Shape;
use crate::{Error, ErrorKind, Vendor, merchant, openam, zato, zenlogin};

/// A reply of any vendor, recognised from the response itself, or from the
/// vendor the caller names.
///
/// ```
/// use sso_errors::{AnyReply, Category, ErrorKind, Vendor};
///
/// let reply = AnyReply::parse(403, br#"{"status":"error","cid":"30e2","sub_status":["E005002"]}"#)?;
/// assert_eq!(reply.vendor(), Vendor::Zato);
/// assert_eq!(reply.kind(), ErrorKind::Locked);
/// assert_eq!(reply.http_status(), 403);
///
/// let reply = AnyReply::parse(401, b"")?;
/// assert_eq!(reply.vendor(), Vendor::Merchant);
///
/// let err = AnyReply::parse(200, br#"{"hello":"world"}"#).unwrap_err();
/// assert_eq!(err.category(), Category::Unrecognized);
/// # Ok::<(), sso_errors::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnyReply<'a> {
    /// A Zato SSO answer.
    Zato(zato::Reply<'a>),
    /// A Zenlogin answer.
    Zenlogin(zenlogin::Reply<'a>),
    /// An OpenAM answer.
    OpenAm(openam::Reply<'a>),
    /// A merchant User Management answer.
    Merchant(merchant::Reply<'a>),
}

/// Forwards a method to the vendor's reply.
macro_rules! each {
    ($self:ident, $reply:ident => $e:expr) => {
        match $self {
            AnyReply::Zato($reply) => $e,
            AnyReply::Zenlogin($reply) => $e,
            AnyReply::OpenAm($reply) => $e,
            AnyReply::Merchant($reply) => $e,
        }
    };
}

impl<'a> AnyReply<'a> {
    /// Recognises whose reply a response with HTTP status `http_status` and
    /// body `input` is, and parses it as that vendor's, borrowing from
    /// `input`.
    ///
    /// The input is looked at once (its top-level members, or what it is
    /// instead) and then parsed once, by the vendor's own
    /// [`Reply::parse`](crate::Reply): the members say whose body it is
    /// ([`detect`](crate::detect::detect)); Zato's plain `Bad request` and
    /// an empty 401 or 403 (the merchant's insufficient privileges) are
    /// recognised with their status.
    ///
    /// # Errors
    ///
    /// [`Category::Unrecognized`](crate::Category::Unrecognized) for a
    /// response that is no vendor's error body,
    /// [`Category::Ambiguous`](crate::Category::Ambiguous) for one that
    /// several vendors could have sent (name the vendor with
    /// [`parse_from`](Self::parse_from)), and the vendor's own errors for a
    /// recognised but malformed body.
    pub fn parse(http_status: u16, input: &'a [u8]) -> Result<Self, Error> {
        // A body that opens with `errors` is parsed as the one vendor body
        // that has it, a JSON:API document, which keeps every other member:
        // they then say whether another vendor could have sent it, without a
        // scan of the input before the parse.
        if TopLevel::first_key(input) == Some(b"errors") {
            if let Ok(document) = zenlogin::ErrorDocument::parse(input) {
                // `errors` alone is the mark of Zenlogin's document only;
                // other members may be another vendor's.
                if !document.members.is_empty() {
                    let members = document
                        .members
                        .iter()
                        .map(|(name, value)| (name, value.get()));
                    let top = TopLevel::of_members(members.chain([("errors", "[")]));
                    let mut candidates = crate::detect::candidates(&top);
                    if let (Some(first), Some(second)) = (candidates.next(), candidates.next()) {
                        return Err(Error::ambiguous(http_status, first, second, input));
                    }
                }
                return Ok(Self::Zenlogin(crate::Reply::new(
                    http_status,
                    zenlogin::ReplyBody::Document(document),
                )));
            }
        }
        let shape = Shape::of(input);
        let vendor = match &shape {
            Shape::Empty if matches!(http_status, 401 | 403) => Vendor::Merchant,
            Shape::Empty => return Err(Error::unrecognized(http_status, "an empty body", input)),
            Shape::Html => return Err(Error::unrecognized(http_status, "an HTML page", input)),
            Shape::Other(text) if *text == zato::ReplyBody::PLAIN_BAD_REQUEST.as_bytes() => {
                Vendor::Zato
            }
            Shape::Other(_) | Shape::Unscanned => {
                return Err(Error::unrecognized(
                    http_status,
                    "not a JSON object, nor a plain-text error any vendor sends",
                    input,
                ));
            }
            Shape::Object(top) => {
                let mut candidates = crate::detect::candidates(top);
                match (candidates.next(), candidates.next()) {
                    (Some(vendor), None) => vendor,
                    (Some(first), Some(second)) => {
                        return Err(Error::ambiguous(http_status, first, second, input));
                    }
                    (None, _) => {
                        return Err(Error::unrecognized(
                            http_status,
                            "a JSON object with none of the members that tell the vendors' \
                             error bodies apart",
                            input,
                        ));
                    }
                }
            }
        };
        Self::parse_shaped(vendor, http_status, input, shape)
    }

    /// Parses a response as `vendor`'s reply, or recognises the vendor as
    /// [`parse`](Self::parse) does when the caller does not know it.
    ///
    /// # Errors
    ///
    /// As the vendor's `Reply::parse`, or as [`parse`](Self::parse).
    pub fn parse_from(
        vendor: Option<Vendor>,
        http_status: u16,
        input: &'a [u8],
    ) -> Result<Self, Error> {
        match vendor {
            Some(vendor) => Self::parse_shaped(vendor, http_status, input, Shape::of(input)),
            None => Self::parse(http_status, input),
        }
    }

    fn parse_shaped(
        vendor: Vendor,
        http_status: u16,
        input: &'a [u8],
        shape: Shape<'_>,
    ) -> Result<Self, Error> {
        match vendor {
            Vendor::Zato => zato::Reply::parse_shaped(http_status, input, shape).map(Self::Zato),
            Vendor::Zenlogin => zenlogin::Reply::parse(http_status, input).map(Self::Zenlogin),
            Vendor::OpenAm => {
                openam::Reply::parse_shaped(http_status, input, shape).map(Self::OpenAm)
            }
            Vendor::Merchant => {
                merchant::Reply::parse_shaped(http_status, input, shape).map(Self::Merchant)
            }
        }
    }

    /// Detaches the reply from the input it borrows from.
    #[must_use]
    pub fn into_owned(self) -> AnyReply<'static> {
        match self {
            Self::Zato(reply) => AnyReply::Zato(reply.into_owned()),
            Self::Zenlogin(reply) => AnyReply::Zenlogin(reply.into_owned()),
            Self::OpenAm(reply) => AnyReply::OpenAm(reply.into_owned()),
            Self::Merchant(reply) => AnyReply::Merchant(reply.into_owned()),
        }
    }
}

/// `From` each vendor's reply.
macro_rules! from_vendor {
    ($($vendor:ident $Variant:ident;)+) => {$(
        #[doc = concat!("A ", stringify!($vendor), " reply as any vendor's.")]
        impl<'a> From<$vendor::Reply<'a>> for AnyReply<'a> {
            fn from(reply: $vendor::Reply<'a>) -> Self {
                Self::$Variant(reply)
            }
        }
    )+};
}

from_vendor! {
    zato Zato;
    zenlogin Zenlogin;
    openam OpenAm;
    merchant Merchant;
}

/// Implements the accessors of [`AnyReply`] by forwarding to the vendor's
/// reply.
macro_rules! forward {
    ($($(#[$meta:meta])* $method:ident -> $Out:ty;)+) => {
        impl AnyReply<'_> {
            $(
                $(#[$meta])*
                #[must_use]
                pub fn $method(&self) -> $Out {
                    each!(self, reply => reply.$method())
                }
            )+
        }
    };
}

forward! {
    /// The vendor that answered.
    vendor -> Vendor;
    /// The HTTP status the reply came with, as the caller passed it.
    http_status -> u16;
    /// What the reply means for the caller.
    kind -> ErrorKind;
    /// Whether the request may succeed if sent again unchanged.
    is_retryable -> bool;
    /// The body as it goes on the wire.
    to_body -> String;
    /// The codes the body carries, as the wire spells them.
    codes -> Vec<std::borrow::Cow<'_, str>>;
    /// The body's own words about the failure (see
    /// [`ReplyContent::detail`](crate::ReplyContent::detail)).
    detail -> Option<std::borrow::Cow<'_, str>>;
    /// The body's media type, for `Content-Type`; none for no body.
    media_type -> Option<&'static str>;
}

impl crate::text::LogLine for AnyReply<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        each!(self, reply => fmt::Display::fmt(reply, f))
    }
}

/// The vendor and its reply, escaped and capped at
/// [`DISPLAY_MAX`](crate::DISPLAY_MAX) bytes.
impl fmt::Debug for AnyReply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::capped_debug(
            f,
            &crate::text::DebugWith(|f: &mut fmt::Formatter<'_>| {
                let (name, reply): (&str, &dyn fmt::Debug) = match self {
                    Self::Zato(reply) => ("Zato", reply),
                    Self::Zenlogin(reply) => ("Zenlogin", reply),
                    Self::OpenAm(reply) => ("OpenAm", reply),
                    Self::Merchant(reply) => ("Merchant", reply),
                };
                f.debug_tuple(name).field(reply).finish()
            }),
        )
    }
}

log_line! {
    /// The vendor's reply line.
    AnyReply<'_>;
}

impl std::error::Error for AnyReply<'_> {}
