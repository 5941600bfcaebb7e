//! The smallest ZIP writer that an XLSX file needs: entries deflated as they are written,
//! each followed by a data descriptor, then the central directory.
//!
//! Written here rather than taken from the `zip` crate, whose current versions need a newer
//! Rust than the workspace promises. Streaming is the point: an entry's compressed bytes go to
//! the output as soon as the compressor yields them, so memory does not grow with the entry.
//! Because the sizes and checksum are known only at the end of an entry, the local header
//! leaves them zero and flag bit 3 says they follow the data (APPNOTE 4.3.9), which Excel,
//! LibreOffice and every unzip accept. The output therefore needs no `Seek`.
//!
//! No ZIP64: a sheet larger than 4 GiB is refused, far beyond what Excel opens anyway.

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

use crate::ReportError;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const DATA_DESCRIPTOR: u32 = 0x0807_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// 2.0: the version that introduced DEFLATE.
const VERSION: u16 = 20;
/// Bit 3: sizes and CRC are in the data descriptor after the data.
const FLAGS: u16 = 1 << 3;
const DEFLATE: u16 = 8;
/// 1980-01-01 00:00, the earliest MS-DOS date: this crate has no clock, and a fixed time
/// makes the same input give the same bytes.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// An entry already written, as the central directory needs it.
#[derive(Debug)]
struct Done {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// The entry being written.
struct Open {
    name: String,
    offset: u32,
    crc: Crc,
    // Counted here: `Crc::amount` wraps at 4 GiB, which would hide an entry too large.
    size: u64,
    compressed: u64,
    // Compresses into its own small Vec, which is drained to the output after every write.
    encoder: DeflateEncoder<Vec<u8>>,
}

/// A ZIP archive written to `out`, one entry at a time.
pub(crate) struct Zip<W: Write> {
    out: W,
    written: u64,
    done: Vec<Done>,
    open: Option<Open>,
}

impl<W: Write> Zip<W> {
    pub(crate) fn new(out: W) -> Self {
        Self {
            out,
            written: 0,
            done: Vec::new(),
            open: None,
        }
    }

    /// Starts the entry `name` (ends the one being written, if any).
    pub(crate) fn start(&mut self, name: &str) -> Result<(), ReportError> {
        self.end()?;
        let offset = self.offset()?;
        let mut header = Vec::with_capacity(30 + name.len());
        put32(&mut header, LOCAL_HEADER);
        put16(&mut header, VERSION);
        put16(&mut header, FLAGS);
        put16(&mut header, DEFLATE);
        put16(&mut header, DOS_TIME);
        put16(&mut header, DOS_DATE);
        put32(&mut header, 0); // CRC, in the data descriptor
        put32(&mut header, 0); // compressed size, ditto
        put32(&mut header, 0); // size, ditto
        put16(&mut header, name_len(name)?);
        put16(&mut header, 0); // no extra field
        header.extend_from_slice(name.as_bytes());
        self.emit(&header)?;
        self.open = Some(Open {
            name: name.to_owned(),
            offset,
            crc: Crc::new(),
            size: 0,
            compressed: 0,
            encoder: DeflateEncoder::new(Vec::new(), Compression::default()),
        });
        Ok(())
    }

    /// Appends to the entry being written; nothing is written when none was started.
    pub(crate) fn write(&mut self, data: &[u8]) -> Result<(), ReportError> {
        let Some(open) = self.open.as_mut() else {
            return Ok(());
        };
        open.crc.update(data);
        open.size += data.len() as u64;
        open.encoder.write_all(data)?;
        let chunk = open.encoder.get_mut();
        open.compressed += chunk.len() as u64;
        self.out.write_all(chunk)?;
        self.written += chunk.len() as u64;
        chunk.clear();
        Ok(())
    }

    /// Ends the entry being written, if any: the rest of its compressed data and its data
    /// descriptor.
    pub(crate) fn end(&mut self) -> Result<(), ReportError> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let rest = open.encoder.finish()?;
        self.emit(&rest)?;
        let done = Done {
            name: open.name,
            crc: open.crc.sum(),
            compressed: fit32(open.compressed + rest.len() as u64)?,
            size: fit32(open.size)?,
            offset: open.offset,
        };
        let mut descriptor = Vec::with_capacity(16);
        put32(&mut descriptor, DATA_DESCRIPTOR);
        put32(&mut descriptor, done.crc);
        put32(&mut descriptor, done.compressed);
        put32(&mut descriptor, done.size);
        self.emit(&descriptor)?;
        self.done.push(done);
        Ok(())
    }

    /// Ends the archive with its central directory and hands back the output.
    pub(crate) fn finish(mut self) -> Result<W, ReportError> {
        self.end()?;
        let start = self.offset()?;
        let mut directory = Vec::new();
        for entry in &self.done {
            put32(&mut directory, CENTRAL_HEADER);
            put16(&mut directory, VERSION); // made by: MS-DOS attributes, version 2.0
            put16(&mut directory, VERSION);
            put16(&mut directory, FLAGS);
            put16(&mut directory, DEFLATE);
            put16(&mut directory, DOS_TIME);
            put16(&mut directory, DOS_DATE);
            put32(&mut directory, entry.crc);
            put32(&mut directory, entry.compressed);
            put32(&mut directory, entry.size);
            put16(&mut directory, name_len(&entry.name)?);
            put16(&mut directory, 0); // extra field
            put16(&mut directory, 0); // comment
            put16(&mut directory, 0); // disk number
            put16(&mut directory, 0); // internal attributes
            put32(&mut directory, 0); // external attributes
            put32(&mut directory, entry.offset);
            directory.extend_from_slice(entry.name.as_bytes());
        }
        let entries = u16::try_from(self.done.len()).map_err(|_| too_large("entries"))?;
        let mut end = Vec::with_capacity(22);
        put32(&mut end, END_OF_CENTRAL_DIRECTORY);
        put16(&mut end, 0); // this disk
        put16(&mut end, 0); // disk with the central directory
        put16(&mut end, entries);
        put16(&mut end, entries);
        put32(&mut end, fit32(directory.len() as u64)?);
        put32(&mut end, start);
        put16(&mut end, 0); // comment length
        self.emit(&directory)?;
        self.emit(&end)?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn emit(&mut self, bytes: &[u8]) -> Result<(), ReportError> {
        self.out.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Where the next byte goes, as the 32-bit offset the headers hold.
    fn offset(&self) -> Result<u32, ReportError> {
        fit32(self.written)
    }
}

fn put16(buf: &mut Vec<u8>, n: u16) {
    buf.extend_from_slice(&n.to_le_bytes());
}

fn put32(buf: &mut Vec<u8>, n: u32) {
    buf.extend_from_slice(&n.to_le_bytes());
}

fn name_len(name: &str) -> Result<u16, ReportError> {
    u16::try_from(name.len()).map_err(|_| too_large("entry name"))
}

fn fit32(n: u64) -> Result<u32, ReportError> {
    u32::try_from(n).map_err(|_| too_large("4 GiB"))
}

fn too_large(what: &str) -> ReportError {
    ReportError::TooLarge(format!("ZIP without ZIP64: {what}"))
}
