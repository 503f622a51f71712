//! Zenlogin: numeric codes with detail templates, in a JSON:API error document.
