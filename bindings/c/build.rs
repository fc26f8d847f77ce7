//! Generates the C header from this crate's source with cbindgen: always into
//! `$OUT_DIR/cloudpartner.h`, and into the committed `include/cloudpartner.h` when that
//! one differs (so a build keeps it fresh; `make test-c` fails when the committed copy was
//! stale, see `bindings/c/c.mk`); and, on Linux, gives the shared library its SONAME.

use std::path::{Path, PathBuf};

fn main() {
    // The shared library's SONAME: libcloudpartner.so.<major>, so that programs linked
    // against this version load a compatible one (`make install-c` adds the links).
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("CARGO_PKG_VERSION_MAJOR");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcloudpartner.so.{major}");
        link_soname_in_target_dir(&major);
    }

    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let committed = crate_dir.join("../../include/cloudpartner.h");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed={}", committed.display());

    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("bindings/c/cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        // Only this crate's own source (no `cargo metadata`, no dependencies).
        .with_src(crate_dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen could not generate the header");
    let mut header = Vec::new();
    bindings.write(&mut header);

    std::fs::write(out_dir.join("cloudpartner.h"), &header)
        .expect("writing OUT_DIR/cloudpartner.h");
    if std::fs::read(&committed).ok().as_deref() != Some(header.as_slice()) {
        write_committed(&committed, &header);
    }
}

/// Lays out `libcloudpartner.so.<major> -> libcloudpartner.so` in cargo's profile
/// directory (`target/debug`, `target/release`), beside the library cargo writes there, so
/// that a program linked against the build tree (`-L target/debug -lcloudpartner`) finds
/// the SONAME it records. `OUT_DIR` is `<profile dir>/build/<package>-<hash>/out`; any
/// other layout (a custom `--artifact-dir`, say) is left alone.
fn link_soname_in_target_dir(major: &str) {
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    let Some(profile_dir) = out_dir.ancestors().nth(3) else {
        return;
    };
    if out_dir.ancestors().nth(2).and_then(Path::file_name) != Some("build".as_ref()) {
        return;
    }
    let link = profile_dir.join(format!("libcloudpartner.so.{major}"));
    if std::fs::read_link(&link).is_ok_and(|target| target == Path::new("libcloudpartner.so")) {
        return;
    }
    let _ = std::fs::remove_file(&link);
    #[cfg(unix)]
    if let Err(e) = std::os::unix::fs::symlink("libcloudpartner.so", &link) {
        println!("cargo:warning=could not link {}: {e}", link.display());
    }
}

fn write_committed(path: &Path, header: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("creating include/");
    }
    std::fs::write(path, header).expect("writing include/cloudpartner.h");
    println!("cargo:warning=regenerated include/cloudpartner.h: commit it");
}
