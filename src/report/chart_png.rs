//! The watch chart as a PNG for the report: a stacked bar per attempt, the phases in the window's
//! colours, a failure drawn whole in its class's colour, the bars scaled to the slowest attempt.
//! No text in the picture: the Markdown beside it has the numbers.

use crate::watch::colors::{failure_rgb, phase_rgb};
use crate::watch::{Attempt, Phase};

/// The last attempts drawn, as in the window.
const SHOWN: usize = 300;
const BAR: usize = 6;
const GAP: usize = 2;
const HEIGHT: usize = 240;
const MARGIN: usize = 10;

pub fn watch_chart_png(attempts: &[&Attempt]) -> Vec<u8> {
    let shown = &attempts[attempts.len().saturating_sub(SHOWN)..];
    let width = (shown.len() * (BAR + GAP) + 2 * MARGIN).max(400);
    let mut pixels = vec![255u8; width * HEIGHT * 3];
    let slowest = shown
        .iter()
        .map(|a| a.phases.total.as_secs_f64())
        .fold(0.0, f64::max)
        .max(1e-6);
    let plot = (HEIGHT - 2 * MARGIN) as f64;
    let baseline = HEIGHT - MARGIN;
    let mut fill = |x: usize, from: usize, to: usize, rgb: [u8; 3]| {
        for y in to..from {
            for dx in 0..BAR {
                let i = ((y * width) + x + dx) * 3;
                pixels[i..i + 3].copy_from_slice(&rgb);
            }
        }
    };
    for (i, attempt) in shown.iter().enumerate() {
        let x = MARGIN + i * (BAR + GAP);
        let height = |secs: f64| ((secs / slowest) * plot).round() as usize;
        if attempt.outcome.ok() {
            let mut top = baseline;
            for phase in Phase::ALL {
                let Some(d) = attempt.phases.get(phase) else {
                    continue;
                };
                let next = top.saturating_sub(height(d.as_secs_f64())).max(MARGIN);
                fill(x, top, next, phase_rgb(phase));
                top = next;
            }
        } else {
            let top = baseline
                .saturating_sub(height(attempt.phases.total.as_secs_f64()).max(2))
                .max(MARGIN);
            fill(x, baseline, top, failure_rgb(&attempt.outcome));
        }
    }
    for x in MARGIN / 2..width - MARGIN / 2 {
        let i = (baseline * width + x) * 3;
        pixels[i..i + 3].copy_from_slice(&[0x40, 0x40, 0x40]);
    }
    encode(&pixels, width, HEIGHT)
}

fn encode(rgb: &[u8], width: usize, height: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let written = encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(rgb));
    if written.is_err() {
        // Only a size that does not match the buffer fails here, which cannot happen.
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::{Outcome, Phases};
    use std::time::Duration;

    #[test]
    fn a_bar_per_attempt_in_the_colours_of_its_phases() {
        let at = time::OffsetDateTime::UNIX_EPOCH;
        let ok = Attempt {
            number: 1,
            at,
            phases: Phases {
                dns: Some(Duration::from_millis(10)),
                connect: Some(Duration::from_millis(10)),
                tls: None,
                first_byte: Some(Duration::from_millis(60)),
                body: Some(Duration::from_millis(20)),
                total: Duration::from_millis(100),
            },
            outcome: Outcome::Ok,
            status: Some(200),
            new_connection: true,
            calls: Vec::new(),
        };
        let busy = Attempt {
            number: 2,
            outcome: Outcome::ServerError { code: None },
            ..ok.clone()
        };
        let png = watch_chart_png(&[&ok, &busy]);
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        assert_eq!((info.width, info.height), (400, HEIGHT as u32));
        let at = |x: usize, y: usize| {
            let i = (y * info.width as usize + x) * 3;
            [buf[i], buf[i + 1], buf[i + 2]]
        };
        let (first, second) = (MARGIN + 1, MARGIN + BAR + GAP + 1);
        assert_eq!(at(first, HEIGHT - MARGIN - 2), phase_rgb(Phase::Dns));
        assert_eq!(
            at(first, MARGIN + 2),
            phase_rgb(Phase::Body),
            "the stack reaches the top"
        );
        assert_eq!(
            at(second, MARGIN + 2),
            failure_rgb(&Outcome::ServerError { code: None })
        );
        assert_eq!(at(width_gap(), MARGIN + 2), [255, 255, 255]);
    }

    fn width_gap() -> usize {
        MARGIN + BAR
    }
}
