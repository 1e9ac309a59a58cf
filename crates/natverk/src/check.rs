//! Warnings (SPEC §6): one small pure function per family, each returning
//! findings; [`warnings`] runs them all, network by network.

use chrono::{Datelike, Days, NaiveDate};

use crate::cost;
use crate::equality::balanced;
use crate::finding::{Code, Finding};
use crate::model::{Gender, Inventory, Network, NetworkKind, Role, Side, Status};

/// A warning family: looks at one network and adds findings.
type Rule = fn(&Inventory, usize, &Network, NaiveDate, &mut Vec<Finding>);

/// Every rule, in the order their findings are listed.
const RULES: &[Rule] = &[
    no_costs,
    no_participants,
    composition,
    gender_imbalance,
    deadlines,
    ended_but_active,
    uncosted_time,
    overfinanced,
];

/// Every warning of the inventory, judged against `today`.
pub fn warnings(inv: &Inventory, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, n) in inv.networks.iter().enumerate() {
        for rule in RULES {
            rule(inv, i, n, today, &mut out);
        }
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

fn warn(out: &mut Vec<Finding>, code: Code, path: String, msg: String) {
    out.push(Finding::new(code, path, msg));
}

fn costed_time(inv: &Inventory, n: &Network) -> bool {
    n.participants.iter().any(|p| {
        p.hours_per_year.is_some()
            && inv
                .person(&p.person)
                .is_some_and(|x| x.hourly_cost.is_some())
    })
}

fn no_costs(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if current(n)
        && n.kind != NetworkKind::Declaration
        && n.costs.is_empty()
        && !costed_time(inv, n)
    {
        warn(out, Code::NoCosts, format!("networks[{i}].costs"), format!(
            "network `{}` has no costs and no costed staff time: add its fees, or hours with an hourly cost", n.id));
    }
}

fn no_participants(_: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if current(n) && n.kind != NetworkKind::Declaration && n.participants.is_empty() {
        warn(
            out,
            Code::NoParticipants,
            format!("networks[{i}].participants"),
            format!(
                "network `{}` has no participants: add who represents the organisation",
                n.id
            ),
        );
    }
}

fn composition(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if !current(n) {
        return;
    }
    let people: Vec<_> = n
        .participants
        .iter()
        .filter_map(|p| inv.person(&p.person))
        .collect();
    let politicians: Vec<_> = people
        .iter()
        .filter(|p| p.role == Role::Politician)
        .collect();
    let path = format!("networks[{i}].participants");
    if !politicians.is_empty() && !politicians.iter().any(|p| p.side == Some(Side::Opposition)) {
        warn(
            out,
            Code::NoOpposition,
            path.clone(),
            format!(
                "politicians sit in `{}`, none from the opposition: consider an opposition seat",
                n.id
            ),
        );
    }
    if n.kind == NetworkKind::Programme {
        if politicians.is_empty() {
            warn(out, Code::NoPolitician, path.clone(), format!(
                "programme `{}` has no politician: a programme's delegation usually includes the responsible politician", n.id));
        }
        if !people.iter().any(|p| p.role == Role::Official) {
            warn(out, Code::NoOfficial, path, format!(
                "programme `{}` has no official: a programme's delegation usually includes officials", n.id));
        }
    }
}

fn gender_imbalance(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    if !current(n) {
        return;
    }
    let (mut w, mut m) = (0u64, 0u64);
    for p in n.participants.iter().filter_map(|p| inv.person(&p.person)) {
        match p.gender {
            Some(Gender::Woman) => w += 1,
            Some(Gender::Man) => m += 1,
            _ => {}
        }
    }
    if balanced(w, m) == Some(false) {
        warn(
            out,
            Code::GenderImbalance,
            format!("networks[{i}].participants"),
            format!(
                "`{}` has {w} women and {m} men: a balanced delegation has 40–60 % of each",
                n.id
            ),
        );
    }
}

fn deadlines(_: &Inventory, i: usize, n: &Network, today: NaiveDate, out: &mut Vec<Finding>) {
    let (Status::Proposed, Some(d)) = (n.status, n.deadline) else {
        return;
    };
    let path = format!("networks[{i}].deadline");
    let soon = today
        .checked_add_days(Days::new(30))
        .unwrap_or(NaiveDate::MAX);
    if d < today {
        warn(
            out,
            Code::DeadlinePassed,
            path,
            format!(
                "the deadline of `{}` passed on {d}: decide the proposal or mark it declined",
                n.id
            ),
        );
    } else if d <= soon {
        let left = (d - today).num_days();
        warn(
            out,
            Code::DeadlineSoon,
            path,
            format!(
                "the deadline of `{}` is {d}, in {left} days: decide before then",
                n.id
            ),
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
                format!("networks[{i}].end"),
                format!(
                    "`{}` ended on {e} but its status is active: set status `ended` or a later end",
                    n.id
                ),
            );
        }
    }
}

fn uncosted_time(inv: &Inventory, i: usize, n: &Network, _: NaiveDate, out: &mut Vec<Finding>) {
    for (j, p) in n.participants.iter().enumerate() {
        let Some(h) = p.hours_per_year else { continue };
        if h.is_zero() {
            continue;
        }
        if inv
            .person(&p.person)
            .is_some_and(|x| x.hourly_cost.is_none())
        {
            warn(out, Code::UncostedTime, format!("networks[{i}].participants[{j}].hours_per_year"), format!(
                "person `{}` spends {h} hours a year here but has no `hourly_cost`: the time is not costed", p.person));
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
            format!("networks[{i}].financing"),
            format!(
                "the financing of `{}` exceeds its cost in {}: check shares and caps",
                n.id,
                list.join(", ")
            ),
        );
    }
}
