//! The verdict on every stored answer: each file of the corpus of real
//! bodies (`{"source": …, "http_status": N | null, "body": …}`) under the
//! given folders, or under `tests/data` by default, one log line each.
//!
//! ```sh
//! cargo run --example classify                 # the crate's own corpus
//! cargo run --example classify -- ../vectors   # another folder of bodies
//! ```

use std::path::{Path, PathBuf};

use sso_errors::Verdict;

/// One stored answer: the status it came with (400 where none is known)
/// and its body.
#[derive(serde::Deserialize)]
struct Stored {
    http_status: Option<u16>,
    body: Box<serde_json::value::RawValue>,
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        roots.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"));
    }
    let mut paths = Vec::new();
    for root in &roots {
        files(root, &mut paths)?;
    }
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        // Files in another shape (the JSON:API fixtures) are not stored answers.
        let Ok(stored) = serde_json::from_str::<Stored>(&text) else {
            continue;
        };
        let verdict = Verdict::of(
            stored.http_status.unwrap_or(400),
            stored.body.get().as_bytes(),
        );
        println!("{}: {verdict}", path.display());
    }
    Ok(())
}
