//! Compiles the shipped story (`panels/*.toml`, `assets/*.png|jpg`) into the binary, so the
//! release binary opens it from anywhere.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut table =
        String::from("/// The built-in story's files: (path in the story folder, bytes).\n");
    table.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (dir, exts) in [
        ("panels", &["toml"][..]),
        ("assets", &["png", "jpg", "jpeg"][..]),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let mut names: Vec<String> = fs::read_dir(Path::new(&root).join(dir))
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter_map(|e| e.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.retain(|n| exts.iter().any(|e| n.ends_with(&format!(".{e}"))));
        names.sort();
        for name in names {
            let full = Path::new(&root).join(dir).join(&name);
            println!("cargo:rerun-if-changed={}", full.display());
            writeln!(
                table,
                "    ({:?}, include_bytes!({:?})),",
                format!("{dir}/{name}"),
                full.display().to_string()
            )
            .expect("writing to a String");
        }
    }
    table.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin.rs");
    fs::write(out, table).expect("OUT_DIR is writable");
}
