//! The Zenlogin error document: a JSON:API 1.0 document of error objects.

use std::borrow::Cow;
use std::fmt;

use super::jsonapi::{JsonObject, check_meta};
use super::{ErrorCode, ErrorObject, InvalidMember};
use crate::body::{self, Layout, Mismatch};
use crate::{List, Members, RawJson, Vendor};

body! {
    /// A Zenlogin error document: the body of every failed Zenlogin API call.
    ///
    /// ```json
    /// {"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}
    /// ```
    ///
    /// Zenlogin follows JSON:API 1.0, so the document is a JSON:API error
    /// document: an `errors` array of [`ErrorObject`]s, in order, and optionally
    /// top-level `meta`, `jsonapi` and `links`.
    ///
    /// **Parsing** checks what JSON:API 1.0 requires of the document's shape and
    /// of the members it defines: the body is an object with an `errors` array
    /// (not beside `data`), every item is an object, `id`, `status`, `code`,
    /// `title`, `detail`, `source.pointer` and `source.parameter` are strings,
    /// and `source`, `links`, `meta` and `jsonapi` are objects. Members the
    /// specification does not define are, as it asks of clients, not an error:
    /// they are kept verbatim in their places ([`members`](Self::members),
    /// [`ErrorObject::members`]) and written back. Unknown codes are kept
    /// verbatim too ([`Wire`](crate::Wire)). A JSON:API document without
    /// `errors` (`data`, or only `meta`) is not an error body
    /// ([`Category::NotAnErrorBody`](crate::Category::NotAnErrorBody)). A
    /// document with one error object, a known code, no escapes in its
    /// strings and no members JSON:API does not define is parsed without
    /// allocating.
    ///
    /// **Writing.** A parsed document is written back with its members in the
    /// received order, `meta`, `jsonapi` and `links` byte for byte (strings are
    /// re-escaped the way `serde_json` writes them). A document built in code
    /// is written in the specification's member order and is always valid
    /// against the JSON:API 1.0 schema: its members are typed, and those that
    /// could break the schema (links, `meta`, a source pointer) are checked when
    /// set. Every error object the document holds is written, in order.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, ErrorDocument, ErrorObject};
    ///
    /// let body = br#"{"errors":[{"code":"3003","detail":"Invalid *application_key* URL param: appl01234567891"}]}"#;
    /// let document = ErrorDocument::parse(body)?;
    /// let error = &document.errors[0];
    /// assert_eq!(error.known(), Some(ErrorCode::InvalidApplicationKey));
    /// assert_eq!(error.values()?.get("$value"), Some("appl01234567891"));
    /// assert_eq!(document.http_status(), 400);
    /// assert_eq!(document.to_json().as_bytes(), body);
    ///
    /// let built = ErrorDocument::new([ErrorObject::render(ErrorCode::InvalidApplicationKey, &["appl01234567891"])?]);
    /// assert_eq!(built.to_json().as_bytes(), body);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ErrorDocument<'a>: "a JSON:API error document (a JSON object with an `errors` array)",
        vendor = Zenlogin, missing = missing_errors, check = no_data {
        /// The error objects, in order. One, the common case, is held
        /// inline: parsing it allocates nothing.
        pub errors: List<ErrorObject<'a>> = "errors",
    }
    // The members Zenlogin does not send.
    rare DocumentRare {
        meta: RawJson<'a> = "meta" via JsonObject<'a>,
        jsonapi: RawJson<'a> = "jsonapi" via JsonObject<'a>,
        links: RawJson<'a> = "links" via JsonObject<'a>,
    }
}

/// What a JSON object without `errors` is.
fn missing_errors(_: &'static str, layout: Layout, members: &Members<'_>) -> Mismatch {
    if members.get("data").is_some() {
        Mismatch::NotAnErrorBody("a JSON:API data document (`data`, no `errors`)")
    } else if layout.has(body::position(ErrorDocument::MEMBER_NAMES, "meta")) {
        Mismatch::NotAnErrorBody("a JSON:API document holding only `meta` (no `errors`)")
    } else {
        Mismatch::Data("not a JSON:API error document: no `errors` member")
    }
}

/// JSON:API forbids `data` beside `errors`.
fn no_data(document: &ErrorDocument<'_>) -> Result<(), Mismatch> {
    if document.members.get("data").is_some() {
        Err(Mismatch::Data(
            "`data` and `errors` must not coexist in a JSON:API document",
        ))
    } else {
        Ok(())
    }
}

impl<'a> ErrorDocument<'a> {
    /// A document with these error objects, in order.
    #[must_use]
    pub fn new(errors: impl IntoIterator<Item = ErrorObject<'a>>) -> Self {
        Self {
            errors: errors.into_iter().collect(),
            rare: body::Rare::none(),
            members: Members::new(),
            layout: body::Layout::default(),
        }
    }

    /// Sets the top-level `meta` object.
    ///
    /// ```
    /// use sso_errors::RawJson;
    /// use sso_errors::zenlogin::{ErrorCode, ErrorDocument, ErrorObject};
    ///
    /// let document = ErrorDocument::new([ErrorObject::new(ErrorCode::AccountFrozen, ErrorCode::AccountFrozen.description())])
    ///     .with_meta(RawJson::from_json(r#"{"request-id":"7f3a"}"#)?)?;
    /// assert!(document.to_json().ends_with(r#"],"meta":{"request-id":"7f3a"}}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `meta` is not a JSON object or one of its
    /// member names is not a valid JSON:API member name.
    pub fn with_meta(mut self, meta: RawJson<'a>) -> Result<Self, InvalidMember> {
        check_meta("meta", &meta)?;
        self.rare.set(DocumentRare::meta(meta));
        Ok(self)
    }

    /// Sets the top-level `jsonapi` object to `{"version": version}`.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, ErrorDocument, ErrorObject};
    ///
    /// let document = ErrorDocument::from(ErrorObject::new(ErrorCode::AccountFrozen, "Account frozen"))
    ///     .with_jsonapi_version("1.0");
    /// assert_eq!(document.jsonapi().unwrap().get(), r#"{"version":"1.0"}"#);
    /// ```
    #[must_use]
    pub fn with_jsonapi_version(mut self, version: &str) -> Self {
        self.rare.set(DocumentRare::jsonapi(RawJson::from_value(
            &serde_json::json!({ "version": version }),
        )));
        self
    }

    /// The top-level `meta` object, verbatim.
    #[must_use]
    #[inline]
    pub fn meta(&self) -> Option<&RawJson<'a>> {
        self.rare().meta
    }

    /// The top-level `jsonapi` object, verbatim.
    #[must_use]
    #[inline]
    pub fn jsonapi(&self) -> Option<&RawJson<'a>> {
        self.rare().jsonapi
    }

    /// The top-level `links` object, verbatim.
    #[must_use]
    #[inline]
    pub fn links(&self) -> Option<&RawJson<'a>> {
        self.rare().links
    }

    /// Top-level members JSON:API does not define for an error document
    /// (`included`, extensions, …), as received. Always empty for a document
    /// built in code.
    #[must_use]
    #[inline]
    pub const fn members(&self) -> &Members<'a> {
        &self.members
    }

    /// The HTTP status the document comes with: the highest of its error
    /// objects' [`http_status`](ErrorObject::http_status) (so 500 when any
    /// code is a request error), or 400, Zenlogin's status for a processing
    /// error, when none has one.
    #[must_use]
    pub fn http_status(&self) -> u16 {
        self.errors
            .iter()
            .filter_map(ErrorObject::http_status)
            .max()
            .unwrap_or(400)
    }

    /// The known codes, in order, skipping unknown and missing ones.
    pub fn known(&self) -> impl Iterator<Item = ErrorCode> + '_ {
        self.errors.iter().filter_map(ErrorObject::known)
    }

    /// Whether sending the same request again later may succeed: every
    /// error object's code is retryable (1001, down for maintenance).
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        crate::kind::every_code_retryable(
            self.errors
                .iter()
                .map(|error| error.known().is_some_and(ErrorCode::is_retryable)),
        )
    }

    /// What the document means for the caller: the kind of its first known
    /// code, else of its [`http_status`](Self::http_status).
    #[must_use]
    pub fn kind(&self) -> crate::ErrorKind {
        self.known().next().map_or_else(
            || crate::ErrorKind::of_http_status(self.http_status()),
            ErrorCode::kind,
        )
    }

    /// Whether an error object carries `code`.
    #[must_use]
    pub fn has(&self, code: ErrorCode) -> bool {
        self.known().any(|known| known == code)
    }

    /// The codes of the error objects that have one, as the wire spells
    /// them.
    #[must_use]
    pub fn codes(&self) -> Vec<Cow<'_, str>> {
        self.errors
            .iter()
            .filter_map(|error| error.code.as_ref())
            .map(|code| Cow::Borrowed(code.as_str()))
            .collect()
    }
}

impl<'a> From<ErrorObject<'a>> for ErrorDocument<'a> {
    fn from(error: ErrorObject<'a>) -> Self {
        Self::new([error])
    }
}

impl crate::text::LogLine for ErrorDocument<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            0 => write!(f, "{} error document without errors", Vendor::Zenlogin),
            1 => write!(f, "{} error ", Vendor::Zenlogin),
            _ => write!(f, "{} errors: ", Vendor::Zenlogin),
        }?;
        for (at, error) in self.errors.iter().enumerate() {
            if at > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

log_line! {
    /// `Zenlogin error 3003: Invalid *application_key* URL param: …`, each
    /// error object as its [`Display`](ErrorObject#impl-Display-for-ErrorObject<'_>)
    /// writes it, separated by `; `.
    ErrorDocument<'_>;
}

impl std::error::Error for ErrorDocument<'_> {}
