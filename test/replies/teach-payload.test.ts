import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeachTarget } from '../../src/moderation/teach.js';
import { shadowRef, unansweredRef } from '../../src/moderation/teach-ref.js';
import { DRAFT_MODAL_ID, parseTeachId, teachId } from '../../src/replies/custom-ids.js';
import { draftModal, teachPayload } from '../../src/replies/discord.js';
import { DISCORD_LIMITS as L } from '../../src/replies/limits.js';

type Control = { type: number; custom_id?: string; label?: string; options?: { label: string; value: string }[] };
const controls = (p: { components: { components: unknown[] }[] }): Control[] => p.components.flatMap((r) => r.components as Control[]);
const anyText = fc.string({ unit: 'grapheme', maxLength: 600 });
const entryId = fc.constantFrom('us-envoy', 'a'.repeat(60), 'x');
const entry = fc.record({ entryId, question: anyText, confidence: fc.double({ min: 0, max: 1, noNaN: true }) });
const target: fc.Arbitrary<TeachTarget> = fc.record({
  ref: fc.oneof(anyText.map(unansweredRef), fc.constantFrom('s' + 'A'.repeat(24), 's0_-Zz')),
  wording: anyText,
  otherWordings: fc.array(anyText, { maxLength: 4 }),
  asks: fc.option(fc.record({ count: fc.nat(), askers: fc.nat() })),
  closest: fc.option(entry),
  others: fc.uniqueArray(entry, { selector: (e) => e.entryId, maxLength: 3 }),
});

describe('teaching payloads', () => {
  it('given any group, then the view keeps every Discord limit, is private, pings nobody, and its ids parse back to the group and entries', () => {
    fc.assert(
      fc.property(target, (t) => {
        const p = teachPayload(t, 1);
        expect(p.ephemeral).toBe(true);
        expect(p.allowedMentions).toEqual({ parse: [], users: [], roles: [], repliedUser: false });
        expect(p.embeds[0]!.title!.length).toBeLessThanOrEqual(L.embedTitle);
        expect(p.embeds[0]!.description.length).toBeLessThanOrEqual(L.embedDescription);
        expect(p.embeds[0]!.description).not.toMatch(/@everyone/);
        expect(p.components.length).toBeLessThanOrEqual(L.actionRows);
        for (const c of controls(p)) {
          expect(c.custom_id!.length).toBeLessThanOrEqual(L.customId);
          const action = parseTeachId(c.custom_id!);
          expect(action).not.toBeNull();
          expect(action).toHaveProperty('ref', t.ref);
          if (c.type === 3 && c.options) {
            expect(c.options.length).toBeLessThanOrEqual(L.selectOptions);
            expect(c.options.map((o) => o.value)).toEqual(t.others.map((o) => o.entryId));
            for (const o of c.options) expect(o.label.length).toBeLessThanOrEqual(L.selectLabel);
          }
        }
        const labels = controls(p).map((c) => c.label ?? 'menu');
        expect(labels.includes('Add as alternate')).toBe(t.closest !== null);
        expect(labels).toContain('Draft a new entry');
      }),
    );
  });

  it('given any wording, then the Draft a new entry modal has five labelled inputs within Discord\'s limits, the question filled in', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (wording) => {
        const m = draftModal(wording) as { custom_id: string; title: string; components: { label: string; component: { max_length: number; value?: string } }[] };
        expect(m.custom_id).toBe(DRAFT_MODAL_ID);
        expect(m.title.length).toBeLessThanOrEqual(L.modalTitle);
        expect(m.components).toHaveLength(5);
        for (const c of m.components) {
          expect(c.label.length).toBeLessThanOrEqual(L.modalLabel);
          expect(c.component.max_length).toBeLessThanOrEqual(L.textInputValue);
          expect((c.component.value ?? '').length).toBeLessThanOrEqual(c.component.max_length);
        }
        if (wording !== '') expect(wording.startsWith(m.components[0]!.component.value!)).toBe(true);
      }),
    );
  });

  it('given ids of every kind, then they parse back; forged or overlong ones are null', () => {
    const ref = unansweredRef('how much uranium');
    expect(ref).toMatch(/^u[0-9a-f]{16}$/);
    expect(parseTeachId(teachId({ kind: 'alternate', ref, entryId: 'us-envoy' })!)).toEqual({ kind: 'alternate', ref, entryId: 'us-envoy' });
    expect(parseTeachId(teachId({ kind: 'pick', ref })!)).toEqual({ kind: 'pick', ref });
    expect(parseTeachId(teachId({ kind: 'draft', ref: shadowRef('Ab-_12345678')! })!)).toEqual({ kind: 'draft', ref: 'sAb-_12345678' });
    expect(parseTeachId(DRAFT_MODAL_ID)).toEqual({ kind: 'submit' });
    expect(shadowRef('x'.repeat(25))).toBeNull();
    for (const forged of ['teach:alt:u123:us-envoy', 'teach:alt:' + ref + ':Not An Id', 'teach:pick:' + ref + ':x', 'teach:new:x', 'vote:us-envoy:up', `teach:alt:${ref}:${'a'.repeat(90)}`]) {
      expect(parseTeachId(forged)).toBeNull();
    }
  });
});
