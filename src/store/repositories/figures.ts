import type { Store } from '../store.js';

/**
 * Counts for the admins' figures, over quickcheck_records (003) and vision_feedback (002, 006): only groups and
 * their sizes, never a pseudonym, a purpose or a question's text. A tool the register does not know is counted
 * in one group (tool id null): its name is what someone typed.
 */
export interface FigureCounts {
  checksPerVerdict: { verdict: string; count: number }[];
  checksPerTool: { toolId: string | null; name: string | null; count: number }[];
  unanswered: { language: string | null; outcome: string | null; count: number }[];
  feedback: { sectionId: string | null; helpful: boolean | null; count: number }[];
}

/** The counts since a moment (an ISO timestamp), or over all time. */
export async function figureCounts(store: Store, since?: string): Promise<FigureCounts> {
  const from = since ?? '-infinity';
  const [verdicts, tools, unanswered, feedback] = [
    await store.query<{ verdict: string; n: number }>(
      'select verdict, count(*)::int as n from quickcheck_records where at >= $1::timestamptz group by verdict order by verdict',
      [from],
    ),
    // A registered tool by its id, named as in its latest record; every unregistered one in the group without id.
    // An erased record (migration 011) no longer says its tool: it counts per verdict only.
    await store.query<{ tool_id: string | null; name: string | null; n: number }>(
      `select result->'tool'->>'id' as tool_id,
              case when result->'tool'->>'id' is null then null
                   else (array_agg(result->'tool'->>'name' order by seq desc))[1] end as name,
              count(*)::int as n
         from quickcheck_records where at >= $1::timestamptz and result is not null
        group by result->'tool'->>'id'
        order by n desc, tool_id`,
      [from],
    ),
    await store.query<{ language: string | null; outcome: string | null; n: number }>(
      `select language, outcome, count(*)::int as n from vision_feedback
        where kind = 'unanswered' and created_at >= $1::timestamptz
        group by language, outcome order by language, outcome`,
      [from],
    ),
    await store.query<{ section_id: string | null; helpful: boolean | null; n: number }>(
      `select section_id, helpful, count(*)::int as n from vision_feedback
        where kind = 'feedback' and created_at >= $1::timestamptz
        group by section_id, helpful order by section_id, helpful`,
      [from],
    ),
  ];
  return {
    checksPerVerdict: verdicts.map((r) => ({ verdict: r.verdict, count: Number(r.n) })),
    checksPerTool: tools.map((r) => ({ toolId: r.tool_id, name: r.name, count: Number(r.n) })),
    unanswered: unanswered.map((r) => ({ language: r.language, outcome: r.outcome, count: Number(r.n) })),
    feedback: feedback.map((r) => ({ sectionId: r.section_id, helpful: r.helpful, count: Number(r.n) })),
  };
}
