import { chairOn, continuouslySince, localized, nextDue, nextOccurrence, statusOn, type ParticipantStatus } from '../core/registry';
import { forumToday, type Context } from './context';
import { notFound } from './errors';

/** Read-side of the registry: everything public about the forum, at any date. */

export async function getForum(ctx: Context, lang: string) {
  const registry = ctx.store.read.registry;
  const forum = await registry.forum();
  if (!forum) throw notFound('forum_missing', 'The forum has not been set up yet: run `npx concord seed`.');
  const today = await forumToday(ctx);
  const chair = chairOn(await registry.chairTerms(), today);
  const chairParticipant = chair ? await registry.participant(chair.participant) : null;
  return {
    name: localized(forum.name, lang),
    names: forum.name,
    acronym: localized(forum.acronym, lang),
    languages: forum.languages,
    interfaceLanguages: forum.interfaceLanguages,
    timeZone: forum.timeZone,
    seat: forum.seat,
    founded: forum.founded,
    today,
    chair: chair
      ? { participant: chair.participant, name: chairParticipant ? localized(chairParticipant.names, lang) : chair.participant, from: chair.from, to: chair.to }
      : null,
  };
}

export async function listParticipants(ctx: Context, query: { at?: string | undefined; status?: ParticipantStatus | undefined; lang: string }) {
  const at = query.at ?? (await forumToday(ctx));
  const registry = ctx.store.read.registry;
  const [participants, statuses] = await Promise.all([registry.participants(), registry.allStatuses()]);
  const result = [];
  for (const p of participants) {
    const history = statuses.get(p.code) ?? [];
    const current = statusOn(history, at);
    if (!current) continue;
    if (query.status && current.status !== query.status) continue;
    result.push({
      code: p.code,
      kind: p.kind,
      name: localized(p.names, query.lang),
      names: p.names,
      status: current.status,
      since: continuouslySince(history, at) ?? current.from,
    });
  }
  return { at, participants: result.sort((a, b) => a.name.localeCompare(b.name, query.lang)) };
}

export async function getParticipant(ctx: Context, code: string, lang: string) {
  const registry = ctx.store.read.registry;
  const p = await registry.participant(code);
  if (!p) throw notFound('participant_not_found', `No participant has the code ${code}.`);
  const today = await forumToday(ctx);
  const history = await registry.statuses(code);
  const current = statusOn(history, today);
  const chairTerms = (await registry.chairTerms()).filter((t) => t.participant === code);
  return {
    code: p.code,
    kind: p.kind,
    name: localized(p.names, lang),
    names: p.names,
    note: p.note,
    status: current?.status ?? null,
    since: current ? continuouslySince(history, today) : null,
    statuses: history.map((h) => ({ status: h.status, from: h.from, to: h.to, reference: h.reference, note: h.note ?? null })),
    chairmanships: chairTerms.map((t) => ({ from: t.from, to: t.to, reference: t.reference })),
  };
}

export async function listBodies(ctx: Context, lang: string) {
  const registry = ctx.store.read.registry;
  const [bodies, meetings] = await Promise.all([registry.bodies(), registry.meetings()]);
  const today = await forumToday(ctx);
  return bodies.map((b) => {
    const held = meetings.filter((m) => m.bodyCode === b.code && m.startsOn <= today && m.status !== 'cancelled');
    const last = held.at(-1)?.startsOn ?? null;
    return {
      code: b.code,
      name: localized(b.names, lang),
      names: b.names,
      kind: b.kind,
      reportsTo: b.reportsTo,
      cycle: { everyMonths: b.cycleMonths, note: b.cycleNote },
      lastMeeting: last,
      nextDue: nextDue(last, { everyMonths: b.cycleMonths }),
    };
  });
}

export async function listChairmanships(ctx: Context, lang: string) {
  const registry = ctx.store.read.registry;
  const [terms, participants] = await Promise.all([registry.chairTerms(), registry.participants()]);
  const names = new Map(participants.map((p) => [p.code, p.names]));
  return terms.map((t) => ({
    participant: t.participant,
    name: localized(names.get(t.participant) ?? {}, lang) || t.participant,
    from: t.from,
    to: t.to,
    reference: t.reference,
    note: t.note ?? null,
  }));
}

export async function listMeetings(ctx: Context, query: { upcoming?: boolean | undefined; body?: string | undefined; lang: string }) {
  const today = await forumToday(ctx);
  const meetings = await ctx.store.read.registry.meetings();
  return meetings
    .filter((m) => (query.body ? m.bodyCode === query.body : true))
    .filter((m) => (query.upcoming === undefined ? true : query.upcoming ? m.endsOn >= today : m.endsOn < today))
    .map((m) => ({
      id: m.id,
      bodyCode: m.bodyCode,
      number: m.number,
      title: localized(m.title, query.lang),
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      venue: m.venue,
      timeZone: m.timeZone,
      status: m.status,
      note: m.note,
    }));
}

export async function getMeeting(ctx: Context, id: number, lang: string) {
  const all = await listMeetings(ctx, { lang });
  const m = all.find((x) => x.id === id);
  if (!m) throw notFound('meeting_not_found', `No meeting has the id ${id}.`);
  return m;
}

export async function listObservances(ctx: Context, lang: string) {
  const today = await forumToday(ctx);
  const observances = await ctx.store.read.registry.observances();
  return observances.map((o) => ({
    name: localized(o.names, lang),
    month: o.month,
    day: o.day,
    sinceYear: o.sinceYear,
    note: o.note,
    next: nextOccurrence(o, today),
  }));
}
