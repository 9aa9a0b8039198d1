//! Requests refused below the application (by actix-http's parser or its buffer limits) answer
//! problem+json like every other error. The client writes raw bytes: HTTP clients refuse to
//! send most of these requests.

mod common;

use std::net::SocketAddr;

use common::{TestDb, TestServer, state_for};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Asserts a problem+json answer with `status` and returns the document.
    fn problem(&self, status: u16) -> serde_json::Value {
        assert_eq!(self.status, status, "status");
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let body: serde_json::Value = serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        });
        assert_eq!(body["status"], status, "{body}");
        assert!(
            body["type"]
                .as_str()
                .is_some_and(|t| t.starts_with("/problems/")),
            "{body}"
        );
        for field in ["title", "detail"] {
            assert!(body[field].is_string(), "problem lacks {field}: {body}");
        }
        assert!(self.header("x-request-id").is_some(), "no request id");
        body
    }
}

/// Reads one response from `stream`, keeping what follows it in `buf`. A read error after the
/// response is complete is not seen (the server may reset a connection it refused).
async fn read_answer(stream: &mut (impl AsyncRead + Unpin), buf: &mut Vec<u8>) -> Answer {
    let mut chunk = vec![0; 64 * 1024];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8(buf[..end].to_vec()).expect("ASCII head");
            let mut lines = head.split("\r\n");
            let status = lines.next().unwrap().split(' ').nth(1).unwrap();
            let headers: Vec<(String, String)> = lines
                .map(|l| {
                    let (n, v) = l.split_once(':').expect("header line");
                    (n.to_owned(), v.trim().to_owned())
                })
                .collect();
            let len: usize = headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
                .map(|(_, v)| v.parse().unwrap())
                .expect("content-length");
            if buf.len() >= end + 4 + len {
                let body = buf[end + 4..end + 4 + len].to_vec();
                buf.drain(..end + 4 + len);
                return Answer {
                    status: status.parse().unwrap(),
                    headers,
                    body,
                };
            }
        }
        match stream.read(&mut chunk).await {
            Ok(0) => panic!(
                "connection closed before a whole response: {:?}",
                String::from_utf8_lossy(buf)
            ),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) => panic!(
                "read failed ({e}) before a whole response: {:?}",
                String::from_utf8_lossy(buf)
            ),
        }
    }
}

/// Sends `request` on a new connection and reads the answer while still writing, as a client
/// does whose request the server refuses part-way.
async fn send(addr: SocketAddr, request: Vec<u8>) -> Answer {
    let stream = TcpStream::connect(addr).await.expect("connect");
    let (mut read, mut write) = stream.into_split();
    let writer = tokio::spawn(async move {
        // The server stops reading at the refusal; writing the rest may fail then.
        let _ = write.write_all(&request).await;
        write
    });
    let answer = read_answer(&mut read, &mut Vec::new()).await;
    writer.abort();
    answer
}

fn get(target: &str) -> Vec<u8> {
    format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").into_bytes()
}

fn server() -> (TestDb, TestServer) {
    let db = TestDb::new();
    let server = TestServer::start(state_for(&db));
    (db, server)
}

#[actix_web::test]
async fn a_20_kib_uri_is_refused_by_the_application_with_414() {
    let (_db, server) = server();
    let target = format!("/api/v1/projects?q={}", "a".repeat(20 * 1024));
    let answer = send(server.addr, get(&target)).await;
    let body = answer.problem(414);
    assert_eq!(body["type"], "/problems/uri-too-long");
}

#[actix_web::test]
async fn a_70_kib_uri_actix_cannot_hold_is_414() {
    let (_db, server) = server();
    let target = format!("/api/v1/projects?q={}", "a".repeat(70 * 1024));
    let answer = send(server.addr, get(&target)).await;
    let body = answer.problem(414);
    assert_eq!(body["type"], "/problems/uri-too-long");
    assert_eq!(answer.header("connection"), Some("close"));
}

#[actix_web::test]
async fn a_1_mib_query_overflowing_the_head_buffer_is_414() {
    let (_db, server) = server();
    let target = format!("/api/v1/projects?q={}", "a".repeat(1024 * 1024));
    let answer = send(server.addr, get(&target)).await;
    let body = answer.problem(414);
    assert_eq!(body["type"], "/problems/uri-too-long");
}

#[actix_web::test]
async fn a_256_kib_header_is_431() {
    let (_db, server) = server();
    let request = format!(
        "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: {}\r\n\r\n",
        "b".repeat(256 * 1024)
    );
    let answer = send(server.addr, request.into_bytes()).await;
    let body = answer.problem(431);
    assert_eq!(body["type"], "/problems/request-header-fields-too-large");
    assert_eq!(answer.header("connection"), Some("close"));
}

#[actix_web::test]
async fn a_malformed_request_line_or_header_is_400() {
    let (_db, server) = server();
    let answer = send(
        server.addr,
        b"GET /healthz HTTQ/1.1\r\nHost: localhost\r\n\r\n".to_vec(),
    )
    .await;
    let body = answer.problem(400);
    assert_eq!(body["type"], "/problems/bad-request");
    assert_eq!(answer.header("connection"), Some("close"));

    let answer = send(
        server.addr,
        b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n".to_vec(),
    )
    .await;
    answer.problem(400);
}

#[actix_web::test]
async fn a_query_value_that_is_not_utf8_is_400() {
    let (_db, server) = server();
    let answer = send(server.addr, get("/api/v1/projects?q=%ff%fe")).await;
    let body = answer.problem(400);
    assert!(body["detail"].as_str().unwrap().contains("UTF-8"), "{body}");
}

#[actix_web::test]
async fn ordinary_requests_on_one_connection_pass_untouched() {
    let (_db, server) = server();
    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    let mut buf = Vec::new();
    for _ in 0..2 {
        stream.write_all(&get("/healthz")).await.unwrap();
        let answer = read_answer(&mut stream, &mut buf).await;
        assert_eq!(answer.status, 200);
        assert_ne!(answer.header("connection"), Some("close"));
        assert!(
            answer
                .header("content-type")
                .is_some_and(|t| t.starts_with("application/json")),
            "{:?}",
            answer.headers
        );
    }
    // An application error answer keeps the connection open too.
    stream.write_all(&get("/no-such-thing")).await.unwrap();
    read_answer(&mut stream, &mut buf).await.problem(404);
    stream.write_all(&get("/healthz")).await.unwrap();
    assert_eq!(read_answer(&mut stream, &mut buf).await.status, 200);
    assert!(buf.is_empty(), "nothing after the responses");
}

/// The value of `http_edge_answers_total` for `status` in a `/metrics` text (0 when absent).
fn edge_answers(metrics: &str, status: u16) -> u64 {
    let prefix = format!("http_edge_answers_total{{status=\"{status}\"}} ");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(prefix.as_str()))
        .map_or(0, |n| n.trim().parse().expect("a count"))
}

#[actix_web::test]
async fn a_head_that_does_not_arrive_in_time_is_408_and_edge_answers_are_counted() {
    let (_db, server) = server();
    let metrics = || async {
        let answer = send(server.addr, get("/metrics")).await;
        assert_eq!(answer.status, 200);
        String::from_utf8(answer.body).unwrap()
    };
    let before = metrics().await;
    assert_eq!(edge_answers(&before, 408), 0, "{before}");

    // Half a head, then nothing: the client request timeout (5 s) ends it.
    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: loc")
        .await
        .unwrap();
    let answer = read_answer(&mut stream, &mut Vec::new()).await;
    let body = answer.problem(408);
    assert_eq!(body["type"], "/problems/request-timeout");
    assert!(body["detail"].as_str().unwrap().contains("5 s"), "{body}");

    let malformed = send(
        server.addr,
        b"GET /healthz HTTQ/1.1\r\nHost: localhost\r\n\r\n".to_vec(),
    )
    .await;
    malformed.problem(400);

    // Neither reached a route, so only the edge's own counter has them.
    let after = metrics().await;
    assert_eq!(edge_answers(&after, 408), 1, "{after}");
    assert_eq!(
        edge_answers(&after, 400),
        edge_answers(&before, 400) + 1,
        "{after}"
    );
}
