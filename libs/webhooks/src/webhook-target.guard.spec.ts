import { describe, expect, it } from '@jest/globals';
import { WebhookTargetGuard, type HostResolver, type TargetCheck } from './webhook-target.guard.js';

const strict = { allowPrivateNetworks: false, requireHttps: false };
const publicDns: HostResolver = () => Promise.resolve([{ address: '93.184.215.14', family: 4 }]);
/** A resolver that must not be asked: IP literals are checked without DNS. */
const noDns: HostResolver = (host) => Promise.reject(new Error(`asked DNS for ${host}`));

const reasonOf = (check: TargetCheck) => (check.ok ? 'allowed' : `${check.kind}: ${check.reason}`);

describe('WebhookTargetGuard', () => {
  it.each([
    ['http://2130706433/hooks', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['http://017700000001/', '127.0.0.1 is a loopback address'],
    ['http://0177.0.0.1/', '127.0.0.1 is a loopback address'],
    ['http://127.1/', '127.0.0.1 is a loopback address'],
    ['http://0/', '0.0.0.0 is an unspecified address'],
    ['http://[::1]:8080/', '::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]/', '127.0.0.1 is a loopback address'],
    ['http://[::ffff:169.254.169.254]/', '169.254.169.254 is a link-local'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a unique-local'],
    ['https://10.0.0.8/', '10.0.0.8 is a private (RFC 1918) address'],
    ['https://100.100.100.200/', '100.100.100.200 is a carrier-grade NAT'],
    ['https://[fe80::1]/', 'fe80::1 is a link-local'],
  ])('refuses %s without asking DNS (%s)', async (url, reason) => {
    const check = await new WebhookTargetGuard(strict, noDns).check(url);
    expect(reasonOf(check)).toContain(`refused: ${reason}`);
    expect(reasonOf(check)).toContain('WEBHOOK_ALLOW_PRIVATE_NETWORKS=true');
  });

  it('refuses a host name that resolves to loopback (localhost, through the system resolver)', async () => {
    const check = await new WebhookTargetGuard(strict).check('http://localhost:8080/hooks');
    expect(reasonOf(check)).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  it('refuses when any one of the addresses of a host is private, and names it', async () => {
    const mixed: HostResolver = () =>
      Promise.resolve([
        { address: '93.184.215.14', family: 4 },
        { address: '192.168.0.10', family: 4 },
      ]);
    const check = await new WebhookTargetGuard(strict, mixed).check('https://crm.example.com/hooks');
    expect(reasonOf(check)).toContain(
      'refused: crm.example.com resolves to 192.168.0.10, a private (RFC 1918) address',
    );
  });

  it('allows a host with public addresses and returns the address to connect to', async () => {
    const check = await new WebhookTargetGuard(strict, publicDns).check('https://crm.example.com/hooks?x=1');
    expect(check).toMatchObject({ ok: true, address: { address: '93.184.215.14', family: 4 } });
  });

  it('allows private addresses when the operator allows private networks', async () => {
    const open = new WebhookTargetGuard({ allowPrivateNetworks: true, requireHttps: false }, noDns);
    expect(await open.check('http://127.0.0.1:9000/hooks')).toMatchObject({
      ok: true,
      address: { address: '127.0.0.1', family: 4 },
    });
    expect(await open.check('http://[::1]/')).toMatchObject({
      ok: true,
      address: { address: '::1', family: 6 },
    });
  });

  it('requires https when the policy says so (production), and refuses other schemes and credentials', async () => {
    const production = new WebhookTargetGuard({ allowPrivateNetworks: false, requireHttps: true }, publicDns);
    expect(reasonOf(await production.check('http://crm.example.com/'))).toMatch(
      /^invalid: .*must use https in production/,
    );
    expect((await production.check('https://crm.example.com/')).ok).toBe(true);
    const guard = new WebhookTargetGuard(strict, publicDns);
    expect(reasonOf(await guard.check('ftp://crm.example.com/'))).toMatch(
      /^invalid: the URL's scheme is ftp/,
    );
    expect(reasonOf(await guard.check('file:///etc/passwd'))).toMatch(/^invalid: the URL's scheme is file/);
    expect(reasonOf(await guard.check('https://user:pw@crm.example.com/'))).toMatch(
      /^invalid: .*user name or password/,
    );
    expect(reasonOf(await guard.check('not a url'))).toMatch(/^invalid: .*not an absolute URL/);
    expect(reasonOf(await guard.check(`https://crm.example.com/${'a'.repeat(2100)}`))).toMatch(
      /longer than 2048/,
    );
  });

  it('reports a host that does not resolve as unresolvable (not refused: DNS may come back)', async () => {
    const nxdomain: HostResolver = () =>
      Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    const check = await new WebhookTargetGuard(strict, nxdomain).check('https://gone.example.com/');
    expect(reasonOf(check)).toBe(
      'unresolvable: the host gone.example.com does not resolve (ENOTFOUND); check its spelling and DNS',
    );
  });
});
