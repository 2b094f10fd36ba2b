//! The file system boundary: finding model directories, reading their files safely, and writing
//! outputs atomically. Every other stage works on text and values; only this module and the CLI
//! touch the disk.
//!
//! A model is a directory whose `*.toml` files (not its subdirectories: `scenarios/` lives
//! there) together describe one country. A models root is a directory of model directories.
//! Reading follows no symbolic link that leaves the model directory, and refuses files over the
//! size limit before reading them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId, SourceDb};
use crate::load::Limits;

/// Where a model lives and what to call it in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelDir {
    /// The directory.
    pub path: PathBuf,
    /// The name shown to users (the path as the user wrote it, or `models/dk`).
    pub name: String,
}

/// Resolves a command-line model argument: a path to a model directory, or a country code
/// looked up under `models`.
pub fn resolve(arg: &str, models: &Path) -> Result<ModelDir, Diagnostic> {
    let as_path = Path::new(arg);
    if as_path.is_dir() {
        return Ok(ModelDir { path: as_path.to_path_buf(), name: display(as_path) });
    }
    let under = models.join(arg);
    if !arg.contains(['/', '\\']) && under.is_dir() {
        return Ok(ModelDir { name: display(&under), path: under });
    }
    let codes = country_dirs(models);
    let names: Vec<String> =
        codes.iter().filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())).collect();
    Err(Diagnostic::new(
        Code::E0503,
        format!("no model `{arg}`: not a directory, nor a country under {}", display(models)),
    )
    .maybe_hint(suggestion_hint(arg, names.iter().map(String::as_str)))
    .hint(if names.is_empty() {
        format!("{} holds no model directories; pass a path or --models DIR", display(models))
    } else {
        format!("models under {}: {}", display(models), names.join(", "))
    }))
}

/// The model directories a `validate` argument names: the directory itself if it holds
/// `*.toml` files, else each subdirectory that does (a models root).
pub fn discover(path: &Path) -> Result<Vec<ModelDir>, Diagnostic> {
    if !path.exists() {
        return Err(Diagnostic::new(Code::E0503, format!("`{}` does not exist", display(path))));
    }
    if !path.is_dir() {
        return Err(Diagnostic::new(Code::E0503, format!("`{}` is not a directory", display(path)))
            .hint("pass a model directory (holding *.toml files) or a directory of model directories"));
    }
    if has_toml(path) {
        return Ok(vec![ModelDir { path: path.to_path_buf(), name: display(path) }]);
    }
    let root = canonical(path)?;
    let entries = fs::read_dir(path).map_err(|e| io_diag(path, &e))?;
    for sub in entries.filter_map(Result::ok).map(|e| e.path()) {
        if fs::symlink_metadata(&sub).is_ok_and(|m| m.file_type().is_symlink()) && sub.is_dir() {
            let target = canonical(&sub)?;
            if !target.starts_with(&root) || target == root {
                return Err(Diagnostic::new(
                    Code::E0502,
                    format!(
                        "`{}` is a symbolic link that leads outside the models directory, or back to it",
                        display(&sub)
                    ),
                )
                .hint("copy the model into the models directory instead of linking it"));
            }
        }
    }
    let dirs: Vec<ModelDir> =
        country_dirs(path).into_iter().map(|sub| ModelDir { name: display(&sub), path: sub }).collect();
    if dirs.is_empty() {
        return Err(Diagnostic::new(
            Code::E0503,
            format!("`{}` holds no model: no *.toml files and no model directories", display(path)),
        ));
    }
    Ok(dirs)
}

/// Subdirectories of `models` that hold `*.toml` files, sorted by name.
pub fn country_dirs(models: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(models) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir() && has_toml(p)).collect();
    dirs.sort();
    dirs
}

/// Whether `dir` holds a model: a `*.toml` file with a `[country]` table. Commands that write
/// files into a directory the user names refuse one, so no output lands among model files.
pub fn holds_model(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else { return false };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_toml(p))
        .any(|p| fs::read_to_string(&p).is_ok_and(|t| t.lines().any(|l| l.trim() == "[country]")))
}

/// Refuses an output directory that holds a model, with the message to show: nordgov writes
/// into a model directory only through the commands made for it (`scenario apply -o`, `synth`),
/// and only into a new one.
pub fn refuse_model_dir(dir: &Path) -> Result<(), String> {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    if holds_model(dir) {
        return Err(format!(
            "`{}` holds a model; nordgov never writes its outputs among model files (name another directory)",
            display(dir)
        ));
    }
    Ok(())
}

fn has_toml(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| entries.filter_map(Result::ok).any(|e| is_toml(&e.path())))
}

fn is_toml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "toml")
}

fn canonical(p: &Path) -> Result<PathBuf, Diagnostic> {
    fs::canonicalize(p).map_err(|e| io_diag(p, &e))
}

fn io_diag(p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(Code::E0501, format!("cannot read `{}`: {}", display(p), e)).with_path(display(p))
}

/// A path as users see it, with forward slashes.
pub fn display(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Reads the `*.toml` files of one model directory (sorted by name) into `db`.
///
/// Returns the ids of the files read and a diagnostic for each file that could not be read: a
/// symbolic link leaving the directory, a file over the size limit, an unreadable file, a file
/// that is not UTF-8 (its text is still added, lossily, so the diagnostic can show the line).
pub fn read_model(dir: &ModelDir, db: &mut SourceDb, limits: &Limits) -> (Vec<FileId>, Vec<Diagnostic>) {
    let mut ids = Vec::new();
    let mut diags = Vec::new();
    let entries = match fs::read_dir(&dir.path) {
        Ok(e) => e,
        Err(e) => return (ids, vec![io_diag(&dir.path, &e)]),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| is_toml(p)).collect();
    paths.sort();
    if paths.len() > limits.max_files {
        return (
            ids,
            vec![Diagnostic::new(
                Code::E0108,
                format!("{} holds {} model files; the limit is {}", dir.name, paths.len(), limits.max_files),
            )
            .with_path(dir.name.clone())
            .hint("raise the limit with --max-files if the model is genuine")],
        );
    }
    let root = match fs::canonicalize(&dir.path) {
        Ok(r) => r,
        Err(e) => return (ids, vec![io_diag(&dir.path, &e)]),
    };
    for path in paths {
        let name = display(&path);
        match read_one(&path, &root, limits) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => ids.push(db.add(name, text)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    let id = db.add(name, lossy);
                    diags.push(
                        Diagnostic::new(Code::E0107, "the file is not UTF-8 text")
                            .at(id, at..at + 1, "invalid UTF-8 starts here")
                            .hint("save the file as UTF-8; TOML files are always UTF-8"),
                    );
                }
            },
            Err(d) => diags.push(d),
        }
    }
    (ids, diags)
}

fn read_one(path: &Path, root: &Path, limits: &Limits) -> Result<Vec<u8>, Diagnostic> {
    let name = display(path);
    let meta = fs::symlink_metadata(path).map_err(|e| io_diag(path, &e))?;
    if meta.file_type().is_symlink() {
        let target = fs::canonicalize(path).map_err(|e| io_diag(path, &e))?;
        if !target.starts_with(root) {
            return Err(Diagnostic::new(
                Code::E0502,
                format!("`{name}` is a symbolic link that leads outside the model directory"),
            )
            .with_path(name.clone())
            .hint("copy the file into the model directory instead of linking it"));
        }
    }
    read_bytes(path, limits)
}

/// Reads a text file the user names (a scenario), within the size limit of model files.
pub fn read_text(path: &Path, limits: &Limits) -> Result<String, Diagnostic> {
    String::from_utf8(read_bytes(path, limits)?).map_err(|_| {
        Diagnostic::new(Code::E0107, format!("`{}` is not UTF-8 text", display(path)))
            .with_path(display(path))
            .hint("save the file as UTF-8; TOML files are always UTF-8")
    })
}

/// Reads a regular file of at most `limits.max_file_bytes`.
fn read_bytes(path: &Path, limits: &Limits) -> Result<Vec<u8>, Diagnostic> {
    let name = display(path);
    let meta = fs::metadata(path).map_err(|e| io_diag(path, &e))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(Code::E0501, format!("cannot read `{name}`: not a regular file")).with_path(name));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Diagnostic::new(
            Code::E0108,
            format!("`{name}` is {} bytes; the limit is {}", meta.len(), limits.max_file_bytes),
        )
        .with_path(name)
        .hint("raise the limit with --max-file-size if the file is genuine"));
    }
    // Read at most one byte past the limit, in case the file grew after the metadata call.
    // Sized from the metadata: a growing buffer would hold up to twice the text for the
    // whole run (the texts stay in memory for diagnostics).
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    let file = fs::File::open(path).map_err(|e| io_diag(path, &e))?;
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limits.max_file_bytes + 1), &mut bytes)
        .map_err(|e| io_diag(path, &e))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Diagnostic::new(
            Code::E0108,
            format!("`{name}` is over the size limit of {} bytes", limits.max_file_bytes),
        )
        .with_path(name));
    }
    Ok(bytes)
}

/// `root` joined with `rel`, if `rel` is a relative path of plain names (no `..`, no root, no
/// prefix), so the result cannot lie outside `root` lexically. Output names that derive from
/// model content go through here before anything is written or read.
pub fn join_inside(root: &Path, rel: &str) -> Option<PathBuf> {
    let rel = Path::new(rel);
    let plain = rel.components().all(|c| matches!(c, std::path::Component::Normal(_)));
    (plain && rel.components().next().is_some()).then(|| root.join(rel))
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same directory, then
/// renamed over the target, so an interrupted run leaves the old file intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".nordgov-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // The temporary file is private (0600); give the output the target's permissions, or the
    // usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Reads and loads one model directory: the one entry point every command that reads a model
/// uses. A model with a file that could not be read is not validated (its missing facts would
/// only cause follow-up errors) and yields no country.
pub fn load_model(
    dir: &ModelDir,
    db: &mut SourceDb,
    limits: &Limits,
) -> (Option<crate::model::Country>, Vec<Diagnostic>) {
    let (files, read_diags) = read_model(dir, db, limits);
    if !read_diags.is_empty() {
        return (None, read_diags);
    }
    crate::load::load(&dir.name, db, &files, limits)
}

/// Writes `country` as a new model directory `dir` (one file per part, each atomically). Refuses
/// a directory that exists and holds anything: no command overwrites a model.
pub fn write_model_dir(dir: &Path, country: &crate::model::Country) -> Result<(), String> {
    let files = crate::files::print::files(country).map_err(|e| format!("cannot print the model: {e}"))?;
    write_new_dir(dir, &files)
}

/// Writes `files` (name, text) into `dir`, which must not exist or be empty, each atomically.
pub fn write_new_dir(dir: &Path, files: &[(String, String)]) -> Result<(), String> {
    if fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some()) {
        return Err(format!(
            "`{}` exists and is not empty; nordgov never overwrites a model (name a new directory)",
            display(dir)
        ));
    }
    for (name, text) in files {
        let path = dir.join(name);
        write_atomic(&path, text.as_bytes()).map_err(|e| format!("cannot write `{}`: {e}", display(&path)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_inside_keeps_names_under_the_root() {
        let root = Path::new("/out");
        assert_eq!(join_inside(root, "sources/a.txt.html"), Some(PathBuf::from("/out/sources/a.txt.html")));
        for bad in ["", "../a.html", "sources/../../a.html", "/etc/passwd", "./a.html"] {
            assert_eq!(join_inside(root, bad), None, "{bad}");
        }
    }
}
