//! The HTTP side shared by every API: the server and its accept loop,
//! connection control, the router that mounts each API's routes, the
//! request checks, error responses, the request log and recorded requests.

pub(crate) mod api_call;
pub(crate) mod api_context;
pub(crate) mod connection_control;
pub(crate) mod error_response;
pub(crate) mod recorded_request;
pub(crate) mod request_checks;
pub(crate) mod request_log;
pub(crate) mod request_rules;
pub(crate) mod router;
pub(crate) mod server;
pub(crate) mod shared_state;
