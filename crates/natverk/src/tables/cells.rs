//! How each declared field is a cell of a sheet (SPEC §10), from the
//! declaration (`declare!` in `crate::model`).
//!
//! Every field of a declared object has a column, declared beside it
//! (`, col = …`, else a column named as its key): its kind
//! ([`FieldCells`]) says what the column holds and how a cell is written
//! and read. An object field (`decision`, `assessment`, `per_capita`) is
//! flattened into its parent's row, its fields' columns where it stands; a
//! list field (`participants`, `tiers`) has a sheet of its own, named as
//! the field, whose first column names the parent's id; the population has
//! a sheet of its own (year, population). From that come [`super::LAYOUT`],
//! [`super::sheet_views`] and the reading of each row
//! ([`super::from_tables`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::read::Fraction;
pub(crate) use super::read::{FoundSheets, Reader, RowCtx};
use super::{CellView, ColumnInfo, ColumnKind, SheetInfo, SheetView};
use crate::format::kinds::{
    Bool, Currency, Date, Dec, Id, Int, ListOf, ObjOf, PopulationKind, RateCurrency, Ref, Str,
    Subjects, Text, WordOf, PROBABILITY, SHARE,
};
use crate::format::{Declared, Kind};
use crate::limits::{MAX_POPULATION, MAX_YEAR, MIN_YEAR};
use crate::model::{InventoryData, Population, Word};
use crate::validate::IdSet;

/// A field's column, as declared beside it (`, col = Col::named("…")`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    name: Option<&'static str>,
    trim: bool,
    at: Option<usize>,
    parent: Option<&'static str>,
    refers: Option<&'static str>,
}

impl Col {
    /// A column named as the field's key, where the field stands.
    pub(crate) const KEY: Col = Col {
        name: None,
        trim: false,
        at: None,
        parent: None,
        refers: None,
    };
    /// A column of another name (`decision_body`: the object flattened
    /// into its parent's row names its columns apart).
    pub(crate) const fn named(name: &'static str) -> Col {
        Col {
            name: Some(name),
            ..Col::KEY
        }
    }
    /// A name: spaces at either end are no part of it (SPEC §10).
    pub(crate) const fn trimmed(self) -> Col {
        Col { trim: true, ..self }
    }
    /// At this position in its sheet (0 is the first column), not where the
    /// field stands in the object: the §10 order of the sheet.
    pub(crate) const fn at(self, position: usize) -> Col {
        Col {
            at: Some(position),
            ..self
        }
    }
    /// A list's sheet: the name of its first column, the parent's id (by
    /// default the parent object's name, `network`).
    pub(crate) const fn parent(self, column: &'static str) -> Col {
        Col {
            parent: Some(column),
            ..self
        }
    }
    /// Holds an id of the items of another sheet (`fee_schedules`).
    pub(crate) const fn refers(self, sheet: &'static str) -> Col {
        Col {
            refers: Some(sheet),
            ..self
        }
    }
    /// The column's name for a field of key `key`.
    pub(crate) const fn name_of(self, key: &'static str) -> &'static str {
        match self.name {
            Some(n) => n,
            None => key,
        }
    }
}

// ---- the layout ---------------------------------------------------------------------

/// The columns of one sheet, as the fields declare them.
pub(crate) struct SheetBuilder {
    columns: Vec<ColumnInfo>,
    at: Vec<Option<usize>>,
    path: Vec<&'static str>,
}

impl SheetBuilder {
    fn new() -> SheetBuilder {
        SheetBuilder {
            columns: Vec::new(),
            at: Vec::new(),
            path: Vec::new(),
        }
    }
    fn push(&mut self, key: &'static str, kind: ColumnKind, required: bool, col: Col) {
        let mut path = self.path.clone();
        path.push(key);
        self.push_at(col.name_of(key), kind, required, path, col);
    }
    fn push_at(
        &mut self,
        name: &'static str,
        kind: ColumnKind,
        required: bool,
        path: Vec<&'static str>,
        col: Col,
    ) {
        self.columns.push(ColumnInfo {
            key: name,
            kind,
            required,
            path: Box::leak(path.into_boxed_slice()),
            trim: col.trim,
        });
        self.at.push(col.at);
    }
    /// The sheet: columns that name their position go there, the others
    /// keep their order.
    fn finish(self, key: &'static str, what: &'static str) -> SheetInfo {
        let n = self.columns.len();
        let mut slots: Vec<Option<usize>> = vec![None; n];
        for (i, at) in self.at.iter().enumerate() {
            if let Some(p) = at {
                let p = (*p).min(n - 1);
                assert!(slots[p].is_none(), "two columns at {p} of {key}");
                slots[p] = Some(i);
            }
        }
        let mut rest = (0..n).filter(|i| self.at[*i].is_none());
        for slot in &mut slots {
            if slot.is_none() {
                *slot = rest.next();
            }
        }
        // slots: position → declared index; order: declared index → position.
        let mut order = vec![0; n];
        let mut columns = Vec::with_capacity(n);
        for (pos, d) in slots.iter().enumerate() {
            let d = d.unwrap_or(pos);
            order[d] = pos;
            columns.push(self.columns[d]);
        }
        SheetInfo {
            key,
            columns: Box::leak(columns.into_boxed_slice()),
            what,
            order: Box::leak(order.into_boxed_slice()),
        }
    }
}

/// The sheets, in order.
#[derive(Default)]
pub(crate) struct LayoutBuilder {
    sheets: Vec<SheetInfo>,
}

impl LayoutBuilder {
    /// The sheet `key` of items of `T` (with their parent's id first, for
    /// a list of a listed object), then the sheets of `T`'s lists.
    pub(crate) fn sheet<T: SheetRow>(
        &mut self,
        key: &'static str,
        parent: Option<(&'static str, &'static str)>,
    ) {
        let mut b = SheetBuilder::new();
        if let Some((column, sheet)) = parent {
            b.push_at(column, ColumnKind::Ref(sheet), true, Vec::new(), Col::KEY);
        }
        T::columns(&mut b, true);
        // The writer puts a field's cells by counting its columns.
        debug_assert_eq!(
            b.columns.len(),
            T::NCOLS + usize::from(parent.is_some()),
            "{key}"
        );
        self.sheets.push(b.finish(key, what::<T>()));
        T::sheets(self, key);
    }
}

fn what<T: Declared>() -> &'static str {
    <T::Builder as crate::load::Builder>::WHAT
}

/// The layout of SPEC §10, made once from the declaration.
pub(crate) fn layout() -> &'static [SheetInfo] {
    static LAYOUT: OnceLock<Vec<SheetInfo>> = OnceLock::new();
    LAYOUT.get_or_init(|| {
        let mut b = LayoutBuilder::default();
        InventoryData::sheets(&mut b);
        b.sheets
    })
}

/// The rows of every sheet, in file order.
pub(crate) fn write_top_level<'a>(data: &'a InventoryData, s: &mut Sheets<'a>) {
    data.write_sheets(s);
}

// ---- writing ------------------------------------------------------------------------

/// The cells of one row, written in the order the fields are declared,
/// each at its column's position.
pub(crate) struct RowWriter<'r, 'a> {
    cells: &'r mut [CellView<'a>],
    order: &'static [usize],
    k: usize,
}

impl<'a> RowWriter<'_, 'a> {
    /// The next column's cell.
    pub(crate) fn put(&mut self, cell: CellView<'a>) {
        if let Some(c) = self.order.get(self.k).and_then(|p| self.cells.get_mut(*p)) {
            *c = cell;
        }
        self.k += 1;
    }
    /// The next `n` columns stay empty.
    pub(crate) fn skip(&mut self, n: usize) {
        self.k += n;
    }
}

/// The sheets being written.
pub(crate) struct Sheets<'a> {
    pub(crate) views: Vec<SheetView<'a>>,
    /// `Some`: a first walk that only counts each sheet's rows, so that
    /// the walk that writes reserves each sheet's cells once (a sheet grown
    /// by doubling was about an eighth of the page faults of Python's
    /// `tables()` on 50 000 networks).
    pub(crate) counts: Option<Vec<usize>>,
}

impl<'a> Sheets<'a> {
    fn index(&self, key: &str) -> Option<usize> {
        self.views.iter().position(|v| v.key == key)
    }
    /// A row of sheet `key` for `item`, then the rows of its lists.
    pub(crate) fn row<T: SheetRow>(&mut self, key: &str, parent: Option<&'a str>, item: &'a T) {
        let Some(s) = self.index(key) else { return };
        if let Some(counts) = &mut self.counts {
            counts[s] += 1;
            item.write_sheets(self);
            return;
        }
        let info = &layout()[s];
        let view = &mut self.views[s];
        let start = view.cells.len();
        view.cells
            .resize(start + info.columns.len(), CellView::Empty);
        let mut w = RowWriter {
            cells: &mut view.cells[start..],
            order: info.order,
            k: 0,
        };
        if let Some(p) = parent {
            w.put(CellView::Text(Cow::Borrowed(p)));
        }
        item.write_cells(&mut w);
        item.write_sheets(self);
    }
    /// A row of plain cells (the population's).
    fn plain_row<const N: usize>(&mut self, key: &str, row: [CellView<'a>; N]) {
        if let Some(s) = self.index(key) {
            match &mut self.counts {
                Some(counts) => counts[s] += 1,
                None => self.views[s].cells.extend(row),
            }
        }
    }
}

// ---- a declared object as a row -----------------------------------------------------

/// A declared object as a row of a sheet (generated by `declare!`).
pub(crate) trait SheetRow: Declared {
    /// How many columns it has in a row.
    const NCOLS: usize;
    /// Adds its columns (`required`: whether it is always there).
    fn columns(b: &mut SheetBuilder, required: bool);
    /// Adds the sheets of its lists (it is in sheet `sheet`).
    fn sheets(b: &mut LayoutBuilder, sheet: &'static str);
    /// Writes its cells.
    fn write_cells<'a>(&'a self, w: &mut RowWriter<'_, 'a>);
    /// Writes the rows of its lists.
    fn write_sheets<'a>(&'a self, s: &mut Sheets<'a>);
    /// Reads it from a row: each bad cell a finding, a placeholder for it.
    fn read_cells(c: &mut RowCtx<'_>, r: &mut Reader) -> Self;
    /// Reads the sheets of its lists into `items` (read from their own
    /// sheet; `path` is the JSON path of the `i`-th).
    fn read_lists(
        items: &mut [Self],
        r: &mut Reader,
        found: &FoundSheets<'_>,
        path: &dyn Fn(usize) -> crate::finding::Path,
    );
    /// Its id (empty if it has none).
    fn id(&self) -> &str;
}

/// How a field of a kind is one or more cells of its object's row, or a
/// sheet of its own.
pub(crate) trait FieldCells: Kind {
    /// How many columns it has in its object's row.
    const NCOLS: usize = 1;
    /// Whether it has a sheet of its own whose rows name their parent.
    const LIST: bool = false;
    /// An item of its own sheet (a list's); [`NoItem`] for the others.
    type Item;
    /// Adds an item read from its own sheet to the field.
    fn push(value: &mut Self::Value, item: Self::Item);
    /// Adds an item read from its own sheet to the field, when optional.
    fn push_opt(value: &mut Option<Self::Value>, item: Self::Item);
    /// Reads its own sheet (a list's, `key`), after its parents: each
    /// item with its parent's position among `ids`; `path` is the JSON
    /// path of the parent's `i`-th item.
    fn read_list(
        _r: &mut Reader,
        _found: &FoundSheets<'_>,
        _key: &'static str,
        _ids: &HashMap<String, usize>,
        _path: &dyn Fn(usize, usize) -> crate::finding::Path,
    ) -> Vec<(usize, Self::Item)> {
        Vec::new()
    }
    /// Adds its columns to its object's sheet.
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool);
    /// Adds its own sheets (a list's): `parent` is the object's name, its
    /// sheet and what it is (`what.network`).
    fn sheets(
        _b: &mut LayoutBuilder,
        _key: &'static str,
        _col: Col,
        _parent: (&'static str, &'static str, &'static str),
    ) {
    }
    /// Writes its cells.
    fn write<'a>(value: &'a Self::Value, w: &mut RowWriter<'_, 'a>);
    /// Writes its own sheets' rows (`parent`: the object's id).
    fn write_sheets<'a>(
        _value: &'a Self::Value,
        _key: &'static str,
        _parent: &'a str,
        _s: &mut Sheets<'a>,
    ) {
    }
    /// Reads it from column `name` (`key`: the field's key).
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        key: &'static str,
        name: &'static str,
    ) -> Option<Self::Value>;
    /// Its id, if it is one.
    fn as_id(_value: &Self::Value) -> Option<&str> {
        None
    }
}

/// The position of each id among `items` (the first, for an id twice).
pub(crate) fn ids_of<T: SheetRow>(items: &[T]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        m.entry(item.id().to_string()).or_insert(i);
    }
    m
}

/// The item of a kind that has no sheet of its own: there is none.
pub(crate) enum NoItem {}

/// The items of a field without a sheet of its own: none, ever.
macro_rules! no_items {
    () => {
        type Item = NoItem;
        fn push(_value: &mut Self::Value, item: NoItem) {
            match item {}
        }
        fn push_opt(_value: &mut Option<Self::Value>, item: NoItem) {
            match item {}
        }
    };
}

/// The value a required field gets when its cell is bad or missing: the
/// row has a finding, so the core's findings on it are not shown.
pub(crate) trait Placeholder: Kind {
    fn placeholder() -> Self::Value;
}

macro_rules! text_kind {
    ($t:ty, $column:expr) => {
        impl FieldCells for $t {
            no_items!();
            fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
                let kind = col.refers.map_or($column, ColumnKind::Ref);
                b.push(key, kind, required, col);
            }
            fn write<'a>(value: &'a String, w: &mut RowWriter<'_, 'a>) {
                w.put(CellView::Text(Cow::Borrowed(value)));
            }
            fn read(
                c: &mut RowCtx<'_>,
                r: &mut Reader,
                _key: &'static str,
                name: &'static str,
            ) -> Option<String> {
                c.text(r, name)
            }
        }
        impl Placeholder for $t {
            fn placeholder() -> String {
                String::new()
            }
        }
    };
}

text_kind!(Str, ColumnKind::Text);
text_kind!(Text, ColumnKind::Text);
text_kind!(Currency, ColumnKind::Currency);
text_kind!(RateCurrency, ColumnKind::Currency);

impl<const SET: u8> FieldCells for Id<SET> {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        b.push(key, ColumnKind::Id, required, col);
    }
    fn write<'a>(value: &'a String, w: &mut RowWriter<'_, 'a>) {
        w.put(CellView::Text(Cow::Borrowed(value)));
    }
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        _: &'static str,
        name: &'static str,
    ) -> Option<String> {
        c.text(r, name)
    }
    fn as_id(value: &String) -> Option<&str> {
        Some(value)
    }
}

impl<const SET: u8> Placeholder for Id<SET> {
    fn placeholder() -> String {
        String::new()
    }
}

impl<const SET: u8> FieldCells for Ref<SET> {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        let sheet = col.refers.unwrap_or(IdSet::from_u8(SET).list());
        b.push(key, ColumnKind::Ref(sheet), required, col);
    }
    fn write<'a>(value: &'a String, w: &mut RowWriter<'_, 'a>) {
        w.put(CellView::Text(Cow::Borrowed(value)));
    }
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        _: &'static str,
        name: &'static str,
    ) -> Option<String> {
        c.text(r, name)
    }
}

impl<const SET: u8> Placeholder for Ref<SET> {
    fn placeholder() -> String {
        String::new()
    }
}

impl<const BOUND: u8> FieldCells for Dec<BOUND> {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        b.push(key, ColumnKind::Decimal, required, col);
    }
    fn write<'a>(value: &'a Decimal, w: &mut RowWriter<'_, 'a>) {
        w.put(CellView::Decimal(*value));
    }
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        _: &'static str,
        name: &'static str,
    ) -> Option<Decimal> {
        let fraction = match BOUND {
            SHARE => Some(Fraction::Share),
            PROBABILITY => Some(Fraction::Probability),
            _ => None,
        };
        c.decimal(r, name, fraction)
    }
}

impl<const BOUND: u8> Placeholder for Dec<BOUND> {
    /// The least value the bound allows.
    fn placeholder() -> Decimal {
        match Self::INFO {
            crate::format::KindInfo::Decimal(
                crate::format::DecimalBound::Positive | crate::format::DecimalBound::Share,
            ) => Decimal::ONE,
            _ => Decimal::ZERO,
        }
    }
}

impl<T, const MIN: i64, const MAX: i64> FieldCells for Int<T, MIN, MAX>
where
    T: Copy + TryFrom<i64> + serde::Serialize + std::fmt::Display,
    i64: TryFrom<T>,
{
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        let kind = if MIN == MIN_YEAR as i64 && MAX == MAX_YEAR as i64 {
            ColumnKind::Year
        } else {
            ColumnKind::Int
        };
        b.push(key, kind, required, col);
    }
    fn write<'a>(value: &'a T, w: &mut RowWriter<'_, 'a>) {
        // Populations are at most 10¹³ (the format's limit); anything
        // larger is written as text rather than wrapped.
        w.put(i64::try_from(*value).map_or_else(
            |_| CellView::Text(Cow::Owned(value.to_string())),
            CellView::Int,
        ));
    }
    fn read(c: &mut RowCtx<'_>, r: &mut Reader, _: &'static str, name: &'static str) -> Option<T> {
        c.int::<T>(r, name, (MIN, MAX), false)
    }
}

impl<T, const MIN: i64, const MAX: i64> Placeholder for Int<T, MIN, MAX>
where
    T: Copy + TryFrom<i64> + serde::Serialize + Default,
    i64: TryFrom<T>,
{
    fn placeholder() -> T {
        T::try_from(MIN).unwrap_or_default()
    }
}

impl FieldCells for Date {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        b.push(key, ColumnKind::Date, required, col);
    }
    fn write<'a>(value: &'a NaiveDate, w: &mut RowWriter<'_, 'a>) {
        w.put(CellView::Date(*value));
    }
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        _: &'static str,
        name: &'static str,
    ) -> Option<NaiveDate> {
        c.date(r, name)
    }
}

impl Placeholder for Date {
    fn placeholder() -> NaiveDate {
        NaiveDate::MIN
    }
}

impl FieldCells for Bool {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        b.push(key, ColumnKind::Bool, required, col);
    }
    fn write<'a>(value: &'a bool, w: &mut RowWriter<'_, 'a>) {
        w.put(CellView::Bool(*value));
    }
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        _: &'static str,
        name: &'static str,
    ) -> Option<bool> {
        c.boolean(r, name)
    }
}

impl<E: Word> FieldCells for WordOf<E> {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        b.push(key, ColumnKind::Word(E::PREFIX, E::WORDS), required, col);
    }
    fn write<'a>(value: &'a E, w: &mut RowWriter<'_, 'a>) {
        w.put(CellView::Text(Cow::Borrowed(value.as_str())));
    }
    fn read(c: &mut RowCtx<'_>, r: &mut Reader, _: &'static str, name: &'static str) -> Option<E> {
        c.word::<E>(r, name)
    }
}

impl<E: Word> Placeholder for WordOf<E> {
    /// The enum's last word: the one that asks least of the rest of the row
    /// (`official`, `other`, `denied`).
    fn placeholder() -> E {
        E::WORDS
            .last()
            .and_then(|w| E::parse_word(w))
            .unwrap_or_else(|| unreachable!("an enum has words"))
    }
}

impl FieldCells for Subjects {
    no_items!();
    fn columns(b: &mut SheetBuilder, key: &'static str, col: Col, required: bool) {
        b.push(key, ColumnKind::Subjects, required, col);
    }
    fn write<'a>(value: &'a Vec<String>, w: &mut RowWriter<'_, 'a>) {
        w.put(if value.is_empty() {
            CellView::Empty
        } else {
            CellView::Text(Cow::Owned(super::join_subjects(value)))
        });
    }
    fn read(
        c: &mut RowCtx<'_>,
        r: &mut Reader,
        _: &'static str,
        name: &'static str,
    ) -> Option<Vec<String>> {
        Some(c.subjects(r, name))
    }
}

/// An object field: its fields' columns in its parent's row.
impl<T: SheetRow> FieldCells for ObjOf<T> {
    no_items!();
    const NCOLS: usize = T::NCOLS;
    fn columns(b: &mut SheetBuilder, key: &'static str, _col: Col, required: bool) {
        b.path.push(key);
        T::columns(b, required);
        b.path.pop();
    }
    fn write<'a>(value: &'a T, w: &mut RowWriter<'_, 'a>) {
        value.write_cells(w);
    }
    /// The object when any of its columns has a value.
    fn read(c: &mut RowCtx<'_>, r: &mut Reader, key: &'static str, _: &'static str) -> Option<T> {
        c.any_given_under(key).then(|| T::read_cells(c, r))
    }
}

/// A list field: a sheet of its own, one row per item.
impl<T: SheetRow + crate::validate::Rules> FieldCells for ListOf<T> {
    const NCOLS: usize = 0;
    const LIST: bool = true;
    type Item = T;
    fn push(value: &mut Vec<T>, item: T) {
        value.push(item);
    }
    fn push_opt(value: &mut Option<Vec<T>>, item: T) {
        value.get_or_insert_with(Vec::new).push(item);
    }
    /// One item per row, under the parent its first column names.
    fn read_list(
        r: &mut Reader,
        found: &FoundSheets<'_>,
        key: &'static str,
        ids: &HashMap<String, usize>,
        path: &dyn Fn(usize, usize) -> crate::finding::Path,
    ) -> Vec<(usize, T)> {
        r.children::<T>(found, key, ids, path)
    }
    fn columns(_b: &mut SheetBuilder, _key: &'static str, _col: Col, _required: bool) {}
    fn sheets(
        b: &mut LayoutBuilder,
        key: &'static str,
        col: Col,
        (object, sheet, _): (&'static str, &'static str, &'static str),
    ) {
        b.sheet::<T>(key, Some((col.parent.unwrap_or(object), sheet)));
    }
    fn write<'a>(_value: &'a Vec<T>, _w: &mut RowWriter<'_, 'a>) {}
    fn write_sheets<'a>(value: &'a Vec<T>, key: &'static str, parent: &'a str, s: &mut Sheets<'a>) {
        for item in value {
            s.row(key, Some(parent), item);
        }
    }
    /// Read from its own sheet, after its parents.
    fn read(
        _: &mut RowCtx<'_>,
        _: &mut Reader,
        _: &'static str,
        _: &'static str,
    ) -> Option<Vec<T>> {
        None
    }
}

/// The population: a sheet of its own, a row per year (or one row without
/// a year for a constant population).
impl FieldCells for PopulationKind {
    no_items!();
    const NCOLS: usize = 0;
    fn columns(_b: &mut SheetBuilder, _key: &'static str, _col: Col, _required: bool) {}
    fn sheets(
        b: &mut LayoutBuilder,
        key: &'static str,
        _col: Col,
        (_, _, what): (&'static str, &'static str, &'static str),
    ) {
        let mut s = SheetBuilder::new();
        s.push_at("year", ColumnKind::Year, false, Vec::new(), Col::KEY);
        s.push_at("population", ColumnKind::Int, true, Vec::new(), Col::KEY);
        b.sheets.push(s.finish(key, what));
    }
    fn write<'a>(_value: &'a Population, _w: &mut RowWriter<'_, 'a>) {}
    fn write_sheets<'a>(
        value: &'a Population,
        key: &'static str,
        _parent: &'a str,
        s: &mut Sheets<'a>,
    ) {
        let count = |p: u64| {
            i64::try_from(p)
                .map_or_else(|_| CellView::Text(Cow::Owned(p.to_string())), CellView::Int)
        };
        match value {
            Population::Constant(p) => s.plain_row(key, [CellView::Empty, count(*p)]),
            Population::ByYear(years) => {
                for (y, p) in years {
                    s.plain_row(key, [CellView::Int(i64::from(*y)), count(*p)]);
                }
            }
        }
    }
    /// Read from its own sheet ([`Reader`]'s population).
    fn read(
        _: &mut RowCtx<'_>,
        _: &mut Reader,
        _: &'static str,
        _: &'static str,
    ) -> Option<Population> {
        None
    }
}

/// The bounds of the population sheet's cells.
pub(crate) const POPULATION_BOUNDS: (i64, i64) = (0, MAX_POPULATION as i64);
/// The bounds of a year.
pub(crate) const YEAR_BOUNDS: (i64, i64) = (MIN_YEAR as i64, MAX_YEAR as i64);
