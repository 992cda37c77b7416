// missing-caveat (server/src/engine/rules/missing-caveat.ts): a caution the evidence requires is absent
// from its scope (document, section or paragraph). The finding sits on the trigger word of the first
// sentence that makes the caution necessary; the fix (unsafe) inserts the caution with its citation
// after that paragraph, in the document's line ending, as a sentence of a list item, with a footnote
// definition at the end in footnote style. Not flagged: the caution given in scope, a comparator
// ("unless"), a trigger without the topic. (The recogniser's reading of a caution given in other
// words needs the embedded database; it is not tabled here.)
import { note, ruleTester } from './tester.js';
import type { Extra } from '../testdb.js';

/** Cautions with paragraph and section scope (the shared test database's caution is document-wide). */
const extra: Extra = {
  concepts: [
    { id: 'alcohol', label: 'alcohol', variants: ['alcohol', 'drinking', 'wine'] },
    { id: 'avoid', label: 'avoid', variants: ['avoid', 'skip', 'do not drink'] },
    { id: 'driving', label: 'driving', variants: ['drive', 'driving'] },
    { id: 'wait', label: 'wait', variants: ['wait', 'until the next day'] },
  ],
  cautions: [
    {
      id: 'alcohol-paragraph', label: 'alcohol', text: 'Avoid alcohol on the day of a ketamine session', scope: 'paragraph',
      requiredWhen: [{ concepts: ['alcohol', 'ketamine'], topical: ['ketamine'] }], satisfiedBy: { concepts: ['alcohol', 'avoid'] }, sources: [{ id: 'review2021' }],
    },
    {
      id: 'driving-section', label: 'driving', text: 'Do not drive until the next day', scope: 'section',
      requiredWhen: [{ concepts: ['driving', 'ketamine'], topical: ['ketamine'] }], satisfiedBy: { concepts: ['driving', 'wait'] }, sources: [{ id: 'review2021' }],
    },
  ],
};

ruleTester('missing-caveat', {
  valid: [
    // the caution given
    note('Ketamine is given as an infusion. Lorazepam taken with ketamine may weaken its antidepressant effect.'),
    note('Ketamine is given in a clinic. Lorazepam taken alongside it may blunt the antidepressant effect.'),
    // a table row gives the caution across its cells (fast path and remark: the second table is indented)
    '# Ketamine notes\n\n| Medicine | Advice | Why |\n|---|---|---|\n| Lorazepam | Skip it that morning | May weaken the effect |\n',
    '# Ketamine notes\n\n  | Medicine | Advice | Why |\n  |---|---|---|\n  | Lorazepam | Skip it that morning | *May weaken* the effect |\n',
    // a comparator, not co-medication
    note('In the trial, ketamine was compared with midazolam as an active placebo.'),
    // paragraph scope: given in the paragraph
    note('Ketamine is given in a clinic. Avoid alcohol that day. A glass of wine is tempting.'),
    // paragraph scope: the topic in another paragraph
    '# Ketamine notes\n\nA glass of wine is fine for most people.\n\nKetamine is given in a clinic.\n',
    // section scope: given in the section
    '# Ketamine notes\n\nYou can drive home after ketamine.\n\nWait until the next day before driving.\n',
    // no ketamine in the document
    '# Exercise\n\nDiazepam calms nerves before a run.\n',
  ],
  invalid: [
    {
      name: 'a heading announces the topic; the first sentence under it that needs the caution gets the finding',
      text: '# Ketamine notes\n\n## Driving after ketamine\n\nMany patients ask about driving after ketamine.\n',
      errors: [
        {
          line: 5, column: 25, text: 'driving',
          message: "Mentions 'driving' without the caution on driving",
          output: '# Ketamine notes\n\n## Driving after ketamine\n\nMany patients ask about driving after ketamine.\n\nDo not drive until the next day [@review2021].\n', safe: false,
        },
      ],
    },
    {
      name: 'a benzodiazepine with ketamine: the fix adds the caution after the paragraph',
      text: note('Before a ketamine infusion, your doctor can prescribe diazepam to calm you.'),
      errors: [
        {
          line: 3, column: 55, text: 'diazepam',
          message: "Mentions 'diazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nBefore a ketamine infusion, your doctor can prescribe diazepam to calm you.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n', safe: false,
        },
      ],
    },
    {
      name: 'a trigger found by a concept pattern',
      text: note('Ketamine clinics sometimes give temazepam afterwards.'),
      errors: [
        {
          line: 3, column: 33, text: 'temazepam',
          message: "Mentions 'temazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nKetamine clinics sometimes give temazepam afterwards.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n', safe: false,
        },
      ],
    },
    {
      name: 'a table: the weakening named in another row is not this row\'s caution',
      text: '# Ketamine notes\n\n| Medicine | Why |\n|---|---|\n| Lorazepam | Calms nerves |\n| Naloxone | May weaken the effect |\n',
      errors: [
        {
          line: 5, column: 3, text: 'Lorazepam',
          message: "Mentions 'Lorazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\n| Medicine | Why |\n|---|---|\n| Lorazepam Benzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021]. | Calms nerves |\n| Naloxone | May weaken the effect |\n', safe: false,
        },
      ],
    },
    {
      name: 'the topic from the sentence before',
      text: note('Ketamine infusions are common. Some patients take Xanax for anxiety.'),
      errors: [
        {
          line: 3, column: 51, text: 'Xanax',
          message: "Mentions 'Xanax' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nKetamine infusions are common. Some patients take Xanax for anxiety.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n', safe: false,
        },
      ],
    },
    {
      name: 'a question needs the caution too',
      text: note('Can I take Xanax before my ketamine infusion?'),
      errors: [
        {
          line: 3, column: 12, text: 'Xanax',
          message: "Mentions 'Xanax' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nCan I take Xanax before my ketamine infusion?\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n', safe: false,
        },
      ],
    },
    {
      name: 'the first trigger in scope, the caution before the next paragraph',
      text: '# Ketamine notes\n\nDiazepam calms nerves before an infusion.\n\nDiazepam is also used for sleep.\n',
      errors: [
        {
          line: 3, column: 1, text: 'Diazepam',
          message: "Mentions 'Diazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nDiazepam calms nerves before an infusion.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n\nDiazepam is also used for sleep.\n', safe: false,
        },
      ],
    },
    {
      name: 'between paragraphs',
      text: '# Ketamine notes\n\nBefore a ketamine infusion, your doctor can prescribe diazepam.\n\nNext paragraph.\n',
      errors: [
        {
          line: 3, column: 55, text: 'diazepam',
          message: "Mentions 'diazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nBefore a ketamine infusion, your doctor can prescribe diazepam.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n\nNext paragraph.\n', safe: false,
        },
      ],
    },
    {
      name: 'footnote style: the definition goes at the end',
      text: '# Ketamine notes\n\nBefore a ketamine infusion, your doctor can prescribe diazepam.\n\nNext paragraph.\n',
      config: {citationStyle: 'footnote'},
      errors: [
        {
          line: 3, column: 55, text: 'diazepam',
          message: "Mentions 'diazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\nBefore a ketamine infusion, your doctor can prescribe diazepam.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited[^review2021].\n\nNext paragraph.\n\n[^review2021]: Irwin M. A focused review. 2021.\n', safe: false,
        },
      ],
    },
    {
      name: 'CRLF line endings',
      text: '# Ketamine notes\r\n\r\nBefore a ketamine infusion, your doctor can prescribe diazepam.\r\n\r\nNext paragraph.\r\n',
      errors: [
        {
          line: 3, column: 55, text: 'diazepam',
          message: "Mentions 'diazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\r\n\r\nBefore a ketamine infusion, your doctor can prescribe diazepam.\r\n\r\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\r\n\r\nNext paragraph.\r\n', safe: false,
        },
      ],
    },
    {
      name: 'in a list item: a sentence of the item',
      text: '# Ketamine notes\n\n- Before a ketamine infusion, your doctor can prescribe diazepam.\n- Next item.\n',
      errors: [
        {
          line: 3, column: 57, text: 'diazepam',
          message: "Mentions 'diazepam' without the caution on benzodiazepine interaction",
          output: '# Ketamine notes\n\n- Before a ketamine infusion, your doctor can prescribe diazepam. Benzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n- Next item.\n', safe: false,
        },
      ],
    },
    {
      name: 'paragraph scope: a caution later in the section is not in scope',
      text: '# Ketamine notes\n\nKetamine is given in a clinic. A glass of wine afterwards is fine.\n\nAvoid alcohol on the day of the session.\n',
      errors: [
        {
          line: 3, column: 43, text: 'wine',
          message: "Mentions 'wine' without the caution on alcohol",
          output: '# Ketamine notes\n\nKetamine is given in a clinic. A glass of wine afterwards is fine.\n\nAvoid alcohol on the day of a ketamine session [@review2021].\n\nAvoid alcohol on the day of the session.\n', safe: false,
        },
      ],
    },
    {
      name: 'section scope: a subsection is a section of its own',
      text: '# Ketamine notes\n\nYou can drive home after ketamine.\n\n## Later\n\nWait until the next day before driving.\n',
      errors: [
        {
          line: 3, column: 9, text: 'drive',
          message: "Mentions 'drive' without the caution on driving",
          output: '# Ketamine notes\n\nYou can drive home after ketamine.\n\nDo not drive until the next day [@review2021].\n\n## Later\n\nWait until the next day before driving.\n', safe: false,
        },
      ],
    },
  ],
}, { extra });
