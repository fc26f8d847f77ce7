//! The requests a tool sent, from the emulator's log, by kind.

use cloudpartner_emulator::RecordedRequest;

/// How many requests of each kind.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestCounts {
    pub total: usize,
    /// `POST configure` (the technical configuration, the preview, the push to live).
    pub configure: usize,
    /// `GET configure/{job}/status` and `GET configure/{job}`: waiting for jobs.
    pub job_polls: usize,
    /// `GET submission/…`: reading submissions (some tools wait on them).
    pub submission_reads: usize,
    /// Every other read: products, plans, resource trees, resources.
    pub other_reads: usize,
    /// Anything else (token requests, cancels…).
    pub other: usize,
}

impl RequestCounts {
    /// The counts of a request log.
    pub fn of(requests: &[RecordedRequest]) -> RequestCounts {
        let mut counts = RequestCounts::default();
        for request in requests {
            counts.total += 1;
            // The path under the API's base, without the empty segments some tools send.
            let path = request
                .path
                .strip_prefix("/rp/product-ingestion")
                .unwrap_or(&request.path);
            let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            let slot = match (request.method.as_str(), segments.as_slice()) {
                ("POST", ["configure"]) => &mut counts.configure,
                ("GET", ["configure", _, ..]) => &mut counts.job_polls,
                ("GET", ["submission", ..]) => &mut counts.submission_reads,
                ("GET", _) => &mut counts.other_reads,
                _ => &mut counts.other,
            };
            *slot += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, path: &str) -> RecordedRequest {
        RecordedRequest {
            method: method.to_owned(),
            path: path.to_owned(),
            query: None,
            headers: Vec::new(),
            body: None,
        }
    }

    #[test]
    fn requests_are_counted_by_kind() {
        let base = "/rp/product-ingestion";
        let log = [
            request("GET", &format!("{base}/product")),
            request("GET", &format!("{base}//resource-tree/product/g")),
            request("POST", &format!("{base}/configure")),
            request("GET", &format!("{base}/configure/j/status")),
            request("GET", &format!("{base}//configure/j/status")),
            request("GET", &format!("{base}/submission/g")),
            request("POST", "/tenant/oauth2/token"),
        ];
        let counts = RequestCounts::of(&log);
        assert_eq!(counts.total, 7);
        assert_eq!(counts.configure, 1);
        assert_eq!(counts.job_polls, 2);
        assert_eq!(counts.submission_reads, 1);
        assert_eq!(counts.other_reads, 2);
        assert_eq!(counts.other, 1);
    }
}
