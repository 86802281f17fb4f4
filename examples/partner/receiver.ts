import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { verify } from './signature';

/**
 * A partner's webhook receiver: verifies each delivery's signature, prints each event once, and
 * remembers the event ids it has seen (in a file, so a restart does not print a redelivery
 * again). Deliveries are at-least-once: the platform retries until it gets a 2xx, and a partner
 * may ask for a redelivery, so the same event can arrive more than once.
 */
const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('set WEBHOOK_SECRET to the secret POST /api/partner/webhooks answered');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const seenFile = process.env.SEEN_FILE ?? '.partner-seen.json';

const seen = new Set<string>(
  existsSync(seenFile) ? (JSON.parse(readFileSync(seenFile, 'utf8')) as string[]) : [],
);

interface Envelope {
  type: string;
  version: number;
  eventId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

const server = createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    const verdict = verify(
      secret,
      request.headers['x-cogov-timestamp'] as string | undefined,
      request.headers['x-cogov-signature'] as string | undefined,
      raw,
    );
    if (!verdict.ok) {
      console.warn(`refused a delivery: ${verdict.reason}`);
      response.writeHead(401).end();
      return;
    }
    const event = JSON.parse(raw) as Envelope;
    if (seen.has(event.eventId)) {
      // Answer 2xx all the same, or the platform would keep retrying it.
      response.writeHead(204).end();
      return;
    }
    seen.add(event.eventId);
    writeFileSync(seenFile, JSON.stringify([...seen]));
    console.log(
      `${event.occurredAt} ${event.type} v${event.version} ${event.eventId} ${JSON.stringify(event.data)}`,
    );
    response.writeHead(204).end();
  });
});

server.listen(port, host, () => console.log(`receiving webhooks on http://${host}:${port}/`));
