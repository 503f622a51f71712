//! tower: a retry policy that reads the verdict on every answer.
//!
//! tower's `Retry` asks its policy whether to send a request again; a policy
//! that looks at the status line alone cannot tell the merchant's
//! per-minute limit (`50500` at HTTP 403) from a refusal. [`RetryPolicy`]
//! judges each answer ([`Verdict::from_http`]) and retries exactly what the
//! verdict says may be retried, after the answer's `Retry-After` when it has
//! one, else after a backoff.
//!
//! ```
//! use std::time::Duration;
//! use tower::{Service, ServiceBuilder, ServiceExt};
//! use sso_errors::tower::RetryPolicy;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
//! let policy = RetryPolicy::builder().max_attempts(3).backoff(Duration::from_millis(1)).build();
//! let mut calls = 0;
//! let mut service = ServiceBuilder::new().retry(policy).service_fn(move |_: http::Request<String>| {
//!     calls += 1;
//!     let status = if calls < 3 { 503 } else { 200 };
//!     async move { http::Response::builder().status(status).body(String::new()) }
//! });
//! let response = service.ready().await?.call(http::Request::new(String::new())).await?;
//! assert_eq!(response.status(), 200); // after two retries
//! # Ok(())
//! # }
//! ```

use std::time::Duration;

use tower::retry::Policy;

use crate::Verdict;

/// A `tower::retry::Policy` for services answering `http::Response<B>`
/// with a buffered body (`B: AsRef<[u8]>`, such as `String`, `Vec<u8>` or
/// `Bytes`): it judges each answer and retries a failure the verdict says
/// may be retried, at most [`max_attempts`](RetryPolicyBuilder::max_attempts)
/// attempts in all. It waits the answer's `Retry-After`, capped at
/// [`max_wait`](RetryPolicyBuilder::max_wait), or else a backoff that
/// starts at [`backoff`](RetryPolicyBuilder::backoff) and doubles with each
/// retry, up to the same cap. An error of the service (no answer) is not
/// retried.
///
/// Requests are `http::Request<B>` with a body that is `Clone`; a request
/// is cloned only while a retry is left for it.
///
/// ```
/// use std::time::Duration;
/// use sso_errors::tower::RetryPolicy;
///
/// let policy = RetryPolicy::default();
/// assert_eq!(policy.max_attempts(), 3);
/// assert_eq!(policy.max_wait(), Duration::from_secs(30));
/// let patient = RetryPolicy::builder().max_attempts(5).max_wait(Duration::from_secs(120)).build();
/// assert_eq!(patient.max_attempts(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    max_wait: Duration,
    backoff: Duration,
    /// Attempts made so far for the request this copy of the policy
    /// follows (tower clones the policy for each request).
    attempts: u32,
}

impl RetryPolicy {
    /// A builder, for the options.
    pub const fn builder() -> RetryPolicyBuilder {
        RetryPolicyBuilder(Self {
            max_attempts: 3,
            max_wait: Duration::from_secs(30),
            backoff: Duration::from_millis(100),
            attempts: 0,
        })
    }

    /// The most attempts for one request, the first one included.
    #[must_use]
    pub const fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest wait before a retry, whatever `Retry-After` says.
    #[must_use]
    pub const fn max_wait(&self) -> Duration {
        self.max_wait
    }

    /// The wait before the first retry when the answer has no
    /// `Retry-After`; it doubles with each retry.
    #[must_use]
    pub const fn backoff(&self) -> Duration {
        self.backoff
    }

    /// The wait before retry number `retry` (1 for the first), for an
    /// answer without `Retry-After`.
    fn backoff_for(&self, retry: u32) -> Duration {
        let doublings = retry.saturating_sub(1).min(31);
        self.backoff
            .saturating_mul(1 << doublings)
            .min(self.max_wait)
    }

    /// Whether another attempt is allowed after those made.
    const fn may_retry(&self) -> bool {
        self.attempts.saturating_add(1) < self.max_attempts
    }
}

/// Three attempts, at most 30 s of wait, a backoff from 100 ms.
impl Default for RetryPolicy {
    fn default() -> Self {
        Self::builder().build()
    }
}

/// Options for [`RetryPolicy`].
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct RetryPolicyBuilder(RetryPolicy);

impl RetryPolicyBuilder {
    /// At most `attempts` attempts for one request, the first one included
    /// (default 3; 1 retries nothing).
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.0.max_attempts = attempts;
        self
    }

    /// Waits at most `wait` before a retry (default 30 s).
    pub const fn max_wait(mut self, wait: Duration) -> Self {
        self.0.max_wait = wait;
        self
    }

    /// Waits `wait` before the first retry of an answer without
    /// `Retry-After`, doubling with each retry (default 100 ms).
    pub const fn backoff(mut self, wait: Duration) -> Self {
        self.0.backoff = wait;
        self
    }

    /// The policy.
    #[must_use]
    pub const fn build(self) -> RetryPolicy {
        self.0
    }
}

impl<B, R, E> Policy<http::Request<B>, http::Response<R>, E> for RetryPolicy
where
    B: Clone,
    R: AsRef<[u8]>,
{
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        _: &mut http::Request<B>,
        result: &mut Result<http::Response<R>, E>,
    ) -> Option<Self::Future> {
        let response = result.as_ref().ok()?;
        let may_retry = self.may_retry();
        self.attempts = self.attempts.saturating_add(1);
        if !may_retry {
            return None;
        }
        let verdict = Verdict::from_http(response);
        if !verdict.is_retryable() {
            return None;
        }
        let wait = verdict.retry_after().map_or_else(
            || self.backoff_for(self.attempts),
            |wait| wait.min(self.max_wait),
        );
        Some(tokio::time::sleep(wait))
    }

    fn clone_request(&mut self, request: &http::Request<B>) -> Option<http::Request<B>> {
        if !self.may_retry() {
            return None;
        }
        let mut clone = http::Request::new(request.body().clone());
        *clone.method_mut() = request.method().clone();
        *clone.uri_mut() = request.uri().clone();
        *clone.version_mut() = request.version();
        *clone.headers_mut() = request.headers().clone();
        *clone.extensions_mut() = request.extensions().clone();
        Some(clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backoff_doubles_up_to_the_cap() {
        let policy = RetryPolicy::builder()
            .backoff(Duration::from_millis(100))
            .max_wait(Duration::from_secs(1))
            .build();
        let waits: Vec<u128> = (1..=6).map(|n| policy.backoff_for(n).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(policy.backoff_for(u32::MAX), Duration::from_secs(1));
    }
}
