//! The tenant API client: base-URL parsing, request and response types for each endpoint, the
//! error taxonomy and its advice. Knows HTTP and API.md; knows nothing of egui or the terminal.

pub mod advice;
pub mod client;
pub mod error;
pub mod exchange;
pub mod input;
pub mod record;
pub mod tenant_url;

pub use advice::Advice;
pub use client::{ClientOptions, TenantClient};
pub use error::CiamError;
pub use exchange::{DeviceFields, ExchangeOutcome, ExchangeRequest, TicketGrant, exchange};
pub use record::HttpRecord;
pub use tenant_url::{TenantUrl, TenantUrlError};
