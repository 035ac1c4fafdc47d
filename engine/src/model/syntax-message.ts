import { abbreviate } from './abbreviate.js';

/**
 * Chinese wording for what the XML tokenizer (saxen) reports. Its English
 * text stays in `messageEn`; unknown wordings fall back to a generic phrase.
 */
const EXACT: Readonly<Record<string, string>> = {
  'unexpected end of file': '文件意外结束，有标签未闭合',
  'missing start tag': '找不到根元素',
  'missing open tag': '多余的结束标签',
  'closing tag mismatch': '结束标签与开始标签不匹配',
  'close tag': '结束标签中有多余字符',
  'unclosed tag': '标签未闭合',
  'unclosed comment': '注释未闭合',
  'unclosed cdata': 'CDATA 段未闭合',
  'unclosed question': '处理指令（<? … ?>）未闭合',
  'illegal first char nodeName': '元素名的首字符非法',
  'invalid nodeName': '元素名非法',
  'illegal first char attribute name': '属性名的首字符非法',
  'illegal attribute name char': '属性名含非法字符',
  'missing attribute value': '属性缺少值',
  'missing attribute value quotes': '属性值缺少引号',
  'missing closing quotes': '属性值缺少结束引号',
  'attribute value quote missmatch': '属性值的引号不匹配',
  'illegal character after attribute end': '属性之后有非法字符',
  'illegal declaration of xmlns': '非法的 xmlns 声明',
  'illegal value of xmlns:xml': 'xmlns:xml 的值非法',
  'non-whitespace outside of root node': '根元素之外有非空白内容',
};

const PATTERNS: readonly (readonly [RegExp, (name: string) => string])[] = [
  [/^missing namespace on <(.*)>$/, (name) => `元素 <${name}> 的命名空间前缀未声明`],
  [/^missing namespace for prefix <(.*)>$/, (name) => `命名空间前缀 ${name} 未声明`],
  [/^attribute <(.*)> already defined$/, (name) => `属性 ${name} 重复定义`],
];

export function syntaxMessageZh(detail: string): string {
  const exact = EXACT[detail];
  if (exact) return exact;
  for (const [pattern, zh] of PATTERNS) {
    const match = pattern.exec(detail);
    if (match) return zh(match[1] ?? '');
  }
  return `无法解析（${abbreviate(detail)}）`;
}
