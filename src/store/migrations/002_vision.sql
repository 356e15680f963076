-- Vraag het de visie: unanswered questions and feedback, so the AI team can improve the alternate questions.
-- The question text is kept only when ASK_STORE_QUESTION_TEXT allows it; otherwise only the fact, the outcome and the section.
create table if not exists vision_feedback (
  id bigserial primary key,
  kind text not null check (kind in ('unanswered', 'feedback')),
  outcome text check (outcome in ('answer', 'suggest', 'abstain')),
  section_id text,
  helpful boolean,
  question text,
  language text check (language in ('nl', 'en')),
  vision_version text,
  created_at timestamptz not null default now()
);
create index if not exists vision_feedback_kind_created on vision_feedback (kind, created_at)
