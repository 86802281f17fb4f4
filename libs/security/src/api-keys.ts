import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SqlDatabase } from '@cogov/persistence';
import type { Principal } from './principal';

export interface ApiKeySummary {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly compoundIds: string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  company_id: string;
  name: string;
  secret_hash: string;
  compound_ids: string;
  created_at: string;
  revoked_at: string | null;
}

const PREFIX = 'cgk';

/**
 * API keys of partner systems (property companies). The key is shown once, at creation; only a
 * SHA-256 of its random part is stored (the key has 256 bits of entropy, so a slow hash adds
 * nothing). Keys are tied to one company and the compounds it serves, and can be revoked.
 */
export class ApiKeyService {
  constructor(private readonly db: SqlDatabase) {}

  async ensureSchema(): Promise<void> {
    await this.db.exclusive(() =>
      this.db.dataSource.query(
        `CREATE TABLE IF NOT EXISTS ${this.db.table('security_api_keys')} (
           id TEXT PRIMARY KEY, company_id TEXT NOT NULL, name TEXT NOT NULL, secret_hash TEXT NOT NULL,
           compound_ids TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)`,
      ),
    );
  }

  async create(input: {
    companyId: string;
    name: string;
    compoundIds: string[];
  }): Promise<{ id: string; key: string }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.db.transaction((m) =>
      m.query(
        `INSERT INTO ${this.db.table('security_api_keys')} (id, company_id, name, secret_hash, compound_ids, created_at, revoked_at)
         VALUES (${this.params(7)})`,
        [
          id,
          input.companyId,
          input.name,
          hash(secret),
          JSON.stringify(input.compoundIds),
          new Date().toISOString(),
          null,
        ],
      ),
    );
    return { id, key: `${PREFIX}_${id}_${secret}` };
  }

  async list(): Promise<ApiKeySummary[]> {
    const rows = await this.db.readSource.query<ApiKeyRow[]>(
      `SELECT * FROM ${this.db.table('security_api_keys')} ORDER BY created_at`,
    );
    return rows.map(summary);
  }

  /** False when there is no such key or it was already revoked. */
  async revoke(id: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows = await m.query<ApiKeyRow[]>(
        `SELECT * FROM ${this.db.table('security_api_keys')} WHERE id = ${this.db.param(1)}`,
        [id],
      );
      if (!rows[0] || rows[0].revoked_at) return false;
      await m.query(
        `UPDATE ${this.db.table('security_api_keys')} SET revoked_at = ${this.db.param(1)} WHERE id = ${this.db.param(2)}`,
        [new Date().toISOString(), id],
      );
      return true;
    });
  }

  /** The partner principal of a valid, unrevoked key; null otherwise. */
  async authenticate(key: string): Promise<Principal | null> {
    const match = /^cgk_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/.exec(key);
    if (!match) return null;
    const rows = await this.db.readSource.query<ApiKeyRow[]>(
      `SELECT * FROM ${this.db.table('security_api_keys')} WHERE id = ${this.db.param(1)}`,
      [match[1]],
    );
    const row = rows[0];
    if (!row || row.revoked_at) return null;
    const expected = Buffer.from(row.secret_hash, 'hex');
    const actual = Buffer.from(hash(match[2]!), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    return {
      personId: `partner:${row.company_id}`,
      roles: ['partner-system'],
      streets: [],
      communities: [],
      compounds: JSON.parse(row.compound_ids) as string[],
      via: 'api-key',
      companyId: row.company_id,
      keyId: row.id,
    };
  }

  private params(count: number): string {
    return Array.from({ length: count }, (_, i) => this.db.param(i + 1)).join(', ');
  }
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function summary(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    compoundIds: JSON.parse(row.compound_ids) as string[],
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export const API_KEYS = Symbol('ApiKeyService');
