//! The `natverk/1` format, declared once.
//!
//! Each object of SPEC §3 is declared in [`crate::model`] with the
//! `declare!` macro: its fields, their Rust types, their *kind* (how a
//! value is read from JSON, which rule it obeys, how it is written) and
//! whether it is required, optional or defaulted. From that one declaration
//! come:
//!
//! - the plain data type (`Unit`, `Network`, …) with public fields;
//! - the loader's builder: its keys and its dispatch, by key, never by
//!   position (the builder's machinery lives with loading, `load::builder`;
//!   the walk's record of bad fields with validation, `validate::Checked`);
//! - the walk of [`crate::Inventory::new`] over data built in code, which
//!   calls the same rules in the same order as the loader;
//! - the serialiser of [`crate::Inventory::to_json`];
//! - [`objects`]: a description of every object (keys, kinds, docs) from
//!   which the JSON Schema, the Python stubs and the TypeScript types are
//!   generated ([`generate`]);
//! - the workbook's column of each field (SPEC §10, `crate::tables`'s
//!   layout, writing and reading), declared beside it (`, col = …`).
//!
//! The top level is declared the same way (`declare_top!`). Adding a key to
//! an object is one line in its declaration, plus its column's words in the
//! vocabulary, plus its rule if it has one (CONTRIBUTING.md's recipe).

pub mod generate;
pub(crate) mod kinds;

use serde::de::MapAccess;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::validate::Validator;

/// How a field's value is read, checked and written.
pub(crate) trait Kind {
    /// The Rust type of the value.
    type Value;
    /// What it is, for the schema and the generated types.
    const INFO: KindInfo;
    /// Reads the value at the map's next entry (the path ends with its
    /// key). `None` when it is null or had a finding.
    fn read<'de, A: MapAccess<'de>>(
        map: &mut A,
        v: &mut Validator,
    ) -> Result<Option<Self::Value>, A::Error>;
    /// The rule on a value (the loader calls it on what it read; the walk
    /// of data built in code calls it on each value). `false`: it had a
    /// finding.
    fn check(value: &Self::Value, v: &mut Validator) -> bool;
    /// Writes the value as `natverk/1` JSON.
    fn ser<S: Serializer>(value: &Self::Value, s: S) -> Result<S::Ok, S::Error>;
}

/// A value written by its kind.
pub(crate) struct ByKind<'a, K: Kind>(pub &'a K::Value);

impl<K: Kind> Serialize for ByKind<'_, K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        K::ser(self.0, s)
    }
}

/// The type of a field, described for the schema and generated types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KindInfo {
    /// Any string.
    Str,
    /// A non-empty string.
    Text,
    /// A non-empty id, unique in its list.
    Id,
    /// A non-empty id of an item of the named list (`units`, `people`).
    Ref(&'static str),
    /// A decimal (number or string) with a lower bound.
    Decimal(DecimalBound),
    /// A whole number from `min` to `max`.
    Integer(i64, i64),
    /// A date, `YYYY-MM-DD`.
    Date,
    /// `true` or `false`.
    Bool,
    /// One of these words.
    Word(&'static [&'static str]),
    /// An ISO 4217 code of three capital letters.
    Currency,
    /// A population: a whole number, or years mapped to whole numbers.
    Population,
    /// A list of non-empty, distinct strings.
    Strings,
    /// An object of the named kind.
    Object(&'static str),
    /// A list of objects of the named kind.
    List(&'static str),
}

/// The range of a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecimalBound {
    /// Any decimal.
    Any,
    /// At least 0.
    NonNegative,
    /// Above 0.
    Positive,
    /// Above 0, at most 1.
    Share,
    /// From 0 to 1.
    Probability,
}

/// One field of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    /// The JSON key (also the Rust field's name).
    pub key: &'static str,
    /// Its documentation.
    pub doc: &'static str,
    /// Whether the key is required.
    pub required: bool,
    /// Its type.
    pub kind: KindInfo,
}

/// One object of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectInfo {
    /// Its name (`network`, `cost`).
    pub name: &'static str,
    /// Its Rust type's name (`Network`).
    pub type_name: &'static str,
    /// Its documentation.
    pub doc: &'static str,
    /// Its fields, in the order they are written.
    pub fields: &'static [FieldInfo],
}

/// A declared object of the format.
pub(crate) trait Declared: Sized {
    /// The loader's builder.
    type Builder: crate::load::Builder<Out = Self>;
    /// The object's description.
    const INFO: ObjectInfo;
    /// Walks data built in code: every field's rule, then the object's
    /// rules, in the order the loader calls them.
    fn walk(&self, v: &mut Validator);
    /// Writes the fields.
    fn ser_fields<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error>;
}

/// Every object of the format, the top level first.
pub fn objects() -> Vec<ObjectInfo> {
    use crate::model::*;
    vec![
        crate::model::INVENTORY_INFO,
        <Organisation as Declared>::INFO,
        <Unit as Declared>::INFO,
        <Person as Declared>::INFO,
        <FeeSchedule as Declared>::INFO,
        <Tier as Declared>::INFO,
        <PerCapita as Declared>::INFO,
        <Rate as Declared>::INFO,
        <Network as Declared>::INFO,
        <Decision as Declared>::INFO,
        <Assessment as Declared>::INFO,
        <Participant as Declared>::INFO,
        <Cost as Declared>::INFO,
        <Financing as Declared>::INFO,
    ]
}

thread_local! {
    /// Whether defaulted fields are written even when they hold their
    /// default ([`with_defaults`]).
    static WRITE_DEFAULTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every `def` field written, also when it holds its default:
/// for the comparisons of `diff` and `merge`, which show a value changed
/// from its default as `"active" → "ended"`, not as a key added. The file
/// itself ([`crate::InventoryData::to_json`]) leaves defaults out.
pub fn with_defaults<T>(f: impl FnOnce() -> T) -> T {
    let before = WRITE_DEFAULTS.with(|w| w.replace(true));
    let out = f();
    WRITE_DEFAULTS.with(|w| w.set(before));
    out
}

/// Whether a value equals its default (typed by the value).
pub(crate) fn is_default<T: PartialEq>(value: &T, default: impl FnOnce() -> T) -> bool {
    *value == default()
}

/// Whether a field holding its default is written now.
pub(crate) fn write_defaults() -> bool {
    WRITE_DEFAULTS.with(|w| w.get())
}

/// Declares one object of the format: its data type, builder, walk,
/// serialiser, chainable setters and description. Modes: `req` (required),
/// `opt` (optional, `Option`), `def = expr` (defaulted, written only when
/// it differs from the default, except inside [`with_defaults`]),
/// `defskip = expr` (defaulted, never written when it holds the default).
/// A field's setter is named as the field, or as `, set name` says
/// (`, set none`: written by hand beside the declaration).
macro_rules! declare {
    (
        $(#[doc = $tdoc:literal])*
        pub struct $name:ident ($obj:literal, $builder:ident) {
            $(
                $(#[doc = $doc:literal])*
                $field:ident : $ty:ty => $kind:ty, $mode:ident $(= $default:expr)? $(, set $setter:ident)? $(, col = $col:expr)?;
            )+
        }
    ) => {
        $(#[doc = $tdoc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[doc = $doc])* pub $field: $crate::format::field_ty!($mode, $ty), )+
        }

        /// Chainable setters, one per field (`Network::new(id, name, start).unit("slk")`).
        impl $name {
            $( $crate::format::setter!($field, $ty, $mode $(, $setter)?); )+
        }

        #[doc(hidden)]
        #[derive(Default)]
        pub(crate) struct $builder {
            $( pub(crate) $field: $crate::load::Slot<$ty>, )+
        }

        impl $crate::load::Builder for $builder {
            type Out = $name;
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),+];
            const WHAT: &'static str = concat!("what.", $obj);
            const WHAT_LIST: &'static str = concat!("what_list.", $obj);
            fn field<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
                v: &mut $crate::validate::Validator,
            ) -> Result<bool, A::Error> {
                // By the key's bytes as a number (`key_code`): a key is
                // found by comparing integers, not strings one by one.
                let code = $crate::load::key_code(key);
                $(
                    if code == const { $crate::load::key_code(stringify!($field)) }
                        && (code != $crate::load::LONG_KEY || key == stringify!($field))
                    {
                        $crate::load::read_slot::<$kind, A>(
                            &mut self.$field, stringify!($field), map, v)?;
                        return Ok(true);
                    }
                )+
                Ok(false)
            }
            fn finish(self, v: &mut $crate::validate::Validator) -> Option<$name> {
                $( $crate::format::require_if!($mode, &self.$field, stringify!($field),
                    <Self as $crate::load::Builder>::WHAT, v); )+
                <$name as $crate::validate::Rules>::builder_rules(&self, v);
                Some($name {
                    $( $field: $crate::format::take!($mode, self.$field.value $(, $default)?), )+
                })
            }
        }

        impl $crate::format::Declared for $name {
            type Builder = $builder;
            const INFO: $crate::format::ObjectInfo = $crate::format::ObjectInfo {
                name: $obj,
                type_name: stringify!($name),
                doc: concat!($($tdoc, "\n",)*),
                fields: &[$(
                    $crate::format::FieldInfo {
                        key: stringify!($field),
                        doc: concat!($($doc, "\n",)*),
                        required: $crate::format::is_req!($mode),
                        kind: <$kind as $crate::format::Kind>::INFO,
                    },
                )+],
            };
            fn walk(&self, v: &mut $crate::validate::Validator) {
                let mut checked = $crate::validate::Checked::new(
                    <$builder as $crate::load::Builder>::KEYS,
                );
                $(
                    v.push_key(stringify!($field));
                    let before = v.count();
                    $crate::format::walk_field!($mode, $kind, &self.$field, v);
                    checked.record(stringify!($field), v.count() > before);
                    v.pop();
                )+
                <$name as $crate::validate::Rules>::data_rules(self, &checked, v);
            }
            fn ser_fields<M: serde::ser::SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
                $( $crate::format::ser_field!($mode, $kind, m, stringify!($field), &self.$field $(, $default)?); )+
                Ok(())
            }
        }

        impl $crate::tables::cells::SheetRow for $name {
            const NCOLS: usize = 0 $(+ <$kind as $crate::tables::cells::FieldCells>::NCOLS)+;
            fn columns(b: &mut $crate::tables::cells::SheetBuilder, required: bool) {
                $( <$kind as $crate::tables::cells::FieldCells>::columns(
                    b,
                    stringify!($field),
                    $crate::format::col_of!($($col)?),
                    required && $crate::format::is_req!($mode),
                ); )+
            }
            fn sheets(b: &mut $crate::tables::cells::LayoutBuilder, sheet: &'static str) {
                $( <$kind as $crate::tables::cells::FieldCells>::sheets(
                    b,
                    stringify!($field),
                    $crate::format::col_of!($($col)?),
                    ($obj, sheet, <$builder as $crate::load::Builder>::WHAT),
                ); )+
            }
            fn write_cells<'a>(&'a self, w: &mut $crate::tables::cells::RowWriter<'_, 'a>) {
                $( $crate::format::write_cells!($mode, $kind, &self.$field, w); )+
            }
            fn write_sheets<'a>(&'a self, s: &mut $crate::tables::cells::Sheets<'a>) {
                let id = <Self as $crate::tables::cells::SheetRow>::id(self);
                $( $crate::format::write_sheets!($mode, $kind, &self.$field, stringify!($field), id, s); )+
            }
            fn read_cells(
                c: &mut $crate::tables::cells::RowCtx<'_>,
                r: &mut $crate::tables::cells::Reader,
            ) -> Self {
                $name {
                    $( $field: $crate::format::read_cell!(
                        $mode, $kind, c, r,
                        stringify!($field),
                        $crate::format::col_of!($($col)?).name_of(stringify!($field)),
                        <$builder as $crate::load::Builder>::WHAT
                        $(, $default)?
                    ), )+
                }
            }
            fn read_lists(
                items: &mut [Self],
                r: &mut $crate::tables::cells::Reader,
                found: &$crate::tables::cells::FoundSheets<'_>,
                path: &dyn Fn(usize) -> $crate::finding::Path,
            ) {
                use $crate::tables::cells::FieldCells;
                let ids = if false $(|| <$kind as FieldCells>::LIST)+ {
                    $crate::tables::cells::ids_of(items)
                } else {
                    std::collections::HashMap::new()
                };
                $(
                    let key = stringify!($field);
                    let list = <$kind as FieldCells>::read_list(
                        r, found, key, &ids, &|parent, i| path(parent).key(key).index(i));
                    for (parent, item) in list {
                        if let Some(p) = items.get_mut(parent) {
                            $crate::format::push_item!($mode, $kind, &mut p.$field, item);
                        }
                    }
                )+
            }
            fn id(&self) -> &str {
                $( if let Some(id) = $crate::format::as_id!($mode, $kind, &self.$field) {
                    return id;
                } )+
                ""
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(None)?;
                <$name as $crate::format::Declared>::ser_fields(self, &mut m)?;
                m.end()
            }
        }
    };
}
pub(crate) use declare;

macro_rules! setter {
    ($field:ident, $ty:ty, $mode:ident, none) => {};
    ($field:ident, $ty:ty, opt, $name:ident) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        #[must_use]
        pub fn $name(mut self, value: impl $crate::model::IntoValue<$ty>) -> Self {
            self.$field = Some(value.into_value());
            self
        }
    };
    ($field:ident, $ty:ty, $mode:ident, $name:ident) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        #[must_use]
        pub fn $name(mut self, value: impl $crate::model::IntoValue<$ty>) -> Self {
            self.$field = value.into_value();
            self
        }
    };
    ($field:ident, $ty:ty, $mode:ident) => {
        $crate::format::setter!($field, $ty, $mode, $field);
    };
}
pub(crate) use setter;

macro_rules! field_ty {
    (opt, $ty:ty) => { Option<$ty> };
    ($mode:ident, $ty:ty) => { $ty };
}
pub(crate) use field_ty;

macro_rules! require_if {
    (req, $slot:expr, $key:expr, $what:expr, $v:expr) => {
        $crate::load::require($slot, $key, $what, $v)
    };
    ($mode:ident, $slot:expr, $key:expr, $what:expr, $v:expr) => {};
}
pub(crate) use require_if;

macro_rules! take {
    (req, $value:expr) => {
        $value?
    };
    (opt, $value:expr) => {
        $value
    };
    (def, $value:expr, $default:expr) => {
        $value.unwrap_or_else(|| $default)
    };
    (defskip, $value:expr, $default:expr) => {
        $value.unwrap_or_else(|| $default)
    };
}
pub(crate) use take;

macro_rules! is_req {
    (req) => {
        true
    };
    ($mode:ident) => {
        false
    };
}
pub(crate) use is_req;

macro_rules! walk_field {
    (opt, $kind:ty, $value:expr, $v:expr) => {
        if let Some(x) = $value {
            <$kind as $crate::format::Kind>::check(x, $v);
        }
    };
    ($mode:ident, $kind:ty, $value:expr, $v:expr) => {
        <$kind as $crate::format::Kind>::check($value, $v);
    };
}
pub(crate) use walk_field;

macro_rules! ser_field {
    (opt, $kind:ty, $m:expr, $key:expr, $value:expr) => {
        if let Some(x) = $value {
            $m.serialize_entry($key, &$crate::format::ByKind::<$kind>(x))?;
        }
    };
    (def, $kind:ty, $m:expr, $key:expr, $value:expr, $default:expr) => {
        if !$crate::format::is_default($value, || $default) || $crate::format::write_defaults() {
            $m.serialize_entry($key, &$crate::format::ByKind::<$kind>($value))?;
        }
    };
    (defskip, $kind:ty, $m:expr, $key:expr, $value:expr, $default:expr) => {
        if *$value != $default {
            $m.serialize_entry($key, &$crate::format::ByKind::<$kind>($value))?;
        }
    };
    ($mode:ident, $kind:ty, $m:expr, $key:expr, $value:expr $(, $default:expr)?) => {
        $m.serialize_entry($key, &$crate::format::ByKind::<$kind>($value))?;
    };
}
pub(crate) use ser_field;

macro_rules! col_of {
    () => {
        $crate::tables::cells::Col::KEY
    };
    ($col:expr) => {
        $col
    };
}
pub(crate) use col_of;

macro_rules! write_cells {
    (opt, $kind:ty, $value:expr, $w:expr) => {
        match $value {
            Some(x) => <$kind as $crate::tables::cells::FieldCells>::write(x, $w),
            None => $w.skip(<$kind as $crate::tables::cells::FieldCells>::NCOLS),
        }
    };
    ($mode:ident, $kind:ty, $value:expr, $w:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::write($value, $w)
    };
}
pub(crate) use write_cells;

macro_rules! write_sheets {
    (opt, $kind:ty, $value:expr, $key:expr, $id:expr, $s:expr) => {
        if let Some(x) = $value {
            <$kind as $crate::tables::cells::FieldCells>::write_sheets(x, $key, $id, $s);
        }
    };
    ($mode:ident, $kind:ty, $value:expr, $key:expr, $id:expr, $s:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::write_sheets($value, $key, $id, $s)
    };
}
pub(crate) use write_sheets;

macro_rules! read_cell {
    (req, $kind:ty, $c:expr, $r:expr, $key:expr, $name:expr, $what:expr) => {{
        let value = <$kind as $crate::tables::cells::FieldCells>::read($c, $r, $key, $name);
        if !$c.given($name) {
            $c.missing($r, $name, $what);
        }
        match value {
            Some(x) => x,
            None => {
                $c.incomplete = true;
                <$kind as $crate::tables::cells::Placeholder>::placeholder()
            }
        }
    }};
    (opt, $kind:ty, $c:expr, $r:expr, $key:expr, $name:expr, $what:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::read($c, $r, $key, $name)
    };
    ($mode:ident, $kind:ty, $c:expr, $r:expr, $key:expr, $name:expr, $what:expr, $default:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::read($c, $r, $key, $name)
            .unwrap_or_else(|| $default)
    };
}
pub(crate) use read_cell;

macro_rules! as_id {
    (req, $kind:ty, $value:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::as_id($value)
    };
    ($mode:ident, $kind:ty, $value:expr) => {
        None::<&str>
    };
}
pub(crate) use as_id;

/// Declares the top level of the format, as `declare!` declares an object:
/// the `format` tag, the organisation (required), then the lists, each
/// with the name of its one-item setter. From it come the data type, its
/// constructor and setters, its description ([`objects`]), its serialiser
/// (the tag first; an empty list is left out as every default is), the
/// loader's keys and dispatch (the whole-file rules are `load`'s
/// `finish_top`), and the workbook's sheets (one for the organisation, one
/// per list, SPEC §10).
macro_rules! declare_top {
    (
        $(#[doc = $tdoc:literal])*
        pub struct $name:ident ($obj:literal, $info:literal, $builder:ident) {
            $(#[doc = $fdoc:literal])*
            format => $format:expr;
            $(#[doc = $odoc:literal])*
            $org:ident : $org_ty:ty;
            $(
                $(#[doc = $doc:literal])*
                $list:ident : [$elem:ty], add $one:ident;
            )+
        }
    ) => {
        $(#[doc = $tdoc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name {
            $(#[doc = $odoc])*
            pub $org: $org_ty,
            $( $(#[doc = $doc])* pub $list: Vec<$elem>, )+
        }

        /// The top level of the format, for the schema and generated types.
        pub(crate) const INVENTORY_INFO: $crate::format::ObjectInfo = $crate::format::ObjectInfo {
            name: $obj,
            type_name: stringify!($name),
            doc: concat!($info, "\n"),
            fields: &[
                $crate::format::FieldInfo {
                    key: "format",
                    doc: concat!($($fdoc, "\n",)*),
                    required: true,
                    kind: $crate::format::KindInfo::Word(&[$format]),
                },
                $crate::format::FieldInfo {
                    key: stringify!($org),
                    doc: concat!($($odoc, "\n",)*),
                    required: true,
                    kind: <$crate::format::kinds::ObjOf<$org_ty> as $crate::format::Kind>::INFO,
                },
                $( $crate::format::FieldInfo {
                    key: stringify!($list),
                    doc: concat!($($doc, "\n",)*),
                    required: false,
                    kind: <$crate::format::kinds::ListOf<$elem> as $crate::format::Kind>::INFO,
                }, )+
            ],
        };

        impl $name {
            #[doc = concat!("An inventory of `", stringify!($org), "` with empty lists.")]
            pub fn new($org: $org_ty) -> $name {
                $name { $org, $( $list: Vec::new(), )+ }
            }
            $(
                #[doc = concat!("Sets `", stringify!($list), "`.")]
                #[must_use]
                pub fn $list(mut self, items: impl Into<Vec<$elem>>) -> Self {
                    self.$list = items.into();
                    self
                }
                #[doc = concat!("Adds one to `", stringify!($list), "`.")]
                #[must_use]
                pub fn $one(mut self, item: $elem) -> Self {
                    self.$list.push(item);
                    self
                }
            )+
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("format", $format)?;
                m.serialize_entry(stringify!($org), &self.$org)?;
                // An empty list is the default: left out, as every default
                // is (unless defaults are asked for, `with_defaults`).
                let write_defaults = $crate::format::write_defaults();
                $(
                    if !self.$list.is_empty() || write_defaults {
                        m.serialize_entry(stringify!($list), &self.$list)?;
                    }
                )+
                m.end()
            }
        }

        /// The loader's builder of the top level.
        #[derive(Default)]
        pub(crate) struct $builder {
            pub(crate) format: $crate::load::Slot<String>,
            pub(crate) $org: $crate::load::Slot<$org_ty>,
            $( pub(crate) $list: $crate::load::Slot<Vec<$elem>>, )+
        }

        impl $builder {
            /// The data, once the whole-file rules have run.
            pub(crate) fn assemble(self) -> Option<$name> {
                Some($name {
                    $org: self.$org.value?,
                    $( $list: self.$list.value.unwrap_or_default(), )+
                })
            }
        }

        impl $crate::load::Builder for $builder {
            type Out = $name;
            const KEYS: &'static [&'static str] =
                &["format", stringify!($org), $(stringify!($list)),+];
            const WHAT: &'static str = concat!("what.", $obj);
            const WHAT_LIST: &'static str = concat!("what.", $obj);
            fn field<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
                v: &mut $crate::validate::Validator,
            ) -> Result<bool, A::Error> {
                use $crate::format::kinds::{ListOf, ObjOf, Str};
                use $crate::load::read_slot;
                match key {
                    "format" => read_slot::<Str, A>(&mut self.format, "format", map, v)?,
                    stringify!($org) => read_slot::<ObjOf<$org_ty>, A>(
                        &mut self.$org, stringify!($org), map, v)?,
                    $( stringify!($list) => read_slot::<ListOf<$elem>, A>(
                        &mut self.$list, stringify!($list), map, v)?, )+
                    _ => return Ok(false),
                }
                Ok(true)
            }
            fn finish(self, v: &mut $crate::validate::Validator) -> Option<$name> {
                $crate::load::finish_top(self, v)
            }
        }

        impl $name {
            /// Reads the lists' sheets (each after the organisation's):
            /// the data, when there is an organisation.
            pub(crate) fn read_sheets(
                r: &mut $crate::tables::cells::Reader,
                found: &$crate::tables::cells::FoundSheets<'_>,
                $org: Option<$org_ty>,
            ) -> Option<$name> {
                use $crate::tables::cells::SheetRow;
                $(
                    let mut $list = r.items::<$elem>(found, stringify!($list));
                    <$elem as SheetRow>::read_lists(&mut $list, r, found, &|i| {
                        $crate::finding::Path::root().key(stringify!($list)).index(i)
                    });
                )+
                Some($name { $org: $org?, $( $list, )+ })
            }
            /// The workbook's sheets: the organisation's, then a list's.
            pub(crate) fn sheets(b: &mut $crate::tables::cells::LayoutBuilder) {
                b.sheet::<$org_ty>(stringify!($org), None);
                $( b.sheet::<$elem>(stringify!($list), None); )+
            }
            /// The rows of every sheet, in file order.
            pub(crate) fn write_sheets<'a>(&'a self, s: &mut $crate::tables::cells::Sheets<'a>) {
                s.row(stringify!($org), None, &self.$org);
                $(
                    for item in &self.$list {
                        s.row(stringify!($list), None, item);
                    }
                )+
            }
        }
    };
}
pub(crate) use declare_top;

macro_rules! push_item {
    (opt, $kind:ty, $slot:expr, $item:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::push_opt($slot, $item)
    };
    ($mode:ident, $kind:ty, $slot:expr, $item:expr) => {
        <$kind as $crate::tables::cells::FieldCells>::push($slot, $item)
    };
}
pub(crate) use push_item;
