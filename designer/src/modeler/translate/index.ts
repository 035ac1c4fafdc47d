import { zhCN } from './zh-cn';

type Replacements = Readonly<Record<string, string>>;

/** bpmn-js's `translate` service for a language: Chinese from the dictionary, English as bpmn-js writes it. */
export function translateModule(locale: string) {
  const dictionary = locale === 'en' ? {} : zhCN;
  const translate = (template: string, replacements: Replacements = {}) =>
    (dictionary[template] ?? template).replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? whole);
  return { translate: ['value', translate] };
}
