//! `cargo run -p render-art --release`: re-render `assets/src/*.svg` to `assets/*.png`.

fn main() {
    match render_art::render_all(&render_art::assets_dir()) {
        Ok(written) => {
            for path in written {
                println!(
                    "wrote assets/{}",
                    path.file_name().unwrap_or_default().to_string_lossy()
                );
            }
        }
        Err(e) => {
            eprintln!("render-art: {e}");
            std::process::exit(1);
        }
    }
}
