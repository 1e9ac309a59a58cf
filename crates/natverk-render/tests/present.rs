//! The frontends of this crate lay out what the core's `present` gives them
//! and name nothing themselves: a group key or a currency word added to the
//! core shows in the pre-rendered widget without a line of its own, and the
//! command line's help of `--by` fails here until it names the new key.

use natverk::present::{currency_word, fill, label, vocabulary};
use natverk::{GroupKey, Inventory, Lang, NaiveDate, Report, ReportOptions};
use natverk_render::render::html::esc;
use natverk_render::render::widget::{report, Widget};

fn inventory(currency: &str) -> Inventory {
    Inventory::from_json(&format!(
        r#"{{"format": "natverk/1",
          "organisation": {{"name": "Kommunen", "currency": "{currency}"}},
          "units": [{{"id": "u", "name": "Enheten"}}],
          "networks": [{{"id": "a", "name": "A", "start": "2024-01-01", "kind": "programme",
                        "subjects": ["miljö"], "organiser": "SKR", "unit": "u",
                        "costs": [{{"kind": "fee", "amount": "1234567"}}]}}]}}"#
    ))
    .unwrap()
}

fn widget(inv: &Inventory, r: &Report, lang: Lang) -> String {
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let warnings = inv.warnings(today);
    let w = Widget {
        inv,
        lang,
        src: "inventory.json",
        stylesheet: "natverk-widget.css",
        columns: None,
        warnings: &warnings,
        today,
    };
    let mut out = Vec::new();
    report(r, &w, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_group_key_of_the_core_is_a_column_with_the_cores_caption() {
    let inv = inventory("SEK");
    assert!(!GroupKey::ALL.is_empty());
    for &k in GroupKey::ALL {
        for lang in [Lang::Sv, Lang::En] {
            let mut o = ReportOptions::new(2024, 2024);
            o.by = vec![k];
            let r = inv.report(&o).unwrap();
            let html = widget(&inv, &r, lang);
            let col = &r.columns(lang)[0];
            assert_eq!(col.key, k.as_str());
            assert!(!col.label.is_empty(), "{k:?} has no caption in {lang:?}");
            let head = format!(
                "data-col=\"{}\" title=\"{}\">{}<span",
                k.as_str(),
                esc(&fill(label("ui.sort_by", lang), &[("column", col.label)])),
                esc(col.label)
            );
            assert!(html.contains(&head), "{k:?} {lang:?}: no {head} in\n{html}");
            assert!(
                html.contains(&format!("<caption>{}</caption>", esc(&r.caption(lang)))),
                "{k:?} {lang:?}: no caption in\n{html}"
            );
            // a network and a unit by the name of the core's table
            let shown = match k {
                GroupKey::Network => Some("A"),
                GroupKey::Unit => Some("Enheten"),
                _ => None,
            };
            if let Some(name) = shown {
                let th = format!("<th scope=\"row\" role=\"rowheader\">{name}</th>");
                assert!(html.contains(&th), "{k:?}: no {th} in\n{html}");
            }
        }
    }
}

#[test]
fn every_currency_word_of_the_core_names_the_amounts_caption_and_chart() {
    // Every currency the vocabulary has a word for, and one it has none
    // for (its code is shown).
    let mut codes: Vec<String> = vocabulary(Lang::En)
        .filter_map(|(k, _)| k.strip_prefix("currency."))
        .map(str::to_ascii_uppercase)
        .collect();
    assert!(codes.iter().any(|c| c == "SEK"), "{codes:?}");
    codes.push("NOK".into());
    for code in &codes {
        let inv = inventory(code);
        let r = inv.report(&ReportOptions::new(2024, 2024)).unwrap();
        for lang in [Lang::Sv, Lang::En] {
            let html = widget(&inv, &r, lang);
            let word = currency_word(code, lang);
            let group = label("ui.group_mark", lang);
            let amount = fill(
                label("ui.money", lang),
                &[
                    ("amount", &format!("1{group}234{group}567")),
                    ("currency", &word),
                ],
            );
            assert!(
                html.contains(&esc(&amount)),
                "{code} {lang:?}: no {amount} in\n{html}"
            );
            let caption = r.caption(lang);
            assert!(caption.contains(&word), "{caption}");
            assert!(
                html.contains(&esc(&caption)),
                "{code} {lang:?}: no {caption}"
            );
            let desc = fill(label("ui.chart_desc", lang), &[("currency", &word)]);
            assert!(html.contains(&esc(&desc)), "{code} {lang:?}: no {desc}");
        }
    }
    assert_eq!(currency_word("SEK", Lang::Sv), "kr");
    assert_eq!(currency_word("NOK", Lang::Sv), "NOK");
}

#[test]
fn the_help_of_by_names_every_group_key_in_both_languages() {
    let help = &natverk_render::messages::HELP_BY;
    for text in [help.en, help.sv] {
        for k in GroupKey::ALL {
            assert!(
                text.contains(&format!(" {}", k.as_str())),
                "`--by`'s help does not name `{}`: {text}",
                k.as_str()
            );
        }
    }
}
