//! `natverk.merge` (SPEC §15): one inventory from the files the units send
//! back, or from inventories. The rules are the core's (`natverk::merge`).

use pyo3::prelude::*;

use crate::errors::{guarded, to_py};
use crate::inventory::PyInventory;

/// One input before it is read: a file's bytes (JSON or a workbook, by
/// content) or an inventory.
enum Source {
    Bytes(Vec<u8>),
    Inventory(Box<natverk::Inventory>),
}

/// Merges `items`, each `(label, bytes or Inventory)`; raises
/// `InventoryError` with every `merge_conflict` (or a file's problems,
/// named by its label).
#[pyfunction]
pub fn merge(py: Python<'_>, items: Vec<(String, Bound<'_, PyAny>)>) -> PyResult<PyInventory> {
    let mut sources = Vec::with_capacity(items.len());
    for (label, item) in items {
        let source = match item.cast::<PyInventory>() {
            Ok(inv) => Source::Inventory(Box::new(inv.get().inner.clone())),
            Err(_) => Source::Bytes(item.extract::<Vec<u8>>()?),
        };
        sources.push((label, source));
    }
    let mut inputs = Vec::with_capacity(sources.len());
    for (label, source) in sources {
        let input = match source {
            Source::Inventory(inv) => natverk::MergeInput::new(label, *inv),
            Source::Bytes(bytes) if bytes.starts_with(b"PK\x03\x04") => {
                let read = guarded(py, move || natverk_workbook::import_bytes(&bytes))?;
                match read {
                    Ok(imp) => natverk::MergeInput::workbook(label, imp.inventory, imp.locator),
                    Err(e) => {
                        return Err(crate::errors::workbook(&e, std::path::Path::new(&label)))
                    }
                }
            }
            Source::Bytes(bytes) => {
                let read = guarded(py, move || natverk::Inventory::from_slice(&bytes))?;
                natverk::MergeInput::new(label, read.map_err(|e| to_py(&e))?)
            }
        };
        inputs.push(input);
    }
    let merged = guarded(py, move || natverk::merge(&inputs))?;
    merged
        .map(|m| PyInventory { inner: m.inventory })
        .map_err(|e| to_py(&e))
}
