//! The colours of the watch chart — the window's and the report's PNG are the same picture — and
//! the order its legend lists them in, always the same: every phase, then every failure class.

use super::attempt::{Outcome, Phase};

/// The failure classes as the legend lists them (`Outcome::class`).
pub const FAILURE_CLASSES: [&str; 5] = [
    "timeout",
    "server_error",
    "rejected",
    "network",
    "unexpected",
];

/// A phase's colour in a stacked bar.
pub fn phase_rgb(phase: Phase) -> [u8; 3] {
    match phase {
        Phase::Dns => [0x5b, 0x8d, 0xef],
        Phase::Connect => [0x3f, 0xb0, 0xac],
        Phase::Tls => [0x9b, 0x6b, 0xd6],
        Phase::FirstByte => [0x58, 0xb3, 0x68],
        Phase::Body => [0x9a, 0x9a, 0x9a],
    }
}

/// A failure class's colour (a failed attempt is drawn whole in it).
pub fn class_rgb(class: &str) -> [u8; 3] {
    match class {
        "timeout" => [0xe0, 0x8a, 0x1e],
        "server_error" => [0xd9, 0x4b, 0x4b],
        "rejected" => [0xc2, 0x3b, 0x8f],
        "network" => [0x6d, 0x4c, 0x41],
        _ => [0x8b, 0x2d, 0x2d],
    }
}

/// A failed attempt's colour.
pub fn failure_rgb(outcome: &Outcome) -> [u8; 3] {
    class_rgb(outcome.class())
}

/// `#e08a1e`, for a legend in text.
pub fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
