//! Writing a file so an interrupted run never leaves half of it (SPEC §9):
//! the output streams into a temporary file in the same directory, which is
//! flushed to disk and then renamed over the target (a rename within one
//! file system is atomic). A signal removes the temporary file
//! ([`crate::signal`]).
//!
//! The target must be a regular file or a new name: a symbolic link, a
//! directory, a device node, a FIFO or a socket is refused and left
//! untouched ([`check_target`]), before any work and again just before the
//! rename.

use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use natverk::present::{Arg, Message};
use tempfile::NamedTempFile;

use crate::messages as m;

/// `cannot write FILE: ERROR`.
fn cannot_write(path: &Path, e: &std::io::Error) -> Message {
    Message::new(&m::CANNOT_WRITE)
        .with("file", path.display())
        .arg("error", m::io_error(e))
}

/// Refuses a target that is not a regular file or a new name (the rule is
/// [`natverk_workbook::file::target_kind`], shared with Python's writers).
pub fn check_target(path: &Path) -> Result<(), Message> {
    use natverk_workbook::file::TargetKind as K;
    if path.as_os_str().is_empty() {
        return Err(Message::new(&m::NEEDS_NAME));
    }
    let what = match natverk_workbook::file::target_kind(path) {
        _ if cfg!(windows) && crate::windows::is_reserved_device(path) => &m::KIND_DEVICE,
        Err(e) => return Err(cannot_write(path, &e)),
        Ok(None) => return Ok(()),
        Ok(Some(K::Symlink)) => &m::KIND_SYMLINK,
        Ok(Some(K::Directory)) => &m::KIND_DIRECTORY,
        Ok(Some(K::Fifo)) => &m::KIND_FIFO,
        Ok(Some(K::Device)) => &m::KIND_DEVICE,
        Ok(Some(K::Socket)) => &m::KIND_SOCKET,
        Ok(Some(_)) => &m::KIND_OTHER,
    };
    Err(Message::new(&m::REFUSE_TARGET)
        .with("file", path.display())
        .arg("what", Arg::Message(Box::new(Message::new(what)))))
}

/// A file being written: a temporary file beside the target until
/// [`AtomicFile::commit`]; dropped without it, the temporary file is removed.
pub struct AtomicFile {
    out: Option<BufWriter<NamedTempFile>>,
    tmp_path: PathBuf,
    target: PathBuf,
}

impl AtomicFile {
    /// Checks the target and creates the temporary file beside it.
    pub fn create(target: &Path) -> Result<AtomicFile, Message> {
        check_target(target)?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let tmp = crate::signal::create_registered(|| {
            let t = tempfile::Builder::new()
                .prefix(".natverk-")
                .suffix(".tmp")
                .tempfile_in(dir)?;
            let p = t.path().to_path_buf();
            Ok((t, p))
        })
        .map_err(|e| cannot_write(target, &e))?;
        Ok(AtomicFile {
            tmp_path: tmp.path().to_path_buf(),
            out: Some(BufWriter::with_capacity(256 * 1024, tmp)),
            target: target.to_path_buf(),
        })
    }

    /// The directory the file is written in.
    pub fn dir(&self) -> &Path {
        self.tmp_path.parent().unwrap_or(Path::new("."))
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(mut self) -> Result<(), Message> {
        let target = self.target.clone();
        let err = |e: &std::io::Error| cannot_write(&target, e);
        let Some(out) = self.out.take() else {
            return Err(Message::new(&m::CANNOT_WRITE)
                .with("file", target.display())
                .arg(
                    "error",
                    Arg::Message(Box::new(Message::new(&m::ALREADY_WRITTEN))),
                ));
        };
        let tmp = out.into_inner().map_err(|e| err(e.error()))?;
        tmp.as_file().sync_all().map_err(|e| err(&e))?;
        set_permissions(tmp.as_file(), &self.target).map_err(|e| err(&e))?;
        // The target may have changed while we worked.
        check_target(&self.target)?;
        tmp.persist(&self.target).map_err(|e| err(&e.error))?;
        crate::signal::unregister(&self.tmp_path);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.out {
            Some(o) => o.write(buf),
            None => Err(std::io::Error::other("already written")),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.out {
            Some(o) => o.write_all(buf),
            None => Err(std::io::Error::other("already written")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.out {
            Some(o) => o.flush(),
            None => Ok(()),
        }
    }
}

impl Seek for AtomicFile {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        match &mut self.out {
            Some(o) => o.seek(pos),
            None => Err(std::io::Error::other("already written")),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            // Not committed: the temporary file goes (NamedTempFile's drop).
            crate::signal::unregister(&self.tmp_path);
        }
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Message> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|e| cannot_write(path, &e))?;
    f.commit()
}

// A temporary file is private (0600); the result gets the permissions of
// the file it replaces, or the usual 0644 for a new file (one function
// with Python's `to_excel` writer).
use natverk_workbook::file::set_permissions;

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir.path()), [std::ffi::OsString::from("out.json")]);
    }

    #[test]
    fn an_unfinished_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn fails_in_a_missing_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("out.json");
        assert!(write(&path, b"x").is_err());
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_directories_and_devices_and_leaves_them() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, b"keep").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let e = write(&link, b"x").unwrap_err();
        assert!(e.contains("symbolic link"), "{e}");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"keep");
        let e = write(dir.path(), b"x").unwrap_err();
        assert!(e.contains("directory"), "{e}");
        let e = write(Path::new("/dev/null"), b"x").unwrap_err();
        assert!(e.contains("device"), "{e}");
        assert_eq!(names(dir.path()).len(), 2);
    }
}
