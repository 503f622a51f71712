//! An example binary run as a process by a test: the ones that serve print
//! `listening on ADDRESS` on standard output when they are ready.

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::{Child, Command, Stdio};

/// A running example that serves on loopback.
pub struct Example {
    child: Child,
    /// The address it listens on.
    pub addr: String,
}

impl Example {
    /// Starts example `name` (built beside the tests) with `args`, and waits
    /// until it listens.
    pub fn start(name: &str, args: &[&str]) -> Self {
        let exe = std::env::current_exe().unwrap();
        let dir = exe.parent().unwrap().parent().unwrap().join("examples");
        let mut child = Command::new(dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("the {name} example is built with the tests: {e}"));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap()
            .to_owned();
        Self { child, addr }
    }

    /// `http://ADDRESS`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops it and returns what it wrote to standard error.
    pub fn stop(mut self) -> String {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        let mut log = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut log)
            .unwrap();
        log
    }
}
