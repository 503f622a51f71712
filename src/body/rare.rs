//! The members a vendor seldom sends, held only when present.

use std::mem::discriminant;

/// The rarely sent members of one body: none, or a boxed list of those
/// present. `V` is the body's enum of them, one variant per member; a list
/// holds each variant at most once.
///
/// A body holding one such member, the usual case when it holds any, takes
/// one allocation the size of one member and an empty `Vec`. A block with a
/// place for every member would cost every body that has one of them the
/// size of all of them: for a Zenlogin error object with only `meta`, 184
/// bytes of heap instead of 56.
#[derive(Clone)]
pub(crate) struct Rare<V>(Option<Box<Present<V>>>);

#[derive(Clone)]
struct Present<V> {
    first: V,
    rest: Vec<V>,
}

impl<V> Rare<V> {
    /// No member present.
    #[inline]
    pub(crate) const fn none() -> Self {
        Self(None)
    }

    /// The members present among `values`, one per variant of `V`.
    #[inline]
    pub(crate) fn of<const N: usize>(values: [Option<V>; N]) -> Self {
        let count = values.iter().filter(|value| value.is_some()).count();
        let mut present = values.into_iter().flatten();
        let Some(first) = present.next() else {
            return Self(None);
        };
        let mut rest = Vec::with_capacity(count.saturating_sub(1));
        rest.extend(present);
        Self(Some(Box::new(Present { first, rest })))
    }

    /// The members present, in no particular order.
    #[inline]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &V> {
        self.0
            .iter()
            .flat_map(|present| std::iter::once(&present.first).chain(&present.rest))
    }

    /// The members present, to change in place.
    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().flat_map(|present| {
            let Present { first, rest } = &mut **present;
            std::iter::once(first).chain(rest.iter_mut())
        })
    }

    /// Sets a member: replaces the one of the same variant, or adds it.
    pub(crate) fn set(&mut self, value: V) {
        let Some(present) = &mut self.0 else {
            self.0 = Some(Box::new(Present {
                first: value,
                rest: Vec::new(),
            }));
            return;
        };
        let kind = discriminant(&value);
        if discriminant(&present.first) == kind {
            present.first = value;
        } else if let Some(slot) = present
            .rest
            .iter_mut()
            .find(|held| discriminant(&**held) == kind)
        {
            *slot = value;
        } else {
            present.rest.push(value);
        }
    }

    /// Each member converted by `f` (which keeps its variant).
    pub(crate) fn map<W>(self, mut f: impl FnMut(V) -> W) -> Rare<W> {
        Rare(self.0.map(|present| {
            let Present { first, rest } = *present;
            Box::new(Present {
                first: f(first),
                rest: rest.into_iter().map(f).collect(),
            })
        }))
    }
}

/// Equal when both hold the same members, in any order. Each variant is
/// there at most once, so equal counts and every member of one found in the
/// other make the two sets the same.
impl<V: PartialEq> PartialEq for Rare<V> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().count() == other.iter().count()
            && self
                .iter()
                .all(|held| other.iter().any(|theirs| held == theirs))
    }
}

impl<V: Eq> Eq for Rare<V> {}

#[cfg(test)]
mod tests {
    use super::Rare;

    #[derive(Clone, Debug, PartialEq, Eq)]
    enum Member {
        A(u8),
        B(u8),
        C(u8),
    }

    fn held(rare: &Rare<Member>) -> Vec<Member> {
        rare.iter().cloned().collect()
    }

    #[test]
    fn only_present_members_are_held() {
        assert!(Rare::<Member>::of([None, None, None]).0.is_none());
        let one = Rare::of([None, Some(Member::B(1)), None]);
        assert_eq!(held(&one), [Member::B(1)]);
        let two = Rare::of([Some(Member::A(1)), None, Some(Member::C(3))]);
        assert_eq!(held(&two), [Member::A(1), Member::C(3)]);
    }

    #[test]
    fn setting_replaces_a_member_of_the_same_variant() {
        let mut rare = Rare::none();
        rare.set(Member::A(1));
        rare.set(Member::B(2));
        rare.set(Member::C(3));
        rare.set(Member::B(20));
        rare.set(Member::A(10));
        rare.set(Member::C(30));
        assert_eq!(held(&rare), [Member::A(10), Member::B(20), Member::C(30)]);
    }

    #[test]
    fn equality_ignores_order_and_counts_members() {
        let ab = Rare::of([Some(Member::A(1)), Some(Member::B(2)), None]);
        let mut ba = Rare::none();
        ba.set(Member::B(2));
        ba.set(Member::A(1));
        // Both ways: equality is checked from each side.
        assert!(ab == ba);
        assert!(ba == ab);
        let a = Rare::of([Some(Member::A(1)), None, None]);
        assert!(a != ab);
        assert!(ab != a);
        assert!(Rare::<Member>::none() == Rare::of([None, None, None]));
        assert!(Rare::<Member>::none() != a);
        let other = Rare::of([Some(Member::A(1)), Some(Member::B(3)), None]);
        assert!(ab != other);
        assert!(other != ab);
    }

    #[test]
    fn mapping_keeps_every_member() {
        let rare = Rare::of([Some(Member::A(1)), Some(Member::B(2)), Some(Member::C(3))]);
        let doubled = rare.map(|member| match member {
            Member::A(n) => Member::A(n * 2),
            Member::B(n) => Member::B(n * 2),
            Member::C(n) => Member::C(n * 2),
        });
        assert_eq!(held(&doubled), [Member::A(2), Member::B(4), Member::C(6)]);
    }
}
