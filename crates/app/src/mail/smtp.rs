//! Just enough SMTP to hand a plain-text message to a relay (RFC 5321): greeting, EHLO,
//! MAIL, RCPT, DATA with dot-stuffing, QUIT. Every step has a timeout.

use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// Why a message could not be handed over.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    #[error("mail server: {0}")]
    Io(#[from] std::io::Error),
    #[error("mail server did not answer in time")]
    Timeout,
    #[error("mail server refused: {0}")]
    Refused(String),
    #[error("address not allowed: {0}")]
    BadAddress(String),
}

const STEP: Duration = Duration::from_secs(15);

fn plain_address(a: &str) -> Result<&str, SmtpError> {
    let ok = !a.is_empty()
        && a.contains('@')
        && !a
            .chars()
            .any(|c| c.is_control() || c == '<' || c == '>' || c == ' ');
    if ok {
        Ok(a)
    } else {
        Err(SmtpError::BadAddress(a.chars().take(80).collect()))
    }
}

async fn reply(
    reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    expect: char,
) -> Result<(), SmtpError> {
    loop {
        let mut line = String::new();
        let n = timeout(STEP, reader.read_line(&mut line))
            .await
            .map_err(|_| SmtpError::Timeout)??;
        if n == 0 {
            return Err(SmtpError::Refused("connection closed".into()));
        }
        // Multi-line replies continue with a dash after the code.
        if line.len() >= 4 && line.as_bytes()[3] == b'-' {
            continue;
        }
        return if line.starts_with(expect) {
            Ok(())
        } else {
            Err(SmtpError::Refused(
                line.trim_end().chars().take(200).collect(),
            ))
        };
    }
}

/// Sends one message.
pub async fn send(
    server: &str,
    from: &str,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), SmtpError> {
    let from = plain_address(from)?;
    let to = plain_address(to)?;
    let stream = timeout(STEP, TcpStream::connect(server))
        .await
        .map_err(|_| SmtpError::Timeout)??;
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    reply(&mut reader, '2').await?;
    for (command, expect) in [
        ("EHLO spona\r\n".to_string(), '2'),
        (format!("MAIL FROM:<{from}>\r\n"), '2'),
        (format!("RCPT TO:<{to}>\r\n"), '2'),
        ("DATA\r\n".to_string(), '3'),
    ] {
        timeout(STEP, write.write_all(command.as_bytes()))
            .await
            .map_err(|_| SmtpError::Timeout)??;
        reply(&mut reader, expect).await?;
    }
    let mut data = format!(
        "From: <{from}>\r\nTo: <{to}>\r\nSubject: =?UTF-8?B?{}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        base64_utf8(subject)
    );
    for line in body.split("\r\n") {
        // Dot-stuffing: a line that starts with a dot gets another.
        if line.starts_with('.') {
            data.push('.');
        }
        data.push_str(line);
        data.push_str("\r\n");
    }
    data.push_str(".\r\n");
    timeout(STEP, write.write_all(data.as_bytes()))
        .await
        .map_err(|_| SmtpError::Timeout)??;
    reply(&mut reader, '2').await?;
    let _ = timeout(STEP, write.write_all(b"QUIT\r\n")).await;
    Ok(())
}

fn base64_utf8(text: &str) -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    STANDARD.encode(text.as_bytes())
}
