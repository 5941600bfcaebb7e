//! What the connections send: requests as a browser would send them (its session cookie, a
//! form's body with the same-origin headers), alone or as a weighted mix.

use std::sync::Arc;

/// The body of a form, fixed, or with a mark that each request replaces by a sequence of
/// its own (so that records made under load are not all alike, as duplicates would be).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Fixed(String),
    Numbered { form: String, mark: String },
}

impl Body {
    /// The body of the request numbered `n`.
    pub fn text(&self, n: u64) -> String {
        match self {
            Body::Fixed(form) => form.clone(),
            Body::Numbered { form, mark } => form.replace(mark.as_str(), &letters(n)),
        }
    }
}

/// `n` in letters (a, b, …, z, ba, bb, …): names in forms take letters, not digits.
pub fn letters(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One request: a GET of a page, or a form's POST.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Path and query.
    pub path: String,
    /// The `Cookie` header of a signed-in browser.
    pub cookie: Option<String>,
    /// A form's body (then the request is a POST).
    pub form: Option<Body>,
}

impl Request {
    /// A GET of `path`.
    pub fn get(path: &str, cookie: Option<&str>) -> Request {
        Request {
            path: path.to_string(),
            cookie: cookie.map(str::to_string),
            form: None,
        }
    }

    /// A form POSTed to `path`.
    pub fn post(path: &str, cookie: Option<&str>, form: Body) -> Request {
        Request {
            form: Some(form),
            ..Request::get(path, cookie)
        }
    }
}

/// The requests of a load, in the order each connection cycles through them.
#[derive(Clone, Debug)]
pub struct Workload {
    order: Arc<Vec<Request>>,
}

impl Workload {
    /// One request, again and again.
    pub fn single(request: Request) -> Workload {
        Workload {
            order: Arc::new(vec![request]),
        }
    }

    /// Several requests, each `weight` times as often as a request of weight one. Weights
    /// are spread out (not `a a a b`, but `a b a a`), so that any stretch of the cycle is
    /// close to the mix.
    pub fn mix(weighted: &[(Request, u32)]) -> Workload {
        let total: u32 = weighted.iter().map(|(_, w)| w).sum();
        let mut credit = vec![0i64; weighted.len()];
        let mut order = Vec::with_capacity(total as usize);
        // Smooth weighted round-robin: each turn every request earns its weight, and the
        // richest is sent and pays the total.
        for _ in 0..total {
            for (c, (_, w)) in credit.iter_mut().zip(weighted) {
                *c += i64::from(*w);
            }
            let Some((richest, _)) = credit
                .iter()
                .enumerate()
                .max_by_key(|(i, c)| (**c, -(*i as i64)))
            else {
                break;
            };
            credit[richest] -= i64::from(total);
            order.push(weighted[richest].0.clone());
        }
        Workload {
            order: Arc::new(order),
        }
    }

    /// The request at position `n` of the cycle.
    pub fn at(&self, n: usize) -> Option<&Request> {
        (!self.order.is_empty()).then(|| &self.order[n % self.order.len()])
    }

    /// The length of one cycle.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(p: &str) -> Request {
        Request::get(p, None)
    }

    #[test]
    fn a_mix_sends_each_request_as_often_as_its_weight_and_spreads_them() {
        let w = Workload::mix(&[(get("/a"), 3), (get("/b"), 1)]);
        let paths: Vec<&str> = (0..w.len())
            .map(|i| w.at(i).unwrap().path.as_str())
            .collect();
        assert_eq!(paths.iter().filter(|p| **p == "/a").count(), 3);
        assert_eq!(paths.iter().filter(|p| **p == "/b").count(), 1);
        // Never all of one before the other.
        assert_ne!(paths, ["/a", "/a", "/a", "/b"]);
        assert_ne!(paths, ["/b", "/a", "/a", "/a"]);
    }

    #[test]
    fn a_weight_of_zero_leaves_a_request_out_and_the_cycle_repeats() {
        let w = Workload::mix(&[(get("/a"), 2), (get("/never"), 0), (get("/b"), 2)]);
        assert_eq!(w.len(), 4);
        assert!((0..8).all(|i| w.at(i).unwrap().path != "/never"));
        assert_eq!(w.at(1), w.at(5));
        assert!(Workload::mix(&[]).at(0).is_none());
    }

    #[test]
    fn numbered_bodies_differ_and_fixed_ones_do_not() {
        let b = Body::Numbered {
            form: "family_name=BenchXSEQX&x=1".into(),
            mark: "XSEQX".into(),
        };
        assert_eq!(b.text(0), "family_name=Bencha&x=1");
        assert_eq!(b.text(27), "family_name=Benchbb&x=1");
        assert_eq!(Body::Fixed("a=1".into()).text(5), "a=1");
    }

    #[test]
    fn letters_count_like_digits_in_base_twenty_six() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "ba");
        assert_eq!(letters(26 * 26), "baa");
    }
}
