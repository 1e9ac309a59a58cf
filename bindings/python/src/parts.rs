//! One part of an inventory as Python values, without the rest: the
//! organisation, a list (units, people, …) or one network.
//!
//! The part is serialised by the core's own serialiser (the one
//! `to_json` uses, so the keys, their order and the defaults written are
//! the file's) into a `serde_json::Value`, and the value becomes Python
//! objects here, each value converted by the kind the core declares for its
//! key (`natverk::format::objects`): decimals as `decimal.Decimal`, dates as
//! `datetime.date`. Reading one network of 50 000 costs that network.

use std::collections::HashMap;
use std::sync::OnceLock;

use natverk::format::{FieldInfo, KindInfo, ObjectInfo};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;

/// The core's declaration of the format's objects, by name.
fn objects() -> &'static HashMap<&'static str, ObjectInfo> {
    static OBJECTS: OnceLock<HashMap<&'static str, ObjectInfo>> = OnceLock::new();
    OBJECTS.get_or_init(|| {
        natverk::format::objects()
            .into_iter()
            .map(|o| (o.name, o))
            .collect()
    })
}

/// The object kind of each list or object part of the inventory.
pub(crate) fn part_kind(part: &str) -> Option<KindInfo> {
    let top = objects().get("inventory")?;
    top.fields.iter().find(|f| f.key == part).map(|f| f.kind)
}

/// Builds Python values from the core's JSON values.
pub(crate) struct Builder<'py> {
    py: Python<'py>,
    decimal: Bound<'py, PyAny>,
    date: Bound<'py, PyAny>,
}

impl<'py> Builder<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Builder {
            py,
            decimal: py.import("decimal")?.getattr("Decimal")?,
            date: py.import("datetime")?.getattr("date")?,
        })
    }

    /// A value of `kind`.
    pub(crate) fn value(&self, v: &Value, kind: KindInfo) -> PyResult<Bound<'py, PyAny>> {
        match (kind, v) {
            (KindInfo::Decimal(_), Value::String(s)) => self.decimal.call1((s.as_str(),)),
            (KindInfo::Date, Value::String(s)) => match natverk::parse_date(s) {
                Some(d) => {
                    use chrono::Datelike;
                    self.date.call1((d.year(), d.month(), d.day()))
                }
                None => self.plain(v),
            },
            (KindInfo::Object(name), Value::Object(_)) => self.object(v, name),
            (KindInfo::List(name), Value::Array(items)) => {
                let out = PyList::empty(self.py);
                for item in items {
                    out.append(self.object(item, name)?)?;
                }
                Ok(out.into_any())
            }
            _ => self.plain(v),
        }
    }

    /// An object of the format named `name` (`network`, `cost`), its keys in
    /// the order the core writes them.
    pub(crate) fn object(&self, v: &Value, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let Value::Object(map) = v else {
            return self.plain(v);
        };
        let fields: &[FieldInfo] = objects().get(name).map_or(&[], |o| o.fields);
        let d = PyDict::new(self.py);
        for f in fields {
            if let Some(x) = map.get(f.key) {
                d.set_item(f.key, self.value(x, f.kind)?)?;
            }
        }
        // keys the declaration does not name (none today): as they are
        for (k, x) in map {
            if !fields.iter().any(|f| f.key == k) {
                d.set_item(k, self.plain(x)?)?;
            }
        }
        Ok(d.into_any())
    }

    /// A value with no declared kind: as JSON decodes it.
    fn plain(&self, v: &Value) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match v {
            Value::Null => py.None().into_bound(py),
            Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    i.into_pyobject(py)?.into_any()
                } else if let Some(u) = n.as_u64() {
                    u.into_pyobject(py)?.into_any()
                } else {
                    // the core writes decimals as strings; a number that is
                    // not an integer is exact as a Decimal of its text
                    self.decimal.call1((n.to_string(),))?
                }
            }
            Value::String(s) => s.into_pyobject(py)?.into_any(),
            Value::Array(items) => {
                let out = PyList::empty(py);
                for item in items {
                    out.append(self.plain(item)?)?;
                }
                out.into_any()
            }
            Value::Object(map) => {
                let d = PyDict::new(py);
                for (k, x) in map {
                    d.set_item(k, self.plain(x)?)?;
                }
                d.into_any()
            }
        })
    }
}

/// A serialisable part of the core's data as Python values of `kind`.
pub(crate) fn to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    part: &T,
    kind: KindInfo,
) -> PyResult<Bound<'py, PyAny>> {
    // Every default written: a part's dicts have every key, as `to_dict`'s
    // (the file itself leaves defaults out).
    let value = natverk::format::with_defaults(|| serde_json::to_value(part))
        .map_err(|e| crate::errors::internal(&format!("could not serialise a part: {e}")))?;
    Builder::new(py)?.value(&value, kind)
}
