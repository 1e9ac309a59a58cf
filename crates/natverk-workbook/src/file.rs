//! Writing a file as SPEC §9 asks of every writer (the command line's
//! `-o`, Python's `to_excel`): the bytes go to a temporary file beside the
//! target, are flushed to disk and renamed over it, so a failed or
//! interrupted write never leaves half a file; the target must be a
//! regular file or a new name, and a symbolic link, a directory, a FIFO, a
//! device or a socket is refused and left untouched ([`target_kind`]),
//! before the work and again just before the rename.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What a target that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TargetKind {
    /// A symbolic link (never followed).
    Symlink,
    /// A directory.
    Directory,
    /// A FIFO (writing would block until a reader comes).
    Fifo,
    /// A device node.
    Device,
    /// A socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl TargetKind {
    /// In words (English).
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Symlink => "a symbolic link",
            TargetKind::Directory => "a directory",
            TargetKind::Fifo => "a FIFO",
            TargetKind::Device => "a device",
            TargetKind::Socket => "a socket",
            TargetKind::Other => "not a regular file",
        }
    }
}

/// What `path` is when it is neither a regular file nor a new name
/// (`Ok(None)`: it may be written).
///
/// # Errors
///
/// The operating system's error when the path cannot be examined.
pub fn target_kind(path: &Path) -> std::io::Result<Option<TargetKind>> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
        Ok(m) => m,
    };
    let t = meta.file_type();
    if t.is_file() {
        return Ok(None);
    }
    Ok(Some(kind(&t)))
}

#[cfg(unix)]
fn kind(t: &std::fs::FileType) -> TargetKind {
    use std::os::unix::fs::FileTypeExt;
    if t.is_symlink() {
        TargetKind::Symlink
    } else if t.is_dir() {
        TargetKind::Directory
    } else if t.is_fifo() {
        TargetKind::Fifo
    } else if t.is_char_device() || t.is_block_device() {
        TargetKind::Device
    } else if t.is_socket() {
        TargetKind::Socket
    } else {
        TargetKind::Other
    }
}

#[cfg(not(unix))]
fn kind(t: &std::fs::FileType) -> TargetKind {
    if t.is_symlink() {
        TargetKind::Symlink
    } else if t.is_dir() {
        TargetKind::Directory
    } else {
        TargetKind::Other
    }
}

/// Why [`write_atomic`] did not write.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The target is not a regular file or a new name: left untouched.
    #[error("{}: refusing to write to {}: give the name of a regular file", path.display(), kind.as_str())]
    Refused {
        /// The target.
        path: PathBuf,
        /// What it is.
        kind: TargetKind,
    },
    /// Writing failed (a full disk, no permission, …): the target is
    /// untouched and no temporary file is left.
    #[error("{}: {source}", path.display())]
    Io {
        /// The target.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

fn check(path: &Path) -> Result<(), WriteError> {
    match target_kind(path) {
        Ok(None) => Ok(()),
        Ok(Some(kind)) => Err(WriteError::Refused {
            path: path.to_path_buf(),
            kind,
        }),
        Err(source) => Err(WriteError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// A temporary file beside the target, removed when dropped unless kept.
struct Temp {
    path: PathBuf,
    file: Option<std::fs::File>,
}

impl Drop for Temp {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn temp_beside(target: &Path) -> std::io::Result<Temp> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let pid = std::process::id();
    loop {
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".natverk-{pid}-{n}.tmp"));
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        match o.open(&path) {
            Ok(file) => {
                return Ok(Temp {
                    path,
                    file: Some(file),
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1 << 20 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `bytes` to `path` atomically (a temporary file beside it,
/// synced, renamed over it), refusing a target that is not a regular file
/// or a new name. A new file gets the usual permissions (0644), a
/// replaced one keeps its own.
///
/// # Errors
///
/// [`WriteError::Refused`] for a symbolic link, a directory, a FIFO, a
/// device or a socket; [`WriteError::Io`] when writing fails. Either way
/// the target is as it was and no temporary file is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    check(path)?;
    let mut tmp = temp_beside(path).map_err(io)?;
    if let Some(f) = tmp.file.as_mut() {
        f.write_all(bytes).map_err(io)?;
        f.sync_all().map_err(io)?;
        set_permissions(f, path).map_err(io)?;
    }
    // The target may have changed while we wrote.
    check(path)?;
    std::fs::rename(&tmp.path, path).map_err(io)?;
    tmp.file = None; // renamed: nothing to remove
    Ok(())
}

/// Gives a temporary file the permissions of the file it replaces, or the
/// usual 0644 for a new file (a temporary file is private, 0600). Shared
/// with the command line's streaming `-o` writer.
#[cfg(unix)]
pub fn set_permissions(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let perms = match std::fs::metadata(target) {
        Ok(m) if m.is_file() => m.permissions(),
        _ => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(perms)
}

/// As on Unix; elsewhere the temporary file keeps what it was made with.
#[cfg(not(unix))]
pub fn set_permissions(_: &std::fs::File, _: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_and_refuses_and_leaves_no_temporary_file() {
        let d = tempfile::tempdir().unwrap();
        let t = d.path().join("w.xlsx");
        write_atomic(&t, b"one").unwrap();
        write_atomic(&t, b"two").unwrap();
        assert_eq!(std::fs::read(&t).unwrap(), b"two");
        assert_eq!(names(d.path()), ["w.xlsx"]);

        let real = d.path().join("real");
        std::fs::write(&real, b"keep").unwrap();
        let link = d.path().join("link.xlsx");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let e = write_atomic(&link, b"x").unwrap_err();
        assert!(
            matches!(
                e,
                WriteError::Refused {
                    kind: TargetKind::Symlink,
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"keep");

        let fifo = d.path().join("f.xlsx");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let e = write_atomic(&fifo, b"x").unwrap_err();
        assert!(
            matches!(
                e,
                WriteError::Refused {
                    kind: TargetKind::Fifo,
                    ..
                }
            ),
            "{e}"
        );
        let e = write_atomic(d.path(), b"x").unwrap_err();
        assert!(
            matches!(
                e,
                WriteError::Refused {
                    kind: TargetKind::Directory,
                    ..
                }
            ),
            "{e}"
        );
        let e = write_atomic(&d.path().join("no/such/dir.xlsx"), b"x").unwrap_err();
        assert!(matches!(e, WriteError::Io { .. }), "{e}");
        assert_eq!(names(d.path()), ["f.xlsx", "link.xlsx", "real", "w.xlsx"]);
    }
}
