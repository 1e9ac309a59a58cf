//! The `Inventory` class exported to JavaScript.

use natverk::{EqualityOptions, Findings, Inventory, ReportOptions};
use wasm_bindgen::prelude::*;

use crate::convert::{
    self, check_options, lang_arg, options_text, to_js_error, to_js_error_in, Input,
};

/// A loaded, valid inventory (SPEC §3). Build it with `Inventory.fromJson`.
#[wasm_bindgen(js_name = Inventory)]
pub struct JsInventory {
    inner: Inventory,
}

#[wasm_bindgen(js_class = Inventory)]
impl JsInventory {
    /// Loads an inventory from JSON text (a string) or bytes (`Uint8Array`,
    /// `ArrayBuffer`). Throws an `Error` with `findings` (every error) when
    /// the file has problems, their messages in `lang` (`"sv"`/`"en"`;
    /// absent: English).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(input: JsValue, sv: bool) -> Result<JsInventory, JsValue> {
        let lang = lang_arg(sv);
        let input = Input::from_js(&input).map_err(|e| to_js_error_in(&e, lang))?;
        Inventory::from_slice(input.bytes())
            .map(|inner| JsInventory { inner })
            .map_err(|e| to_js_error_in(&e, lang))
    }

    /// Checks any text or bytes (SPEC §6): every error, or when it loads
    /// every warning judged against `options.today` (default: today).
    /// `options.lang` (`"sv"`/`"en"`) asks for the messages in that
    /// language (see [`convert::CheckOptions::lang`]). Returns SPEC §7.2 findings; never throws for a bad file.
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = checkJson)]
    pub fn check_json(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let opts = check_options(&options).map_err(|e| to_js_error(&e))?;
        let input = Input::from_js(&input).map_err(|e| to_js_error(&e))?;
        convert::parse(&natverk::check(input.bytes(), opts.today).to_json_in(opts.lang, false))
    }

    /// The warnings of this inventory (SPEC §6), judged against
    /// `options.today` (default: today), as SPEC §7.2 findings;
    /// `options.lang` (`"sv"`/`"en"`) asks for the messages in that
    /// language (see [`convert::CheckOptions::lang`]).
    pub fn check(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let opts = check_options(&options).map_err(|e| to_js_error(&e))?;
        convert::parse(&Findings::new(self.inner.warnings(opts.today)).to_json_in(opts.lang, false))
    }

    /// A cost report (SPEC §5) as a SPEC §5.1 object. Options: `from`, `to`
    /// (required), `scope`, `by`, `statuses`, `leave`, `leave_from`; the
    /// findings of an error in `lang` (`"sv"`/`"en"`; absent: English).
    pub fn report(&self, options: JsValue, sv: bool) -> Result<JsValue, JsValue> {
        let lang = lang_arg(sv);
        let opts = options_text(&options)
            .and_then(|t| ReportOptions::from_json(&t))
            .map_err(|e| to_js_error_in(&e, lang))?;
        let report = self
            .inner
            .report(&opts)
            .map_err(|e| to_js_error_in(&e, lang))?;
        convert::parse(&report.to_json_compact())
    }

    /// The public file (SPEC §13) as `natverk/1` JSON text: no names,
    /// hourly costs or hours, opaque person ids and staff time as costs of
    /// kind `time`; every report of it equals this inventory's. (The JS
    /// layer's `public()` loads it; `toJson()` gives the text.)
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = publicJson)]
    pub fn public_json(&self) -> Result<String, JsValue> {
        self.inner.public_json().map_err(|e| to_js_error(&e))
    }

    /// Equality statistics (SPEC §7) as a SPEC §7.1 object. Options: `from`,
    /// `to` (required), `scope`, `statuses`; the findings of an error in
    /// `lang` (`"sv"`/`"en"`; absent: English).
    pub fn equality(&self, options: JsValue, sv: bool) -> Result<JsValue, JsValue> {
        let lang = lang_arg(sv);
        let opts = options_text(&options)
            .and_then(|t| EqualityOptions::from_json(&t))
            .map_err(|e| to_js_error_in(&e, lang))?;
        let eq = self
            .inner
            .equality(&opts)
            .map_err(|e| to_js_error_in(&e, lang))?;
        convert::parse(&eq.to_json_compact())
    }

    #[cfg(feature = "api")]
    /// Compares this inventory (the old one) with `new` (SPEC §14): the
    /// object of `natverk diff --format json`. Options: `from`, `to`
    /// (required).
    pub fn diff(&self, new: &JsInventory, options: JsValue) -> Result<JsValue, JsValue> {
        let (from, to, _) = years(&options)?;
        let d = self
            .inner
            .diff(&new.inner, from, to)
            .map_err(|e| to_js_error(&e))?;
        convert::parse(&d.to_json())
    }

    #[cfg(feature = "api")]
    /// The calendar of SPEC §14, `{ events: [...] }`. Options: `from`,
    /// `to` (required).
    pub fn calendar(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let (from, to, _) = years(&options)?;
        let cal = self.inner.calendar(from, to).map_err(|e| to_js_error(&e))?;
        convert::parse(&cal.to_json())
    }

    #[cfg(feature = "api")]
    /// The board appendix of SPEC §14 as data (the core's
    /// `BoardDocument` as JSON: title, subtitle, lang and sections of
    /// paragraphs and tables), for a page to lay out. Options: `from`,
    /// `to` (required), `leave` (`"recommended"`, the default, or an array
    /// of network ids), `show_names` (default false), `today`
    /// (`YYYY-MM-DD`, default the JS clock's), `lang` (`"sv"`, default, or
    /// `"en"`); `compare` is last year's inventory.
    /// The JS layer's `board(options)` passes `compare` to
    /// [`JsInventory::board_compare`] instead.
    pub fn board(&self, options: JsValue) -> Result<JsValue, JsValue> {
        self.board_with(options, None)
    }

    #[cfg(feature = "api")]
    /// `board` with `old` as last year's inventory: the appendix then says
    /// what changed since it.
    #[wasm_bindgen(js_name = boardCompare)]
    pub fn board_compare(&self, old: &JsInventory, options: JsValue) -> Result<JsValue, JsValue> {
        self.board_with(options, Some(&old.inner))
    }

    #[cfg(feature = "api")]
    /// The calendar as iCalendar text (RFC 5545). Options: `from`, `to`
    /// (required), `lang` (`"sv"`, default, or `"en"`).
    #[wasm_bindgen(js_name = calendarIcs)]
    pub fn calendar_ics(&self, options: JsValue) -> Result<String, JsValue> {
        let (from, to, lang) = years(&options)?;
        let cal = self.inner.calendar(from, to).map_err(|e| to_js_error(&e))?;
        let now = js_sys::Date::new_0();
        let stamp = chrono::DateTime::from_timestamp_millis(now.get_time() as i64)
            .map(|t| t.naive_utc())
            .unwrap_or_default();
        Ok(cal.to_ics(lang, stamp))
    }
}

#[cfg(feature = "api")]
impl JsInventory {
    /// The options of `board` besides `from`, `to`: `today`, `lang`,
    /// `leave`, `show_names`; the rest (`from`, `to`) for [`years`].
    fn board_options<'a>(
        options: &JsValue,
    ) -> Result<(JsValue, natverk::BoardOptions<'a>), JsValue> {
        if !options.is_object() || js_sys::Array::is_array(options) {
            return Err(js_sys::Error::new(
                "board(options) takes an object: { from: 2025, to: 2026, leave: \"recommended\", show_names: false, today: \"2025-03-01\", lang: \"sv\" }",
            )
            .into());
        }
        let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
        let take = |key: &str| -> Result<Option<JsValue>, JsValue> {
            let k = JsValue::from_str(key);
            let v = js_sys::Reflect::get(&rest, &k)?;
            js_sys::Reflect::delete_property(&rest, &k)?;
            Ok((!v.is_undefined() && !v.is_null()).then_some(v))
        };
        // today and lang as `check` reads them (the Swedish appendix by default).
        let dated = js_sys::Object::new();
        let lang_given = match take("lang")? {
            Some(l) => {
                js_sys::Reflect::set(&dated, &JsValue::from_str("lang"), &l)?;
                true
            }
            None => false,
        };
        if let Some(t) = take("today")? {
            js_sys::Reflect::set(&dated, &JsValue::from_str("today"), &t)?;
        }
        let checked = check_options(&dated.into()).map_err(|e| to_js_error(&e))?;
        let lang = if lang_given {
            checked.lang
        } else {
            natverk::Lang::Sv
        };
        let mut opts = natverk::BoardOptions::new(0, 0, checked.today, lang);
        if let Some(l) = take("leave")? {
            opts.leave = Some(if let Some(text) = l.as_string() {
                natverk::Leave::parse(&text)
            } else if js_sys::Array::is_array(&l) {
                let mut ids = Vec::new();
                for v in js_sys::Array::from(&l).iter() {
                    match v.as_string() {
                        Some(id) => ids.push(id),
                        None => return Err(js_sys::Error::new(
                            "leave must be \"recommended\" or an array of network ids (strings)",
                        )
                        .into()),
                    }
                }
                natverk::Leave::Networks(ids)
            } else {
                return Err(js_sys::Error::new(
                    "leave must be \"recommended\" or an array of network ids",
                )
                .into());
            });
        }
        if let Some(v) = take("show_names")? {
            opts.show_names = v
                .as_bool()
                .ok_or_else(|| js_sys::Error::new("show_names must be true or false"))?;
        }
        Ok((rest.into(), opts))
    }

    fn board_with(&self, options: JsValue, old: Option<&Inventory>) -> Result<JsValue, JsValue> {
        let (rest, mut opts) = Self::board_options(&options)?;
        let (from, to, _) = years(&rest)?;
        opts.from = from;
        opts.to = to;
        opts.compare = old;
        let doc = self.inner.board(&opts).map_err(|e| to_js_error(&e))?;
        convert::parse(&doc.to_json())
    }
}

#[cfg(feature = "api")]
/// `from` and `to` of an options object (and `lang`): every other key is
/// refused, as the core refuses unknown keys.
fn years(options: &JsValue) -> Result<(i32, i32, natverk::Lang), JsValue> {
    let mut lang = natverk::Lang::Sv;
    let mut rest = options.clone();
    if options.is_object() && !js_sys::Array::is_array(options) {
        let key = JsValue::from_str("lang");
        match js_sys::Reflect::get(options, &key)?.as_string() {
            Some(l) if l == "en" => lang = natverk::Lang::En,
            Some(l) if l == "sv" => {}
            None => {}
            Some(l) => {
                return Err(js_sys::Error::new(&format!(
                    "lang must be \"sv\" or \"en\", not {l:?}"
                ))
                .into())
            }
        }
        let copy = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
        js_sys::Reflect::delete_property(&copy, &key)?;
        rest = copy.into();
    }
    let text = options_text(&rest).map_err(|e| to_js_error(&e))?;
    let o = EqualityOptions::from_json(&text).map_err(|e| to_js_error(&e))?;
    if o.scope != natverk::Scope::All || o.statuses.is_some() {
        return Err(js_sys::Error::new("this call takes only `from`, `to` (and `lang`)").into());
    }
    o.validate().map_err(|e| to_js_error(&e))?;
    Ok((o.from, o.to, lang))
}
