import { classifyNps } from '@kizuna/metrics';
import type { Feedback } from '@kizuna/model';
import type { Translator } from '../i18n/translator';

/** A piece of feedback in words: kind, score on its scale, and for NPS what the score means. */
export function feedbackText(translator: Translator, answer: Feedback): string {
  const { t } = translator;
  const kind = t(`feedbackKind.${answer.kind}`);
  if (answer.kind === 'nps') return t('feedback.scoreNps', { kind, score: answer.score, category: t(`nps.category.${classifyNps(answer.score)}`) });
  const max = answer.scale === 'csat_1_5' || answer.scale === 'ces1_1_5' ? 5 : 7;
  return t('feedback.score', { kind, score: answer.score, max });
}
