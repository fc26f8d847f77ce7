//! What commands read: a file, or stdin for `-`.

use std::io::Read;
use std::path::Path;

use crate::failure::Failure;

/// The bytes of the file, or of stdin for `-`, with the name to show.
pub fn read_input(path: &Path) -> Result<(String, Vec<u8>), Failure> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::error(format!("cannot read stdin: {e}")))?;
        return Ok(("stdin".to_owned(), bytes));
    }
    let name = path.display().to_string();
    bytes = std::fs::read(path).map_err(|e| Failure::error(format!("cannot read {name}: {e}")))?;
    Ok((name, bytes))
}
