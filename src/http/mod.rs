//! HTTP plumbing shared by every resource: extractor error handling, the request context
//! (request id, access log, metrics), CORS, the fallback for unknown routes, and the connection
//! wrapper that answers what actix-http refuses before routing (`edge`).

pub mod cors;
pub mod edge;
pub mod etag;
pub mod extractors;
pub mod fallback;
pub mod metrics;
pub mod query_guard;
pub mod request_context;
pub mod respond;
