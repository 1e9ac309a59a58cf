//! The command line's own messages, in English and Swedish (SPEC §11);
//! the core's are in `natverk::present`.

use natverk::present::Template;

macro_rules! templates {
    ($($name:ident = $en:literal, $sv:literal;)+) => {
        $(
            #[doc = concat!("`", $en, "`")]
            pub static $name: Template = Template { key: concat!("cli.", stringify!($name)), en: $en, sv: $sv };
        )+
        /// Every template of the command line.
        pub static ALL: &[&Template] = &[$(&$name),+];
    };
}

templates! {
    INPUT_TOO_LARGE = "{file} is {size}, more than the limit of {limit} bytes; split it into smaller files",
        "{file} är {size}, mer än gränsen på {limit} byte; dela upp den i mindre filer";
    SIZE_BYTES = "{n} bytes", "{n} byte";
    SIZE_STREAM = "more than {n} bytes (read as a stream)", "mer än {n} byte (läst som en ström)";
    OUTPUT_CELLS = "the output would have {cells} cells ({rows} rows), more than the limit of {limit} cells for --format {format} on an input of this size; ask for less: {ask}{larger}",
        "utdata skulle få {cells} celler ({rows} rader), fler än gränsen på {limit} celler för --format {format} för indata av den här storleken; be om mindre: {ask}{larger}";
    OUTPUT_ROWS = "the output would have {rows} rows in one sheet, more than Excel's limit of {limit} rows; ask for less: {ask}{larger}",
        "utdata skulle få {rows} rader i ett blad, fler än Excels gräns på {limit} rader; be om mindre: {ask}{larger}";
    ASK_REPORT = "fewer years (--from/--to), fewer group keys (--by), --scope central or fewer statuses (--status)",
        "färre år (--from/--to), färre grupperingar (--by), --scope central eller färre statusar (--status)";
    ASK_EQUALITY = "fewer years (--from/--to), --scope central or fewer statuses (--status)",
        "färre år (--from/--to), --scope central eller färre statusar (--status)";
    ASK_CHECK = "fix the first problems and check again",
        "rätta de första problemen och kontrollera igen";
    OR_CSV = ", or --format csv (up to {limit} cells)",
        ", eller --format csv (upp till {limit} celler)";
    OR_NOTHING = "", "";
    IO = "{text}", "{text}";
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_languages_have_the_same_values() {
        for t in super::ALL {
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(t.en), names(t.sv), "{}", t.key);
            assert!(
                t.en.is_empty() || t.en == "{text}" || t.en != t.sv,
                "{}",
                t.key
            );
        }
    }
}
