//! The built-in story ("Dangerous Love", a retelling), compiled into the binary.

use std::collections::HashMap;
use std::sync::Arc;

use super::assets::AssetStore;
use super::files::{TomlFiles, source};

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The built-in TOML files, named as in the story folder.
pub fn toml_files() -> TomlFiles {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut story = source("panels/story.toml", "");
    let mut panels = Vec::new();
    for (name, bytes) in FILES.iter().filter(|(n, _)| n.ends_with(".toml")) {
        if *name == "panels/story.toml" {
            story = source(*name, text(bytes));
        } else {
            panels.push(source(*name, text(bytes)));
        }
    }
    TomlFiles { story, panels }
}

/// The built-in art, by path.
pub fn assets() -> AssetStore {
    let map: HashMap<String, Arc<[u8]>> = FILES
        .iter()
        .filter(|(n, _)| n.starts_with("assets/"))
        .map(|(n, b)| ((*n).to_string(), Arc::from(*b)))
        .collect();
    AssetStore::Embedded(Arc::new(map))
}
