import { parseArgs } from 'node:util';
import { isRole, LocalTokenAuthority, ROLES } from '@cogov/security';
import { loadConfig } from '@cogov/hosting';

const HELP = `Usage: npm run -s token -- --person <id> --role <role> [--role …] [--community <id> …]
                               [--compound <id> …] [--street <id> …] [--expires 8h]

Prints a bearer token signed by the embedded platform (the secret in DATA_DIR), and nothing
else, so it can be captured:  TOKEN=$(npm run -s token -- --person admin --role platform-admin)
and used:  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/api/orders

Roles: ${ROLES.join(', ')}
In production tokens come from your identity provider (AUTH_JWKS_URL); this command refuses.`;

function main(): void {
  const { values } = parseArgs({
    options: {
      person: { type: 'string' },
      role: { type: 'string', multiple: true },
      community: { type: 'string', multiple: true },
      compound: { type: 'string', multiple: true },
      street: { type: 'string', multiple: true },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !isRole(r));
  if (!values.person || roles.length === 0 || unknown.length > 0) {
    const problem = !values.person
      ? '--person is required'
      : roles.length === 0
        ? 'at least one --role is required'
        : `unknown role ${unknown.join(', ')}`;
    console.error(`${problem}\n\n${HELP}`);
    process.exit(2);
  }
  const config = loadConfig();
  if (config.auth.mode !== 'local') {
    console.error(
      'tokens come from the identity provider (AUTH_JWKS_URL is set); this command only signs embedded tokens',
    );
    process.exit(2);
  }
  const authority = new LocalTokenAuthority(config.auth.secret, config.auth.issuer, config.auth.audience);
  authority
    .issue(
      {
        personId: values.person,
        roles,
        communities: values.community ?? [],
        compounds: values.compound ?? [],
        streets: values.street ?? [],
      },
      values.expires,
    )
    .then((token) => console.log(token))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

main();
