import type { Kysely, Selectable } from 'kysely';
import type { DelegationFunction, Role } from '../core/policy';
import type { UserRepository, UserRecord, InvitationRecord, ApiTokenRecord, SessionRecord } from '../usecases/ports';
import type { Database, UserTable, InvitationTable, ApiTokenTable, SessionTable } from './schema';

const toUser = (r: Selectable<UserTable>): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  participant: r.participant_code,
  functions: JSON.parse(r.functions_json) as DelegationFunction[],
  passwordHash: r.password_hash,
  totpSecret: r.totp_secret,
  totpEnabledAt: r.totp_enabled_at,
  totpLastStep: r.totp_last_step,
  locale: r.locale,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

const toInvitation = (r: Selectable<InvitationTable>): InvitationRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  participant: r.participant_code,
  functions: JSON.parse(r.functions_json) as DelegationFunction[],
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
});

const toToken = (r: Selectable<ApiTokenTable>): ApiTokenRecord => ({
  id: r.id,
  userId: r.user_id,
  tokenHash: r.token_hash,
  label: r.label,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const toSession = (r: Selectable<SessionTable>): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  secondFactor: r.second_factor === 1,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export function userRepository(db: Kysely<Database>): UserRepository {
  return {
    async count() {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async countByRole(role) {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', role).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async byId(id) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async byEmail(email) {
      const r = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async insert(u) {
      const r = await db
        .insertInto('users')
        .values({
          email: u.email.toLowerCase(),
          name: u.name,
          role: u.role,
          participant_code: u.participant,
          functions_json: JSON.stringify(u.functions),
          password_hash: u.passwordHash,
          totp_secret: u.totpSecret,
          totp_enabled_at: u.totpEnabledAt,
          totp_last_step: u.totpLastStep,
          locale: u.locale,
          created_at: u.createdAt,
          disabled_at: u.disabledAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async setTotp(userId, secret, enabledAt) {
      await db.updateTable('users').set({ totp_secret: secret, totp_enabled_at: enabledAt }).where('id', '=', userId).execute();
    },
    async useTotpStep(userId, step) {
      // One conditional update: two sign-ins racing with the same code cannot both succeed.
      const r = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async setLocale(userId, locale) {
      await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
    },
    async insertSession(s) {
      await db
        .insertInto('sessions')
        .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, second_factor: s.secondFactor ? 1 : 0, created_at: s.createdAt, expires_at: s.expiresAt })
        .execute();
    },
    async session(id) {
      const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toSession(r) : null;
    },
    async markSessionSecondFactor(id) {
      await db.updateTable('sessions').set({ second_factor: 1 }).where('id', '=', id).execute();
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteExpiredSessions(now) {
      const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async insertInvitation(i) {
      const r = await db
        .insertInto('invitations')
        .values({
          token_hash: i.tokenHash,
          email: i.email.toLowerCase(),
          name: i.name,
          role: i.role,
          participant_code: i.participant,
          functions_json: JSON.stringify(i.functions),
          invited_by: i.invitedBy,
          created_at: i.createdAt,
          expires_at: i.expiresAt,
          accepted_at: i.acceptedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async invitationByTokenHash(hash) {
      const r = await db.selectFrom('invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
      return r ? toInvitation(r) : null;
    },
    async markInvitationAccepted(id, at) {
      await db.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).execute();
    },
    async pendingInvitations() {
      const rows = await db.selectFrom('invitations').selectAll().where('accepted_at', 'is', null).orderBy('id', 'desc').execute();
      return rows.map(toInvitation);
    },
    async insertApiToken(t) {
      const r = await db
        .insertInto('api_tokens')
        .values({ user_id: t.userId, token_hash: t.tokenHash, label: t.label, created_at: t.createdAt, last_used_at: t.lastUsedAt, revoked_at: t.revokedAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async apiTokenByHash(hash) {
      const r = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
      return r ? toToken(r) : null;
    },
    async apiTokens(userId) {
      const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute();
      return rows.map(toToken);
    },
    async revokeApiToken(userId, id, at) {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async touchApiToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async notifiable() {
      const rows = await db.selectFrom('users').selectAll().where('disabled_at', 'is', null).orderBy('id').execute();
      return rows.map(toUser).filter((u) => u.role === 'secretariat' || u.functions.includes('head'));
    },
    async notify(userId, n, at) {
      await db.insertInto('notifications').values({ user_id: userId, kind: n.kind, subject: n.subject, body: n.body, link: n.link, created_at: at, read_at: null }).execute();
    },
    async inbox(userId, limit) {
      const rows = await db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, subject: r.subject, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
    },
    async markRead(userId, id, at) {
      let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (id !== 'all') q = q.where('id', '=', id);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async recordLoginAttempt(email, at, succeeded) {
      await db.insertInto('login_attempts').values({ email: email.toLowerCase(), at, succeeded: succeeded ? 1 : 0 }).execute();
    },
    async failedLoginsSince(email, since) {
      const r = await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', email.toLowerCase())
        .where('at', '>=', since)
        .where('succeeded', '=', 0)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
