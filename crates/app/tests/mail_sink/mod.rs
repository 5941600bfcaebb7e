//! A real SMTP server on loopback for the mail tests: it speaks enough of the protocol to
//! take messages, keeps what it received, and lets a test decide when the end of a
//! message's data is answered (a slow relay).
// Shared by several test binaries, each of which reads only part of what it keeps.
#![allow(dead_code)]

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A message the sink took.
#[derive(Clone, Debug)]
pub struct Received {
    /// The commands of the conversation, as sent.
    pub commands: Vec<String>,
    /// The address of `RCPT TO`.
    pub rcpt: String,
    /// The message as it was transmitted (dot-stuffing undone), lines ending in CRLF.
    pub data: String,
}

/// The end of a message's data, waiting for the relay's answer.
pub struct Arrival {
    pub rcpt: String,
    answer: oneshot::Sender<()>,
}

impl Arrival {
    /// Accepts the message: the sink records it and answers 250.
    pub fn accept(self) {
        let _ = self.answer.send(());
    }
}

/// What the sink does when a message's data is complete; it answers once `accept` is called.
pub type OnArrival = Arc<dyn Fn(Arrival) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// Everything the sink took.
pub type Inbox = Arc<Mutex<Vec<Received>>>;

/// Serves SMTP on the listener until the test ends; every message is accepted, at once or
/// when `on_arrival` says so.
pub fn serve(listener: TcpListener, on_arrival: Option<OnArrival>) -> Inbox {
    let inbox: Inbox = Arc::default();
    let kept = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(converse(stream, kept.clone(), on_arrival.clone()));
        }
    });
    inbox
}

async fn converse(stream: tokio::net::TcpStream, inbox: Inbox, on_arrival: Option<OnArrival>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let _ = write.write_all(b"220 sink ready\r\n").await;
    let mut commands = Vec::new();
    let mut rcpt = String::new();
    let mut data: Option<String> = None;
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(text) = data.as_mut() {
            if line != "." {
                text.push_str(line.strip_prefix('.').unwrap_or(&line));
                text.push_str("\r\n");
                continue;
            }
            let (answer, answered) = oneshot::channel();
            let arrival = Arrival {
                rcpt: rcpt.clone(),
                answer,
            };
            match &on_arrival {
                Some(hook) => {
                    tokio::spawn(hook(arrival));
                }
                None => arrival.accept(),
            }
            if answered.await.is_err() {
                return;
            }
            inbox.lock().unwrap().push(Received {
                commands: commands.clone(),
                rcpt: rcpt.clone(),
                data: data.take().unwrap_or_default(),
            });
            let _ = write.write_all(b"250 queued\r\n").await;
            continue;
        }
        commands.push(line.clone());
        let verb = line.split(' ').next().unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
            "RCPT" => {
                rcpt = line
                    .split_once('<')
                    .and_then(|(_, r)| r.split_once('>'))
                    .map(|(a, _)| a.to_string())
                    .unwrap_or_default();
                b"250 ok\r\n"
            }
            "DATA" => {
                data = Some(String::new());
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => b"250 ok\r\n",
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
