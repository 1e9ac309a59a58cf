//! What the command line does differently on Windows (SPEC §11, §16): the
//! reserved device names refused as targets, Ctrl-C while a file is being
//! written, and the language when no locale variable is set.
//!
//! The rules are plain functions, compiled and tested on every platform;
//! only the calls into Windows are `cfg(windows)`. The console needs
//! nothing: Rust's standard output writes to a Windows console in UTF-16
//! (so å, ä, ö show whatever the code page), and to a pipe or file the
//! same UTF-8 bytes as on Unix.

use std::ffi::OsStr;
use std::path::Path;

use natverk::Lang;

/// The device names Windows reserves in every directory, with or without
/// an extension (`NUL`, `nul.txt`, `COM1.json` are all the device).
const DEVICES: [&str; 6] = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];

/// Whether the last part of `path` is one of Windows' reserved device
/// names: `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9` (also
/// with the superscript digits ¹ ² ³), `CONIN$` and `CONOUT$`, in any
/// case, with any extension, and with trailing dots or spaces (which
/// Windows strips). Also a path into the device namespace (`\\.\…`).
pub fn is_reserved_device(path: &Path) -> bool {
    let whole = path.as_os_str().to_string_lossy();
    if whole.starts_with(r"\\.\") || whole.starts_with("//./") {
        return true;
    }
    let Some(name) = path.file_name().map(OsStr::to_string_lossy) else {
        return false;
    };
    // `nul.txt` is `NUL`; so are `NUL ` and `NUL.`.
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.trim_end_matches([' ', '.']).to_uppercase();
    if DEVICES.contains(&stem.as_str()) {
        return true;
    }
    let mut chars = stem.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && matches!(rest.as_slice(), [d] if d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
}

/// The language of the command line when `--lang` is not given (SPEC §11):
/// the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`; when none is
/// set, `display` (on Windows the user's display language, e.g. `sv-SE`);
/// English otherwise.
pub fn lang_from(var: impl Fn(&str) -> Option<String>, display: Option<String>) -> Lang {
    let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| var(v).as_deref().and_then(Lang::from_locale));
    set.or_else(|| display.as_deref().and_then(Lang::from_locale))
        .unwrap_or(Lang::En)
}

/// The language of this process when `--lang` is not given: see
/// [`lang_from`].
pub fn default_lang() -> Lang {
    lang_from(|v| std::env::var(v).ok(), display_language())
}

/// The user's Windows display language (`GetUserPreferredUILanguages`),
/// e.g. `sv-SE`.
#[cfg(windows)]
fn display_language() -> Option<String> {
    sys_locale::get_locales().next()
}

/// Elsewhere the locale variables say it all.
#[cfg(not(windows))]
fn display_language() -> Option<String> {
    None
}

/// Runs `cleanup` and exits 130 on Ctrl-C, Ctrl-Break or a closed console
/// window (a console control handler, which Windows runs on a thread of its
/// own, so it may take locks and remove files).
#[cfg(windows)]
pub fn on_interrupt(cleanup: fn()) {
    // Without the handler the default stays: the run ends (a temporary
    // file may stay), as before.
    let _ = ctrlc::set_handler(move || {
        cleanup();
        std::process::exit(130);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_names_in_any_case_with_any_extension() {
        for name in [
            "NUL",
            "nul",
            "Nul.txt",
            "con",
            "CON.json",
            "prn",
            "aux.md",
            "COM1",
            "com9.csv",
            "LPT1",
            "lpt3.xlsx",
            "COM0",
            "COM¹",
            "lpt²",
            "CONIN$",
            "conout$",
            "NUL ",
            "NUL.",
            "nul .txt",
            "nul.tar.gz",
        ] {
            assert!(is_reserved_device(Path::new(name)), "{name}");
            let in_dir = Path::new("some dir").join(name);
            assert!(is_reserved_device(&in_dir), "{}", in_dir.display());
        }
        assert!(is_reserved_device(Path::new(r"\\.\PhysicalDrive0")));
    }

    #[test]
    fn ordinary_names_are_not_devices() {
        for name in [
            "null",
            "nult.json",
            "console.txt",
            "COM10",
            "COM",
            "LPT",
            "COMA",
            "com1x.txt",
            "rapport.json",
            "auxiliary",
            "xNUL",
            "prnt",
            "inventering å.json",
            "",
        ] {
            assert!(!is_reserved_device(Path::new(name)), "{name}");
        }
        assert!(!is_reserved_device(
            Path::new("NUL").join("rapport.json").as_path()
        ));
    }

    #[test]
    fn the_locale_variables_first_then_the_display_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        let sv = || Some("sv-SE".to_string());
        let en = || Some("en-US".to_string());
        // No variable: the display language decides.
        assert_eq!(lang_from(env(&[]), sv()), Lang::Sv);
        assert_eq!(lang_from(env(&[]), en()), Lang::En);
        assert_eq!(lang_from(env(&[]), None), Lang::En);
        // Empty variables count as unset.
        assert_eq!(
            lang_from(env(&[("LANG", ""), ("LC_ALL", " ")]), sv()),
            Lang::Sv
        );
        // A variable wins over the display language, either way.
        assert_eq!(lang_from(env(&[("LANG", "C.UTF-8")]), sv()), Lang::En);
        assert_eq!(lang_from(env(&[("LANG", "sv_SE.UTF-8")]), en()), Lang::Sv);
        // LC_ALL before LC_MESSAGES before LANG.
        assert_eq!(
            lang_from(env(&[("LC_ALL", "en_GB"), ("LANG", "sv_SE")]), None),
            Lang::En
        );
        assert_eq!(
            lang_from(env(&[("LC_MESSAGES", "sv_FI"), ("LANG", "en_US")]), None),
            Lang::Sv
        );
    }
}
