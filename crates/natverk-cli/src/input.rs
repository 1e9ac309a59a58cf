//! Reading an input file within the size limit (SPEC §9): the size of a
//! regular file is checked before a byte is read; a stream (a pipe,
//! `/dev/stdin`, a device) is read up to the limit plus one byte, so
//! `/dev/zero` is refused after the limit, never read forever.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use natverk::present::Message;

use crate::limits;
use crate::messages as m;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than the limit: a finding (exit 1).
    TooLarge {
        /// The file's size, when known (a regular file); a stream is only
        /// known to be larger.
        size: Option<u64>,
    },
    /// Missing, a directory, no permission, …: a usage error (exit 2).
    Io(Message),
}

impl ReadError {
    /// What to say: the limit and how to ask for less.
    pub fn message(&self, path: &Path) -> Message {
        match self {
            ReadError::TooLarge { size } => limits::too_large_input(path, *size),
            ReadError::Io(m) => m.clone(),
        }
    }
}

/// Reads the whole file, refusing one larger than `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |e: std::io::Error| {
        ReadError::Io(
            Message::new(&m::CANNOT_READ)
                .with("file", path.display())
                .arg("error", m::io_error(&e)),
        )
    };
    let is_directory =
        || ReadError::Io(Message::new(&m::IS_DIRECTORY).with("file", path.display()));
    // Windows refuses to open a directory ("access denied"): say what it is.
    let file = File::open(path).map_err(|e| match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => is_directory(),
        _ => io(e),
    })?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(is_directory());
    }
    let mut buf = Vec::new();
    if meta.is_file() {
        if meta.len() > limit {
            return Err(ReadError::TooLarge {
                size: Some(meta.len()),
            });
        }
        // The size is known: one allocation. The file may still grow
        // while it is read; `take` keeps the limit.
        buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    }
    let over = if meta.is_file() {
        // Straight into the buffer of the file's size (no blocks to copy
        // and free: the blocks are for streams, whose size is unknown).
        let mut r = file.take(limit.saturating_add(1));
        r.read_to_end(&mut buf).map_err(io)?;
        buf.len() as u64 > limit
    } else {
        read_stream(file, limit, &mut buf).map_err(io)?
    };
    if over || buf.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: meta.is_file().then_some(buf.len() as u64),
        });
    }
    Ok(buf)
}

/// Reads at most `limit + 1` bytes of a stream (a pipe, a device) into
/// `buf`. The bytes are kept in blocks of 1 MiB while they arrive and
/// joined once at the end, each block freed as it is copied: a stream over
/// the limit costs the limit in memory, and one within it its own size
/// plus a block (growing one buffer by doubling would copy, and briefly
/// hold one and a half times the input). Returns whether the stream is
/// longer than `limit` (then `buf` is left empty).
fn read_stream(file: File, limit: u64, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    const BLOCK: usize = 1 << 20;
    let mut r = file.take(limit.saturating_add(1));
    let mut blocks: Vec<Vec<u8>> = Vec::new();
    let mut block = vec![0u8; 64 * 1024];
    let mut filled = 0;
    loop {
        if filled == block.len() {
            let full = std::mem::replace(&mut block, vec![0u8; BLOCK]);
            blocks.push(full);
            filled = 0;
        }
        match r.read(&mut block[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    block.truncate(filled);
    blocks.push(block);
    let total: usize = blocks.iter().map(Vec::len).sum();
    if total as u64 > limit {
        return Ok(true);
    }
    if buf.is_empty() && blocks.len() == 1 {
        *buf = blocks.pop().unwrap_or_default();
        return Ok(false);
    }
    buf.reserve_exact(total);
    for b in blocks {
        buf.extend_from_slice(&b);
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.json");
        let f = File::create(&p).unwrap();
        // Sparse: no byte is written, the size is what counts.
        f.set_len(10_000).unwrap();
        match read_limited(&p, 9_999) {
            Err(ReadError::TooLarge { size: Some(10_000) }) => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(read_limited(&p, 10_000).unwrap().len(), 10_000);
    }

    #[cfg(unix)]
    #[test]
    fn a_stream_is_read_to_the_limit_only() {
        match read_limited(Path::new("/dev/zero"), 100_000) {
            Err(ReadError::TooLarge { size: None }) => {}
            other => panic!("{other:?}"),
        }
        assert!(read_limited(Path::new("/dev/null"), 10).unwrap().is_empty());
    }

    #[test]
    fn a_directory_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(ReadError::Io(m)) if m.contains("directory")
        ));
    }
}
