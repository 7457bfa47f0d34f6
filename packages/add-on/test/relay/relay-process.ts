/**
 * `npm run relay` as a test runs it: src/relay/node-server.ts through tsx, in a process of its
 * own, with only the environment given; and raw HTTP/1.x over node:net, for requests that fetch
 * will not send (invalid Host headers, absolute-form targets, CONNECT, TRACE, bad lengths).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface RelayProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<number | null>;
  /** The port it said it listens on (0 when it exited first). */
  port: number;
}

/** Starts the relay; resolves once it says it listens, or once it exits. */
export function startRelayProcess(env: Record<string, string>): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/relay/node-server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve) => {
    const ready = () => {
      const port = Number(/listening on http:\/\/[^:]+:(\d+)\//.exec(output)?.[1] ?? 0);
      resolve({ child, output: () => output, exited, port });
    };
    child.stdout.on('data', () => {
      if (/listening on/.test(output)) ready();
    });
    void exited.then(ready);
  });
}

export interface RawAnswer {
  /** The status of the first response, or null when the connection closed without one. */
  status: number | null;
  /** Everything the server sent. */
  text: string;
}

/**
 * Writes the bytes as they are and reads until the server closes, or for `idleMs` after the first
 * response's headers (for a connection the server keeps open). `hangUpAfterWrite` closes our side
 * after writing (a client that goes away mid-request).
 */
export function sendRaw(
  port: number,
  bytes: string | Buffer,
  options: { idleMs?: number; hangUpAfterWrite?: boolean } = {},
): Promise<RawAnswer> {
  const idleMs = options.idleMs ?? 400;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (options.hangUpAfterWrite) socket.destroy();
    });
    const finish = () => {
      clearTimeout(idle);
      clearTimeout(deadline);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(text)?.[1];
      resolve({ status: status === undefined ? null : Number(status), text });
    };
    const deadline = setTimeout(finish, 5000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).includes('\r\n\r\n')) {
        clearTimeout(idle);
        idle = setTimeout(finish, idleMs);
      }
    });
    socket.on('close', finish);
    socket.on('error', () => undefined);
  });
}
