//! Files generated from the core's declaration of the format are current:
//! the JSON Schema, the Python format tables and typed dicts, and the
//! TypeScript types. `UPDATE_GENERATED=1 cargo test -p natverk` rewrites
//! them (review the diff before committing).

use natverk::format::generate;

use crate::root;

fn check(path: &str, text: String, failures: &mut Vec<String>) {
    let file = root().join(path);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    if committed != text {
        failures.push(format!(
            "{path} is stale: run `UPDATE_GENERATED=1 cargo test -p natverk`"
        ));
    }
}

#[test]
fn generated_files_are_current() {
    let mut failures = Vec::new();
    check(
        "schema/natverk-1.schema.json",
        format!("{}\n", generate::json_schema()),
        &mut failures,
    );
    check(
        "bindings/python/python/natverk/_format.py",
        generate::python_module(),
        &mut failures,
    );
    check(
        "bindings/wasm/js/format.d.ts",
        generate::typescript_module(),
        &mut failures,
    );
    check(
        "bindings/wasm/js/vocabulary.js",
        generate::javascript_vocabulary(),
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_declared_key_is_in_every_generated_file() {
    let py = generate::python_module();
    let ts = generate::typescript_module();
    let schema = generate::schema();
    for o in natverk::format::objects() {
        for f in o.fields {
            assert!(
                schema["$defs"][o.name]["properties"].get(f.key).is_some(),
                "{}.{} not in the schema",
                o.name,
                f.key
            );
            assert!(
                py.contains(&format!("(\"{}\", ", f.key)),
                "{}.{} not in _format.py",
                o.name,
                f.key
            );
            assert!(
                ts.contains(&format!("  {}", f.key)),
                "{}.{} not in format.d.ts",
                o.name,
                f.key
            );
        }
    }
}
