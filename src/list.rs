//! A list that holds its first element inline.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, DerefMut};

/// A list that keeps a single element inline: error bodies mostly carry one
/// code, and a list of one needs no allocation. Past one element it is a
/// `Vec`.
///
/// It dereferences to a slice, and compares with slices, arrays and `Vec`s.
///
/// ```
/// use sso_errors::List;
///
/// let mut list = List::new();
/// list.push(1);
/// assert_eq!(list, [1]);
/// list.push(2);
/// assert_eq!(list.len(), 2);
/// assert_eq!(list.iter().sum::<i32>(), 3);
/// ```
#[derive(Clone)]
pub struct List<T>(Repr<T>);

#[derive(Clone)]
enum Repr<T> {
    Empty,
    One(T),
    Many(Vec<T>),
}

impl<T> List<T> {
    /// An empty list.
    #[must_use]
    pub const fn new() -> Self {
        Self(Repr::Empty)
    }

    /// A list of one element.
    pub(crate) const fn one(value: T) -> Self {
        Self(Repr::One(value))
    }

    /// Appends an element.
    #[inline]
    pub fn push(&mut self, value: T) {
        match &mut self.0 {
            Repr::Many(values) => values.push(value),
            Repr::Empty => self.0 = Repr::One(value),
            Repr::One(_) => {
                if let Repr::One(first) = std::mem::replace(&mut self.0, Repr::Empty) {
                    // Room for a few more: bodies with two errors often have more.
                    let mut values = Vec::with_capacity(4);
                    values.push(first);
                    values.push(value);
                    self.0 = Repr::Many(values);
                }
            }
        }
    }

    /// Makes room for at least `additional` more elements, so that pushing
    /// them allocates at most once. A list that stays at one element keeps
    /// it inline and allocates nothing.
    ///
    /// ```
    /// use sso_errors::List;
    ///
    /// let mut list = List::new();
    /// list.reserve(100);
    /// list.extend(0..100);
    /// assert_eq!(list.len(), 100);
    /// ```
    pub fn reserve(&mut self, additional: usize) {
        let wanted = self.len().saturating_add(additional);
        match &mut self.0 {
            Repr::Many(values) => values.reserve(additional),
            _ if wanted >= 2 => {
                let mut values = Vec::with_capacity(wanted);
                if let Repr::One(first) = std::mem::replace(&mut self.0, Repr::Empty) {
                    values.push(first);
                }
                self.0 = Repr::Many(values);
            }
            _ => {}
        }
    }

    /// Removes every element.
    pub fn clear(&mut self) {
        self.0 = Repr::Empty;
    }

    /// The elements.
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            Repr::Empty => &[],
            Repr::One(value) => std::slice::from_ref(value),
            Repr::Many(values) => values,
        }
    }

    /// The elements, mutably.
    #[must_use]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        match &mut self.0 {
            Repr::Empty => &mut [],
            Repr::One(value) => std::slice::from_mut(value),
            Repr::Many(values) => values,
        }
    }

    /// The elements as a `Vec`.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        match self.0 {
            Repr::Empty => Vec::new(),
            Repr::One(value) => vec![value],
            Repr::Many(values) => values,
        }
    }

    /// Applies `f` to every element.
    #[must_use]
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> List<U> {
        List(match self.0 {
            Repr::Empty => Repr::Empty,
            Repr::One(value) => Repr::One(f(value)),
            Repr::Many(values) => Repr::Many(values.into_iter().map(f).collect()),
        })
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(mut values: Vec<T>) -> Self {
        match values.len() {
            0 => Self::new(),
            1 => values
                .pop()
                .map_or_else(Self::new, |value| Self(Repr::One(value))),
            _ => Self(Repr::Many(values)),
        }
    }
}

impl<T> From<List<T>> for Vec<T> {
    fn from(list: List<T>) -> Self {
        list.into_vec()
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut list = Self::new();
        list.extend(iter);
        list
    }
}

/// Sized once for as many elements as the iterator says it holds at least.
impl<T> Extend<T> for List<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for value in iter {
            self.push(value);
        }
    }
}

impl<'l, T> IntoIterator for &'l List<T> {
    type Item = &'l T;
    type IntoIter = std::slice::Iter<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<T: PartialEq<U>, U> PartialEq<List<U>> for List<T> {
    fn eq(&self, other: &List<U>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for List<T> {}

impl<T: PartialEq<U>, U> PartialEq<[U]> for List<T> {
    fn eq(&self, other: &[U]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for List<T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for List<T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Hash> Hash for List<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<T: serde::Serialize> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}
