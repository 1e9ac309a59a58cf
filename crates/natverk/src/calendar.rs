//! The calendar of SPEC §14: the dates an official must act on
//! (registration deadlines, the last day to give notice for each year's
//! end, the networks' own ends), as data, as JSON and as iCalendar
//! (RFC 5545).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::finding::{Code, Finding, Findings, Path};
use crate::inventory::Inventory;
use crate::model::{Network, Status};
use crate::present::messages as m;
use crate::present::{label, Align, Column, DisplayCell, Lang, Message, Table};
use crate::Error;

/// What an event of the calendar asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EventKind {
    /// The last day to register (status `proposed` or `applied`).
    Deadline,
    /// The network's own end.
    End,
    /// The last day to give notice so that the network ends by the end of
    /// a year.
    Notice,
}

impl EventKind {
    /// The word in the JSON: `deadline`, `notice`, `end`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Deadline => "deadline",
            EventKind::End => "end",
            EventKind::Notice => "notice",
        }
    }
    /// The word for people.
    pub fn label(self, lang: Lang) -> &'static str {
        crate::present::vocabulary::static_label(&format!("event.{}", self.as_str()), lang)
            .unwrap_or("")
    }
}

impl Serialize for EventKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One date of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Event {
    /// The day.
    pub date: NaiveDate,
    /// What it is.
    pub kind: EventKind,
    /// The network's id.
    pub network: String,
    /// The network's name.
    pub name: String,
    /// The year the event counts for: the year whose end a `notice` is
    /// for, else the year of the date.
    pub year: i32,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Event", 4)?;
        st.serialize_field("date", &self.date.format("%Y-%m-%d").to_string())?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("network", &self.network)?;
        st.serialize_field("name", &self.name)?;
        st.end()
    }
}

/// The calendar of an inventory over a range of years (SPEC §14); as JSON
/// `{ "events": [ { "date", "kind", "network", "name" } ] }`. Made by
/// [`Inventory::calendar`].
///
/// # Example
///
/// ```
/// use natverk::{EventKind, Inventory, Lang, NaiveDate};
///
/// let inv = Inventory::from_json(r#"{"format": "natverk/1",
///   "organisation": {"name": "X", "currency": "SEK"},
///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "notice_months": 3}]}"#)?;
/// let cal: natverk::Calendar = inv.calendar(2025, 2025)?;
/// assert_eq!(cal.events[0].kind, EventKind::Notice);
/// assert_eq!(cal.events[0].date, NaiveDate::from_ymd_opt(2025, 10, 1).unwrap());
/// let stamp = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_hms_opt(8, 0, 0).unwrap();
/// let ics = cal.to_ics(Lang::En, stamp);
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
/// # Ok::<(), natverk::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Calendar {
    /// The organisation's name (for the `.ics` UIDs and titles).
    pub organisation: String,
    /// First year, inclusive.
    pub from: i32,
    /// Last year, inclusive.
    pub to: i32,
    /// The events, sorted by date, then network id, then kind.
    pub events: Vec<Event>,
}

impl Serialize for Calendar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Calendar", 1)?;
        st.serialize_field("events", &self.events)?;
        st.end()
    }
}

/// The statuses whose networks the calendar lists.
fn listed(s: Status) -> bool {
    matches!(
        s,
        Status::Proposed | Status::Applied | Status::Active | Status::Dormant
    )
}

/// The last day to give notice with `months` of notice so that a network
/// ends by 31 December of `year`: the first day of month index
/// 12·year + 12 − months, months counted from January of year 0
/// (SPEC §14). `None` only outside the dates chrono can hold.
pub fn notice_day(year: i32, months: u32) -> Option<NaiveDate> {
    let idx = 12 * i64::from(year) + 12 - i64::from(months);
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    let month = u32::try_from(idx.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(y, month, 1)
}

/// The years of `from..=to` for which a network gets a `notice` event.
fn notice_years(n: &Network, from: i32, to: i32) -> std::ops::RangeInclusive<i32> {
    if n.notice_months == 0 || !listed(n.status) {
        #[allow(clippy::reversed_empty_ranges)]
        return 1..=0;
    }
    // Not ended by 31 December of Y: Y < end.year.
    let last = match n.end {
        Some(e) => to.min(e.year() - 1),
        None => to,
    };
    from..=last
}

/// How many events a network gives over `from..=to`, without making them.
fn count(n: &Network, from: i32, to: i32) -> usize {
    if !listed(n.status) {
        return 0;
    }
    let r = notice_years(n, from, to);
    let mut c = if r.is_empty() {
        0
    } else {
        (r.end() - r.start() + 1) as usize
    };
    let within = |d: NaiveDate| (from..=to).contains(&d.year());
    if matches!(n.status, Status::Proposed | Status::Applied) && n.deadline.is_some_and(within) {
        c += 1;
    }
    if n.end.is_some_and(within) {
        c += 1;
    }
    c
}

pub(crate) fn calendar(inv: &Inventory, from: i32, to: i32) -> Result<Calendar, Error> {
    let f = crate::options::range_findings(from, to);
    if !f.is_empty() {
        return Err(Error::Options(Findings::new(f)));
    }
    let total = inv
        .networks()
        .iter()
        .map(|n| count(n, from, to))
        .fold(0usize, usize::saturating_add);
    let limit = crate::limits::report_lines(inv.size());
    if total > limit {
        return Err(Error::Report(Findings::new(vec![Finding::new(
            Code::InvalidValue,
            Path::root().key("options"),
            Message::new(&m::CALENDAR_TOO_LARGE)
                .with("count", total)
                .with("limit", limit),
        )])));
    }
    let mut events = Vec::with_capacity(total);
    let within = |d: NaiveDate| (from..=to).contains(&d.year());
    for n in inv.networks() {
        if !listed(n.status) {
            continue;
        }
        let mut push = |date: NaiveDate, kind: EventKind, year: i32| {
            events.push(Event {
                date,
                kind,
                network: n.id.clone(),
                name: n.name.clone(),
                year,
            })
        };
        if matches!(n.status, Status::Proposed | Status::Applied) {
            if let Some(d) = n.deadline.filter(|d| within(*d)) {
                push(d, EventKind::Deadline, d.year());
            }
        }
        for y in notice_years(n, from, to) {
            if let Some(d) = notice_day(y, n.notice_months) {
                push(d, EventKind::Notice, y);
            }
        }
        if let Some(e) = n.end.filter(|d| within(*d)) {
            push(e, EventKind::End, e.year());
        }
    }
    events.sort_by(|a, b| {
        (a.date, a.network.as_str(), a.kind.as_str()).cmp(&(
            b.date,
            b.network.as_str(),
            b.kind.as_str(),
        ))
    });
    Ok(Calendar {
        organisation: inv.organisation().name.clone(),
        from,
        to,
        events,
    })
}

impl Calendar {
    /// The JSON of SPEC §14, pretty.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The calendar as people see it, in `lang`: date, what, network id,
    /// name, and the year a notice is for.
    pub fn table(&self, lang: Lang) -> Table {
        let col = |key: &'static str, l: &str, align: Align| Column {
            key,
            label: crate::present::vocabulary::static_label(l, lang).unwrap_or(""),
            align,
        };
        Table {
            key: "calendar",
            title: crate::present::fill(
                label("ui.calendar_title", lang),
                &[
                    ("organisation", &self.organisation),
                    ("years", &crate::present::years(self.from, self.to)),
                ],
            ),
            columns: vec![
                col("date", "ui.date", Align::Left),
                col("kind", "ui.event", Align::Left),
                col("network", "key.network", Align::Left),
                col("name", "key.name", Align::Left),
                col("year", "ui.for_year", Align::Right),
            ],
            rows: self
                .events
                .iter()
                .map(|e| {
                    vec![
                        DisplayCell::Text(e.date.format("%Y-%m-%d").to_string()),
                        DisplayCell::Word(e.kind.label(lang)),
                        DisplayCell::Text(e.network.clone()),
                        DisplayCell::Text(e.name.clone()),
                        DisplayCell::Int(i64::from(e.year)),
                    ]
                })
                .collect(),
            footer: Vec::new(),
        }
    }

    /// The calendar as iCalendar (RFC 5545): one all-day event per date,
    /// with a UID made of the organisation, the network, the kind and the
    /// date (so importing it again updates the events instead of doubling
    /// them), CRLF line endings, lines folded at 75 octets, texts escaped.
    /// Control characters from the file are written escaped as `\u{1b}`
    /// (line breaks as the format's `\n`). `stamp` is the `DTSTAMP` (UTC).
    ///
    /// ```
    /// use natverk::{Inventory, Lang};
    ///
    /// let inv = Inventory::from_json(r#"{"format": "natverk/1",
    ///   "organisation": {"name": "X", "currency": "SEK"},
    ///   "networks": [{"id": "a", "name": "A", "start": "2024-01-01", "notice_months": 3}]}"#)?;
    /// let stamp = natverk::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    /// let ics = inv.calendar(2024, 2024)?.to_ics(Lang::En, stamp);
    /// assert!(ics.contains("DTSTART;VALUE=DATE:20241001\r\n"));
    /// assert!(ics.contains("UID:20241001-notice-a@X.natverk\r\n"));
    /// # Ok::<(), natverk::Error>(())
    /// ```
    pub fn to_ics(&self, lang: Lang, stamp: NaiveDateTime) -> String {
        let mut out = String::with_capacity(256 + self.events.len() * 320);
        let mut line = |s: &str| fold_into(&mut out, s);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!(
            "PRODID:-//natverk//natverk {}//{}",
            env!("CARGO_PKG_VERSION"),
            lang.as_str().to_uppercase()
        ));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        let title = crate::present::fill(
            label("ui.calendar_title", lang),
            &[
                ("organisation", &self.organisation),
                ("years", &crate::present::years(self.from, self.to)),
            ],
        );
        line(&format!("X-WR-CALNAME:{}", ics_text(&title)));
        let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
        let org = uid_part(&self.organisation);
        for e in &self.events {
            let day = ics_date(e.date);
            let next = e
                .date
                .succ_opt()
                .map(ics_date)
                .unwrap_or_else(|| day.clone());
            line("BEGIN:VEVENT");
            line(&format!(
                "UID:{day}-{}-{}@{org}.natverk",
                e.kind.as_str(),
                uid_part(&e.network)
            ));
            line(&format!("DTSTAMP:{stamp}"));
            line(&format!("DTSTART;VALUE=DATE:{day}"));
            line(&format!("DTEND;VALUE=DATE:{next}"));
            line(&format!("SUMMARY:{}", ics_text(&e.summary(lang))));
            line(&format!(
                "DESCRIPTION:{}",
                ics_text(&format!("{} ({})", e.summary(lang), e.network))
            ));
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        out
    }
}

impl Event {
    /// One sentence for people: `Last day to give notice on X to leave by
    /// the end of 2025`.
    pub fn summary(&self, lang: Lang) -> String {
        let key = match self.kind {
            EventKind::Deadline => "event.summary.deadline",
            EventKind::End => "event.summary.end",
            EventKind::Notice => "event.summary.notice",
        };
        crate::present::fill(
            label(key, lang),
            &[("name", &self.name), ("year", &self.year.to_string())],
        )
    }
}

/// `YYYYMMDD`.
fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A piece of a UID: letters, digits, `.`, `_` and `-` as they are, every
/// other byte of its UTF-8 as `%XX`, so the UID needs no escaping and two
/// different ids never give the same UID.
fn uid_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A TEXT value of RFC 5545 §3.3.11: `\`, `;` and `,` escaped, a line
/// break as `\n`, and every other control character (which the format does
/// not allow) written as `\u{1b}` (with its backslash escaped).
pub(crate) fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {
                let _ = write!(out, "\\\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (RFC 5545 §3.1): a longer
/// line goes on in lines that begin with a space, split between
/// characters, never inside one; every line ends in CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0usize;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_day_reads_the_leave_rule_backwards() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(notice_day(2025, 3), Some(d(2025, 10, 1)));
        assert_eq!(notice_day(2025, 12), Some(d(2025, 1, 1)));
        assert_eq!(notice_day(2025, 18), Some(d(2024, 7, 1)));
        assert_eq!(notice_day(2025, 1), Some(d(2025, 12, 1)));
        assert_eq!(notice_day(2025, 24), Some(d(2024, 1, 1)));
    }

    /// SPEC §14 defines the notice day as §5's `leave` rule read
    /// backwards: notice given on 1 January of L ends the network by 31
    /// December of Y exactly when 1 January of L is on or before the
    /// notice day of Y. The two rules are written apart (`notice_day`,
    /// `cost::leave_end`); this holds them together.
    #[test]
    fn the_notice_day_and_the_leave_end_agree() {
        let jan1 = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        for k in 1..=30u32 {
            let mut n = Network::new("n", "N", jan1(2000));
            n.notice_months = k;
            for y in 2018..2030 {
                for l in 2015..2032 {
                    let ends_in_time = crate::cost::leave_end(&n, l)
                        .is_some_and(|e| e <= NaiveDate::from_ymd_opt(y, 12, 31).unwrap());
                    let before_notice_day = notice_day(y, k).is_some_and(|d| jan1(l) <= d);
                    assert_eq!(ends_in_time, before_notice_day, "k={k} y={y} l={l}");
                }
            }
        }
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "å".repeat(60));
        fold_into(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }

    #[test]
    fn texts_are_escaped_and_control_characters_written_as_escapes() {
        assert_eq!(ics_text("a;b,c\\d"), "a\\;b\\,c\\\\d");
        assert_eq!(ics_text("a\r\nb\nc"), "a\\nb\\nc");
        assert_eq!(ics_text("x\u{1b}[31m"), "x\\\\u{1b}[31m");
        assert_eq!(uid_part("Göteborgs Stad"), "G%C3%B6teborgs%20Stad");
    }
}
