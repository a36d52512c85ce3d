import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs, startTestApp } from '../../test/helpers/app';
import { forEachDatabase, label } from '../../test/helpers/databases';
import { totpCode } from '../usecases/security';

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`sign-in, sessions and tokens on ${label(db)}`, () => {
    let t: Awaited<ReturnType<typeof startTestApp>>;
    beforeAll(async () => {
      t = await startTestApp(db);
    });
    afterAll(() => t?.close());
    const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });

    it('signs in with a password and tells who is signed in', async () => {
      const acc = await createAccount(t.ctx, { role: 'delegate', participant: 'THA', functions: ['delegate'] });
      const s = await signInAs(t.app, t.ctx, acc);
      const me = await t.app.inject({ url: '/api/me?lang=ru', headers: { cookie: s.cookie } });
      expect(me.json()).toMatchObject({
        email: acc.email,
        role: 'delegate',
        participant: { code: 'THA', name: 'Таиланд', status: 'member' },
        functions: ['delegate'],
        secondFactorRequired: false,
      });
      expect((await t.app.inject('/api/me')).statusCode).toBe(401);
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
      expect(out.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    });

    it('refuses a wrong password without saying whether the account exists', async () => {
      const acc = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ' });
      const wrong = await login({ email: acc.email, password: 'not the password at all' });
      const nobody = await login({ email: 'nobody@example.org', password: 'not the password at all' });
      expect(wrong.statusCode).toBe(401);
      expect(nobody.statusCode).toBe(401);
      expect(wrong.json()).toEqual(nobody.json());
    });

    it('asks for the TOTP code of an enrolled account and checks it', async () => {
      const acc = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['head'], totp: true });
      const first = await login({ email: acc.email, password: acc.password });
      expect(first.statusCode).toBe(401);
      expect(first.json().error.code).toBe('totp_required');
      const bad = await login({ email: acc.email, password: acc.password, totp: '000000' });
      expect(bad.json().error.code).toBe('invalid_totp');
      const ok = await login({ email: acc.email, password: acc.password, totp: totpCode(acc.totpSecret!, t.clock.now) });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user).toMatchObject({ secondFactor: true, totpEnabled: true, secondFactorRequired: true });
      // A code is good once: someone who saw it over a shoulder cannot replay it.
      const replay = await login({ email: acc.email, password: acc.password, totp: totpCode(acc.totpSecret!, t.clock.now) });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().error.code).toBe('totp_reused');
      t.clock.advance(30_000);
      const next = await login({ email: acc.email, password: acc.password, totp: totpCode(acc.totpSecret!, t.clock.now) });
      expect(next.statusCode).toBe(200);
    });

    it('lets a head of delegation enrol an authenticator app, after which it may act', async () => {
      const acc = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['head'] });
      const res = await login({ email: acc.email, password: acc.password });
      expect(res.json().mustEnrolSecondFactor).toBe(true);
      const s = await signInAs(t.app, t.ctx, acc);
      const invite = { email: 'new.delegate@kaz.example', name: 'New Delegate', role: 'delegate', participant: 'KAZ', functions: ['delegate'] };
      const before = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: s.headers, payload: invite });
      expect(before.json().error.code).toBe('second_factor_required');

      const setup = await t.app.inject({ method: 'POST', url: '/api/me/totp/setup', headers: s.headers });
      expect(setup.statusCode).toBe(200);
      const { secret, uri, qrSvg } = setup.json();
      expect(uri).toMatch(/^otpauth:\/\/totp\/Concord:/);
      expect(qrSvg).toContain('<svg');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/me/totp/confirm', headers: s.headers, payload: { code: '123456' } });
      expect(wrong.statusCode).toBe(400);
      const confirm = await t.app.inject({ method: 'POST', url: '/api/me/totp/confirm', headers: s.headers, payload: { code: totpCode(secret, t.clock.now) } });
      expect(confirm.statusCode).toBe(200);

      const after = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: s.headers, payload: invite });
      expect(after.statusCode).toBe(201);
      const otherState = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: s.headers, payload: { ...invite, email: 'x@chn.example', participant: 'CHN' } });
      expect(otherState.statusCode).toBe(403);
    });

    it('requires the CSRF token on cookie writes but not on bearer requests', async () => {
      const acc = await createAccount(t.ctx, { role: 'secretariat', totp: true });
      const s = await signInAs(t.app, t.ctx, acc);
      const payload = { participant: 'KAZ', from: '2030-01-01' };
      const noCsrf = await t.app.inject({ method: 'POST', url: '/api/chairmanships', headers: { cookie: s.cookie }, payload });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().error.code).toBe('csrf_failed');

      const issued = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: s.headers, payload: { label: 'registry sync' } });
      expect(issued.statusCode).toBe(201);
      const { token, id } = issued.json();
      expect(token).toMatch(/^cct_/);
      const viaToken = await t.app.inject({ method: 'POST', url: '/api/chairmanships', headers: { authorization: `Bearer ${token}` }, payload });
      expect(viaToken.statusCode).toBe(201);
      const listed = await t.app.inject({ url: '/api/me/tokens', headers: { authorization: `Bearer ${token}` } });
      expect(listed.json()).toEqual([expect.objectContaining({ id, label: 'registry sync', revokedAt: null })]);
      expect(JSON.stringify(listed.json())).not.toContain(token);

      const revoked = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, headers: s.headers });
      expect(revoked.statusCode).toBe(200);
      const after = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('invalid_token');
    });

    it('issues API tokens only to sessions that proved the second factor', async () => {
      const acc = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['delegate'] });
      const s = await signInAs(t.app, t.ctx, acc);
      const res = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: s.headers, payload: { label: 'x' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('second_factor_required');
    });

    it('invites by e-mail link: the outbox holds the mail, the link creates the account and signs in', async () => {
      const sec = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'secretariat', totp: true }));
      const inv = await t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: sec.headers,
        payload: { email: 'Focal.Point@mongolia.example', name: 'Focal Point', role: 'delegate', participant: 'MNG', functions: ['head', 'cbm_contact'] },
      });
      expect(inv.statusCode).toBe(201);
      const link: string = inv.json().link;
      const token = link.split('/invitation/')[1]!;
      const mail = await t.store.read.outbox.list(5);
      expect(mail[0]).toMatchObject({ to: 'focal.point@mongolia.example', subject: 'Your invitation to Concord' });
      expect(mail[0]!.body).toContain(link);

      const info = await t.app.inject(`/api/invitations/${token}`);
      expect(info.json()).toMatchObject({ email: 'focal.point@mongolia.example', participant: 'MNG', functions: ['head', 'cbm_contact'] });
      const weak = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password: 'short' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.code).toBe('weak_password');
      const accepted = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password: 'a long and good password' } });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ user: { email: 'focal.point@mongolia.example', functions: ['head', 'cbm_contact'] }, mustEnrolSecondFactor: true });
      const reused = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password: 'a long and good password' } });
      expect(reused.statusCode).toBe(409);
    });

    it('limits failed sign-ins per account', async () => {
      const acc = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ' });
      for (let i = 0; i < 5; i++) expect((await login({ email: acc.email, password: 'wrong password here' })).statusCode).toBe(401);
      const blocked = await login({ email: acc.email, password: acc.password });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('too_many_attempts');
      t.clock.advance(16 * 60_000);
      expect((await login({ email: acc.email, password: acc.password })).statusCode).toBe(200);
    });
  });
});

describe('API platform', () => {
  const db = forEachDatabaseFirst();
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp(db);
  });
  afterAll(() => t?.close());

  it('publishes an OpenAPI document of the routes it serves, and its browsable docs', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/health', '/api/participants', '/api/participants/{code}', '/api/participants/{code}/statuses', '/api/bodies', '/api/chairmanships', '/api/auth/login', '/api/me', '/api/audit/verify']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/participants'].get.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['at', 'status']));
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sends security headers and JSON errors for unknown API paths', async () => {
    const res = await t.app.inject('/api/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers malformed JSON with a 400', async () => {
    const acc = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    const s = await signInAs(t.app, t.ctx, acc);
    const res = await t.app.inject({ method: 'POST', url: '/api/participants', headers: { ...s.headers, 'content-type': 'application/json' }, payload: '{"code": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });
});

function forEachDatabaseFirst() {
  let first: Parameters<Parameters<typeof forEachDatabase>[0]>[0] | undefined;
  forEachDatabase((db) => {
    first ??= db;
  });
  return first!;
}
