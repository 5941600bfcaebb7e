//! The routes of the application, recorded as they are added. axum's `Router` cannot list its
//! routes, and the access matrix test must see every route and method the server answers, so
//! every feature adds its routes through [`Routes`], which keeps the table and the router
//! together: a route cannot be served without being listed.

use crate::WebState;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{get, post, MethodRouter};
use axum::Router;

/// A router under construction with the table of what it serves.
pub struct Routes {
    router: Router<WebState>,
    table: Vec<(Method, String)>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Routes {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    /// Answers GET (and HEAD, which axum derives from it) on the path.
    pub fn get<H, T>(self, path: &str, handler: H) -> Routes
    where
        H: Handler<T, WebState>,
        T: 'static,
    {
        self.add(Method::GET, path, get(handler))
    }

    /// Answers POST on the path.
    pub fn post<H, T>(self, path: &str, handler: H) -> Routes
    where
        H: Handler<T, WebState>,
        T: 'static,
    {
        self.add(Method::POST, path, post(handler))
    }

    /// Answers POST on the path with a body limit of its own (uploads).
    pub fn post_with_limit<H, T>(self, path: &str, handler: H, max_bytes: usize) -> Routes
    where
        H: Handler<T, WebState>,
        T: 'static,
    {
        let route = post(handler).layer(DefaultBodyLimit::max(max_bytes));
        self.add(Method::POST, path, route)
    }

    /// Adds another feature's routes.
    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.table.extend(other.table);
        self
    }

    /// The router and the table of its (method, path pattern) pairs.
    pub fn into_parts(self) -> (Router<WebState>, Vec<(Method, String)>) {
        (self.router, self.table)
    }

    fn add(mut self, method: Method, path: &str, route: MethodRouter<WebState>) -> Routes {
        self.router = self.router.route(path, route);
        self.table.push((method, path.to_string()));
        self
    }
}
