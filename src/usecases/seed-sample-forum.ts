import type { LocalizedText, ParticipantKind, ParticipantStatus } from '../core/registry';
import sample from '../seed/cica.json' with { type: 'json' };
import { appendAudit } from './audit';
import { nowIso, type Context } from './context';

interface SampleForum {
  forum: { name: LocalizedText; acronym: LocalizedText; languages: string[]; interfaceLanguages: string[]; timeZone: string; seat: string | null; founded: string | null };
  participants: Array<{
    code: string;
    kind: string;
    names: LocalizedText;
    statuses: Array<{ status: string; from: string; to?: string | null; reference: string | null; note: string | null }>;
  }>;
  bodies: Array<{ code: string; kind: string; names: LocalizedText; cycleMonths: number | null; cycleNote: string | null; reportsTo: string | null }>;
  chairmanships: Array<{ participant: string; from: string; to: string | null; reference: string | null; note: string | null }>;
  meetings: Array<{ body: string; number: number | null; title: LocalizedText; startsOn: string; endsOn: string; venue: string | null; timeZone: string | null; note: string | null }>;
  observances: Array<{ names: LocalizedText; month: number; day: number; sinceYear: number | null; note: string | null }>;
}

/**
 * Load the CICA sample forum into an empty database, in one transaction.
 * Returns false, touching nothing, when a forum is already there.
 */
export async function seedSampleForum(ctx: Context, data: SampleForum = sample as SampleForum): Promise<boolean> {
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    if (await tx.registry.forum()) return false;
    await tx.registry.saveForum(data.forum);
    for (const p of data.participants) {
      await tx.registry.insertParticipant({ code: p.code, kind: p.kind as ParticipantKind, names: p.names, note: null }, at);
      for (const s of p.statuses) {
        await tx.registry.insertStatus(p.code, { status: s.status as ParticipantStatus, from: s.from, to: s.to ?? null, reference: s.reference, note: s.note });
      }
    }
    // A status period with no end closes when the next one starts.
    for (const p of data.participants) {
      const sorted = [...p.statuses].sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 0; i + 1 < sorted.length; i++) {
        const cur = sorted[i]!;
        if (!cur.to) await tx.registry.endStatus(p.code, cur.from, sorted[i + 1]!.from);
      }
    }
    let order = 0;
    for (const b of data.bodies) {
      await tx.registry.insertBody({ code: b.code, names: b.names, kind: b.kind, cycleMonths: b.cycleMonths, cycleNote: b.cycleNote, reportsTo: b.reportsTo, sortOrder: order++ });
    }
    for (const c of data.chairmanships) await tx.registry.insertChairTerm(c);
    for (const m of data.meetings) {
      await tx.registry.insertMeeting({
        bodyCode: m.body,
        number: m.number,
        title: m.title,
        startsOn: m.startsOn,
        endsOn: m.endsOn,
        venue: m.venue,
        timeZone: m.timeZone,
        status: 'concluded',
        note: m.note,
      });
    }
    for (const o of data.observances) await tx.registry.insertObservance(o);
    await appendAudit(tx, {
      actor: null,
      action: 'seed.sample_forum',
      subject: 'forum',
      payload: { participants: data.participants.length, bodies: data.bodies.length, meetings: data.meetings.length },
      at,
    });
    return true;
  });
}
