import { checkWebhookUrl, isPublicAddress } from './webhook-url';

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('a webhook URL', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    '%s is public',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it('in development may be http and loopback', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:4000/hooks', false)).resolves.toBeInstanceOf(URL);
  });

  it('in production must be https', async () => {
    await expect(
      checkWebhookUrl('http://hooks.example.com/x', true, resolvesTo('93.184.216.34')),
    ).rejects.toMatchObject({ code: 'invalid-input', message: 'a webhook url must be https in production' });
  });

  it('in production may not resolve to a private address, even one of several', async () => {
    await expect(
      checkWebhookUrl('https://hooks.example.com/x', true, resolvesTo('93.184.216.34', '10.0.0.7')),
    ).rejects.toMatchObject({ code: 'invalid-input', details: { addresses: ['10.0.0.7'] } });
    await expect(checkWebhookUrl('https://[::1]/x', true)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      checkWebhookUrl('https://hooks.example.com/x', true, resolvesTo('93.184.216.34')),
    ).resolves.toBeInstanceOf(URL);
  });

  it('never carries credentials', async () => {
    await expect(checkWebhookUrl('https://u:p@hooks.example.com/x', false)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
