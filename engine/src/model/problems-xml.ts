import { problem } from '../problems/index.js';
import type { Problem, Severity } from '../problems/index.js';

/** Where a problem is: element and/or 1-based position. */
export type Where = Pick<Problem, 'elementId' | 'elementType' | 'line' | 'column'>;

/**
 * Problems of the XML layer: the document cannot be read, or is read with
 * losses. Codes are stable (`xml/…`, `tb/…` for the Tongban namespace);
 * docs/bpmn-extension.md lists them.
 */
export const xmlProblems = {
  tooLarge: (limit: number): Problem =>
    problem('xml/too-large', 'error', `文件过大，超过上限 ${limit} 字节`, `The document is larger than the limit of ${limit} bytes`),

  notUtf8: (): Problem =>
    problem('xml/not-utf8', 'error', '文件不是有效的 UTF-8 编码（可能是 GBK、UTF-16 或二进制文件）',
      'The document is not valid UTF-8 (GBK, UTF-16 or a binary file?)'),

  empty: (): Problem => problem('xml/empty', 'error', '文件为空，或不是文本', 'The document is empty or not text'),

  doctype: (where: Where): Problem =>
    problem('xml/doctype', 'error', '拒绝包含 DOCTYPE 或实体声明（<!DOCTYPE、<!ENTITY）的文件：可被用于外部实体注入或实体膨胀攻击',
      'Documents with a DOCTYPE or entity declaration (<!DOCTYPE, <!ENTITY) are refused: they enable external entity and entity expansion attacks',
      where),

  tooDeep: (limit: number, where: Where): Problem =>
    problem('xml/too-deep', 'error', `元素嵌套超过 ${limit} 层`, `Elements are nested deeper than ${limit} levels`, where),

  tooManyElements: (limit: number, where: Where): Problem =>
    problem('xml/too-many-elements', 'error', `元素数量超过上限 ${limit} 个`, `The document has more than ${limit} elements`, where),

  tooManyAttributes: (limit: number, where: Where): Problem =>
    problem('xml/too-many-attributes', 'error', `元素的属性超过 ${limit} 个`, `An element has more than ${limit} attributes`, where),

  truncated: (limit: number, total: number): Problem =>
    problem('parse/truncated', 'warning', `共发现 ${total} 个问题，只列出前 ${limit} 个`, `${total} problems found; only the first ${limit} are listed`),

  tooManyErrors: (where: Where): Problem =>
    problem('xml/too-many-errors', 'error', '文件中的 XML 语法错误过多（属性写法错误、多余文本等），已拒绝；此处是第一个',
      'The document has too many XML syntax errors (broken attributes, stray text…) and is refused; the first is here', where),

  stoppedEarly: (): Problem =>
    problem('xml/stopped-early', 'warning', '文件较大且含有结构错误：只报告了第一个，修正后再检查其余问题',
      'A large document with structural errors: only the first is reported; fix it to see the rest'),

  malformed: (zh: string, en: string, where: Where): Problem =>
    problem('xml/malformed', 'error', `XML 格式错误：${zh}`, `Malformed XML: ${en}`, where),

  wrongRoot: (found: string | undefined, where: Where): Problem =>
    problem('xml/wrong-root', 'error',
      `根元素必须是 BPMN 2.0 的 bpmn:definitions${found ? `，实际为 <${found}>` : ''}`,
      `The root element must be the BPMN 2.0 bpmn:definitions${found ? `, found <${found}>` : ''}`, where),

  encoding: (declared: string): Problem =>
    problem('xml/encoding', 'warning', `文件声明的编码 ${declared} 不受支持，已按 UTF-8 读取`,
      `The declared encoding ${declared} is not supported; the document was read as UTF-8`),

  duplicateId: (id: string, where: Where): Problem =>
    problem('xml/duplicate-id', 'error', `ID "${id}" 重复，后一个元素被忽略`, `Duplicate ID "${id}": the later element is ignored`,
      { ...where, elementId: id }),

  illegalId: (id: string, where: Where): Problem =>
    problem('xml/illegal-id', 'error', `ID "${id}" 不是合法的 XML 名称，该元素被忽略`, `ID "${id}" is not a valid XML name: the element is ignored`,
      { ...where, elementId: id }),

  unknownElement: (type: string, where: Where): Problem =>
    problem(type.startsWith('tb:') ? 'tb/unknown-element' : 'xml/unknown-element', 'error',
      `未知的元素类型 ${type}，该元素被忽略`, `Unknown element type ${type}: the element is ignored`,
      { ...where, elementType: type }),

  unexpectedElement: (name: string, severity: Severity, where: Where): Problem =>
    problem('xml/unexpected-element', severity, `元素 <${name}> 不能出现在此处，已被忽略`,
      `Element <${name}> is not allowed here and is ignored`, where),

  unexpectedText: (text: string, where: Where): Problem =>
    problem('xml/unexpected-text', 'warning', `此处不应出现文本“${text}”，已被忽略`, `Unexpected text "${text}" is ignored`, where),

  unknownAttribute: (name: string, tb: boolean, where: Where): Problem =>
    tb
      ? problem('tb/unknown-attribute', 'error', `属性 ${name} 不能用于此元素（不在 tb: 扩展定义中）`,
        `Attribute ${name} is not defined for this element by the tb: extension`, where)
      : problem('xml/unknown-attribute', 'warning', `未知属性 ${name}，已被忽略`, `Unknown attribute ${name} is ignored`, where),

  unresolvedReference: (ref: string, property: string | undefined, severity: Severity, where: Where): Problem =>
    problem('xml/unresolved-reference', severity,
      `引用的元素 "${ref}" 不存在${property ? `（${property}）` : ''}`,
      `Referenced element "${ref}" does not exist${property ? ` (${property})` : ''}`, where),
};
