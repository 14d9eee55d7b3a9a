//! The tenant API client: base-URL parsing, request and response types for each endpoint, the
//! error taxonomy and its advice. Knows HTTP and API.md; knows nothing of egui or the terminal.

pub mod advice;
mod answer;
pub mod catalogue;
pub mod client;
pub mod device_fields;
pub mod error;
pub mod exchange;
pub mod input;
pub mod jwt;
pub mod login;
mod net_errors;
pub mod record;
pub mod refresh;
pub mod request;
pub mod tenant_url;
pub mod timing;
pub mod tls;
pub mod token;
pub mod verify;
pub mod wire;

pub use advice::Advice;
pub use client::{ClientOptions, Outcome, TenantClient};
pub use device_fields::DeviceFields;
pub use error::CiamError;
pub use exchange::{ExchangeRequest, TicketGrant};
pub use login::{LoginGrant, LoginRequest};
pub use record::HttpRecord;
pub use refresh::{RefreshGrant, RefreshRequest, SessionEnd};
pub use request::ApiRequest;
pub use tenant_url::{TenantUrl, TenantUrlError};
pub use token::AccessTokenGrant;
pub use verify::{UserInfo, VerifyRequest};
