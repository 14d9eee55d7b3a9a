//! The watch chart as a PNG for the report: the window's picture (`watch::chart`) — a stacked bar
//! per kept attempt in the phases' colours, a failure whole in its class's colour and never too
//! short to see, a logarithmic axis when one outlier would flatten the rest, and the total's
//! p50/p95/p99 as grey lines (darker for higher). No text in the picture: the Markdown beside it
//! has the numbers, the colours and the axis.

use std::time::Duration;

use crate::watch::chart::{Scale, segments};
use crate::watch::{Attempt, KEPT};

/// The widest picture: beyond it, bars get thinner (down to a pixel), never fewer.
const MAX_PLOT_WIDTH: usize = 2400;
const HEIGHT: usize = 240;
const MARGIN: usize = 10;
/// The p50, p95 and p99 lines' greys.
const MARK_GREYS: [u8; 3] = [0xb0, 0x80, 0x50];

/// `marks`: the total's p50, p95 and p99.
pub fn watch_chart_png(attempts: &[&Attempt], log: bool, marks: [Duration; 3]) -> Vec<u8> {
    let shown = &attempts[attempts.len().saturating_sub(KEPT)..];
    let (bar, gap) = match shown.len() {
        0..=300 => (6, 2),
        n if n * 2 <= MAX_PLOT_WIDTH => (2, 0),
        _ => (1, 0),
    };
    let width = (shown.len() * (bar + gap) + 2 * MARGIN).max(400);
    let mut pixels = vec![255u8; width * HEIGHT * 3];
    let scale = Scale::new(shown, log);
    let plot = (HEIGHT - 2 * MARGIN) as f64;
    let baseline = HEIGHT - MARGIN;
    let row = |y: f64| baseline - ((y / scale.top).clamp(0.0, 1.0) * plot).round() as usize;
    let mut fill = |x: usize, w: usize, from: usize, to: usize, rgb: [u8; 3]| {
        for y in to..from {
            for dx in 0..w {
                let i = ((y * width) + x + dx) * 3;
                pixels[i..i + 3].copy_from_slice(&rgb);
            }
        }
    };
    for (i, attempt) in shown.iter().enumerate() {
        let x = MARGIN + i * (bar + gap);
        for segment in segments(attempt, &scale) {
            fill(x, bar, row(segment.base), row(segment.top), segment.rgb);
        }
    }
    for (mark, grey) in marks.iter().zip(MARK_GREYS) {
        let y = row(scale.y(mark.as_secs_f64() * 1000.0));
        // Dashed, so the bars show through.
        for x in (MARGIN..width - MARGIN).filter(|x| x % 6 < 3) {
            fill(x, 1, y + 1, y, [grey; 3]);
        }
    }
    fill(
        MARGIN / 2,
        width - MARGIN,
        baseline + 1,
        baseline,
        [0x40; 3],
    );
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
    use crate::watch::colors::{failure_rgb, phase_rgb};
    use crate::watch::{Outcome, Phase, Phases};

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
        let png = watch_chart_png(&[&ok, &busy], false, [Duration::ZERO; 3]);
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        assert_eq!((info.width, info.height), (400, HEIGHT as u32));
        let at = |x: usize, y: usize| {
            let i = (y * info.width as usize + x) * 3;
            [buf[i], buf[i + 1], buf[i + 2]]
        };
        let (first, second) = (MARGIN + 1, MARGIN + 6 + 2 + 1);
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
        assert_eq!(
            at(MARGIN + 6, MARGIN + 2),
            [255, 255, 255],
            "a gap between bars"
        );
    }
}
