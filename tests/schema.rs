//! The published JSON Schema (docs/dataset.schema.json) is generated from the Rust types;
//! this test fails when they drift apart. Regenerate with
//! `UPDATE_SCHEMA=1 cargo test --test schema`.

use cohort_dashboard::model::RawDataset;

#[test]
fn the_published_schema_matches_the_rust_types() {
    let schema = schemars::schema_for!(RawDataset);
    let generated = match serde_json::to_string_pretty(&schema) {
        Ok(s) => s + "\n",
        Err(e) => panic!("{e}"),
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/dataset.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        if let Err(e) = std::fs::write(&path, &generated) {
            panic!("{}: {e}", path.display());
        }
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/dataset.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --test schema and commit it"
    );
}

#[test]
fn the_bundled_dataset_has_every_required_field_the_schema_names() {
    let schema = serde_json::to_value(schemars::schema_for!(RawDataset)).unwrap_or_default();
    let data: serde_json::Value =
        serde_json::from_str(include_str!("../public/data/dataset.json")).unwrap_or_default();
    let required = schema["required"].as_array().cloned().unwrap_or_default();
    assert!(required.len() >= 9, "{required:?}");
    for field in required {
        let name = field.as_str().unwrap_or_default();
        assert!(data.get(name).is_some(), "dataset.json lacks {name}");
    }
}
