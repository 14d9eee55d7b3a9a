//! How the window starts: what to pre-fill (from the options and the environment), whether it runs
//! against the built-in mock, which clock.

use crate::ciam::CiamError;
use crate::cli::args::WindowArgs;
use crate::clock::Clock;
use crate::device::DeviceOverrides;
use crate::env_vars;
use crate::i18n::Lang;
use crate::mock::{MockTenant, Scenario};
use crate::ui::fonts::FontSource;
use crate::ui::form::{Form, tidy_token};

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
    /// `--lang` or `$SSO_DIAG_LANG`: for this run, over the remembered choice and the system's.
    pub lang: Option<Lang>,
    pub fonts: FontSource,
    /// `--watch`: start watching as soon as the device is detected.
    pub watch: bool,
    /// `--watch-every`: that watch's interval (default: two probes a second).
    pub watch_every: Option<f32>,
    /// Where settings and profiles are kept; `None`: nothing is read or written.
    pub data_dir: Option<std::path::PathBuf>,
    /// `--profile NAME`: use this profile, over the one remembered.
    pub profile: Option<String>,
    /// `--open-case FILE`: show this case file, read-only.
    pub open_case: Option<std::path::PathBuf>,
}

impl Launch {
    /// The window as the command line asks for it; tokens come only from the environment.
    pub fn from_args(
        args: &WindowArgs,
        lang: Option<Lang>,
        profile: Option<String>,
    ) -> Result<Self, CiamError> {
        Ok(Launch {
            domain: args.tenant.domain.clone(),
            tenant_id: args.tenant.tenant_id.clone(),
            client_id: args.tenant.client_id.clone(),
            overrides: DeviceOverrides::checked(
                args.device.os_version.as_deref(),
                args.device.device_ip.as_deref(),
                args.device.fingerprint.as_deref(),
                args.device.agent.as_deref(),
            )?,
            access_token: std::env::var(env_vars::ACCESS_TOKEN).ok(),
            session_token: std::env::var(env_vars::SESSION_TOKEN).ok(),
            ca_file: args
                .network
                .ca_file
                .as_ref()
                .map(|p| p.display().to_string()),
            proxy: args.network.proxy.clone(),
            lang,
            data_dir: crate::store::data_dir(),
            profile,
            open_case: args.open_case.clone(),
            ..Launch::default()
        })
    }

    /// `--demo`: a mock tenant on a free loopback port, and the window filled in to use it.
    pub fn demo(self) -> std::io::Result<Self> {
        self.demo_of(Scenario::Normal)
    }

    /// `--demo --scenario NAME`: the mock answers as a real tenant does in that situation.
    pub fn demo_of(self, scenario: Scenario) -> std::io::Result<Self> {
        self.demo_with(crate::mock::MockConfig {
            scenario,
            ..crate::mock::MockConfig::default()
        })
    }

    /// `--demo --watch`: a flaky mock (a fifth of the SSO calls busy, hanging or slow) and the
    /// watch running against it.
    pub fn demo_watching(self, scenario: Scenario) -> std::io::Result<Self> {
        let mut launch = self.demo_with(crate::mock::MockConfig {
            scenario,
            flaky: 0.2,
            flaky_seed: rand::random(),
            ..crate::mock::MockConfig::default()
        })?;
        launch.watch = true;
        Ok(launch)
    }

    fn demo_with(mut self, config: crate::mock::MockConfig) -> std::io::Result<Self> {
        let mock = MockTenant::start(config)?;
        self.domain = Some(mock.url());
        self.access_token = Some(crate::mock::demo::ACCESS_TOKEN.to_owned());
        self.session_token = Some(crate::mock::demo::SESSION_TOKEN.to_owned());
        self.demo = Some(mock);
        Ok(self)
    }
}

impl Launch {
    /// What the launch pre-fills, over the remembered values.
    pub fn fill(&self, form: &mut Form) {
        let set = |field: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                field.clone_from(v);
            }
        };
        set(&mut form.domain, &self.domain);
        set(&mut form.tenant_id, &self.tenant_id);
        set(&mut form.client_id, &self.client_id);
        set(&mut form.ca_file, &self.ca_file);
        set(&mut form.proxy, &self.proxy);
        form.apply_overrides(&self.overrides);
        for (field, value) in [
            (&mut form.access_token.text, &self.access_token),
            (&mut form.session_token.text, &self.session_token),
        ] {
            set(field, value);
            tidy_token(field);
        }
        if self.demo.is_some() {
            form.client_id = crate::mock::demo::CLIENT_ID.to_owned();
            form.user_name = crate::mock::demo::USER_NAME.to_owned();
        }
    }
}
