//! The process's log, kept to be read back: for the test binaries that check what is (and
//! is not) logged. Each such test is a binary of its own, so that the subscriber can be the
//! whole process's and no other test's threads write to it.

use std::sync::{Arc, Mutex};
use tracing_subscriber::util::SubscriberInitExt;

/// What the process has logged so far.
#[derive(Clone, Default)]
pub struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl CapturedLog {
    /// Everything logged, as text.
    pub fn text(&self) -> String {
        match self.0.lock() {
            Ok(v) => String::from_utf8_lossy(&v).into_owned(),
            Err(_) => String::new(),
        }
    }
}

/// Makes the process's log one that keeps every line; panics if a subscriber is already set.
pub fn capture_logs() -> CapturedLog {
    let captured = CapturedLog::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish()
        .try_init()
        .expect("the only subscriber of this process");
    captured
}
