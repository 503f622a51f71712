//! Members a body does not define, and the order a body's members came in.

use std::borrow::Cow;
use std::fmt;

use super::RawJson;

/// Members of a JSON object that the vendor's body does not define, kept with
/// their values verbatim and in the order received.
///
/// ```
/// use sso_errors::{Members, RawJson};
///
/// let mut members = Members::new();
/// members.push("reset_key", RawJson::from_json(r#""6a0e1c""#).unwrap());
/// assert_eq!(members.get("reset_key").unwrap().get(), r#""6a0e1c""#);
/// assert_eq!(members.len(), 1);
/// ```
#[derive(Clone, Default)]
// Boxed: most bodies have no such member, and a body one pointer smaller is
// cheaper to move through the parser; the extra allocation is paid only
// where there are members to keep.
#[allow(clippy::box_collection)]
pub struct Members<'a>(Option<Box<Vec<Member<'a>>>>);

/// One extra member, and where it stood among the standard ones.
#[derive(Clone)]
pub(crate) struct Member<'a> {
    pub(super) key: Cow<'a, str>,
    /// The name as received between its quotes, when it had escapes
    /// (`x\u0041y`), to be written back so.
    spelling: Option<Cow<'a, str>>,
    pub(super) value: RawJson<'a>,
    /// How many standard members came before it; `u8::MAX` for a member
    /// added in code, which goes after them all.
    after: u8,
}

impl<'a> Members<'a> {
    /// No members.
    #[must_use]
    pub const fn new() -> Self {
        Self(None)
    }

    fn slice(&self) -> &[Member<'a>] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    fn vec(&mut self) -> &mut Vec<Member<'a>> {
        self.0.get_or_insert_with(Box::default)
    }

    /// Appends a member (written after the standard members).
    pub fn push(&mut self, key: impl Into<Cow<'a, str>>, value: RawJson<'a>) {
        self.vec().push(Member {
            key: key.into(),
            spelling: None,
            value,
            after: u8::MAX,
        });
    }

    /// The value of the first member called `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&RawJson<'a>> {
        self.slice().iter().find(|m| m.key == key).map(|m| &m.value)
    }

    /// Removes every member called `key`, returning the first one's value.
    pub fn remove(&mut self, key: &str) -> Option<RawJson<'a>> {
        let at = self.slice().iter().position(|m| m.key == key)?;
        let members = self.vec();
        let first = members.remove(at);
        members.retain(|m| m.key != key);
        Some(first.value)
    }

    /// The members, in order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &RawJson<'a>)> {
        self.slice().iter().map(|m| (m.key.as_ref(), &m.value))
    }

    /// The number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.slice().len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.slice().is_empty()
    }

    /// Detaches the members from the input they borrow from.
    #[must_use]
    pub fn into_owned(self) -> Members<'static> {
        Members(self.0.map(|members| {
            Box::new(
                members
                    .into_iter()
                    .map(|m| Member {
                        key: Cow::Owned(m.key.into_owned()),
                        spelling: m.spelling.map(|s| Cow::Owned(s.into_owned())),
                        value: m.value.into_owned(),
                        after: m.after,
                    })
                    .collect(),
            )
        }))
    }
}

/// Equal when the same members, with the same values, come in the same
/// order; where they stood among the standard members does not count.
impl PartialEq for Members<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Members<'_> {}

impl std::hash::Hash for Members<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for (key, value) in self.iter() {
            key.hash(state);
            value.hash(state);
        }
    }
}

/// Each member's name, with its value's type and size, never the value
/// ([`RawJson`]'s `Debug`).
impl fmt::Debug for Members<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a, K: Into<Cow<'a, str>>> FromIterator<(K, RawJson<'a>)> for Members<'a> {
    fn from_iter<I: IntoIterator<Item = (K, RawJson<'a>)>>(iter: I) -> Self {
        let mut members = Self::new();
        for (key, value) in iter {
            members.push(key, value);
        }
        members
    }
}

/// The order in which a parsed object's standard members arrived, so that
/// re-serializing gives them back in that order: one nibble per member (its
/// index in the body's name table plus one), in received order, in a `u32`.
/// Extra members record their own place ([`Members`]). A body built in code
/// has the empty layout and is written in the vendor's canonical order.
///
/// The layout is how a body was spelled, not what it says: a body's
/// equality and `Debug` leave it out, so that a parsed body equals the same
/// body built in code.
#[derive(Clone, Copy, Default)]
pub(crate) struct Layout(u32);

impl Layout {
    /// The most members a layout records, and so a body declares.
    pub(crate) const MAX: usize = 8;

    /// A layout with one member recorded: a body built in code that spells a
    /// member by its alternative name.
    pub(crate) fn of(index: usize) -> Self {
        let mut layout = Self::default();
        layout.push(index);
        layout
    }

    /// The number of standard members recorded.
    pub(crate) const fn len(self) -> usize {
        (32 - self.0.leading_zeros() as usize).div_ceil(4)
    }

    /// The standard member recorded at position `at`: `None` past the last.
    pub(crate) fn get(self, at: usize) -> Option<usize> {
        let shift = u32::try_from(at).ok()?.checked_mul(4)?;
        let nibble = self.0.checked_shr(shift)? & 0xF;
        (nibble != 0).then(|| nibble as usize - 1)
    }

    /// Records member `index` as the next one received. A body declares at
    /// most [`MAX`](Self::MAX) members and fewer than 16 names (both checked
    /// at compile time, in `body!`), and reads each member once, so the
    /// index fits its nibble and there is room for it.
    pub(crate) fn push(&mut self, index: usize) {
        let nibble = u32::try_from(index).map_or(0, |index| index.wrapping_add(1) & 0xF);
        // `len` is at most MAX (8), so the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        let shift = 4 * self.len() as u32;
        self.0 |= nibble.checked_shl(shift).unwrap_or(0);
    }

    /// Whether member `index` was received.
    pub(crate) fn has(self, index: usize) -> bool {
        (0..self.len()).any(|at| self.get(at) == Some(index))
    }
}

impl<'a> Members<'a> {
    /// Appends a member received after `after` standard members.
    pub(crate) fn push_received(&mut self, key: Cow<'a, str>, value: RawJson<'a>, after: usize) {
        self.vec().push(Member {
            key,
            spelling: None,
            value,
            after: u8::try_from(after).unwrap_or(u8::MAX),
        });
    }

    /// The members with the number of standard members received before
    /// each, for writing them back in place.
    pub(crate) fn received(&self) -> impl Iterator<Item = (&Member<'a>, usize)> {
        self.slice().iter().map(|m| (m, usize::from(m.after)))
    }

    /// Finds, in the `input` the members' values were borrowed from, how
    /// each name that had escapes was spelled: a borrowing parse keeps an
    /// unescaped name only for a name with escapes (any other is borrowed),
    /// and the name stands just before its value, `"name" : value`.
    pub(crate) fn respell(&mut self, input: &'a str) {
        let Some(members) = self.0.as_deref_mut() else {
            return;
        };
        for member in members.iter_mut() {
            if let (Cow::Owned(_), None) = (&member.key, &member.spelling) {
                member.spelling = spelled_before(input, member.value.get()).map(Cow::Borrowed);
            }
        }
    }

    /// Whether a member's name was received with escapes, and so must be
    /// written as it was spelled ([`TextMap`]).
    pub(crate) fn has_spelled_names(&self) -> bool {
        self.slice().iter().any(|m| m.spelling.is_some())
    }
}

/// The name, as spelled between its quotes, of the member whose value
/// `value` (a slice of `input`) is: `"name"`, then whitespace, `:` and
/// whitespace, then the value. `None` when `value` is not a slice of
/// `input` or does not stand so.
fn spelled_before<'i>(input: &'i str, value: &str) -> Option<&'i str> {
    let start = (value.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
    let before = input
        .get(..start)?
        .trim_end_matches([' ', '\t', '\n', '\r']);
    let before = before
        .strip_suffix(':')?
        .trim_end_matches([' ', '\t', '\n', '\r']);
    let name = before.strip_suffix('"')?;
    // The opening quote: the last one not escaped, that is, preceded by an
    // even number of backslashes.
    let bytes = name.as_bytes();
    let mut at = bytes.len();
    while let Some(quote) = bytes.get(..at)?.iter().rposition(|&b| b == b'"') {
        let slashes = bytes
            .get(..quote)?
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if slashes % 2 == 0 {
            return name.get(quote + 1..);
        }
        at = quote;
    }
    None
}

impl Member<'_> {
    /// Writes the member into `map`: through serde, or, in a [`TextMap`],
    /// with its name as it was spelled.
    pub(crate) fn write<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(self.key.as_ref(), &self.value)
    }

    /// Writes the member into a [`TextMap`], its name as received.
    pub(crate) fn write_text(&self, map: &mut TextMap) -> Result<(), serde_json::Error> {
        match &self.spelling {
            Some(spelling) => {
                map.raw_key(spelling);
                serde::ser::SerializeMap::serialize_value(map, &self.value)
            }
            None => self.write(map),
        }
    }
}

/// A JSON object written as text, for a body with a member name that must
/// be written as it was spelled: serde's map keys are written with
/// standard escaping, and cannot carry the received spelling. The body is
/// then written as one raw JSON value.
pub(crate) struct TextMap {
    out: String,
    empty: bool,
}

impl TextMap {
    pub(crate) fn new() -> Self {
        Self {
            out: String::from("{"),
            empty: true,
        }
    }

    fn separate(&mut self) {
        if !std::mem::take(&mut self.empty) {
            self.out.push(',');
        }
    }

    /// A name, between quotes, exactly as `spelled`.
    fn raw_key(&mut self, spelled: &str) {
        self.separate();
        self.out.push('"');
        self.out.push_str(spelled);
        self.out.push('"');
    }

    /// The object's text, as a raw value.
    pub(crate) fn into_raw(
        mut self,
    ) -> Result<Box<serde_json::value::RawValue>, serde_json::Error> {
        self.out.push('}');
        serde_json::value::RawValue::from_string(self.out)
    }
}

impl serde::ser::SerializeMap for TextMap {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Self::Error> {
        self.separate();
        self.out.push_str(&serde_json::to_string(key)?);
        Ok(())
    }

    fn serialize_value<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.out.push(':');
        self.out.push_str(&serde_json::to_string(value)?);
        Ok(())
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Layout;

    #[test]
    fn a_layout_records_up_to_max_members_in_order() {
        let mut layout = Layout::default();
        assert_eq!((layout.len(), layout.get(0)), (0, None));
        let order = [3, 0, 14, 7, 1, 2, 5, 6];
        for (at, &index) in order.iter().enumerate() {
            layout.push(index);
            assert_eq!(layout.len(), at + 1);
        }
        let recorded: Vec<_> = (0..layout.len()).map(|at| layout.get(at)).collect();
        assert_eq!(recorded, order.map(Some));
        assert_eq!(layout.get(Layout::MAX), None);
        assert_eq!(layout.get(usize::MAX), None);
        assert!(layout.has(14) && !layout.has(4));
        // Past MAX nothing more is recorded.
        layout.push(4);
        assert_eq!(layout.len(), Layout::MAX);
        assert!(!layout.has(4));
        assert_eq!(Layout::of(9).get(0), Some(9));
    }
}
