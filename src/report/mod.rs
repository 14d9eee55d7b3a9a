//! Hand-over: a redacted Markdown report of a run (or of a watch), and a request as a `curl` command with its
//! secrets as environment variables. Neither ever contains a secret.

pub mod chart_png;
pub mod curl;
pub mod har;
pub mod markdown;
pub mod watch;

pub use chart_png::watch_chart_png;
pub use curl::curl_command;
pub use har::{HarEntry, har_json};
pub use markdown::{DeviceRow, Report, ReportSetting, ReportVerdict, ValueSource, device_rows};
pub use watch::watch_markdown;
