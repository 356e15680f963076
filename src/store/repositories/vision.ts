import type { StoredVisionFeedback, VisionFeedbackRecord, VisionFeedbackStore } from '../../vision/feedback.js';
import type { Store } from '../store.js';

interface Row extends Record<string, unknown> {
  id: string | number;
  kind: VisionFeedbackRecord['kind'];
  outcome: VisionFeedbackRecord['outcome'] | null;
  section_id: string | null;
  helpful: boolean | null;
  question: string | null;
  language: VisionFeedbackRecord['language'] | null;
  vision_version: string | null;
  created_at: Date | string;
}

/**
 * Unanswered questions, feedback and chosen suggestions of "Vraag het de visie" in the vision_feedback table
 * (002_vision.sql; the kind `chosen` since 006).
 */
export function visionFeedbackStore(store: Store): VisionFeedbackStore {
  return {
    async record(entry) {
      await store.query(
        'insert into vision_feedback (kind, outcome, section_id, helpful, question, language, vision_version) values ($1, $2, $3, $4, $5, $6, $7)',
        [
          entry.kind,
          entry.outcome ?? null,
          entry.sectionId ?? null,
          entry.helpful ?? null,
          entry.question ?? null,
          entry.language ?? null,
          entry.visionVersion ?? null,
        ],
      );
    },
    async list(options = {}) {
      const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
      const rows = options.kind
        ? await store.query<Row>(
            'select * from vision_feedback where kind = $1 order by created_at desc, id desc limit $2',
            [options.kind, limit],
          )
        : await store.query<Row>('select * from vision_feedback order by created_at desc, id desc limit $1', [limit]);
      return rows.map((r): StoredVisionFeedback => ({
        id: Number(r.id),
        kind: r.kind,
        createdAt: new Date(r.created_at).toISOString(),
        ...(r.outcome ? { outcome: r.outcome } : {}),
        ...(r.section_id ? { sectionId: r.section_id } : {}),
        ...(r.helpful !== null ? { helpful: r.helpful } : {}),
        ...(r.question !== null ? { question: r.question } : {}),
        ...(r.language ? { language: r.language } : {}),
        ...(r.vision_version ? { visionVersion: r.vision_version } : {}),
      }));
    },
  };
}
