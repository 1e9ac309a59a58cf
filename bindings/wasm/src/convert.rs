//! Conversions at the JS boundary: one place for input, options, results and
//! errors, so the exported methods only call the core.

use chrono::NaiveDate;
use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use natverk::present::{Message, Template};
use natverk::{Code, Error, Finding, Findings, Lang, Path};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

static NOT_INVENTORY: Template = Template {
    key: "wasm.not_inventory",
    en: "expected the inventory as a string, Uint8Array or ArrayBuffer, got {got}",
    sv: "inventeringen ska ges som en sträng, Uint8Array eller ArrayBuffer, men det är {got}",
};
static NOT_OPTIONS: Template = Template {
    key: "wasm.not_options",
    en: "invalid options: expected an object such as {example}, got {got}",
    sv: "ogiltiga val: här ska det stå ett objekt som {example}, men det är {got}",
};
static OPTIONS_NOT_JSON: Template = Template {
    key: "wasm.options_not_json",
    en: "invalid options: they cannot be written as JSON",
    sv: "ogiltiga val: de går inte att skriva som JSON",
};
static UNKNOWN_OPTION: Template = Template {
    key: "wasm.unknown_option",
    en: "invalid options: unknown field `{key}`, expected `today` or `lang`",
    sv: "ogiltiga val: okänt fält `{key}`, här ska det stå `today` eller `lang`",
};
static BAD_LANG: Template = Template {
    key: "wasm.bad_lang",
    en: "invalid options: `lang` must be \"sv\" or \"en\", got `{got}`",
    sv: "ogiltiga val: `lang` ska vara \"sv\" eller \"en\", men det är `{got}`",
};
static BAD_TODAY: Template = Template {
    key: "wasm.bad_today",
    en: "invalid options: `today` must be a date written YYYY-MM-DD, got `{got}`",
    sv: "ogiltiga val: `today` ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men det är `{got}`",
};

fn options_path() -> Path {
    Path::root().key("options")
}

fn options_error(path: Path, message: Message) -> Error {
    Error::Options(Findings::new(vec![Finding::new(
        Code::InvalidValue,
        path,
        message,
    )]))
}

/// What a `fromJson`/`checkJson` argument holds.
pub enum Input {
    /// A JS string (already valid Unicode).
    Text(String),
    /// Raw bytes (`Uint8Array`/`ArrayBuffer`), checked as UTF-8 by the core.
    Bytes(Vec<u8>),
}

impl Input {
    /// Reads a string, `Uint8Array` or `ArrayBuffer`; anything else is an
    /// `invalid_value` error.
    pub fn from_js(value: &JsValue) -> Result<Input, Error> {
        if let Some(s) = value.as_string() {
            return Ok(Input::Text(s));
        }
        if let Some(a) = value.dyn_ref::<Uint8Array>() {
            return Ok(Input::Bytes(a.to_vec()));
        }
        if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
            return Ok(Input::Bytes(Uint8Array::new(b).to_vec()));
        }
        Err(Error::Invalid(Findings::new(vec![Finding::new(
            Code::InvalidValue,
            Path::root(),
            Message::new(&NOT_INVENTORY).with("got", type_name(value)),
        )])))
    }

    /// The bytes the core reads.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Input::Text(s) => s.as_bytes(),
            Input::Bytes(b) => b,
        }
    }
}

fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if Array::is_array(value) {
        "an array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// An options argument as the JSON text the core's `from_json` reads.
/// `undefined`/`null` are refused: `from` and `to` are required.
pub fn options_text(options: &JsValue) -> Result<String, Error> {
    if !options.is_object() || Array::is_array(options) {
        return Err(options_error(
            options_path(),
            Message::new(&NOT_OPTIONS)
                .with("example", r#"{"from": 2024, "to": 2025}"#)
                .with("got", type_name(options)),
        ));
    }
    JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| options_error(options_path(), Message::new(&OPTIONS_NOT_JSON)))
}

/// The options of `check`/`checkJson`: `{today, lang}`, both optional.
pub struct CheckOptions {
    /// The date the warnings are judged on (default: the JS clock's today).
    pub today: NaiveDate,
    /// The language of the finding messages (default English); the core
    /// writes every message in Swedish and English (`present`).
    pub lang: Lang,
}

/// Reads `{today, lang}`: `today` a `YYYY-MM-DD` string (absent: the local
/// date of the JS clock, as chrono has no clock on wasm32), `lang` `"sv"` or
/// `"en"`. Every problem is a finding at `options.<key>`, all in one error.
pub fn check_options(options: &JsValue) -> Result<CheckOptions, Error> {
    let mut opts = CheckOptions {
        today: js_today(),
        lang: Lang::En,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(opts);
    }
    if !options.is_object() || Array::is_array(options) {
        return Err(options_error(
            options_path(),
            Message::new(&NOT_OPTIONS)
                .with("example", r#"{"today": "2024-01-31", "lang": "sv"}"#)
                .with("got", type_name(options)),
        ));
    }
    let keys = Object::keys::<JsValue>(options.unchecked_ref());
    let mut findings = Vec::new();
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "today" && key != "lang" {
            findings.push(Finding::new(
                Code::InvalidValue,
                options_path(),
                Message::new(&UNKNOWN_OPTION).with("key", key),
            ));
        }
    }
    let get = |key: &str| {
        let v = Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        (!v.is_undefined() && !v.is_null()).then_some(v)
    };
    if let Some(today) = get("today") {
        match today.as_string().and_then(|s| natverk::parse_date(&s)) {
            Some(d) => opts.today = d,
            None => {
                let shown = today
                    .as_string()
                    .unwrap_or_else(|| format!("a value of type {}", type_name(&today)));
                findings.push(Finding::new(
                    Code::InvalidValue,
                    options_path().key("today"),
                    Message::new(&BAD_TODAY).with("got", shown),
                ));
            }
        }
    }
    if let Some(lang) = get("lang") {
        let shown = lang
            .as_string()
            .unwrap_or_else(|| format!("a value of type {}", type_name(&lang)));
        match lang.as_string().map(|s| s.parse::<Lang>()) {
            Some(Ok(l)) => opts.lang = l,
            _ => findings.push(Finding::new(
                Code::InvalidValue,
                options_path().key("lang"),
                Message::new(&BAD_LANG).with("got", shown),
            )),
        }
    }
    if findings.is_empty() {
        Ok(opts)
    } else {
        Err(Error::Options(Findings::new(findings)))
    }
}

/// The language of a call's findings: Swedish when `sv`, else English
/// (the JS layer, `js/natverk.js`, checks the `lang` it is given).
pub fn lang_arg(sv: bool) -> Lang {
    if sv {
        Lang::Sv
    } else {
        Lang::En
    }
}

/// Today's local date from the JS clock.
fn js_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    // The JS clock always gives a real calendar date; fall back to the epoch
    // rather than panic if an engine ever does not.
    i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, day))
        .unwrap_or_default()
}

/// A JSON text written by the core, as a plain JS object.
pub fn parse(json: &str) -> Result<JsValue, JsValue> {
    JSON::parse(json)
}

/// A core error as a thrown JS `Error`: `message` is the summary (every
/// finding on its own line), `name` is `InventoryError`, and `findings` the
/// SPEC §7.2 finding objects.
pub fn to_js_error(err: &Error) -> JsValue {
    to_js_error_in(err, Lang::En)
}

/// [`to_js_error`] with the findings' messages in `lang`.
pub fn to_js_error_in(err: &Error, lang: Lang) -> JsValue {
    let e = js_sys::Error::new(&err.to_string());
    e.set_name("InventoryError");
    let findings = JSON::parse(&err.findings().to_json_in(lang, false))
        .and_then(|o| Reflect::get(&o, &JsValue::from_str("findings")))
        .unwrap_or_else(|_| Array::new().into());
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&e, &JsValue::from_str("findings"), &findings);
    e.into()
}
