//! The request the CPP API's handlers take.

use crate::cpp::offer_store::OfferStore;
use crate::http::api_call::ApiCall;

/// A request to the CPP API, past its checks.
pub(crate) type CppCall = ApiCall<OfferStore>;
