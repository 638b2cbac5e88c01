import fc from 'fast-check';
import { XmlGuard, XmlRefused } from './xlsx-parts';

/**
 * The guard as it was written first (issue 12), building its output piece by piece: the reference of
 * the pass-through version (issue 17), which must give the parser the same text chunk for chunk and
 * refuse the same inputs.
 */
const SECTIONS: readonly [string, string][] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
];

class ReferenceGuard {
  private run = 0;
  private close: string | null = null;
  private pending = '';

  constructor(private readonly maxRun: number) {}

  feed(chunk: string, last: boolean): string {
    const text = this.pending + chunk;
    this.pending = '';
    let out = '';
    let from = 0;
    while (from < text.length) {
      if (this.close !== null) {
        const end = text.indexOf(this.close, from);
        if (end < 0 && !last) {
          const keep = Math.max(from, text.length - (this.close.length - 1));
          this.count(keep - from);
          out += text.slice(from, keep);
          this.pending = text.slice(keep);
          return out;
        }
        const stop = end < 0 ? text.length : end + this.close.length;
        this.count(stop - from);
        out += text.slice(from, stop);
        from = stop;
        if (end >= 0) {
          this.close = null;
          this.run = 0;
        }
        continue;
      }
      const lt = text.indexOf('<', from);
      out += this.cut(text.slice(from, lt < 0 ? text.length : lt));
      if (lt < 0) break;
      if (text.length - lt < 9 && !last) {
        this.pending = text.slice(lt);
        return out;
      }
      if (text.startsWith('<!DOCTYPE', lt)) throw new XmlRefused('DOCTYPE');
      const section = SECTIONS.find(([open]) => text.startsWith(open, lt));
      const marker = section ? section[0] : '<';
      out += marker;
      this.run = 0;
      this.close = section ? section[1] : null;
      from = lt + marker.length;
    }
    return out;
  }

  private count(length: number): void {
    this.run += length;
    if (this.run > this.maxRun) throw new XmlRefused('section');
  }

  private cut(text: string): string {
    const room = this.maxRun - this.run;
    if (text.length <= room) {
      this.run += text.length;
      return text;
    }
    let kept = text.slice(0, Math.max(0, room));
    const amp = kept.lastIndexOf('&');
    if (amp >= 0 && !kept.includes(';', amp)) kept = kept.slice(0, amp);
    this.run = this.maxRun;
    return kept;
  }
}

/** Every chunk's output, or the kind of refusal. */
function run(guard: { feed(chunk: string, last: boolean): string }, chunks: string[]): string[] {
  const outputs: string[] = [];
  try {
    chunks.forEach((chunk, i) => outputs.push(guard.feed(chunk, i === chunks.length - 1)));
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    outputs.push(error.message.includes('DOCTYPE') ? 'refused: DOCTYPE' : 'refused: section');
  }
  return outputs;
}

// XML-ish text: tags, entities, the markers of sections and their ends, plain text of any length
const piece = fc.oneof(
  fc.constantFrom('<', '>', '&', '&amp;', ';', '<c r="A1">', '</c>', '<v>', '</v>', '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>', '<!DOCTYPE', ']', '-', '?', '!'),
  fc.string({ unit: fc.constantFrom('a', '中', ' ', '&', ';', '<', ']', '-', '?'), maxLength: 40 }),
);

describe('XmlGuard', () => {
  it('gives the parser what the reference guard gives, chunk for chunk, with runs cut and sections bounded alike', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 0, max: 30 }), (pieces, cuts, maxRun) => {
        const text = pieces.join('');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((start, i, all) => text.slice(start, all[i + 1] ?? text.length));
        expect(run(new XmlGuard(maxRun), chunks)).toEqual(run(new ReferenceGuard(maxRun), chunks));
      }),
      { numRuns: 5000 },
    );
  });

  it('passes an ordinary chunk through as the same string (no copy) and cuts a long run before a split entity', () => {
    const row = '<row r="2"><c r="A2" t="s"><v>12</v></c></row>';
    expect(new XmlGuard().feed(row, true)).toBe(row);
    expect(new XmlGuard(6).feed('<t>abcd&amp;efgh</t>', true)).toBe('<t>abcd</t>');
    expect(new XmlGuard(11).feed('<t>abcd&amp;efgh</t>', true)).toBe('<t>abcd&amp;</t>');
    expect(() => new XmlGuard(5).feed('<!-- a long comment -->', true)).toThrow(XmlRefused);
  });
});
