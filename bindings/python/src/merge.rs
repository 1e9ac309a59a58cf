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
    // Every file is read; the problems of all of them are raised at once,
    // each naming its file (and its sheet, row and column).
    let mut inputs = Vec::with_capacity(sources.len());
    let mut problems = Vec::new();
    for (label, source) in sources {
        match source {
            Source::Inventory(inv) => inputs.push(natverk::MergeInput::new(label, *inv)),
            Source::Bytes(bytes) if natverk_workbook::is_workbook(&bytes) => {
                let read = guarded(py, move || natverk_workbook::import_bytes(&bytes))?;
                match read {
                    Ok(imp) => inputs.push(natverk::MergeInput::workbook(
                        label,
                        imp.inventory,
                        imp.locator,
                    )),
                    Err(natverk_workbook::Error::Invalid(found)) => {
                        problems.extend(natverk::file_findings(
                            &label,
                            found.iter().map(|f| (f.finding.clone(), f.place.clone())),
                        ));
                    }
                    Err(e) => {
                        return Err(crate::errors::workbook(&e, std::path::Path::new(&label)))
                    }
                }
            }
            Source::Bytes(bytes) => {
                match guarded(py, move || natverk::Inventory::from_slice(&bytes))? {
                    Ok(inv) => inputs.push(natverk::MergeInput::new(label, inv)),
                    Err(e) => problems.extend(natverk::file_findings(
                        &label,
                        e.into_findings().into_iter().map(|f| (f, None)),
                    )),
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(to_py(&natverk::Error::Invalid(natverk::Findings::new(
            problems,
        ))));
    }
    let merged = guarded(py, move || natverk::merge(&inputs))?;
    merged
        .map(|m| PyInventory { inner: m.inventory })
        .map_err(|e| to_py(&e))
}
