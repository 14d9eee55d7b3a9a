//! How a call reaches the tenant: through the tenant client (pooled connections, a proxy), or
//! through watch mode's probe (a connection of its own, timed phase by phase). The flow runs on
//! either, so a watch of the whole flow records each of its calls as a call is recorded anywhere.

use std::future::Future;

use super::{Call, CallOutcome};
use crate::ciam::TenantClient;

pub trait Transport {
    /// Sends `call` and reads its answer.
    fn send(&mut self, call: &Call) -> impl Future<Output = CallOutcome> + Send;
}

impl Transport for TenantClient {
    fn send(&mut self, call: &Call) -> impl Future<Output = CallOutcome> + Send {
        call.send(self)
    }
}
