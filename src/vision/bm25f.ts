/** The fields of a passage, each weighted and length-normalised on its own (BM25F). */
export const fields = ['heading', 'questions', 'examples', 'body'] as const;
export type Field = (typeof fields)[number];

export interface Bm25fParams {
  k1: number;
  weight: Record<Field, number>;
  b: Record<Field, number>;
}

export type FieldTerms = Record<Field, string[]>;

interface Posting {
  doc: number;
  tf: number[];
}

export interface Hit {
  doc: number;
  score: number;
}

/**
 * Field-weighted BM25 (Robertson & Zaragoza's BM25F): per-field term frequencies are normalised by their own
 * field length, weighted and summed before the one saturation k1. Written here because no installed search
 * library combines field weights with an analyzer of our own (lunr's fields are boosts on separate scores).
 */
export class Bm25fIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: number[][];
  private readonly averages: number[];
  readonly size: number;

  constructor(
    docs: FieldTerms[],
    private readonly params: Bm25fParams,
  ) {
    this.size = docs.length;
    this.lengths = docs.map((doc) => fields.map((f) => doc[f].length));
    this.averages = fields.map((_, i) =>
      Math.max(1, this.lengths.reduce((sum, l) => sum + l[i]!, 0) / Math.max(1, docs.length)),
    );
    docs.forEach((doc, d) => {
      const tfs = new Map<string, number[]>();
      fields.forEach((field, i) => {
        for (const term of doc[field]) {
          let tf = tfs.get(term);
          if (!tf) tfs.set(term, (tf = fields.map(() => 0)));
          tf[i]!++;
        }
      });
      for (const [term, tf] of tfs) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc: d, tf });
      }
    });
  }

  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Inverse document frequency; a term the vision never uses gets the highest value. */
  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** The documents that contain a term. */
  docsWith(term: string): Set<number> {
    return new Set((this.postings.get(term) ?? []).map((p) => p.doc));
  }

  /**
   * One document's score per field, as if that field alone were indexed (the same idf, weight, length norm and k1):
   * what the heading, the alternate questions, the example questions and the body each contribute (rerank/features.ts).
   */
  fieldScores(terms: Iterable<string>, doc: number): number[] {
    const { k1, weight, b } = this.params;
    const lengths = this.lengths[doc];
    const out = fields.map(() => 0);
    if (!lengths) return out;
    for (const term of new Set(terms)) {
      const posting = this.postings.get(term)?.find((p) => p.doc === doc);
      if (!posting) continue;
      const idf = this.idf(term);
      fields.forEach((field, i) => {
        if (posting.tf[i] === 0) return;
        const norm = 1 - b[field] + b[field] * (lengths[i]! / this.averages[i]!);
        const pseudo = (weight[field] * posting.tf[i]!) / norm;
        out[i]! += (idf * pseudo) / (k1 + pseudo);
      });
    }
    return out;
  }

  /** Scores every document that holds at least one of the (distinct) query terms, best first. */
  search(terms: Iterable<string>): Hit[] {
    const { k1, weight, b } = this.params;
    const scores = new Map<number, number>();
    for (const term of new Set(terms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const lengths = this.lengths[doc]!;
        let pseudo = 0;
        fields.forEach((field, i) => {
          if (tf[i] === 0) return;
          const norm = 1 - b[field] + b[field] * (lengths[i]! / this.averages[i]!);
          pseudo += (weight[field] * tf[i]!) / norm;
        });
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * pseudo) / (k1 + pseudo));
      }
    }
    return [...scores].map(([doc, score]) => ({ doc, score })).sort((x, y) => y.score - x.score || x.doc - y.doc);
  }
}
