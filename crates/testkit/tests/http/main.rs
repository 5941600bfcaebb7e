//! HTTP integration tests: the real app on a random port, a fresh database per test.

mod sign_in;
