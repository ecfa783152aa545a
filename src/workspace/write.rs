//! Writing a file: atomically, never over anything but a regular file, and without
//! leaving a killed run's temporary file behind for long.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}: the file exists; use --force to replace it")]
    Exists(PathBuf),
    #[error("{0}: not a regular file; --force replaces regular files only")]
    NotRegular(PathBuf),
    #[error("{0}: cannot write: {1}")]
    Io(PathBuf, std::io::Error),
}

impl WriteError {
    /// Whether the fault is in what the user asked for (exit 2): an existing file, a device,
    /// a folder that is missing or not writable. A full disk or a failing device is not
    /// (exit 1).
    pub fn is_bad_input(&self) -> bool {
        use std::io::ErrorKind::{QuotaExceeded, StorageFull, WriteZero};
        match self {
            WriteError::Exists(_) | WriteError::NotRegular(_) => true,
            WriteError::Io(_, e) => {
                !matches!(e.kind(), StorageFull | QuotaExceeded | WriteZero)
                    && e.raw_os_error() != Some(5)
            }
        }
    }
}

/// Temporary files of ours beside `target` are named `.<target>.secdraft-<random>.tmp`;
/// one older than this was left by a run that was killed, and is removed.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    format!(".{name}.secdraft-")
}

/// Removes the temporary files a killed run left beside `path`; best effort (a file that
/// cannot be removed is left, as it was).
fn remove_stale(dir: &Path, path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if name.starts_with(&prefix) && name.ends_with(".tmp") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes a file atomically: a temporary file beside it, then a rename, so that a reader
/// never sees half a file and a crash leaves the old one intact. Without `force` an
/// existing file is never replaced (the check and the rename are one step); with it, only
/// a regular file is (a device, a FIFO, a folder or a link is refused).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    let io = |e: std::io::Error| WriteError::Io(path.to_path_buf(), e);
    match std::fs::symlink_metadata(path) {
        Ok(_) if !force => return Err(WriteError::Exists(path.to_path_buf())),
        Ok(m) if !m.is_file() => return Err(WriteError::NotRegular(path.to_path_buf())),
        _ => {}
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    remove_stale(dir, path);
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(path);
    builder.prefix(&prefix).suffix(".tmp");
    // A temporary file is private (0600); the document is an ordinary file (umask applies).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    persisted.map(drop).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists(path.to_path_buf())
        } else {
            io(e.error)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_not_bad_input() {
        let e = |k| WriteError::Io(PathBuf::from("x"), std::io::Error::from(k));
        assert!(!e(std::io::ErrorKind::StorageFull).is_bad_input());
        assert!(e(std::io::ErrorKind::PermissionDenied).is_bad_input());
        assert!(e(std::io::ErrorKind::NotFound).is_bad_input());
    }
}
