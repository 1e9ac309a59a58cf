use std::fmt;

/// The language of everything written for people (SPEC §11). Codes, JSON
/// keys, JSON output and the words of the file format stay English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Swedish.
    Sv,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];
    /// `sv` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
    /// The language of a locale setting such as `sv_SE.UTF-8`: Swedish for
    /// `sv…`, English for any other non-empty value, `None` when empty.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        Some(if v.to_ascii_lowercase().starts_with("sv") {
            Lang::Sv
        } else {
            Lang::En
        })
    }
    /// The language of the environment: the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG`, Swedish when it starts with `sv`, else
    /// English.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(lang) = std::env::var(var)
                .ok()
                .as_deref()
                .and_then(Lang::from_locale)
            {
                return lang;
            }
        }
        Lang::En
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language word that is neither `sv` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError(pub String);

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language `{}`: expected sv or en",
            crate::money::clip(&self.0)
        )
    }
}

impl std::error::Error for ParseLangError {}

impl std::str::FromStr for Lang {
    type Err = ParseLangError;
    fn from_str(s: &str) -> Result<Lang, ParseLangError> {
        match s {
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            _ => Err(ParseLangError(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_words() {
        assert_eq!(Lang::from_locale("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_locale("SV"), Some(Lang::Sv));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), Some(Lang::En));
        assert_eq!(Lang::from_locale(""), None);
    }
}
