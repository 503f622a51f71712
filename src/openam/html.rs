//! The HTML escaping one maintained fork applies to `message`.

use std::borrow::Cow;

/// HTML unescaping of the five entities the escaping fork writes.
pub(super) fn unescape_html(text: &str) -> Cow<'_, str> {
    const ENTITIES: [(&str, char); 5] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
    ];
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let entity = ENTITIES
            .iter()
            .find_map(|(entity, ch)| tail.strip_prefix(entity).map(|after| (*ch, after)));
        if let Some((ch, after)) = entity {
            out.push(ch);
            rest = after;
        } else {
            out.push('&');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}
