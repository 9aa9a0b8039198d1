//! HTTP plumbing shared by every resource: extractor error handling, the request context
//! (request id, access log, metrics), CORS and the fallback for unknown routes.

pub mod cors;
pub mod etag;
pub mod extractors;
pub mod fallback;
pub mod metrics;
pub mod query_guard;
pub mod request_context;
pub mod respond;
