//! The `Inventory` class exported to JavaScript.

use natverk::{EqualityOptions, Findings, Inventory, ReportOptions};
use wasm_bindgen::prelude::*;

use crate::convert::{self, check_options, options_text, to_js_error, Input};

/// A loaded, valid inventory (SPEC §3). Build it with `Inventory.fromJson`.
#[wasm_bindgen(js_name = Inventory)]
pub struct JsInventory {
    inner: Inventory,
}

#[wasm_bindgen(js_class = Inventory)]
impl JsInventory {
    /// Loads an inventory from JSON text (a string) or bytes (`Uint8Array`,
    /// `ArrayBuffer`). Throws an `Error` with `findings` (every error) when
    /// the file has problems.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(input: JsValue) -> Result<JsInventory, JsValue> {
        let input = Input::from_js(&input).map_err(|e| to_js_error(&e))?;
        Inventory::from_slice(input.bytes())
            .map(|inner| JsInventory { inner })
            .map_err(|e| to_js_error(&e))
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
    /// (required), `scope`, `by`, `statuses`, `leave`, `leave_from`.
    pub fn report(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let opts = options_text(&options)
            .and_then(|t| ReportOptions::from_json(&t))
            .map_err(|e| to_js_error(&e))?;
        let report = self.inner.report(&opts).map_err(|e| to_js_error(&e))?;
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
    /// `to` (required), `scope`, `statuses`.
    pub fn equality(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let opts = options_text(&options)
            .and_then(|t| EqualityOptions::from_json(&t))
            .map_err(|e| to_js_error(&e))?;
        let eq = self.inner.equality(&opts).map_err(|e| to_js_error(&e))?;
        convert::parse(&eq.to_json_compact())
    }
}
