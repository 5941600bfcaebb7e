import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts the real binary once for the whole run: `spona serve --demo` over a fresh data
 * folder on a free loopback port, waits until `/health` answers 200, and hands the address
 * to the tests in SPONA_BASE_URL. The returned function stops the server and removes the
 * folder. Nothing but 127.0.0.1 is touched.
 */

const CHROMIUM = '/usr/bin/chromium';
const DEFAULT_BIN = '/work/target/debug/spona';
const START_TIMEOUT_MS = 60_000;

function binary(): string {
  const fromEnv = process.env.SPONA_BIN;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) {
      throw new Error(`SPONA_BIN=${fromEnv} does not exist; build it with \`cargo build -p spona\`.`);
    }
    return path.resolve(fromEnv);
  }
  if (fs.existsSync(DEFAULT_BIN)) return DEFAULT_BIN;
  throw new Error(
    `No spona binary: set SPONA_BIN to its path, or build ${DEFAULT_BIN} with \`cargo build -p spona\`.`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

async function healthy(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stop(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (!exited(child)) child.kill('SIGKILL');
  }, 10_000);
  await gone;
  clearTimeout(timer);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).`);
  }
  const bin = binary();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spona-e2e-'));
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const base = `http://${listen}`;
  const logPath = path.join(dataDir, 'server.log');
  const log = fs.openSync(logPath, 'a');

  const child = spawn(bin, ['serve', '--demo', '--data-dir', dataDir, '--listen', listen], {
    stdio: ['ignore', log, log],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'info' },
  });
  // Should the runner itself die, the server must not outlive it.
  const killOnExit = () => {
    if (!exited(child)) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const cleanUp = async () => {
    process.off('exit', killOnExit);
    await stop(child);
    fs.closeSync(log);
    if (process.env.SPONA_E2E_KEEP) {
      console.log(`spona e2e: kept ${dataDir}`);
    } else {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await healthy(base))) {
    if (exited(child) || Date.now() > deadline) {
      const why = exited(child)
        ? `exited with ${child.exitCode ?? child.signalCode}`
        : `did not answer ${base}/health with 200 within ${START_TIMEOUT_MS / 1000} s`;
      const output = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : '';
      await cleanUp();
      throw new Error(`${bin} serve --demo ${why}.\n--- its output ---\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.env.SPONA_BASE_URL = base;
  console.log(`spona e2e: ${bin} serving the demo at ${base} (data in ${dataDir})`);
  return cleanUp;
}
