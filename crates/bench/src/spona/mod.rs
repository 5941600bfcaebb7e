//! The Spona server under test: started as an operator starts it, timed to its first healthy
//! answer, and watched through /proc for its memory and processor time.

mod process;
mod usage;

pub use process::{beside, device_of, Spona};
pub use usage::{busy_seconds_of, cpu_seconds_of, kilobytes_of, CpuReading, CpuSpent, Usage};
