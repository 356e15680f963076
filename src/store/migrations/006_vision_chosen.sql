-- Vraag het de visie: a suggested section the asker chose. With the question (where ASK_STORE_QUESTION_TEXT allows it)
-- it is a question of staff labelled with the section that answers it: a candidate example question.
alter table vision_feedback drop constraint if exists vision_feedback_kind_check;
alter table vision_feedback add constraint vision_feedback_kind_check check (kind in ('unanswered', 'feedback', 'chosen'));
