//! axum: `IntoResponse` for replies and problem documents (the bodies'
//! impls are declared with them).

use axum_core::response::{IntoResponse, Response};

use crate::{AnyReply, Problem, Reply, ReplyContent};

/// The reply with its status, `Content-Type` and exact bytes
/// ([`Reply::to_http`]).
impl<B: ReplyContent> IntoResponse for Reply<B> {
    fn into_response(self) -> Response {
        self.to_http().into_response()
    }
}

/// The reply with its status, `Content-Type` and exact bytes
/// ([`AnyReply::to_http`]).
impl IntoResponse for AnyReply<'_> {
    fn into_response(self) -> Response {
        self.to_http().into_response()
    }
}

/// The problem document, `application/problem+json`, with its status
/// ([`Problem::to_http`]).
impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        self.to_http().into_response()
    }
}
