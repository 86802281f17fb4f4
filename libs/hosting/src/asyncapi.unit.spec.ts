import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as contracts from '@cogov/contracts';
import { PARTNER_EVENT_TYPES, WEBHOOK_EVENT_TYPES, WEBHOOK_HEADERS } from '@cogov/contracts';
import { asyncApiDocument, toYaml } from './asyncapi';

const FILE = path.resolve(__dirname, '../../../docs/asyncapi.yaml');
const written = readFileSync(FILE, 'utf8');

/** Every published contract version, found here on its own rather than through the generator. */
const published = Object.values(contracts as Record<string, unknown>).filter(
  (v): v is { type: string; version: number } =>
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { type?: unknown }).type === 'string' &&
    typeof (v as { version?: unknown }).version === 'number' &&
    typeof (v as { schema?: unknown }).schema === 'object',
);

describe('docs/asyncapi.yaml', () => {
  it('is what the contracts make it (after changing a contract: npm run asyncapi:write)', () => {
    expect(written).toBe(toYaml(asyncApiDocument()));
  });

  it.each(published.map((c) => [`${c.type} v${c.version}`, c] as const))(
    'describes %s on its context’s topic',
    (_name, c) => {
      const source = c.type.slice(0, c.type.indexOf('.'));
      expect(written).toContain(`address: "{namespace}.${source}.events"`);
      expect(written).toContain(`$ref: "#/channels/${source}.events/messages/${c.type}.v${c.version}"`);
      expect(written).toContain(`const: "${c.type}"`);
    },
  );

  it('describes the partner webhook with its signature headers, and the CloudEvents partners send', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(written).toMatch(
        new RegExp(`#/channels/partnerWebhook/messages/webhook\\.${type.replace('.', '\\.')}\\.v\\d+`),
      );
    }
    for (const header of Object.values(WEBHOOK_HEADERS)) expect(written).toContain(`${header}:`);
    for (const type of PARTNER_EVENT_TYPES) {
      expect(written).toContain(`$ref: "#/channels/partnerEvents/messages/cloudevent.${type}"`);
    }
    expect(written).toContain('address: "/api/partner/events"');
  });

  it('is YAML whose strings cannot be read as another type', () => {
    expect(toYaml({ a: 'true', b: ['1', 2, null], 'c d': {}, e: [] })).toBe(
      'a: "true"\nb:\n  - "1"\n  - 2\n  - null\n"c d": {}\ne: []\n',
    );
    expect(toYaml({ list: [{ x: 1, y: 'z' }] })).toBe('list:\n  - x: 1\n    y: "z"\n');
  });
});
