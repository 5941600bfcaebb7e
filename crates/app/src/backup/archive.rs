//! The archive inside the envelope: JSON lines, gzip-compressed. The first line is the
//! manifest; then, for each table, a line naming it and its columns, followed by one line per
//! row (a JSON array of integers, strings and nulls, the same from either engine); the last
//! line holds the SHA-256 of every line before it. Lines are written and read one at a time,
//! so neither side holds more than a batch of rows.

use super::manifest::{Manifest, FORMAT};
use super::BackupError;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::de::{self, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};
use spona_crypto::archive::{self, Lock, Unlock};
use spona_store::backup::{Row, Value};
use std::io::{BufRead, BufReader, Read, Write};

/// Rows handed over at a time, and the bytes after which a batch is handed over anyway (a
/// table of attachments has few rows, each large).
const BATCH_ROWS: usize = 500;
const BATCH_BYTES: usize = 4 << 20;

/// What the archive holds, in the order it holds it.
#[derive(Debug)]
pub(crate) enum Record {
    Manifest(Box<Manifest>),
    Table { name: String, columns: Vec<String> },
    Rows(Vec<Row>),
    End,
}

/// The lines that are not rows: `{"manifest": …}`, `{"table": …}`, `{"end": …}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Manifest(Box<Manifest>),
    Table(TableLine),
    End(EndLine),
}

#[derive(Serialize, Deserialize)]
struct TableLine {
    name: String,
    columns: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct EndLine {
    sha256: String,
}

/// Lines being put together on the database's side, handed to the writer in batches.
#[derive(Default)]
pub(crate) struct Lines {
    buf: Vec<u8>,
}

impl Lines {
    /// Adds the manifest line.
    pub(crate) fn manifest(&mut self, m: Manifest) -> Result<(), BackupError> {
        self.line(&Line::Manifest(Box::new(m)))
    }

    /// Adds the line that starts a table's rows.
    pub(crate) fn table(&mut self, name: &str, columns: Vec<String>) -> Result<(), BackupError> {
        self.line(&Line::Table(TableLine {
            name: name.to_string(),
            columns,
        }))
    }

    /// Adds a row.
    pub(crate) fn row(&mut self, row: &[Value]) -> Result<(), BackupError> {
        serde_json::to_writer(&mut self.buf, &WireRow(row)).map_err(json_error)?;
        self.buf.push(b'\n');
        Ok(())
    }

    /// Whether enough is gathered to hand over.
    pub(crate) fn is_full(&self) -> bool {
        self.buf.len() >= 256 << 10
    }

    /// The gathered bytes, leaving the buffer empty.
    pub(crate) fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }

    fn line(&mut self, line: &Line) -> Result<(), BackupError> {
        serde_json::to_writer(&mut self.buf, line).map_err(json_error)?;
        self.buf.push(b'\n');
        Ok(())
    }
}

fn json_error(e: serde_json::Error) -> BackupError {
    BackupError::Io(std::io::Error::other(e))
}

/// The writing end: hashes the lines and writes them compressed into the envelope.
pub(crate) struct Sink<W: Write> {
    hasher: Sha256,
    out: GzEncoder<archive::SealedWriter<W>>,
}

impl<W: Write> Sink<W> {
    /// Starts the envelope (its header goes out now) and the compression inside it.
    pub(crate) fn new(lock: &Lock, out: W) -> Result<Sink<W>, BackupError> {
        let sealed = archive::seal(lock, out)?;
        Ok(Sink {
            hasher: Sha256::new(),
            out: GzEncoder::new(sealed, flate2::Compression::fast()),
        })
    }

    /// Writes whole lines.
    pub(crate) fn write(&mut self, lines: &[u8]) -> Result<(), BackupError> {
        self.hasher.update(lines);
        self.out.write_all(lines)?;
        Ok(())
    }

    /// Writes the closing line and the envelope's last chunk; only now does the file read
    /// as complete.
    pub(crate) fn finish(mut self) -> Result<W, BackupError> {
        let end = Line::End(EndLine {
            sha256: hex::encode(self.hasher.finalize_reset()),
        });
        let mut line = serde_json::to_vec(&end).map_err(json_error)?;
        line.push(b'\n');
        self.out.write_all(&line)?;
        let sealed = self.out.finish()?;
        let mut out = sealed.finish()?;
        out.flush()?;
        Ok(out)
    }
}

type Opened<R> = BufReader<GzDecoder<archive::OpenedReader<R>>>;

/// The reading end: opens the envelope and reads the records back, checking the sum.
pub(crate) struct Source<R: Read> {
    lines: Opened<R>,
    hasher: Sha256,
    /// A line read ahead (the one that ended a batch of rows).
    pending: Option<Vec<u8>>,
    ended: bool,
}

impl<R: Read> Source<R> {
    /// Opens the envelope: a wrong passphrase or identity, or a file that is not a backup, is
    /// refused here.
    pub(crate) fn open(unlock: &Unlock, input: R) -> Result<Source<R>, BackupError> {
        let opened = archive::open(unlock, input)?;
        Ok(Source {
            lines: BufReader::with_capacity(256 << 10, GzDecoder::new(opened)),
            hasher: Sha256::new(),
            pending: None,
            ended: false,
        })
    }

    /// The next record; rows come in batches.
    pub(crate) fn next_record(&mut self) -> Result<Record, BackupError> {
        if self.ended {
            return Ok(Record::End);
        }
        let line = match self.pending.take() {
            Some(line) => line,
            None => self
                .read_line()?
                .ok_or_else(|| damaged("it ends before its closing line"))?,
        };
        if line.first() == Some(&b'[') {
            let mut rows = vec![parse_row(&line)?];
            let mut bytes = line.len();
            self.hasher.update(&line);
            while rows.len() < BATCH_ROWS && bytes < BATCH_BYTES {
                match self.read_line()? {
                    Some(next) if next.first() == Some(&b'[') => {
                        bytes += next.len();
                        rows.push(parse_row(&next)?);
                        self.hasher.update(&next);
                    }
                    Some(next) => {
                        self.pending = Some(next);
                        break;
                    }
                    None => break,
                }
            }
            return Ok(Record::Rows(rows));
        }
        let parsed: Line = serde_json::from_slice(&line)
            .map_err(|e| damaged(&format!("a line does not read: {e}")))?;
        match parsed {
            Line::Manifest(m) => {
                self.hasher.update(&line);
                if m.format > FORMAT {
                    return Err(BackupError::NewerFormat(m.format));
                }
                Ok(Record::Manifest(m))
            }
            Line::Table(t) => {
                self.hasher.update(&line);
                Ok(Record::Table {
                    name: t.name,
                    columns: t.columns,
                })
            }
            Line::End(end) => {
                let sum = hex::encode(self.hasher.finalize_reset());
                if sum != end.sha256 {
                    return Err(damaged("its checksum does not match"));
                }
                if self.read_line()?.is_some() {
                    return Err(damaged("data follows its closing line"));
                }
                self.ended = true;
                Ok(Record::End)
            }
        }
    }

    /// The next line with its line break, or None at the end.
    fn read_line(&mut self) -> Result<Option<Vec<u8>>, BackupError> {
        let mut line = Vec::new();
        let n = self
            .lines
            .read_until(b'\n', &mut line)
            .map_err(read_error)?;
        if n == 0 {
            return Ok(None);
        }
        if line.last() != Some(&b'\n') {
            return Err(damaged("its last line is cut short"));
        }
        Ok(Some(line))
    }
}

/// An error while reading the opened stream: the envelope's authentication failing or the
/// compression not decoding means damage; anything else is the disk's.
fn read_error(e: std::io::Error) -> BackupError {
    if archive::is_damage(&e) || e.kind() == std::io::ErrorKind::InvalidInput {
        damaged(&e.to_string())
    } else {
        BackupError::Io(e)
    }
}

fn damaged(why: &str) -> BackupError {
    BackupError::Damaged(why.to_string())
}

fn parse_row(line: &[u8]) -> Result<Row, BackupError> {
    let values: Vec<WireValue> =
        serde_json::from_slice(line).map_err(|e| damaged(&format!("a row does not read: {e}")))?;
    Ok(values.into_iter().map(|v| v.0).collect())
}

/// A row as a JSON array.
struct WireRow<'a>(&'a [Value]);

impl Serialize for WireRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(WireRef))
    }
}

/// One value as JSON, written without copying (an attachment's text can be megabytes).
struct WireRef<'a>(&'a Value);

impl Serialize for WireRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_none(),
            Value::Integer(i) => s.serialize_i64(*i),
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// A value read from a row: an integer, a string or null, and nothing else.
struct WireValue(Value);

impl<'de> Deserialize<'de> for WireValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Expect;
        impl Visitor<'_> for Expect {
            type Value = WireValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an integer, a string or null")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<WireValue, E> {
                Ok(WireValue(Value::Integer(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<WireValue, E> {
                i64::try_from(v)
                    .map(|v| WireValue(Value::Integer(v)))
                    .map_err(|_| E::custom("an integer out of range"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<WireValue, E> {
                Ok(WireValue(Value::Text(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<WireValue, E> {
                Ok(WireValue(Value::Text(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<WireValue, E> {
                Ok(WireValue(Value::Null))
            }
        }
        d.deserialize_any(Expect)
    }
}
