//! The colours of the watch chart — the window's and the report's PNG are the same picture.

use super::attempt::{Outcome, Phase};

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

/// A failed attempt's colour (drawn whole, its phases unknown or beside the point).
pub fn failure_rgb(outcome: &Outcome) -> [u8; 3] {
    match outcome {
        Outcome::Timeout { .. } => [0xe0, 0x8a, 0x1e],
        Outcome::ServerError { .. } => [0xd9, 0x4b, 0x4b],
        Outcome::Rejected { .. } => [0xc2, 0x3b, 0x8f],
        _ => [0x8b, 0x2d, 0x2d],
    }
}
