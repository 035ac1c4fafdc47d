import { Option } from 'commander';

export type Language = 'zh' | 'en';

/** `--lang zh|en`: which of a problem's two messages to show. */
export function languageOption(): Option {
  return new Option('--lang <lang>', '问题信息的语言 (message language)').choices(['zh', 'en']).default('zh');
}

/** Picks the Chinese or the English text. */
export function pick(lang: Language, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
