//! A report as Arrow data, with one fixed schema whatever the report, and
//! the Arrow PyCapsule stream (`__arrow_c_stream__`) that pyarrow, polars,
//! and other readers of the interface take without Python objects per value.
//!
//! The schema: each group key in the order of `by` (`name` after
//! `network`) as a nullable `utf8` column (`year`: nullable `int32`), then
//! the nine money fields as non-null `decimal128(38, 2)`. The type of a
//! column never depends on the data, so two reports concatenate without a
//! cast (a decimal precision guessed from the data would differ between
//! reports, and a concatenation would then lose values).

use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, Int32Builder, StringBuilder};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchIterator};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use natverk::GroupKey;
use natverk::KeyValue;
use natverk::Report;

use crate::conversion::{cents, money_fields};
use crate::errors;

/// Precision and scale of every money column.
pub(crate) const MONEY_PRECISION: u8 = 38;
/// Two decimals, as the report's JSON writes money.
pub(crate) const MONEY_SCALE: i8 = 2;

const STREAM_NAME: &CStr = c"arrow_array_stream";

/// The schema of a report grouped by `by`.
pub(crate) fn schema(by: &[GroupKey]) -> Schema {
    let mut fields = Vec::new();
    for k in by {
        let t = if *k == GroupKey::Year {
            DataType::Int32
        } else {
            DataType::Utf8
        };
        fields.push(Field::new(k.as_str(), t, true));
        if *k == GroupKey::Network {
            fields.push(Field::new("name", DataType::Utf8, true));
        }
    }
    for m in natverk::money::MONEY_FIELDS {
        fields.push(Field::new(
            m,
            DataType::Decimal128(MONEY_PRECISION, MONEY_SCALE),
            false,
        ));
    }
    Schema::new(fields)
}

fn arrow_error(e: &arrow_schema::ArrowError) -> PyErr {
    errors::internal(&format!("arrow: {e}"))
}

/// The lines of a report as one record batch.
pub(crate) fn batch(report: &Report) -> PyResult<RecordBatch> {
    let n = report.lines.len();
    let schema: SchemaRef = Arc::new(schema(&report.by));
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(schema.fields().len());
    for (i, k) in report.by.iter().enumerate() {
        if *k == GroupKey::Year {
            let mut b = Int32Builder::with_capacity(n);
            for line in &report.lines {
                match line.keys.get(i) {
                    Some(KeyValue::Year(y)) => b.append_value(*y),
                    _ => b.append_null(),
                }
            }
            columns.push(Arc::new(b.finish()));
        } else {
            let mut b = StringBuilder::with_capacity(n, 16 * n);
            for line in &report.lines {
                match line.keys.get(i) {
                    Some(KeyValue::Text(t)) => b.append_value(t),
                    Some(KeyValue::Year(y)) => b.append_value(y.to_string()),
                    _ => b.append_null(),
                }
            }
            columns.push(Arc::new(b.finish()));
        }
        if *k == GroupKey::Network {
            let mut b = StringBuilder::with_capacity(n, 32 * n);
            for line in &report.lines {
                b.append_option(line.name.as_deref());
            }
            columns.push(Arc::new(b.finish()));
        }
    }
    let mut money: Vec<Decimal128Builder> = (0..natverk::money::MONEY_FIELDS.len())
        .map(|_| Decimal128Builder::with_capacity(n))
        .collect();
    for line in &report.lines {
        for ((_, v), b) in money_fields(&line.money)?.into_iter().zip(&mut money) {
            b.append_value(cents(v)?);
        }
    }
    for mut b in money {
        let array = b
            .finish()
            .with_precision_and_scale(MONEY_PRECISION, MONEY_SCALE)
            .map_err(|e| arrow_error(&e))?;
        columns.push(Arc::new(array));
    }
    RecordBatch::try_new(schema, columns).map_err(|e| arrow_error(&e))
}

/// The report as an Arrow C stream in a capsule named `arrow_array_stream`
/// (the Arrow PyCapsule interface). The consumer moves the stream out of
/// the capsule; if none does, dropping the capsule releases it.
pub(crate) fn stream_capsule<'py>(
    py: Python<'py>,
    report: &Report,
) -> PyResult<Bound<'py, PyCapsule>> {
    let batch = batch(report)?;
    let schema = batch.schema();
    let reader = RecordBatchIterator::new(vec![Ok(batch)], schema);
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    PyCapsule::new_with_value(py, stream, STREAM_NAME)
}
