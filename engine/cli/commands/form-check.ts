import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { checkForm, type FileProblem } from '@tongban/forms';
import { EXIT, UsageError } from '../support/cli-error.js';
import { printJson, type Io } from '../support/io.js';
import { languageOption, pick, type Language } from '../support/language.js';
import { runAction } from '../support/run-action.js';

export interface FormCheckOptions {
  readonly connectors?: string;
  readonly allowOrigin?: string[];
  readonly json?: boolean;
  readonly lang: Language;
}

/**
 * `tongban form-check FORM.json [--connectors DIR]`: the form definition
 * (schema, FEEL, patterns, keys) and, with a connectors folder, each
 * prefill binding against the connector declarations in it (every `*.json`).
 * Exit 0 when there is no problem, 1 when there is any.
 */
export async function formCheck(file: string, options: FormCheckOptions, io: Io): Promise<number> {
  const form = { file, json: await readText(file) };
  const connectors = options.connectors === undefined ? undefined : await readConnectors(options.connectors);
  const problems: FileProblem[] = [...(connectors?.unreadable ?? [])];
  problems.push(...checkForm(form, connectors?.files ?? [], options.allowOrigin ? { allowedOrigins: options.allowOrigin } : {}));
  // Without a connectors folder the bindings cannot be checked: say so rather than report every binding as unknown.
  const shown = connectors === undefined ? problems.filter((p) => p.code !== 'binding/unknown-connector') : problems;
  if (options.json) {
    printJson(io, { problems: shown.map((p) => ({ file: p.file, path: p.path, code: p.code, message: pick(options.lang, p.message, p.messageEn) })) });
  } else {
    for (const p of shown) io.out(`${p.file}  ${p.path === '' ? '(文档 document)' : p.path}  ${p.code}  ${pick(options.lang, p.message, p.messageEn)}\n`);
    io.out(`${summary(shown.length, options.lang)}\n`);
    if (connectors === undefined) io.err(`${pick(options.lang, '未给出 --connectors，预填绑定未检查', 'no --connectors given: prefill bindings not checked')}\n`);
  }
  return shown.length === 0 ? EXIT.ok : EXIT.problems;
}

function summary(count: number, lang: Language): string {
  if (count === 0) return pick(lang, '✓ 没有发现问题', '✓ No problems found');
  return pick(lang, `✖ 共 ${count} 个问题`, `✖ ${count} problem${count === 1 ? '' : 's'}`);
}

/** Text, not yet JSON: the form parser reports broken JSON as a problem with a path. */
async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`无法读取文件 (cannot read file): ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`文件不是 UTF-8 编码 (not UTF-8): ${path}`);
  }
}

async function readConnectors(dir: string): Promise<{ files: { file: string; json: unknown }[]; unreadable: FileProblem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new UsageError(`无法读取连接器目录 (cannot read the connectors folder): ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const files: { file: string; json: unknown }[] = [];
  const unreadable: FileProblem[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      files.push({ file, json: JSON.parse(await readText(file)) });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      unreadable.push({ file, path: '', code: 'connector/not-json', message: `JSON 语法错误：${(error as Error).message}`, messageEn: `JSON syntax error: ${(error as Error).message}` });
    }
  }
  return { files, unreadable };
}

export function formCheckCommand(): Command {
  return new Command('form-check')
    .description('检查表单定义及其预填绑定 (check a form definition and its prefill bindings)')
    .argument('<file>', '表单 JSON 文件 (form JSON file)')
    .option('--connectors <dir>', '连接器声明目录（*.json） (folder of connector declarations)')
    .option('--allow-origin <origin...>', '连接器允许访问的来源 (origins connectors may call)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addOption(languageOption())
    .action(runAction(formCheck));
}
