//! Warnings (SPEC §6): one small pure function per family, each returning
//! findings; [`warnings`] runs them all, network by network.

use chrono::{Datelike, Days, NaiveDate};

use crate::cost::{self, network_path};
use crate::equality::balanced;
use crate::finding::{Code, Finding, Path};
use crate::inventory::Inventory;
use crate::model::{Gender, Network, NetworkKind, Person, Role, Side, Status};
use crate::present::messages as m;
use crate::present::Message;

/// A warning family: looks at one network and adds findings.
type Rule = fn(&Inventory, usize, &Network, NaiveDate, &mut Vec<Finding>);

/// Every rule, in the order their findings are listed (`overfinanced`, the
/// one whose work grows with years × costs, last).
const RULES: &[Rule] = &[
    no_costs,
    no_participants,
    composition,
    gender_imbalance,
    deadlines,
    notice_soon,
    ended_but_active,
    uncosted_time,
    overfinanced,
];

/// Every warning of the inventory, judged against `today`. When the
/// `overfinanced` check would evaluate more than
/// [`crate::limits::check_work`] allows for the inventory's size, it is
/// not run, and an error finding says so (SPEC §9); every other warning
/// is still judged.
pub fn warnings(inv: &Inventory, today: NaiveDate) -> Vec<Finding> {
    let limit = crate::limits::check_work(inv.size());
    let work = (0..inv.networks().len())
        .map(|i| cost::overfinanced_work(inv, i, today.year()))
        .fold(0usize, usize::saturating_add);
    let rules = if work <= limit {
        RULES
    } else {
        &RULES[..RULES.len() - 1]
    };
    let mut out = Vec::new();
    for (i, n) in inv.networks().iter().enumerate() {
        let start = out.len();
        for rule in rules {
            rule(inv, i, n, today, &mut out);
        }
        // In path order: each network's findings among themselves (a
        // stable sort keeps the rules' order at one path) ...
        let mine = out.split_off(start);
        out.extend(in_path_order(mine));
    }
    // ... and the whole, should a rule have found something elsewhere.
    if !out.is_sorted_by(|a, b| a.path <= b.path) {
        out = in_path_order(out);
    }
    if work > limit {
        out.insert(
            0,
            Finding::new(
                Code::InvalidValue,
                Path::root(),
                Message::new(&m::CHECK_TOO_MUCH_WORK)
                    .with("count", work)
                    .with("limit", limit),
            ),
        );
    }
    out
}

/// Costs and composition are judged only for these statuses.
fn current(n: &Network) -> bool {
    matches!(
        n.status,
        Status::Proposed | Status::Applied | Status::Active
    )
}

fn warn(out: &mut Vec<Finding>, code: Code, path: Path, msg: Message) {
    out.push(Finding::new(code, path, msg));
}

/// The people sitting in network `i`, in the order of its participants.
fn people<'a>(inv: &'a Inventory, i: usize) -> impl Iterator<Item = &'a Person> + 'a {
    let ix = inv.ix();
    ix.participants[ix.networks[i].participants.clone()]
        .iter()
        .map(move |p| &inv.data().people[p.person as usize])
}

fn no_costs(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if current(n)
        && n.kind != NetworkKind::Declaration
        && n.costs.is_empty()
        && !inv.ix().networks[i].costed_time
    {
        warn(
            out,
            Code::NoCosts,
            network_path(i).key("costs"),
            Message::new(&m::NO_COSTS).with("id", &n.id),
        );
    }
}

fn no_participants(_: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if current(n) && n.kind != NetworkKind::Declaration && n.participants.is_empty() {
        warn(
            out,
            Code::NoParticipants,
            network_path(i).key("participants"),
            Message::new(&m::NO_PARTICIPANTS).with("id", &n.id),
        );
    }
}

fn composition(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if !current(n) {
        return;
    }
    let (mut politicians, mut opposition, mut officials) = (false, false, false);
    for p in people(inv, i) {
        match p.role {
            Role::Politician => {
                politicians = true;
                opposition |= p.side == Some(Side::Opposition);
            }
            Role::Official => officials = true,
        }
    }
    let path = network_path(i).key("participants");
    if politicians && !opposition {
        warn(
            out,
            Code::NoOpposition,
            path.clone(),
            Message::new(&m::NO_OPPOSITION).with("id", &n.id),
        );
    }
    if n.kind == NetworkKind::Programme {
        if !politicians {
            warn(
                out,
                Code::NoPolitician,
                path.clone(),
                Message::new(&m::NO_POLITICIAN).with("id", &n.id),
            );
        }
        if !officials {
            warn(
                out,
                Code::NoOfficial,
                path,
                Message::new(&m::NO_OFFICIAL).with("id", &n.id),
            );
        }
    }
}

fn gender_imbalance(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if !current(n) {
        return;
    }
    let (mut w, mut men) = (0u64, 0u64);
    for p in people(inv, i) {
        match p.gender {
            Some(Gender::Woman) => w += 1,
            Some(Gender::Man) => men += 1,
            _ => {}
        }
    }
    if balanced(w, men) == Some(false) {
        warn(
            out,
            Code::GenderImbalance,
            network_path(i).key("participants"),
            Message::new(&m::GENDER_IMBALANCE)
                .with("id", &n.id)
                .with("women", w)
                .with("men", men),
        );
    }
}

fn deadlines(_: &Inventory, i: usize, n: &Network, today: NaiveDate, out: &mut Vec<Finding>) {
    let (Status::Proposed, Some(d)) = (n.status, n.deadline) else {
        return;
    };
    let path = network_path(i).key("deadline");
    let soon = today
        .checked_add_days(Days::new(30))
        .unwrap_or(NaiveDate::MAX);
    if d < today {
        warn(
            out,
            Code::DeadlinePassed,
            path,
            Message::new(&m::DEADLINE_PASSED)
                .with("id", &n.id)
                .with("date", d),
        );
    } else if d <= soon {
        let left = (d - today).num_days();
        warn(
            out,
            Code::DeadlineSoon,
            path,
            Message::new(&m::DEADLINE_SOON)
                .with("id", &n.id)
                .with("date", d)
                .with("days", left),
        );
    }
}

/// `notice_soon` (SPEC §14): an active network with notice whose last day
/// to give notice for the end of `today`'s year is from today to today +
/// 30 days. A network that ends by then anyway needs no notice.
fn notice_soon(_: &Inventory, i: usize, n: &Network, today: NaiveDate, out: &mut Vec<Finding>) {
    if n.status != Status::Active || n.notice_months == 0 {
        return;
    }
    let year = today.year();
    if n.end.is_some_and(|e| e.year() <= year) {
        return;
    }
    let Some(d) = crate::calendar::notice_day(year, n.notice_months) else {
        return;
    };
    let soon = today
        .checked_add_days(Days::new(30))
        .unwrap_or(NaiveDate::MAX);
    if today <= d && d <= soon {
        warn(
            out,
            Code::NoticeSoon,
            network_path(i).key("notice_months"),
            Message::new(&m::NOTICE_SOON)
                .with("id", &n.id)
                .with("year", year)
                .with("date", d)
                .with("days", (d - today).num_days()),
        );
    }
}

fn ended_but_active(
    _: &Inventory,
    i: usize,
    n: &Network,
    today: NaiveDate,
    out: &mut Vec<Finding>,
) {
    if let (Status::Active, Some(e)) = (n.status, n.end) {
        if e < today {
            warn(
                out,
                Code::EndedButActive,
                network_path(i).key("end"),
                Message::new(&m::ENDED_BUT_ACTIVE)
                    .with("id", &n.id)
                    .with("date", e),
            );
        }
    }
}

fn uncosted_time(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    for (j, (p, person)) in n.participants.iter().zip(people(inv, i)).enumerate() {
        let Some(h) = p.hours_per_year else { continue };
        if h.is_zero() {
            continue;
        }
        if person.hourly_cost.is_none() {
            warn(
                out,
                Code::UncostedTime,
                network_path(i)
                    .key("participants")
                    .index(j)
                    .key("hours_per_year"),
                Message::new(&m::UNCOSTED_TIME)
                    .with("id", &p.person)
                    .with("hours", h),
            );
        }
    }
}

fn overfinanced(inv: &Inventory, i: usize, n: &Network, today: NaiveDate, out: &mut Vec<Finding>) {
    if n.financing
        .iter()
        .all(|f| f.status == crate::model::FinancingStatus::Denied)
    {
        return;
    }
    let runs = cost::overfinanced_years(inv, i, today.year());
    if !runs.is_empty() {
        // Each year, or a run of three or more as `first–last` (a network
        // may run for centuries).
        let mut list: Vec<String> = Vec::new();
        for run in &runs {
            let (a, b) = (*run.start(), *run.end());
            if b - a >= 2 {
                list.push(format!("{a}–{b}"));
            } else {
                list.extend((a..=b).map(|y| y.to_string()));
            }
        }
        warn(
            out,
            Code::Overfinanced,
            network_path(i).key("financing"),
            Message::new(&m::OVERFINANCED)
                .with("id", &n.id)
                .with("years", list.join(", ")),
        );
    }
}

/// The findings in path order, stably (the rules' order kept at one
/// path): a merge sort by hand, O(n log n), not the standard library's
/// stable sort, whose instantiation for findings alone was ~3.5 KB of the
/// widget's module (issue 27; the module had no other stable sort). One
/// function for both sorts of `warnings`.
fn in_path_order(mut findings: Vec<Finding>) -> Vec<Finding> {
    if findings.len() < 2 {
        return findings;
    }
    let right = findings.split_off(findings.len() / 2);
    let (left, right) = (in_path_order(findings), in_path_order(right));
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut right = right.into_iter().peekable();
    for a in left {
        // Only a strictly earlier path from the right half goes first.
        while let Some(b) = right.next_if(|b| b.path < a.path) {
            out.push(b);
        }
        out.push(a);
    }
    out.extend(right);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_path_order_is_a_stable_sort_by_path() {
        // Paths b, a, c, a, b, a, ... with the rule's order in the count.
        let paths = ["b", "a", "c", "a", "b", "a", "c", "c", "a", "b", "a"];
        let findings: Vec<Finding> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| {
                Finding::new(
                    Code::InvalidValue,
                    Path::root().key(*p),
                    Message::new(&m::CHECK_TOO_MUCH_WORK).with("count", i),
                )
            })
            .collect();
        let mut want: Vec<(String, usize)> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.to_string(), i))
            .collect();
        want.sort();
        let got: Vec<(String, String)> = in_path_order(findings)
            .iter()
            .map(|f| (f.path.to_string(), f.message.to_string()))
            .collect();
        assert_eq!(got.len(), want.len());
        for ((path, text), (p, i)) in got.iter().zip(&want) {
            assert_eq!(path, p);
            assert!(text.contains(&i.to_string()), "{text} should count {i}");
        }
        assert!(in_path_order(Vec::new()).is_empty());
    }
}
