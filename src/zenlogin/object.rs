//! A JSON:API error object and its `source`.

use std::borrow::Cow;
use std::fmt;

use super::jsonapi::{JsonObject, check_meta, is_json_pointer, is_uri};
use super::{Code, ErrorCode, InvalidMember, Mismatch, RenderError, Values};
use crate::body;
use crate::error::Bounded;
use crate::{Members, RawJson, Wire};

body! {
    /// One JSON:API error object: a Zenlogin `code` and its `detail`, and the
    /// other members JSON:API 1.0 defines (`id`, `links`, `status`, `title`,
    /// `source`, `meta`), all optional.
    ///
    /// `code` and `detail`, the members Zenlogin sends, are public fields. The
    /// others are read through methods ([`id`](Self::id),
    /// [`status`](Self::status), …) and set through builder methods and setters;
    /// `links` and `meta` are checked when set, so that an error object built in
    /// code is always valid JSON:API. Members JSON:API does not define are only
    /// ever kept from a parsed body ([`members`](Self::members)).
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, ErrorObject, Source};
    ///
    /// let error = ErrorObject::render(ErrorCode::InvalidIpAddress, &["300.1.1.1"])?
    ///     .with_status(400)
    ///     .with_source(Source::from_parameter("ip_address"));
    /// assert_eq!(
    ///     error.to_json(),
    ///     r#"{"status":"400","code":"1009","detail":"Invalid *ip_address* POST value: 300.1.1.1","source":{"parameter":"ip_address"}}"#,
    /// );
    /// assert_eq!(error.status(), Some("400"));
    /// assert_eq!(error.source().and_then(Source::parameter), Some("ip_address"));
    /// assert_eq!(error.values()?.as_slice(), ["300.1.1.1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ErrorObject<'a>: "a JSON:API error object",
        order = ["id", "links", "status", "code", "title", "detail", "source", "meta"] {
        /// The Zenlogin code: a known [`ErrorCode`] or an unknown code kept verbatim.
        pub code: Option<Code<'a>> = "code",
        /// The code's text with its placeholders filled in. For a code that
        /// echoes a secret ([`ErrorCode::echoes_secret`]), `Display` and
        /// `Debug` write it with the value redacted ([`shown`](Self::shown)).
        @shown pub detail: Option<Cow<'a, str>> = "detail",
    }
    // The members Zenlogin does not send.
    rare ObjectRare {
        id: Cow<'a, str> = "id",
        links: RawJson<'a> = "links" via JsonObject<'a>,
        status: Cow<'a, str> = "status",
        title: Cow<'a, str> = "title",
        // Boxed: a source is larger than the other members, and each
        // member present takes the room of the largest.
        source: Box<Source<'a>> = "source",
        meta: RawJson<'a> = "meta" via JsonObject<'a>,
    }
}

impl<'a> ErrorObject<'a> {
    /// An error object with a code and its detail, as Zenlogin sends it.
    ///
    /// `detail` is written as given: use [`render`](Self::render) or
    /// [`Template::render`](super::Template::render) to fill a code's
    /// placeholders in.
    #[must_use]
    pub fn new(code: impl Into<Code<'a>>, detail: impl Into<Cow<'a, str>>) -> Self {
        Self {
            code: Some(code.into()),
            detail: Some(detail.into()),
            ..Self::empty()
        }
    }

    /// An error object with a code and its text, its placeholders filled in
    /// from `values` ([`ErrorCode::render`]).
    ///
    /// # Errors
    ///
    /// [`RenderError`] when `values` does not have one value per placeholder
    /// or a value is too long.
    pub fn render(code: ErrorCode, values: &[&str]) -> Result<Self, RenderError> {
        code.render(values).map(|detail| Self::new(code, detail))
    }

    /// An error object without any member (`{}`).
    #[must_use]
    #[inline]
    pub fn empty() -> Self {
        Self {
            code: None,
            detail: None,
            rare: body::Rare::none(),
            members: Members::new(),
            layout: body::Layout::default(),
        }
    }

    /// Sets `id`.
    #[must_use]
    pub fn with_id(mut self, id: impl Into<Cow<'a, str>>) -> Self {
        self.set_id(id);
        self
    }

    /// Sets `status` to an HTTP status, written as a string (`"400"`).
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.set_status(status);
        self
    }

    /// Sets `title`.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Cow<'a, str>>) -> Self {
        self.set_title(title);
        self
    }

    /// Sets `source`.
    #[must_use]
    pub fn with_source(mut self, source: Source<'a>) -> Self {
        self.set_source(source);
        self
    }

    /// Sets `links` to `{"about": url}`: a link to further details about
    /// this occurrence of the problem.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, ErrorObject};
    ///
    /// let error = ErrorObject::new(ErrorCode::ApplicationDisabled, ErrorCode::ApplicationDisabled.description())
    ///     .with_about_link("https://zenlogin.co/admin/account/settings")?;
    /// assert_eq!(error.links().unwrap().get(), r#"{"about":"https://zenlogin.co/admin/account/settings"}"#);
    /// assert!(ErrorObject::empty().with_about_link("not a URL").is_err());
    /// # Ok::<(), sso_errors::zenlogin::InvalidMember>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `url` is not an absolute URI (RFC 3986: a
    /// scheme, then only URI characters, others percent-encoded).
    pub fn with_about_link(mut self, url: &str) -> Result<Self, InvalidMember> {
        if !is_uri(url) {
            return Err(InvalidMember::new(
                "links.about",
                "not an absolute URI",
                url,
            ));
        }
        self.rare.set(ObjectRare::links(RawJson::from_value(
            &serde_json::json!({ "about": url }),
        )));
        Ok(self)
    }

    /// Sets `meta`.
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `meta` is not a JSON object or one of its
    /// member names is not a valid JSON:API member name.
    pub fn with_meta(mut self, meta: RawJson<'a>) -> Result<Self, InvalidMember> {
        check_meta("meta", &meta)?;
        self.rare.set(ObjectRare::meta(meta));
        Ok(self)
    }

    /// Sets `id`, in place.
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, ErrorObject};
    ///
    /// let mut error = ErrorObject::new(ErrorCode::AccountFrozen, ErrorCode::AccountFrozen.description());
    /// error.set_id("7f3a").set_status(403).set_title("Account frozen");
    /// assert_eq!(error.id(), Some("7f3a"));
    /// assert_eq!(error.status(), Some("403"));
    /// assert_eq!(error.title(), Some("Account frozen"));
    /// ```
    pub fn set_id(&mut self, id: impl Into<Cow<'a, str>>) -> &mut Self {
        self.rare.set(ObjectRare::id(id.into()));
        self
    }

    /// Sets `status` to an HTTP status, written as a string (`"400"`), in
    /// place.
    pub fn set_status(&mut self, status: u16) -> &mut Self {
        self.rare
            .set(ObjectRare::status(Cow::Owned(status.to_string())));
        self
    }

    /// Sets `title`, in place.
    pub fn set_title(&mut self, title: impl Into<Cow<'a, str>>) -> &mut Self {
        self.rare.set(ObjectRare::title(title.into()));
        self
    }

    /// Sets `source`, in place.
    pub fn set_source(&mut self, source: Source<'a>) -> &mut Self {
        self.rare.set(ObjectRare::source(Box::new(source)));
        self
    }

    /// A unique identifier for this occurrence of the problem.
    #[must_use]
    #[inline]
    pub fn id(&self) -> Option<&str> {
        self.rare().id.map(|id| &**id)
    }

    /// The HTTP status, as a string (`"400"`), as received.
    #[must_use]
    #[inline]
    pub fn status(&self) -> Option<&str> {
        self.rare().status.map(|status| &**status)
    }

    /// A short summary of the problem (Zenlogin sends none).
    #[must_use]
    #[inline]
    pub fn title(&self) -> Option<&str> {
        self.rare().title.map(|title| &**title)
    }

    /// What in the request the error is about.
    #[must_use]
    #[inline]
    pub fn source(&self) -> Option<&Source<'a>> {
        self.rare().source.map(|source| &**source)
    }

    /// The `links` object, verbatim.
    #[must_use]
    #[inline]
    pub fn links(&self) -> Option<&RawJson<'a>> {
        self.rare().links
    }

    /// The `meta` object, verbatim.
    #[must_use]
    #[inline]
    pub fn meta(&self) -> Option<&RawJson<'a>> {
        self.rare().meta
    }

    /// Members JSON:API does not define, as received. Always empty for an
    /// error object built in code.
    #[must_use]
    #[inline]
    pub const fn members(&self) -> &Members<'a> {
        &self.members
    }

    /// The code, if it is present and known.
    #[must_use]
    #[inline]
    pub fn known(&self) -> Option<ErrorCode> {
        self.code.as_ref().and_then(Wire::known)
    }

    /// The placeholder values of `detail`, read back against the known
    /// code's text ([`ErrorCode::parse_detail`]).
    ///
    /// ```
    /// use sso_errors::zenlogin::{ErrorCode, ErrorObject};
    ///
    /// let error = ErrorObject::new(ErrorCode::InvalidApplicationKey, "Invalid application key");
    /// let mismatch = error.values().unwrap_err();
    /// assert_eq!(mismatch.detail().as_str(), "Invalid application key");
    /// assert!(ErrorObject::empty().values().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`Mismatch`] when the detail does not follow the code's text, or
    /// there is nothing to match: no known code or no `detail`.
    pub fn values(&self) -> Result<Values<'_>, Mismatch> {
        match (self.known(), self.detail.as_deref()) {
            (Some(code), Some(detail)) => code.parse_detail(detail),
            (_, detail) => Err(Mismatch::nothing_to_match(detail.unwrap_or_default())),
        }
    }

    /// The HTTP status the error comes with: the known code's
    /// ([`ErrorCode::http_status`]), else the `status` member when it is an HTTP
    /// status (100–599).
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.known().map(ErrorCode::http_status).or_else(|| {
            self.status()
                .and_then(|status| status.parse::<u16>().ok())
                .filter(|status| (100..=599).contains(status))
        })
    }
}

impl ErrorObject<'_> {
    /// The detail as the crate writes it: as received, except for a code
    /// that echoes a secret ([`ErrorCode::echoes_secret`]), whose text is
    /// the code's with `<redacted>` for its value, whatever was received.
    /// The received text stays in [`detail`](Self::detail).
    ///
    /// ```
    /// use sso_errors::zenlogin::ErrorObject;
    ///
    /// let body = br#"{"code":"4002","detail":"Invalid *X_API_SECRET_KEY* Header value: sk_live_51Hx"}"#;
    /// let error: ErrorObject<'_> = serde_json::from_slice(body)?;
    /// assert_eq!(error.shown().as_deref(), Some("Invalid *X_API_SECRET_KEY* Header value: <redacted>"));
    /// assert!(!error.to_string().contains("sk_live"));
    /// assert!(!format!("{error:?}").contains("sk_live"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn shown(&self) -> Option<Cow<'_, str>> {
        match self.known() {
            Some(code) if code.echoes_secret() && self.detail.is_some() => Some(Cow::Owned(
                code.segments()
                    .map(|segment| match segment {
                        super::Segment::Literal(text) => text,
                        super::Segment::Placeholder(_) => "<redacted>",
                    })
                    .collect(),
            )),
            _ => self.detail.as_deref().map(Cow::Borrowed),
        }
    }
}

impl crate::text::LogLine for ErrorObject<'_> {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = self.shown();
        let text = detail.as_deref().or_else(|| self.title());
        match (&self.code, text) {
            // A code not in the catalog shows only its length (`Wire`).
            (Some(code), Some(text)) => write!(f, "{code}: {}", Bounded(text)),
            (Some(code), None) => fmt::Display::fmt(code, f),
            (None, Some(text)) => fmt::Display::fmt(&Bounded(text), f),
            (None, None) => f.write_str("error without code or detail"),
        }
    }
}

log_line! {
    /// `3003: Invalid *application_key* URL param: appl01234567891`: the code,
    /// then the detail (or the title). Control characters in the text, which
    /// can come from echoed input, are written escaped (`\n`, `\u{0}`), and so are
    /// bidirectional overrides; each text is cut after 256 bytes.
    ErrorObject<'_>;
}

impl std::error::Error for ErrorObject<'_> {}

body! {
    /// An error object's `source`: what in the request the error is about.
    ///
    /// ```
    /// use sso_errors::zenlogin::Source;
    ///
    /// let source = Source::from_pointer("/data/attributes/identity_email_address")?;
    /// assert_eq!(source.pointer(), Some("/data/attributes/identity_email_address"));
    /// assert!(Source::from_pointer("identity_email_address").is_err());
    /// assert_eq!(Source::from_parameter("application_key").parameter(), Some("application_key"));
    /// # Ok::<(), sso_errors::zenlogin::InvalidMember>(())
    /// ```
    pub struct Source<'a>: "a JSON:API source object" {
        pointer: Option<Cow<'a, str>> = "pointer",
        parameter: Option<Cow<'a, str>> = "parameter",
    }
}

impl<'a> Source<'a> {
    /// A source pointing into the request document.
    ///
    /// # Errors
    ///
    /// [`InvalidMember`] when `pointer` is not a JSON Pointer (RFC 6901:
    /// empty, or `/`-separated tokens where `~` is only written `~0` or
    /// `~1`).
    pub fn from_pointer(pointer: impl Into<Cow<'a, str>>) -> Result<Self, InvalidMember> {
        let pointer = pointer.into();
        if !is_json_pointer(&pointer) {
            return Err(InvalidMember::new(
                "source.pointer",
                "not a JSON Pointer (RFC 6901)",
                &pointer,
            ));
        }
        Ok(Self {
            pointer: Some(pointer),
            ..Self::empty()
        })
    }

    /// A source naming the query parameter that caused the error.
    #[must_use]
    pub fn from_parameter(parameter: impl Into<Cow<'a, str>>) -> Self {
        Self {
            parameter: Some(parameter.into()),
            ..Self::empty()
        }
    }

    fn empty() -> Self {
        Self {
            pointer: None,
            parameter: None,
            members: Members::new(),
            layout: body::Layout::default(),
        }
    }

    /// The JSON Pointer, as received.
    #[must_use]
    pub fn pointer(&self) -> Option<&str> {
        self.pointer.as_deref()
    }

    /// The query parameter, as received.
    #[must_use]
    pub fn parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    /// Other members (JSON:API 1.1's `header`, …), as received.
    #[must_use]
    pub const fn members(&self) -> &Members<'a> {
        &self.members
    }
}
