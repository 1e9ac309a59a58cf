//! Ctrl-C, SIGTERM, SIGHUP and SIGQUIT while a file is being written (SPEC
//! §9): the temporary files of [`crate::atomic`] are removed and the command
//! exits 128 + the signal (130 for Ctrl-C, 143 for SIGTERM), so an interrupted
//! run leaves neither half a file nor a temporary one.
//!
//! The handler is a thread that waits for the signals (signal-hook's
//! iterator), so it may take locks and remove files, which a raw signal
//! handler may not. It is started when a command is given `-o` (before its
//! work) or by the first file written, so commands that print to stdout
//! keep the default behaviour.
//!
//! On Windows a console control handler does the same for Ctrl-C,
//! Ctrl-Break and a closed console window ([`crate::windows::on_interrupt`]).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// The temporary files that exist right now.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();

fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts the handler (once).
pub fn install() {
    INSTALL.call_once(|| {
        #[cfg(windows)]
        crate::windows::on_interrupt(remove_all);
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            {
                let spawned = std::thread::Builder::new()
                    .name("natverk-signals".into())
                    .stack_size(64 * 1024)
                    .spawn(move || {
                        if let Some(sig) = signals.forever().next() {
                            remove_all();
                            std::process::exit(128 + sig);
                        }
                    });
                // Without the thread the default action stays: the run
                // ends on a signal, as before (a temporary file may stay).
                drop(spawned);
            }
        }
    });
}

/// Runs `create` (which makes a temporary file and returns its path) with
/// the registry locked, and registers the path before a signal can look:
/// no window in which a file exists but is not known.
pub fn create_registered<T>(
    create: impl FnOnce() -> std::io::Result<(T, PathBuf)>,
) -> std::io::Result<T> {
    install();
    let mut list = temps();
    let (t, path) = create()?;
    list.push(path);
    Ok(t)
}

/// Forgets a temporary file (renamed into place, or removed).
pub fn unregister(path: &Path) {
    let mut list = temps();
    if let Some(i) = list.iter().position(|p| p == path) {
        list.swap_remove(i);
    }
}

/// Removes every temporary file still registered.
fn remove_all() {
    let mut list = temps();
    for p in list.drain(..) {
        let _ = std::fs::remove_file(&p);
    }
}
