//! A client of the in-process app for tests that act as several seeded users.

use std::collections::HashMap;

use actix_web::dev::{Service, ServiceResponse};
use serde_json::Value;

use super::walk::{Answer, call};
use super::world::token;

pub struct Api<'a, S> {
    pub app: &'a S,
    pub tokens: HashMap<&'static str, String>,
}

impl<'a, S> Api<'a, S>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    /// Logs each of `users` in.
    pub async fn new(app: &'a S, users: &[&'static str]) -> Api<'a, S> {
        let mut tokens = HashMap::new();
        for who in users {
            tokens.insert(*who, token(app, who).await);
        }
        Api { app, tokens }
    }

    pub async fn call(&self, who: &str, method: &str, uri: &str, body: Option<Value>) -> Answer {
        call(
            self.app,
            &self.tokens[who],
            method,
            uri,
            body.as_ref(),
            None,
        )
        .await
    }

    /// The JSON answer of a request that must give `status`.
    pub async fn expect(
        &self,
        who: &str,
        method: &str,
        uri: &str,
        body: Option<Value>,
        status: u16,
    ) -> Value {
        let answer = self.call(who, method, uri, body).await;
        assert_eq!(
            answer.status, status,
            "{who} {method} {uri}: {}",
            answer.text
        );
        answer.json()
    }

    pub async fn created(&self, who: &str, uri: &str, body: Value) -> String {
        let v = self.expect(who, "POST", uri, Some(body), 201).await;
        v["id"].as_str().unwrap().to_owned()
    }

    /// A PUT or PATCH with the current ETag (read first by `who`).
    pub async fn change(&self, who: &str, method: &str, uri: &str, body: Value) -> Value {
        let current = self.call(who, "GET", uri, None).await;
        assert_eq!(current.status, 200, "{who} GET {uri}: {}", current.text);
        let etag = current.etag.expect("an ETag");
        let answer = call(
            self.app,
            &self.tokens[who],
            method,
            uri,
            Some(&body),
            Some(&etag),
        )
        .await;
        assert_eq!(answer.status, 200, "{who} {method} {uri}: {}", answer.text);
        answer.json()
    }
}
