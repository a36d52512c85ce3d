import type { Kysely } from 'kysely';
import type { ParticipantStatus, StatusPeriod, ChairTerm, ParticipantKind } from '../core/registry';
import type { RegistryRepository, ParticipantRecord, BodyRecord, MeetingRecord, ObservanceRecord, ForumProfile } from '../usecases/ports';
import type { Database } from './schema';

const parse = <T>(json: string): T => JSON.parse(json) as T;

export function registryRepository(db: Kysely<Database>): RegistryRepository {
  const toPeriod = (r: { status: string; from_date: string; to_date: string | null; reference: string | null; note: string | null }): StatusPeriod => ({
    status: r.status as ParticipantStatus,
    from: r.from_date,
    to: r.to_date,
    reference: r.reference,
    note: r.note,
  });
  return {
    async forum() {
      const r = await db.selectFrom('forum').selectAll().where('id', '=', 1).executeTakeFirst();
      if (!r) return null;
      return {
        name: parse(r.name_json),
        acronym: parse(r.acronym_json),
        languages: parse(r.languages_json),
        interfaceLanguages: parse(r.interface_languages_json),
        timeZone: r.time_zone,
        seat: r.seat,
        founded: r.founded_on,
      } satisfies ForumProfile;
    },
    async saveForum(p) {
      const row = {
        name_json: JSON.stringify(p.name),
        acronym_json: JSON.stringify(p.acronym),
        languages_json: JSON.stringify(p.languages),
        interface_languages_json: JSON.stringify(p.interfaceLanguages),
        time_zone: p.timeZone,
        seat: p.seat,
        founded_on: p.founded,
      };
      await db.insertInto('forum').values({ id: 1, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    },
    async participants() {
      const rows = await db.selectFrom('participants').selectAll().orderBy('code').execute();
      return rows.map((r): ParticipantRecord => ({ code: r.code, kind: r.kind as ParticipantKind, names: parse(r.names_json), note: r.note }));
    },
    async participant(code) {
      const r = await db.selectFrom('participants').selectAll().where('code', '=', code).executeTakeFirst();
      return r ? { code: r.code, kind: r.kind as ParticipantKind, names: parse(r.names_json), note: r.note } : null;
    },
    async insertParticipant(p, createdAt) {
      await db.insertInto('participants').values({ code: p.code, kind: p.kind, names_json: JSON.stringify(p.names), note: p.note, created_at: createdAt }).execute();
    },
    async allStatuses() {
      const rows = await db.selectFrom('participant_statuses').selectAll().orderBy('participant_code').orderBy('from_date').execute();
      const map = new Map<string, StatusPeriod[]>();
      for (const r of rows) {
        const list = map.get(r.participant_code) ?? [];
        list.push(toPeriod(r));
        map.set(r.participant_code, list);
      }
      return map;
    },
    async statuses(code) {
      const rows = await db.selectFrom('participant_statuses').selectAll().where('participant_code', '=', code).orderBy('from_date').execute();
      return rows.map(toPeriod);
    },
    async insertStatus(code, p) {
      await db
        .insertInto('participant_statuses')
        .values({ participant_code: code, status: p.status, from_date: p.from, to_date: p.to, reference: p.reference, note: p.note ?? null })
        .execute();
    },
    async endStatus(code, from, to) {
      await db.updateTable('participant_statuses').set({ to_date: to }).where('participant_code', '=', code).where('from_date', '=', from).execute();
    },
    async chairTerms() {
      const rows = await db.selectFrom('chairmanships').selectAll().orderBy('from_date').execute();
      return rows.map((r): ChairTerm => ({ participant: r.participant_code, from: r.from_date, to: r.to_date, reference: r.reference, note: r.note }));
    },
    async insertChairTerm(t) {
      await db
        .insertInto('chairmanships')
        .values({ participant_code: t.participant, from_date: t.from, to_date: t.to, reference: t.reference, note: t.note ?? null })
        .execute();
    },
    async endChairTerm(participant, from, to) {
      await db.updateTable('chairmanships').set({ to_date: to }).where('participant_code', '=', participant).where('from_date', '=', from).execute();
    },
    async bodies() {
      const rows = await db.selectFrom('bodies').selectAll().orderBy('sort_order').execute();
      return rows.map(
        (r): BodyRecord => ({
          code: r.code,
          names: parse(r.names_json),
          kind: r.kind,
          cycleMonths: r.cycle_months,
          cycleNote: r.cycle_note,
          reportsTo: r.reports_to,
          sortOrder: r.sort_order,
        }),
      );
    },
    async insertBody(b) {
      await db
        .insertInto('bodies')
        .values({
          code: b.code,
          names_json: JSON.stringify(b.names),
          kind: b.kind,
          cycle_months: b.cycleMonths,
          cycle_note: b.cycleNote,
          reports_to: b.reportsTo,
          sort_order: b.sortOrder,
        })
        .execute();
    },
    async meetings() {
      const rows = await db.selectFrom('meetings').selectAll().orderBy('starts_on').execute();
      return rows.map(
        (r): MeetingRecord => ({
          id: r.id,
          bodyCode: r.body_code,
          number: r.number,
          title: parse(r.title_json),
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          venue: r.venue,
          timeZone: r.time_zone,
          status: r.status,
          note: r.note,
        }),
      );
    },
    async insertMeeting(m) {
      const r = await db
        .insertInto('meetings')
        .values({
          body_code: m.bodyCode,
          number: m.number,
          title_json: JSON.stringify(m.title),
          starts_on: m.startsOn,
          ends_on: m.endsOn,
          venue: m.venue,
          time_zone: m.timeZone,
          status: m.status,
          note: m.note,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async observances() {
      const rows = await db.selectFrom('observances').selectAll().orderBy('month').orderBy('day').execute();
      return rows.map((r): ObservanceRecord => ({ id: r.id, names: parse(r.names_json), month: r.month, day: r.day, sinceYear: r.since_year, note: r.note }));
    },
    async insertObservance(o) {
      await db
        .insertInto('observances')
        .values({ names_json: JSON.stringify(o.names), month: o.month, day: o.day, since_year: o.sinceYear, note: o.note })
        .execute();
    },
  };
}
