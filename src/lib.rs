#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(rust_2018_idioms, unreachable_pub, clippy::pedantic)]
// No input may panic the library: no unwrap, expect, panic or unchecked
// index outside its tests.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
// Vendor texts and names (OpenAM, remote_addr) are quoted verbatim in docs.
#![allow(clippy::module_name_repetitions, clippy::doc_markdown)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[macro_use]
mod text;
#[macro_use]
mod catalog;
mod error;
mod kind;
mod lookup;
mod perfect;
mod vendor;

#[cfg(feature = "std")]
mod any;
#[cfg(feature = "std")]
#[macro_use]
mod body;
#[cfg(feature = "std")]
pub mod detect;
#[cfg(feature = "http")]
mod integrations;
#[cfg(feature = "std")]
mod list;
#[cfg(feature = "std")]
mod problem;
#[cfg(feature = "std")]
#[macro_use]
mod reply;
#[cfg(feature = "std")]
mod verdict;
#[cfg(feature = "std")]
mod wire;

pub mod merchant;
pub mod openam;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
#[path = "integrations/reqwest.rs"]
pub mod reqwest;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
#[path = "integrations/tower.rs"]
pub mod tower;
pub mod zato;
pub mod zenlogin;

#[cfg(feature = "std")]
pub use any::AnyReply;
#[cfg(feature = "std")]
pub use body::{Body, Members, RawJson};
pub use catalog::{Catalog, Origin, Spelling};
#[cfg(feature = "std")]
pub use error::{Category, Error};
pub use error::{Snippet, UnknownCode};
pub use kind::{Actor, ErrorKind, GrpcCode};
#[cfg(feature = "std")]
pub use list::List;
pub use lookup::{AnyCode, Lookup};
#[cfg(feature = "std")]
pub use problem::Problem;
#[cfg(feature = "std")]
pub use reply::{Reply, ReplyContent};
pub use text::DISPLAY_MAX;
pub use vendor::{UnknownVendor, Vendor};
#[cfg(feature = "std")]
pub use verdict::{Attribute, Codes, Outcome, ReplyCode, Verdict};
#[cfg(feature = "std")]
pub use wire::Wire;

/// Not part of the API: the reference models and baselines of the catalogs'
/// lookups, for the crate's own tests and benchmarks. May change in any
/// release.
#[doc(hidden)]
pub mod __private {
    /// A catalog's lookups as `phf` maps and string `match`es.
    pub trait Baselines: crate::Catalog {
        /// Every accepted code spelling in a `phf_map!`.
        fn phf_codes() -> &'static phf::Map<&'static str, (Self, crate::Spelling)>;
        /// Every label in a `phf_map!`.
        fn phf_labels() -> &'static phf::Map<&'static str, Self>;
        /// Code lookup as a string `match`.
        fn match_code(code: &str) -> Option<(Self, crate::Spelling)>;
        /// Label lookup as a string `match`.
        fn match_label(label: &str) -> Option<Self>;
    }
}
