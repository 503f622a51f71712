//! Received text on its way to a terminal or a log: escaped, so that it
//! cannot add a line or reorder one, and bounded.

use core::fmt;
#[cfg(feature = "std")]
use core::fmt::Write as _;

/// The most bytes the `Display` or the `Debug` of a body, a reply, an
/// error or a problem document of this crate writes, whatever the input:
/// longer output is cut and ends with `…`. Control characters and the
/// characters that reorder text (bidirectional overrides and isolates)
/// never appear raw in it, nor the line and paragraph separators (U+2028,
/// U+2029); they are written as `\u{…}` escapes. The one
/// exception is pretty `{:#?}` output, which keeps its own line breaks (the
/// text inside it has its line breaks escaped).
///
/// ```
/// use sso_errors::{DISPLAY_MAX, zenlogin::ErrorDocument};
///
/// let many = format!(r#"{{"errors":[{}]}}"#, vec![r#"{"code":"3003"}"#; 10_000].join(","));
/// let document = ErrorDocument::parse(many.as_bytes())?;
/// assert!(document.to_string().len() <= DISPLAY_MAX);
/// assert!(format!("{document:?}").len() <= DISPLAY_MAX);
/// # Ok::<(), sso_errors::Error>(())
/// ```
pub const DISPLAY_MAX: usize = 4096;

/// Writes `text` with every control character (U+0085 among them), the
/// quote, the backslash, the characters that reorder text (bidirectional
/// overrides and isolates) and the Unicode line and paragraph separators
/// escaped, so that a message holding it stays on one line and reads as it
/// is stored.
pub(crate) fn write_escaped(f: &mut impl fmt::Write, text: &str) -> fmt::Result {
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if c.is_control() || is_reordering_or_break(c) => {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            }
            c => f.write_char(c)?,
        }
    }
    Ok(())
}

/// The longest prefix of `text` that is at most `max` bytes and ends at a
/// character boundary, as its length: where every cut of received text
/// falls.
pub(crate) fn cut_len(text: &str, max: usize) -> usize {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// A received code no catalog holds, in a line the crate writes: only its
/// length (`unknown code of 7 bytes`), since it may be anything (a token
/// sent where a code belongs).
#[cfg(feature = "std")]
pub(crate) struct Withheld(pub(crate) usize);

#[cfg(feature = "std")]
impl fmt::Display for Withheld {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown code of {} bytes", self.0)
    }
}

/// The most bytes of received text a body's `Display` writes per member.
#[cfg(feature = "std")]
pub(crate) const MAX_DISPLAYED: usize = 256;

/// Received text in a log line: escaped as by [`write_escaped`] and cut
/// after [`MAX_DISPLAYED`] bytes, with the full length when cut.
#[cfg(feature = "std")]
pub(crate) struct Bounded<'s>(pub(crate) &'s str);

#[cfg(feature = "std")]
impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, rest) = self.0.split_at(cut_len(self.0, MAX_DISPLAYED));
        write_escaped(f, head)?;
        if !rest.is_empty() {
            write!(f, "… ({} bytes in all)", self.0.len())?;
        }
        Ok(())
    }
}

/// The characters, beside the control characters, that a terminal or a log
/// viewer acts on: those that change the direction of the text around them,
/// and the line and paragraph separators (U+2028, U+2029), which some
/// viewers break lines at.
pub(crate) const fn is_reordering_or_break(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

#[cfg(feature = "std")]
/// The mark at the end of cut output.
const CUT: &str = "…";

#[cfg(feature = "std")]
/// A writer that passes at most [`DISPLAY_MAX`] bytes on, ending cut output
/// with `…`, and escapes the characters a terminal or a log would act on.
struct Capped<'f, 'g> {
    out: &'f mut fmt::Formatter<'g>,
    /// Bytes that may still be written, less the cut mark.
    left: usize,
    cut: bool,
    /// Whether `\n` passes (the line breaks of pretty `{:#?}` output; text
    /// reaching `Debug` has its own line breaks escaped already).
    newlines: bool,
}

#[cfg(feature = "std")]
impl Capped<'_, '_> {
    fn put(&mut self, text: &str) -> fmt::Result {
        if text.len() <= self.left {
            self.left -= text.len();
            return self.out.write_str(text);
        }
        self.cut = true;
        let end = cut_len(text, self.left);
        self.out.write_str(text.get(..end).unwrap_or_default())?;
        self.out.write_str(CUT)
    }

    fn escapes(&self, c: char) -> bool {
        (c.is_control() && !(self.newlines && c == '\n')) || is_reordering_or_break(c)
    }
}

#[cfg(feature = "std")]
impl fmt::Write for Capped<'_, '_> {
    fn write_str(&mut self, mut text: &str) -> fmt::Result {
        while !text.is_empty() && !self.cut {
            let plain = text.find(|c| self.escapes(c)).unwrap_or(text.len());
            let (head, tail) = text.split_at(plain);
            self.put(head)?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                if self.cut {
                    break;
                }
                let escape = c.escape_unicode();
                if escape.len() > self.left {
                    self.cut = true;
                    self.out.write_str(CUT)?;
                } else {
                    for e in escape {
                        self.left -= e.len_utf8();
                        self.out.write_char(e)?;
                    }
                }
            }
            text = chars.as_str();
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
/// Writes `args` to `f` through the cap: escaped and at most
/// [`DISPLAY_MAX`] bytes.
pub(crate) fn capped(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>) -> fmt::Result {
    let newlines = f.alternate();
    Capped {
        out: f,
        left: DISPLAY_MAX - CUT.len(),
        cut: false,
        newlines,
    }
    .write_fmt(args)
}

#[cfg(feature = "std")]
/// A value's log line: what its `Display` writes before the cap. Implement
/// this instead of `Display`, and declare the `Display` with
/// [`log_line!`].
pub(crate) trait LogLine {
    fn line(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

#[cfg(feature = "std")]
/// Shows a [`LogLine`] uncapped, for the cap to write.
pub(crate) struct Line<'a, T: ?Sized>(pub(crate) &'a T);

#[cfg(feature = "std")]
impl<T: LogLine + ?Sized> fmt::Display for Line<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.line(f)
    }
}

/// `Display` for [`LogLine`] types: the line, escaped and capped at
/// [`DISPLAY_MAX`] bytes.
macro_rules! log_line {
    ($($(#[$meta:meta])* $T:ty;)+) => {$(
        $(#[$meta])*
        impl core::fmt::Display for $T {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                $crate::text::capped(f, format_args!("{}", $crate::text::Line(self)))
            }
        }
    )+};
}

#[cfg(feature = "std")]
/// `Debug` through the cap: `fields` is the uncapped `Debug`.
pub(crate) fn capped_debug(f: &mut fmt::Formatter<'_>, fields: &dyn fmt::Debug) -> fmt::Result {
    if f.alternate() {
        capped(f, format_args!("{fields:#?}"))
    } else {
        capped(f, format_args!("{fields:?}"))
    }
}

/// Serde for a type named by a stable identifier: written as its `id()`,
/// read through `$read: fn(&str) -> Result<Self, impl Display>`.
macro_rules! serde_as_id {
    ($T:ty, $what:literal, $read:expr) => {
        #[doc = concat!("Writes the ", $what, "'s [`id`](", stringify!($T), "::id).")]
        #[cfg(feature = "std")]
        impl serde::Serialize for $T {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        #[doc = concat!("Reads a ", $what, "'s [`id`](", stringify!($T), "::id).")]
        #[cfg(feature = "std")]
        impl<'de> serde::Deserialize<'de> for $T {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = $crate::body::CowStr::deserialize(deserializer)?;
                let read: fn(&str) -> Result<Self, _> = $read;
                read(&id.0).map_err(serde::de::Error::custom)
            }
        }
    };
}

#[cfg(feature = "std")]
/// `Debug` for a struct, field by field, through the cap.
macro_rules! capped_debug {
    ($(#[$meta:meta])* [$($generics:tt)*] $T:ty => $name:literal { $($field:ident),+ $(,)? }) => {
        $(#[$meta])*
        impl<$($generics)*> core::fmt::Debug for $T {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                $crate::text::capped_debug(
                    f,
                    &$crate::text::DebugWith(|f: &mut core::fmt::Formatter<'_>| {
                        f.debug_struct($name)
                            $(.field(stringify!($field), &self.$field))+
                            .finish()
                    }),
                )
            }
        }
    };
}

#[cfg(feature = "std")]
/// A `Debug` written by a closure: the uncapped `Debug` that
/// [`capped_debug`] caps.
pub(crate) struct DebugWith<F>(pub(crate) F);

#[cfg(feature = "std")]
impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Debug for DebugWith<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    struct Show(&'static str, usize);

    impl fmt::Display for Show {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let text = self.0.repeat(self.1);
            capped(f, format_args!("{text}"))
        }
    }

    #[test]
    fn output_is_cut_escaped_and_bounded() {
        let long = Show("é", DISPLAY_MAX).to_string();
        assert!(long.len() <= DISPLAY_MAX && long.ends_with('…'));
        assert_eq!(
            Show("a\u{1b}[2J\r\n\u{202e}", 1).to_string(),
            "a\\u{1b}[2J\\u{d}\\u{a}\\u{202e}"
        );
        let escapes = Show("\u{202e}", DISPLAY_MAX).to_string();
        assert!(escapes.len() <= DISPLAY_MAX && !escapes.contains('\u{202e}'));
        assert_eq!(Show("short", 1).to_string(), "short");
    }

    /// Any text, through the cap.
    struct Text(String);

    impl fmt::Display for Text {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            capped(f, format_args!("{}", self.0))
        }
    }

    fn a(n: usize) -> String {
        "a".repeat(n)
    }

    #[test]
    fn pretty_output_keeps_its_line_breaks_only() {
        assert_eq!(
            format!("{:#}", Text("a\nb\u{1b}\r".into())),
            "a\nb\\u{1b}\\u{d}"
        );
        assert_eq!(Text("a\nb".into()).to_string(), "a\\u{a}b");
    }

    #[test]
    fn output_is_cut_to_exactly_the_bound() {
        // The cut mark fills the bound.
        let cut = Text(a(2 * DISPLAY_MAX)).to_string();
        assert_eq!(cut, format!("{}{CUT}", a(DISPLAY_MAX - CUT.len())));
        assert_eq!(cut.len(), DISPLAY_MAX);
        // The longest text that is not cut.
        let room = DISPLAY_MAX - CUT.len();
        assert_eq!(Text(a(room)).to_string(), a(room));
        // A character across the cut goes whole.
        let across = Text(format!("{}é{}", a(room - 1), a(10))).to_string();
        assert_eq!(across, format!("{}{CUT}", a(room - 1)));
        // An escape that just fits is written; one byte more and it is cut.
        let escape = "\\u{1b}";
        let fits = Text(format!("{}\u{1b}", a(room - escape.len()))).to_string();
        assert_eq!(fits, format!("{}{escape}", a(room - escape.len())));
        let over = Text(format!("{}\u{1b}", a(room - escape.len() + 1))).to_string();
        assert_eq!(over, format!("{}{CUT}", a(room - escape.len() + 1)));
    }
}
