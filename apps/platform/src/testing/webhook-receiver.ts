import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_HEADERS } from '@cogov/contracts';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A partner's receiver on 127.0.0.1:0: keeps what it got, answers 500 while told to fail. */
export async function startReceiver() {
  const received: Received[] = [];
  let failures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (failures > 0) {
        failures--;
        response.writeHead(500).end();
      } else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    failNext: (count: number) => (failures = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Checked by the scheme as docs/security.md states it, not by the platform's own signer: a signer
 * that drifted from the documented scheme must fail this.
 */
export function validSignature(secret: string, { headers, body }: Received): boolean {
  const timestamp = headers[WEBHOOK_HEADERS.timestamp] as string;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const actual = String(headers[WEBHOOK_HEADERS.signature]);
  return actual.length === expected.length && timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
}
