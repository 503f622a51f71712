//! reqwest: a middleware that puts the verdict on every answer in its
//! extensions, and a retry strategy that reads it.
//!
//! reqwest-retry's default strategy decides from the status line alone: it
//! never sees the body, so it treats a merchant's per-minute token limit
//! (`50500` at HTTP 403) as fatal. [`Classify`] reads the body of every
//! answer that is not a success (up to [`Classify::BODY_MAX`] bytes), puts
//! the [`Verdict`] in the response's extensions and gives the response on
//! with the same status, headers and bytes; [`Strategy`] retries exactly
//! what the verdict says may be retried.
//!
//! `Classify` goes *inside* the retry middleware (added after it), so that
//! every attempt's answer is judged before the retry decides:
//!
//! ```no_run
//! use reqwest_middleware::ClientBuilder;
//! use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
//! use sso_errors::Verdict;
//! use sso_errors::reqwest::{Classify, Strategy};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let policy = ExponentialBackoff::builder().build_with_max_retries(3);
//! let client = ClientBuilder::new(reqwest::Client::new())
//!     .with(RetryTransientMiddleware::new_with_policy_and_strategy(policy, Strategy))
//!     .with(Classify::default())
//!     .build();
//! let response = client.post("http://127.0.0.1:17010/zato/sso/user/login").send().await?;
//! if let Some(verdict) = response.extensions().get::<Verdict<'static>>() {
//!     eprintln!("{verdict}");
//! }
//! # Ok(())
//! # }
//! ```
//!
//! reqwest-retry's policies wait by their own backoff and never see
//! `Retry-After`. A caller that honours it retries by itself: send, read
//! [`Verdict::retry_after`] from the extensions, sleep that long (capped),
//! send again.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt as _;
use reqwest::ResponseBuilderExt as _;
use reqwest_middleware::{Middleware, Next};
use reqwest_retry::{Retryable, RetryableStrategy};

use crate::{Vendor, Verdict};

/// A `reqwest_middleware::Middleware` that judges every answer and puts its
/// [`Verdict<'static>`](Verdict) in the response's extensions.
///
/// A 2xx answer is judged by its status alone, and its body is not read:
/// the response goes on untouched. Any other answer's body is read, up to
/// [`BODY_MAX`](Self::BODY_MAX) bytes (or the
/// [`body_max`](ClassifyBuilder::body_max) given), and judged with its
/// status and headers; the response goes on with the same status, headers
/// and bytes. A longer body is judged by its status alone, and goes on
/// whole: what was read, then the rest as it arrives.
///
/// ```
/// use sso_errors::Vendor;
/// use sso_errors::reqwest::Classify;
///
/// let classify = Classify::default();
/// assert_eq!(classify.body_max(), Classify::BODY_MAX);
/// let zato = Classify::builder().vendor(Vendor::Zato).body_max(4096).build();
/// assert_eq!((zato.vendor(), zato.body_max()), (Some(Vendor::Zato), 4096));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classify {
    vendor: Option<Vendor>,
    body_max: usize,
}

impl Classify {
    /// The most bytes of a body read by default: 64 KiB, far more than any
    /// vendor's error body, far less than a page that is no vendor's.
    pub const BODY_MAX: usize = 64 * 1024;

    /// A builder, for the options.
    pub const fn builder() -> ClassifyBuilder {
        ClassifyBuilder(Self {
            vendor: None,
            body_max: Self::BODY_MAX,
        })
    }

    /// The vendor the answers are read as; `None` to recognise each one.
    #[must_use]
    pub const fn vendor(&self) -> Option<Vendor> {
        self.vendor
    }

    /// The most bytes of a body read.
    #[must_use]
    pub const fn body_max(&self) -> usize {
        self.body_max
    }

    /// Judges `response`, and gives it back with its verdict in its
    /// extensions.
    ///
    /// # Errors
    ///
    /// The error reading the body, when the connection fails while it is
    /// read.
    pub async fn classify(
        &self,
        response: reqwest::Response,
    ) -> reqwest::Result<reqwest::Response> {
        let status = response.status().as_u16();
        if response.status().is_success() {
            let mut response = response;
            response.extensions_mut().insert(Verdict::of_status(status));
            return Ok(response);
        }
        let url = response.url().clone();
        let (mut parts, mut body) = http::Response::<reqwest::Body>::from(response).into_parts();
        let mut read = BytesMut::new();
        let mut whole = true;
        while let Some(frame) = body.frame().await {
            if let Ok(data) = frame?.into_data() {
                read.extend_from_slice(&data);
                if read.len() > self.body_max {
                    whole = false;
                    break;
                }
            }
        }
        let read = read.freeze();
        let headers = parts
            .headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()));
        let verdict = if whole {
            match self.vendor {
                Some(vendor) => Verdict::of_vendor(vendor, status, &read),
                None => Verdict::of(status, &read),
            }
            .with_headers(headers)
            .into_owned()
        } else {
            Verdict::of_status(status).with_headers(headers)
        };
        parts.extensions.insert(verdict);
        // reqwest keeps a response's URL in an extension of its own.
        let with_url = http::Response::builder()
            .url(url)
            .body(())
            .unwrap_or_default();
        parts.extensions.extend(with_url.into_parts().0.extensions);
        let body = if whole {
            reqwest::Body::from(read)
        } else {
            reqwest::Body::wrap(Rest {
                read: Some(read),
                rest: body,
            })
        };
        Ok(reqwest::Response::from(http::Response::from_parts(
            parts, body,
        )))
    }
}

/// [`Classify::BODY_MAX`], recognising each answer's vendor.
impl Default for Classify {
    fn default() -> Self {
        Self::builder().build()
    }
}

/// Options for [`Classify`].
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct ClassifyBuilder(Classify);

impl ClassifyBuilder {
    /// Reads every answer as `vendor`'s, when the caller knows whose it is.
    pub const fn vendor(mut self, vendor: Vendor) -> Self {
        self.0.vendor = Some(vendor);
        self
    }

    /// Reads at most `bytes` of a body (default
    /// [`Classify::BODY_MAX`]).
    pub const fn body_max(mut self, bytes: usize) -> Self {
        self.0.body_max = bytes;
        self
    }

    /// The middleware.
    #[must_use]
    pub const fn build(self) -> Classify {
        self.0
    }
}

#[async_trait::async_trait]
impl Middleware for Classify {
    async fn handle(
        &self,
        request: reqwest::Request,
        extensions: &mut http::Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<reqwest::Response> {
        let response = next.run(request, extensions).await?;
        Ok(self.classify(response).await?)
    }
}

/// A body read in part: what was read, then the rest as it arrives.
struct Rest {
    read: Option<Bytes>,
    rest: reqwest::Body,
}

impl http_body::Body for Rest {
    type Data = Bytes;
    type Error = reqwest::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, reqwest::Error>>> {
        if let Some(read) = self.read.take() {
            return Poll::Ready(Some(Ok(Frame::data(read))));
        }
        Pin::new(&mut self.rest).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.read.is_none() && self.rest.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let mut hint = self.rest.size_hint();
        let read = self.read.as_ref().map_or(0, |read| read.len() as u64);
        hint.set_lower(hint.lower().saturating_add(read));
        if let Some(upper) = hint.upper() {
            hint.set_upper(upper.saturating_add(read));
        }
        hint
    }
}

/// A `reqwest_retry::RetryableStrategy` that says *transient* exactly when
/// the answer's verdict says it may be retried, *fatal* for any other
/// failure, and nothing for a success or a warning. It reads the verdict
/// [`Classify`] put in the response's extensions, or judges the status
/// alone when there is none; a request that got no answer is left to
/// reqwest-retry's default.
///
/// ```
/// use reqwest_retry::{Retryable, RetryableStrategy};
/// use sso_errors::Verdict;
/// use sso_errors::reqwest::Strategy;
///
/// let strategy = Strategy::default();
/// let mut response = reqwest::Response::from(http::Response::builder().status(403).body("").unwrap());
/// let body = br#"{"message":[{"errorName":"Failed to generate SSO token","code":"50500","description":"Exceeded limit of SSO token generations per minute"}]}"#;
/// response.extensions_mut().insert(Verdict::of(403, body).into_owned());
/// assert!(strategy.handle(&Ok(response)) == Some(Retryable::Transient));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Strategy;

impl RetryableStrategy for Strategy {
    fn handle(
        &self,
        result: &Result<reqwest::Response, reqwest_middleware::Error>,
    ) -> Option<Retryable> {
        match result {
            Ok(response) => {
                let judged;
                let verdict = if let Some(verdict) = response.extensions().get::<Verdict<'static>>()
                {
                    verdict
                } else {
                    judged = Verdict::of_status(response.status().as_u16());
                    &judged
                };
                match (verdict.is_failure(), verdict.is_retryable()) {
                    (false, _) => None,
                    (true, true) => Some(Retryable::Transient),
                    (true, false) => Some(Retryable::Fatal),
                }
            }
            Err(error) => reqwest_retry::default_on_request_failure(error),
        }
    }
}
