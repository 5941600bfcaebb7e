//! A process's memory and processor time, as Linux reports them in /proc.

use anyhow::{Context, Result};
use serde::Serialize;

/// Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux architecture that
/// Spona runs on (the kernel scales its own clock to it for userspace).
const TICKS_PER_SECOND: f64 = 100.0;

/// Memory and processor time at one moment.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Usage {
    /// Resident memory now, in kB.
    pub rss_kb: u64,
    /// The most resident memory so far, in kB.
    pub peak_rss_kb: u64,
    /// User and system processor time so far, in seconds.
    pub cpu_seconds: f64,
}

impl Usage {
    /// The usage of the process `pid` now.
    pub fn of(pid: u32) -> Result<Usage> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
            .with_context(|| format!("cannot read /proc/{pid}/status"))?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .with_context(|| format!("cannot read /proc/{pid}/stat"))?;
        Ok(Usage {
            rss_kb: kilobytes_of(&status, "VmRSS").context("no VmRSS in /proc status")?,
            peak_rss_kb: kilobytes_of(&status, "VmHWM").context("no VmHWM in /proc status")?,
            cpu_seconds: cpu_seconds_of(&stat).context("an unreadable /proc stat")?,
        })
    }
}

/// Processor time spent between two readings: by the server, and by every process that
/// is neither the server nor this one (another build, a database server), which tells how
/// much the machine was shared while a load ran.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CpuSpent {
    pub server: f64,
    pub others: f64,
}

/// Processor time so far: of the whole machine, of this process, and of the server.
#[derive(Clone, Copy, Debug)]
pub struct CpuReading {
    machine: f64,
    own: f64,
    server: f64,
}

impl CpuReading {
    /// The reading now; `server` is the server's process, if one runs.
    pub fn now(server: Option<u32>) -> Result<CpuReading> {
        let stat = std::fs::read_to_string("/proc/stat").context("cannot read /proc/stat")?;
        Ok(CpuReading {
            machine: busy_seconds_of(&stat).context("an unreadable /proc/stat")?,
            own: Usage::of(std::process::id())?.cpu_seconds,
            server: match server {
                Some(pid) => Usage::of(pid)?.cpu_seconds,
                None => 0.0,
            },
        })
    }

    /// What was spent since `earlier`.
    pub fn since(&self, earlier: &CpuReading) -> CpuSpent {
        let server = self.server - earlier.server;
        let own = self.own - earlier.own;
        CpuSpent {
            server,
            others: (self.machine - earlier.machine - own - server).max(0.0),
        }
    }
}

/// The time all processors were busy (not idle, not waiting for disks), from the `cpu`
/// line of /proc/stat: user, nice, system, irq, softirq and steal.
pub fn busy_seconds_of(stat: &str) -> Option<f64> {
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let ticks: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    let at = |i: usize| ticks.get(i).copied().unwrap_or(0);
    // user nice system idle iowait irq softirq steal …
    let busy = at(0) + at(1) + at(2) + at(5) + at(6) + at(7);
    Some(busy as f64 / TICKS_PER_SECOND)
}

/// A `Name:   1234 kB` line of /proc/PID/status.
pub fn kilobytes_of(status: &str, name: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key == name).then(|| value.split_whitespace().next()?.parse().ok())?
    })
}

/// utime + stime of /proc/PID/stat, in seconds. The command name (field 2) is in
/// parentheses and may hold spaces and parentheses itself: fields are counted after its
/// last closing one, where field 3 (the state) begins.
pub fn cpu_seconds_of(stat: &str) -> Option<f64> {
    let after = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line: 11 and 12 counted from the state.
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some((user + system) as f64 / TICKS_PER_SECOND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_is_read_from_its_named_line() {
        let status = "Name:\tspona\nVmHWM:\t   51234 kB\nVmRSS:\t   40960 kB\nThreads:\t3\n";
        assert_eq!(kilobytes_of(status, "VmRSS"), Some(40_960));
        assert_eq!(kilobytes_of(status, "VmHWM"), Some(51_234));
        assert_eq!(kilobytes_of(status, "VmSwap"), None);
    }

    #[test]
    fn processor_time_is_user_and_system_time_after_the_command_name() {
        // The name holds a space and a parenthesis, which must not shift the fields.
        let stat =
            "4242 (spo na) x) S 1 4242 4242 0 -1 4194560 1500 0 0 0 250 125 0 0 20 0 3 0 100 0 0";
        assert_eq!(cpu_seconds_of(stat), Some(3.75));
        assert_eq!(cpu_seconds_of("4242 (spona) S 1"), None);
    }

    #[test]
    fn the_machine_is_busy_when_not_idle_nor_waiting_for_disks() {
        let stat = "cpu  100 20 30 5000 400 5 6 7 0 0\ncpu0 50 10 15 2500 200 2 3 3 0 0\n";
        // 100 + 20 + 30 + 5 + 6 + 7 ticks.
        assert_eq!(busy_seconds_of(stat), Some(1.68));
        assert_eq!(busy_seconds_of("intr 1 2 3"), None);
    }

    #[test]
    fn others_are_what_the_machine_spent_less_this_process_and_the_server() {
        let earlier = CpuReading {
            machine: 10.0,
            own: 1.0,
            server: 2.0,
        };
        let later = CpuReading {
            machine: 16.0,
            own: 2.5,
            server: 5.0,
        };
        assert_eq!(
            later.since(&earlier),
            CpuSpent {
                server: 3.0,
                others: 1.5
            }
        );
        // Readings a tick apart can make the rest come out below zero: it is none.
        let skewed = CpuReading {
            machine: 13.0,
            ..later
        };
        assert_eq!(skewed.since(&earlier).others, 0.0);
    }

    #[test]
    fn this_process_can_be_read() {
        let me = Usage::of(std::process::id()).unwrap();
        assert!(me.rss_kb > 0 && me.peak_rss_kb >= me.rss_kb);
    }
}
