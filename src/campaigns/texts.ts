/**
 * The few resident-facing strings of campaigns and surveys, in both catalogue languages.
 * (Kept here until they move into src/i18n, whose catalogues another part of the project owns.)
 */
import type { Language } from '../i18n/index.js';

export interface CampaignTexts {
  surveyPrompt: string;
  answered: (p: { option: string }) => string;
  surveyClosed: string;
  testPrefix: string;
}

export const CAMPAIGN_TEXTS: Record<Language, CampaignTexts> = {
  'zh-CN': {
    surveyPrompt: '请点选一项作答：',
    answered: (p) => `已收到您的选择：「${p.option}」。谢谢参与！`,
    surveyClosed: '这项调查已经结束，谢谢关注。',
    testPrefix: '【测试】',
  },
  en: {
    surveyPrompt: 'Tap one option to answer:',
    answered: (p) => `Got your answer: "${p.option}". Thank you!`,
    surveyClosed: 'This survey has closed. Thank you for your interest.',
    testPrefix: '[TEST] ',
  },
};
