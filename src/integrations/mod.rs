//! Integrations with the HTTP ecosystem, each behind its feature.

#[cfg(feature = "axum")]
mod axum;
#[cfg(feature = "http")]
pub(crate) mod http;
