//! The merchant User Management / SSO-token API: `(code, errorName)` pairs with typed descriptions.
