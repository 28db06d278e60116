//! Generated documentation stays in step with the code.

use wirecheck::report::rules_list::rules_markdown;

#[test]
fn rules_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    let generated = rules_markdown();
    if std::env::var_os("WIRECHECK_BLESS").is_some() {
        std::fs::write(path, &generated).expect("write docs/rules.md");
        return;
    }
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md` (or WIRECHECK_BLESS=1 cargo test --test docs)"
    );
}

#[test]
fn every_rule_is_in_the_readme_table_of_categories() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_default();
    for c in wirecheck::finding::Category::ALL {
        assert!(
            readme.contains(&format!("`{}`", c.as_str())),
            "README does not mention category `{}`",
            c.as_str()
        );
    }
}
