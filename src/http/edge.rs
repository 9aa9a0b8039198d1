//! Below the application: requests actix-http's HTTP/1 dispatcher refuses by itself (a request
//! line or header it cannot parse, a head larger than its 128 KiB read buffer, a URI the `http`
//! crate will not hold, a head that did not arrive within the client request timeout) never
//! reach a middleware, and actix answers them with an empty body.
//! Clients are promised problem+json for every error, so `Edge` wraps each accepted connection
//! and swaps those bodiless answers for problem+json ones with the same status, except that a
//! request whose target is longer than `MAX_URI_BYTES` is told 414 whichever limit actix hit
//! first, as the application itself would tell it.
//!
//! The dispatcher closes the connection after such an answer, so the swap never has to keep a
//! connection's framing in step: the replacement is the last thing written. Each swap is counted
//! in `/metrics` (`http_edge_answers_total`), since the request metrics never see these.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::error::{AppError, PROBLEM_CONTENT_TYPE};
use crate::http::metrics::Metrics;
use crate::http::query_guard::{MAX_URI_BYTES, uri_too_long};
use crate::http::request_context::REQUEST_ID_HEADER;
use crate::server::CLIENT_REQUEST_TIMEOUT;

/// A connection whose dispatcher-made error answers are rewritten as problem+json.
pub struct Edge<IO> {
    io: IO,
    lines: RequestLines,
    /// The problem+json answer still to be written in place of actix's own.
    reply: Option<Reply>,
    /// One connection carries at most one dispatcher-made answer; after it nothing is inspected.
    replaced: bool,
    metrics: Option<Metrics>,
}

struct Reply {
    bytes: Vec<u8>,
    sent: usize,
}

impl<IO> Edge<IO> {
    /// `metrics` counts the answers swapped on this connection.
    pub fn new(io: IO, metrics: Option<Metrics>) -> Self {
        Edge {
            io,
            lines: RequestLines::new(),
            reply: None,
            replaced: false,
            metrics,
        }
    }
}

impl<IO: AsyncWrite + Unpin> Edge<IO> {
    fn poll_drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some(reply) = &mut self.reply {
            if reply.sent == reply.bytes.len() {
                self.reply = None;
                break;
            }
            let n = ready!(Pin::new(&mut self.io).poll_write(cx, &reply.bytes[reply.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            reply.sent += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for Edge<IO> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        ready!(Pin::new(&mut this.io).poll_read(cx, buf))?;
        this.lines.observe(&buf.filled()[before..]);
        Poll::Ready(Ok(()))
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for Edge<IO> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_drain(cx))?;
        if !this.replaced
            && let Some((start, refused)) = refused_head(buf)
        {
            if start > 0 {
                // What precedes belongs to earlier responses; the dispatcher hands the rest back
                // on its next write, and the head is then at the start.
                return Pin::new(&mut this.io).poll_write(cx, &buf[..start]);
            }
            this.replaced = true;
            let (status, bytes) = refused.answer(this.lines.target_len > MAX_URI_BYTES);
            if let Some(metrics) = &this.metrics {
                metrics.edge_answered(status);
            }
            this.reply = Some(Reply { bytes, sent: 0 });
            // The whole original head counts as written; what remains of the replacement is
            // drained by the flush or shutdown the dispatcher always follows a write with.
            if let Poll::Ready(Err(err)) = this.poll_drain(cx) {
                return Poll::Ready(Err(err));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.io).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_drain(cx))?;
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_drain(cx))?;
        Pin::new(&mut this.io).poll_shutdown(cx)
    }
}

/// Follows the request lines the dispatcher reads, to know how long the latest request target
/// is when the dispatcher refuses the request (it says 400 or 431, never which part was too
/// long). Body bytes pass through here too and may be taken for a request line; that can only
/// turn a refusal actix already decided on into a 414, never refuse anything.
struct RequestLines {
    line: Line,
    /// Set at the start of a connection and after the blank line ending a head: the next line
    /// that is not blank is a request line.
    expect_request: bool,
    /// Bytes of the latest request line's target read so far (it may still be arriving).
    target_len: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Line {
    Start,
    Method,
    Target,
    Rest,
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

impl RequestLines {
    fn new() -> Self {
        RequestLines {
            line: Line::Start,
            expect_request: true,
            target_len: 0,
        }
    }

    fn observe(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.line = match (self.line, b) {
                (Line::Start, b'\n') => {
                    self.expect_request = true;
                    Line::Start
                }
                (_, b'\n') => Line::Start,
                (Line::Start, b'\r') => Line::Start,
                (Line::Start, _) if self.expect_request => {
                    self.expect_request = false;
                    self.target_len = 0;
                    if is_tchar(b) {
                        Line::Method
                    } else {
                        Line::Rest
                    }
                }
                (Line::Start, _) => Line::Rest,
                (Line::Method, b' ') => Line::Target,
                (Line::Method, b) if is_tchar(b) => Line::Method,
                (Line::Target, b' ' | b'\r') => Line::Rest,
                (Line::Target, _) => {
                    self.target_len = self.target_len.saturating_add(1);
                    Line::Target
                }
                _ => Line::Rest,
            };
        }
    }
}

/// What the dispatcher refused, read from the answer it wrote.
#[derive(Debug, PartialEq, Eq)]
struct Refused<'a> {
    /// `HTTP/1.1` or `HTTP/1.0`, echoed in the replacement.
    version: &'a str,
    status: u16,
    date: &'a str,
}

/// The longest head the dispatcher writes for a refusal; only this much of a write's end is
/// searched.
const MAX_REFUSAL_HEAD: usize = 160;

/// Where in `buf` a dispatcher-made refusal begins, if `buf` ends with one.
///
/// actix-http writes exactly `HTTP/1.x 400 Bad Request` or `HTTP/1.x 431 Request Header Fields
/// Too Large`, then `content-length: 0`, possibly `connection: close` (or `keep-alive` for
/// HTTP/1.0), and its `date`, nothing else: no content type and no `x-request-id`, which every
/// response of the application carries. It is always the last thing written on the connection.
fn refused_head(buf: &[u8]) -> Option<(usize, Refused<'_>)> {
    if !buf.ends_with(b"\r\n\r\n") {
        return None;
    }
    let from = buf.len().saturating_sub(MAX_REFUSAL_HEAD);
    (from..buf.len())
        .filter(|&i| buf[i..].starts_with(b"HTTP/1."))
        .find_map(|i| parse_refused(&buf[i..]).map(|r| (i, r)))
}

fn parse_refused(head: &[u8]) -> Option<Refused<'_>> {
    let text = std::str::from_utf8(head).ok()?.strip_suffix("\r\n\r\n")?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next()?;
    let (version, reason) = status_line.split_once(' ')?;
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return None;
    }
    let status = match reason {
        "400 Bad Request" => 400,
        "431 Request Header Fields Too Large" => 431,
        "408 Request Timeout" => 408,
        _ => return None,
    };
    if lines.next()? != "content-length: 0" {
        return None;
    }
    let mut line = lines.next()?;
    if line == "connection: close" || line == "connection: keep-alive" {
        line = lines.next()?;
    }
    let date = line.strip_prefix("date: ")?;
    if date.len() != 29 || !date.ends_with(" GMT") || lines.next().is_some() {
        return None;
    }
    Some(Refused {
        version,
        status,
        date,
    })
}

impl Refused<'_> {
    /// The status and the problem+json answer to send instead, with an id to find its log line
    /// by.
    fn answer(&self, long_target: bool) -> (u16, Vec<u8>) {
        let err = if long_target {
            uri_too_long()
        } else if self.status == 408 {
            AppError::RequestTimeout(format!(
                "The request's head did not arrive within {} s of the connection's last request \
                 (or of its opening); send it whole.",
                CLIENT_REQUEST_TIMEOUT.as_secs()
            ))
        } else if self.status == 431 {
            AppError::HeaderFieldsTooLarge(
                "The request's header fields are larger than the server accepts (128 KiB for \
                 the whole request head, at most 96 fields)."
                    .to_owned(),
            )
        } else {
            AppError::BadRequest("The request could not be parsed as HTTP/1.1.".to_owned())
        };
        let status = actix_web::ResponseError::status_code(&err);
        let request_id = uuid::Uuid::now_v7();
        tracing::info!(
            request_id = %request_id,
            status = status.as_u16(),
            refused_as = self.status,
            "request refused before routing"
        );
        let body = serde_json::to_vec(&err.problem()).unwrap_or_default();
        let mut out = format!(
            "{} {} {}\r\ncontent-type: {PROBLEM_CONTENT_TYPE}\r\ncontent-length: {}\r\n\
             connection: close\r\n{REQUEST_ID_HEADER}: {request_id}\r\ndate: {}\r\n\r\n",
            self.version,
            status.as_str(),
            status.canonical_reason().unwrap_or(""),
            body.len(),
            self.date,
        )
        .into_bytes();
        out.extend_from_slice(&body);
        (status.as_u16(), out)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    const DATE: &str = "Sun, 06 Nov 1994 08:49:37 GMT";

    fn actix_refusal(status: &str, connection: &str) -> Vec<u8> {
        format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\n{connection}date: {DATE}\r\n\r\n")
            .into_bytes()
    }

    #[test]
    fn only_the_dispatchers_bodiless_refusals_are_recognised() {
        let head = actix_refusal("400 Bad Request", "");
        let found = refused_head(&head).expect("a refusal");
        assert_eq!(found.0, 0);
        assert_eq!(found.1.status, 400);
        assert_eq!(found.1.date, DATE);
        let head = actix_refusal(
            "431 Request Header Fields Too Large",
            "connection: close\r\n",
        );
        assert_eq!(refused_head(&head).expect("a refusal").1.status, 431);

        let app = format!(
            "HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ncontent-type: \
             application/problem+json\r\ndate: {DATE}\r\n\r\n"
        );
        assert!(refused_head(app.as_bytes()).is_none());
        let other = actix_refusal("404 Not Found", "");
        assert!(refused_head(&other).is_none());
        let no_content = format!("HTTP/1.1 204 No Content\r\ndate: {DATE}\r\n\r\n");
        assert!(refused_head(no_content.as_bytes()).is_none());
    }

    #[test]
    fn a_refusal_after_earlier_responses_is_found_where_it_starts() {
        let mut buf = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}".to_vec();
        let start = buf.len();
        buf.extend(actix_refusal("400 Bad Request", ""));
        assert_eq!(refused_head(&buf).map(|(i, _)| i), Some(start));
    }

    #[test]
    fn the_target_of_the_latest_request_line_is_measured() {
        let mut lines = RequestLines::new();
        lines.observe(b"GET /ab?c=d HTTP/1.1\r\nHost: x\r\nX-Long header: 1\r\n\r\n");
        assert_eq!(lines.target_len, 7);
        lines.observe(b"\r\nGET /");
        lines.observe(&[b'a'; 100]);
        assert_eq!(lines.target_len, 101);
        assert_eq!(lines.line, Line::Target);
        lines.observe(b" HTTP/1.1\r\n");
        lines.observe(b"\x01junk\r\n\r\n");
        assert_eq!(lines.target_len, 101, "header lines do not count");
        lines.observe(b"\x01junk\r\n");
        assert_eq!(
            lines.target_len, 0,
            "a malformed request line has no target"
        );
    }

    async fn through_edge(request: &[u8], written: &[u8]) -> Vec<u8> {
        let (client, server) = tokio::io::duplex(1 << 20);
        let mut edge = Edge::new(server, None);
        let (mut client_read, mut client_write) = tokio::io::split(client);
        client_write.write_all(request).await.unwrap();
        let mut seen = vec![0; request.len()];
        edge.read_exact(&mut seen).await.unwrap();
        edge.write_all(written).await.unwrap();
        edge.shutdown().await.unwrap();
        drop(edge);
        let mut out = Vec::new();
        client_read.read_to_end(&mut out).await.unwrap();
        out
    }

    #[tokio::test]
    async fn a_refusal_becomes_problem_json_and_the_rest_passes_untouched() {
        let ok =
            b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: application/json\r\n\r\n{}";
        assert_eq!(through_edge(b"GET / HTTP/1.1\r\n\r\n", ok).await, ok);

        let mut written = ok.to_vec();
        written.extend(actix_refusal("431 Request Header Fields Too Large", ""));
        let out = through_edge(b"GET / HTTP/1.1\r\nX: 1\r\n", &written).await;
        assert!(out.starts_with(ok), "earlier responses are kept");
        let text = String::from_utf8(out[ok.len()..].to_vec()).unwrap();
        assert!(
            text.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
            "{text}"
        );
        assert!(
            text.contains("content-type: application/problem+json\r\n"),
            "{text}"
        );
        assert!(text.contains("connection: close\r\n"), "{text}");
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(
            head.contains(&format!("content-length: {}", body.len())),
            "{text}"
        );
        let problem: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(problem["status"], 431);
        assert_eq!(problem["type"], "/problems/request-header-fields-too-large");

        let long = format!("GET /{} HTTP/1.1\r\n", "a".repeat(MAX_URI_BYTES + 1));
        let out = through_edge(long.as_bytes(), &actix_refusal("400 Bad Request", "")).await;
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 414 URI Too Long\r\n"), "{text}");
        assert!(text.contains("\"status\":414"), "{text}");
    }
}
