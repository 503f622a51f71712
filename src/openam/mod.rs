//! OpenAM / OpenSSO: HTTP status codes in the CREST error body.
