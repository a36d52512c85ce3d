import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs, startTestApp } from '../../test/helpers/app';
import { forEachDatabase, label } from '../../test/helpers/databases';

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`registry API on ${label(db)}`, () => {
    let t: Awaited<ReturnType<typeof startTestApp>>;
    beforeAll(async () => {
      t = await startTestApp(db);
    });
    afterAll(() => t?.close());

    it('reports health with the database kind', async () => {
      const res = await t.app.inject('/api/health');
      expect(res.json()).toEqual({ status: 'ok', database: db.name, version: 'test' });
    });

    it('lists the members of any date, and the observers', async () => {
      const get = async (q: string) => (await t.app.inject(`/api/participants?${q}`)).json() as { participants: Array<{ code: string; name: string; status: string; since: string; kind: string }> };
      const on2006 = await get('at=2006-06-17&status=member');
      expect(on2006.participants).toHaveLength(18);
      expect(on2006.participants.map((p) => p.code)).toEqual(expect.arrayContaining(['THA', 'KOR']));
      expect(on2006.participants.find((p) => p.code === 'KOR')).toMatchObject({ since: '2006-06-17', kind: 'state', status: 'member' });
      const early = await get('at=2004-01-01&status=member');
      expect(early.participants).toHaveLength(16);
      expect(early.participants.map((p) => p.code)).not.toContain('THA');
      const late = await get('at=2022-12-31&status=member');
      expect(late.participants).toHaveLength(28);
      expect(late.participants.map((p) => p.code)).toContain('KWT');
      const observers = await get('at=2006-06-17&status=observer');
      expect(observers.participants.map((p) => p.code)).toEqual(expect.arrayContaining(['UN', 'OSCE', 'LAS']));
      expect(observers.participants.every((p) => p.status === 'observer')).toBe(true);
      const ru = await t.app.inject({ url: '/api/participants?at=2006-06-17&status=member', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
      expect(ru.json().participants.map((p: { name: string }) => p.name)).toContain('Таиланд');
    });

    it('answers a participant with its status history, and 404 for an unknown code', async () => {
      const res = await t.app.inject('/api/participants/tha');
      expect(res.statusCode).toBe(200);
      expect(res.json().statuses).toEqual([
        expect.objectContaining({ status: 'observer', to: '2004-10-22' }),
        expect.objectContaining({ status: 'member', from: '2004-10-22', to: null, reference: 'Second Ministerial Meeting, Almaty' }),
      ]);
      const missing = await t.app.inject('/api/participants/XYZ');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('participant_not_found');
    });

    it('gives a 400 a person can act on for a bad date', async () => {
      const res = await t.app.inject('/api/participants?at=2006-02-30');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'invalid_request', message: expect.stringContaining('not a calendar date') });
    });

    it('serves the forum, bodies, chairs, meetings and observances', async () => {
      const forum = (await t.app.inject('/api/forum')).json();
      expect(forum).toMatchObject({ acronym: 'CICA', timeZone: 'Asia/Almaty', chair: { participant: 'AZE', from: '2024-12-17' } });
      const bodies = (await t.app.inject('/api/bodies')).json();
      expect(bodies.map((b: { code: string }) => b.code)).toEqual(['SUMMIT', 'MINISTERIAL', 'SOC', 'SWG', 'SECRETARIAT']);
      const chairs = (await t.app.inject('/api/chairmanships')).json();
      expect(chairs.slice(0, 2).map((c: { participant: string; from: string; to: string }) => [c.participant, c.from, c.to])).toEqual([
        ['KAZ', '2002-06-04', '2010-06-08'],
        ['TUR', '2010-06-08', '2014-05-21'],
      ]);
      const meetings = (await t.app.inject('/api/meetings?upcoming=false')).json();
      expect(meetings.map((m: { title: string }) => m.title)).toEqual(expect.arrayContaining(['Second Summit', 'First Ministerial Meeting']));
      const observances = (await t.app.inject('/api/observances?lang=fr')).json();
      expect(observances[0]).toMatchObject({ name: 'Journée du CICA', month: 10, day: 5 });
    });

    it('refuses anonymous writes with 401 and other roles with 403', async () => {
      const anon = await t.app.inject({ method: 'POST', url: '/api/participants', payload: { code: 'NZL', kind: 'state', name: 'New Zealand' } });
      expect(anon.statusCode).toBe(401);
      expect(anon.json().error.code).toBe('unauthenticated');

      const delegate = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['delegate'] }));
      const res = await t.app.inject({ method: 'POST', url: '/api/participants', headers: delegate.headers, payload: { code: 'NZL', kind: 'state', name: 'New Zealand' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');

      const admin = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'admin', totp: true }));
      const byAdmin = await t.app.inject({ method: 'POST', url: '/api/participants', headers: admin.headers, payload: { code: 'NZL', kind: 'state', name: 'New Zealand' } });
      expect(byAdmin.statusCode).toBe(403);
    });

    it('makes the secretariat prove its second factor before keeping the registry', async () => {
      const noTotp = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'secretariat' }));
      const refused = await t.app.inject({ method: 'POST', url: '/api/participants', headers: noTotp.headers, payload: { code: 'NZL', kind: 'state', name: 'New Zealand' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('second_factor_required');
    });

    it('lets the secretariat add a participant, record its status and a chairmanship — each audited', async () => {
      const sec = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'secretariat', totp: true }));
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/participants',
        headers: sec.headers,
        payload: { code: 'nzl', kind: 'state', name: { en: 'New Zealand', ru: 'Новая Зеландия', fr: 'Nouvelle-Zélande' }, status: { status: 'observer', from: '2026-11-01', reference: 'SOC decision' } },
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ code: 'NZL', status: 'observer', statuses: [{ status: 'observer', from: '2026-11-01', to: null }] });

      const again = await t.app.inject({ method: 'POST', url: '/api/participants', headers: sec.headers, payload: { code: 'NZL', kind: 'state', name: 'Dup' } });
      expect(again.statusCode).toBe(409);

      const bad = await t.app.inject({ method: 'POST', url: '/api/participants', headers: sec.headers, payload: { code: 'NZL1', kind: 'state', name: 'x' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('invalid_code');

      const status = await t.app.inject({ method: 'POST', url: '/api/participants/NZL/statuses', headers: sec.headers, payload: { status: 'member', from: '2026-12-01', reference: 'SUMMIT/2026/2' } });
      expect(status.statusCode).toBe(201);
      expect(status.json().statuses.map((s: { status: string; to: string | null }) => [s.status, s.to])).toEqual([
        ['observer', '2026-12-01'],
        ['member', null],
      ]);
      const backdated = await t.app.inject({ method: 'POST', url: '/api/participants/NZL/statuses', headers: sec.headers, payload: { status: 'partner', from: '2020-01-01' } });
      expect(backdated.statusCode).toBe(409);
      expect(backdated.json().error.message).toContain('already recorded');

      const chair = await t.app.inject({ method: 'POST', url: '/api/chairmanships', headers: sec.headers, payload: { participant: 'KAZ', from: '2026-12-17', to: '2028-12-17' } });
      expect(chair.statusCode).toBe(201);
      expect(chair.json()).toMatchObject({ participant: 'KAZ', name: 'Kazakhstan', from: '2026-12-17' });

      const audit = await t.app.inject({ url: '/api/audit?limit=3', headers: sec.headers });
      expect(audit.json().map((e: { action: string }) => e.action)).toEqual(['chairmanship.record', 'participant.status', 'participant.add']);
      const verify = await t.app.inject({ url: '/api/audit/verify', headers: sec.headers });
      expect(verify.json()).toMatchObject({ ok: true });
    });
  });
});
