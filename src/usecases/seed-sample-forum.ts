import type { LocalizedText, ParticipantKind, ParticipantStatus } from '../core/registry';
import sample from '../seed/cica.json' with { type: 'json' };
import { cleanContentHash, makeProposal, type ProposalType, type Provision, type ProvisionKind, type ProvisionStatus, type Stance } from '../core/negotiation';
import { appendAudit } from './audit';
import type { Ports } from './ports';
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
  negotiations?: SampleNegotiation[];
}

interface SampleNegotiation {
  title: string;
  body: string;
  note: string;
  provisions: Array<{ key: string; kind: string; text: string; status: string }>;
  proposals: Array<{ provision: string; author: string; type: string; text?: string | null; range?: number[]; justification?: string | null; supporters?: string[]; opponents?: string[] }>;
  stances: Array<{ provision: string; participant: string; stance: string }>;
}

/** A negotiation in progress, built through the same core rules as a real one, so it cannot hold an impossible state. */
async function seedNegotiation(tx: Ports, sample: SampleNegotiation, at: string): Promise<number> {
  const ids = new Map(sample.provisions.map((p, i) => [p.key, `pr_sample${i + 1}`]));
  const draft: Provision[] = sample.provisions.map((p) => ({ id: ids.get(p.key)!, kind: p.kind as ProvisionKind, text: p.text, status: 'bracketed' }));
  const id = await tx.negotiations.insert({ title: sample.title, bodyCode: sample.body, openToObservers: false, note: sample.note, revision: 0, createdBy: null, createdAt: at });
  await tx.negotiations.saveDraft(id, draft);
  await tx.negotiations.insertRevision({ negotiationId: id, number: 0, issuedAt: at, issuedBy: null, provisions: draft, contentHash: cleanContentHash(draft) });
  for (const [seq, s] of sample.proposals.entries()) {
    const provision = draft.find((p) => p.id === ids.get(s.provision));
    const range = s.range ? { start: s.range[0]!, end: s.range[1]! } : null;
    const made = makeProposal(provision!, { type: s.type as ProposalType, text: s.text ?? null, range, justification: s.justification ?? null }, { id: `pp_sample${seq + 1}`, author: s.author });
    if (!made.ok) throw new Error(`Sample proposal ${seq + 1} is not valid: ${made.problem.message}`);
    await tx.negotiations.insertProposal({
      ...made.proposal,
      supporters: s.supporters ?? [],
      opponents: s.opponents ?? [],
      negotiationId: id,
      seq: seq + 1,
      createdBy: null,
      createdAt: at,
      resolvedAt: null,
      resolvedBy: null,
    });
  }
  await tx.negotiations.saveDraft(id, sample.provisions.map((p, i) => ({ ...draft[i]!, status: p.status as ProvisionStatus })));
  for (const s of sample.stances) await tx.negotiations.saveStance(id, { provisionId: ids.get(s.provision)!, participant: s.participant, stance: s.stance as Stance }, at, null);
  await tx.negotiations.appendEvent(id, at, 'negotiation.created', { title: sample.title });
  return id;
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
    for (const n of data.negotiations ?? []) await seedNegotiation(tx, n, at);
    await appendAudit(tx, {
      actor: null,
      action: 'seed.sample_forum',
      subject: 'forum',
      payload: { participants: data.participants.length, bodies: data.bodies.length, meetings: data.meetings.length, negotiations: data.negotiations?.length ?? 0 },
      at,
    });
    return true;
  });
}
