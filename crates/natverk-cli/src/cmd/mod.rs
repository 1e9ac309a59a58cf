//! Commands that live in files of their own.

pub mod workbook;
