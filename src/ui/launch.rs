//! How the window starts: what to pre-fill, whether it runs against the built-in mock, which clock.

use crate::device::DeviceOverrides;
use crate::mock::MockTenant;

use super::clock::Clock;

#[derive(Default)]
pub struct Launch {
    pub domain: Option<String>,
    pub tenant_id: Option<String>,
    pub client_id: Option<String>,
    pub overrides: DeviceOverrides,
    pub access_token: Option<String>,
    pub session_token: Option<String>,
    pub ca_file: Option<String>,
    pub proxy: Option<String>,
    /// `--demo`: the mock tenant the window talks to; kept alive as long as the window.
    pub demo: Option<MockTenant>,
    pub clock: Clock,
}

impl Launch {
    /// `--demo`: a mock tenant on a free loopback port, and the window filled in to use it.
    pub fn demo(mut self) -> std::io::Result<Self> {
        let mock = MockTenant::start(crate::mock::MockConfig::default())?;
        self.domain = Some(mock.url());
        self.access_token = Some(crate::mock::demo::ACCESS_TOKEN.to_owned());
        self.session_token = Some(crate::mock::demo::SESSION_TOKEN.to_owned());
        self.demo = Some(mock);
        Ok(self)
    }
}
