//! The baseline a user would write by hand: a plain `#[derive(Deserialize)]`
//! struct of each body's members, borrowing from the input. Shared by
//! `benches/wire.rs` and `examples/parse_loop.rs`.

#![allow(dead_code)]

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct ZatoBody<'a> {
    pub status: &'a str,
    pub cid: &'a str,
    #[serde(borrow, default)]
    pub sub_status: Vec<&'a str>,
    pub ust: Option<&'a str>,
}

#[derive(Deserialize)]
pub struct ZenloginBody<'a> {
    #[serde(borrow)]
    pub errors: Vec<ZenloginError<'a>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct ZenloginError<'a> {
    pub code: Option<&'a str>,
    pub detail: Option<&'a str>,
    pub id: Option<&'a str>,
    pub status: Option<&'a str>,
    pub title: Option<&'a str>,
    #[serde(borrow)]
    pub source: Option<ZenloginSource<'a>>,
    #[serde(borrow)]
    pub links: Option<&'a RawValue>,
    #[serde(borrow)]
    pub meta: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct ZenloginSource<'a> {
    pub pointer: Option<&'a str>,
    pub parameter: Option<&'a str>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct OpenamBody<'a> {
    pub code: u16,
    pub reason: Option<&'a str>,
    #[serde(borrow)]
    pub message: Option<Text<'a>>,
    #[serde(borrow)]
    pub detail: Option<&'a RawValue>,
    #[serde(borrow)]
    pub cause: Option<OpenamCause<'a>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct OpenamCause<'a> {
    pub message: Option<&'a str>,
}

/// A string borrowed unless it has escapes (the 406 seed's message has `\"`,
/// which `&str` rejects); serde borrows a `Cow` only as a field's own type,
/// not inside an `Option`, hence the newtype.
#[derive(Deserialize)]
pub struct Text<'a>(#[serde(borrow)] pub Cow<'a, str>);

#[derive(Deserialize)]
pub struct MerchantBody<'a> {
    #[serde(borrow)]
    pub message: Vec<MerchantEntry<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MerchantEntry<'a> {
    pub error_name: &'a str,
    pub code: &'a str,
    pub description: &'a str,
}
