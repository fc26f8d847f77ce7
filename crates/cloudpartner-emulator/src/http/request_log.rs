//! The log of received requests: a ring of the last N.

use std::collections::VecDeque;

use crate::http::recorded_request::RecordedRequest;

/// How many requests an emulator remembers unless told otherwise.
pub const DEFAULT_REQUEST_LOG_CAPACITY: usize = 1000;

/// The last `capacity` requests, oldest first; older ones are dropped.
#[derive(Debug)]
pub(crate) struct RequestLog {
    capacity: usize,
    requests: VecDeque<RecordedRequest>,
}

impl RequestLog {
    /// An empty log keeping at most `capacity` requests (0: none).
    pub fn with_capacity(capacity: usize) -> RequestLog {
        RequestLog {
            capacity,
            requests: VecDeque::with_capacity(capacity.min(DEFAULT_REQUEST_LOG_CAPACITY)),
        }
    }

    /// Appends a request, dropping the oldest when the log is full.
    pub fn push(&mut self, request: RecordedRequest) {
        if self.capacity == 0 {
            return;
        }
        while self.requests.len() >= self.capacity {
            self.requests.pop_front();
        }
        self.requests.push_back(request);
    }

    /// The logged requests, oldest first.
    pub fn to_vec(&self) -> Vec<RecordedRequest> {
        self.requests.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str) -> RecordedRequest {
        RecordedRequest {
            method: String::from("GET"),
            path: path.to_owned(),
            query: None,
            headers: Vec::new(),
            body: None,
        }
    }

    #[test]
    fn the_oldest_requests_make_room() {
        let mut log = RequestLog::with_capacity(2);
        for path in ["/1", "/2", "/3"] {
            log.push(request(path));
        }
        let paths: Vec<String> = log.to_vec().into_iter().map(|r| r.path).collect();
        assert_eq!(paths, ["/2", "/3"]);
        let mut none = RequestLog::with_capacity(0);
        none.push(request("/1"));
        assert!(none.to_vec().is_empty());
    }
}
