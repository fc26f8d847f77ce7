//! `POST configure` (202 with the job's status; 400 when the body is not
//! `{"resources": [...]}`), `GET configure/{jobId}/status`, `GET
//! configure/{jobId}` (the detail, once the job completed) and `POST
//! configure/{jobId}/cancel` (200 `cancelled`, or 400 once completed).

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;

use crate::faults::fault_route::FaultRoute;
use crate::http::error_response::json_response;
use crate::ingestion::configure_body::request_resources;
use crate::ingestion::ingestion_call::IngestionCall;
use crate::ingestion::wire_error::WireError;

/// The message of a cancel of an ended job.
pub(crate) const ALREADY_COMPLETED: &str = "Cannot cancel job, job has already completed.";

fn job_not_found(job_id: &str) -> Response {
    WireError::not_found(format!("The job '{job_id}' was not found.")).into_response()
}

/// `POST configure`
pub(crate) async fn configure(call: IngestionCall, body: Bytes) -> Response {
    let resources = match request_resources(&body) {
        Ok(resources) => resources,
        Err(error) => return error.into_response(),
    };
    call.answer(FaultRoute::IngestionConfigure, None, None, move |call| {
        let status = call.state().accept(resources);
        json_response(StatusCode::ACCEPTED, status.to_string())
    })
    .await
}

/// `GET configure/{jobId}/status` (`detail` false) and `GET configure/{jobId}`.
pub(crate) async fn job(call: IngestionCall, job_id: &str, detail: bool) -> Response {
    if call.state().job(job_id, false).is_none() {
        return job_not_found(job_id);
    }
    call.answer(FaultRoute::IngestionJob, None, None, |call| {
        match call.state().job(job_id, detail) {
            Some(Ok(document)) => json_response(StatusCode::OK, document.to_string()),
            Some(Err(())) => WireError::bad_request(format!(
                "The job '{job_id}' has not completed; its detail is available once it has."
            ))
            .into_response(),
            None => job_not_found(job_id),
        }
    })
    .await
}

/// `POST configure/{jobId}/cancel`
pub(crate) async fn cancel(call: IngestionCall, job_id: &str) -> Response {
    if call.state().job(job_id, false).is_none() {
        return job_not_found(job_id);
    }
    call.answer(FaultRoute::IngestionCancel, None, None, |call| {
        match call.state().cancel(job_id) {
            Ok(status) => json_response(StatusCode::OK, status.to_string()),
            Err(false) => WireError::bad_request(ALREADY_COMPLETED).into_response(),
            Err(true) => job_not_found(job_id),
        }
    })
    .await
}
