//! Tables for people: the rows and columns a report or the equality
//! statistics show, with labels in a language. Renderers (terminal, md,
//! html, xlsx, notebook, widget) lay these out and restate nothing.

use rust_decimal::Decimal;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Align {
    /// Texts.
    Left,
    /// Numbers.
    Right,
}

/// A column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// Stable key, as in the JSON (`network`, `name`, `gross`, `woman`).
    pub key: &'static str,
    /// Heading for people, in the table's language.
    pub label: &'static str,
    /// Alignment.
    pub align: Align,
}

/// One cell of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cell {
    /// Text from the file (ids, names, subjects): shown as it is, escaped
    /// for the medium.
    Text(String),
    /// A word of the vocabulary, already in the table's language.
    Word(&'static str),
    /// A whole number (years, counts).
    Int(i64),
    /// An amount of money, two decimals.
    Money(Decimal),
    /// A decimal that is not money (hours), two decimals.
    Decimal(Decimal),
    /// No value (no organiser, unit or subject).
    Null,
}

/// A table for people: a title, columns, rows and an optional total row.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Table {
    /// Stable key of the table (`report`, `seats`, `networks`).
    pub key: &'static str,
    /// Title for people.
    pub title: String,
    /// Columns, in order.
    pub columns: Vec<Column>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// The total row, if the table has one.
    pub total: Option<Vec<Cell>>,
}
