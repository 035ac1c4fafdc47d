/**
 * The part of bpmnlint 11.x that Tongban uses. bpmnlint ships JSDoc types in
 * `lib/types.d.ts` but no `types` entry, so TypeScript cannot find them; this
 * declaration follows that file, with `unknown` where it says `any`.
 */

declare module 'bpmnlint' {
  /** bpmnlint's own categories; `rule-error` marks a rule that threw. */
  export type ReportingCategory = 'off' | 'warn' | 'error' | 'info';
  export type RuleErrorCategory = 'rule-error';

  export interface ReportContext {
    path?: (string | number)[];
    [key: string]: unknown;
  }

  export interface Reporter {
    report(id: string, message: string, context?: (string | number)[] | ReportContext): void;
  }

  export interface RuleDefinition {
    meta?: { documentation?: { url?: string } };
    /** Method syntax on purpose: rules narrow `node` to their own element type. */
    check(node: unknown, reporter: Reporter): boolean | void;
  }

  export type RuleFactory = (ruleOptions?: unknown) => RuleDefinition;

  export type RuleConfig =
    | ReportingCategory
    | 0 | 1 | 2 | 3
    | readonly [ReportingCategory | 0 | 1 | 2 | 3, unknown?];

  export interface Config {
    extends?: string | readonly string[];
    rules?: Readonly<Record<string, RuleConfig>>;
  }

  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): RuleFactory | undefined | Promise<RuleFactory | undefined>;
    resolveConfig(pkg: string, configName: string): Config | undefined | Promise<Config | undefined>;
  }

  export interface AnnotatedReport {
    id?: string;
    path?: (string | number)[];
    message: string;
    meta?: RuleDefinition['meta'];
    category: ReportingCategory | RuleErrorCategory;
    [key: string]: unknown;
  }

  /** Keyed by normalised rule name: `label-required`, `tongban/user-task-department`. */
  export type LintResults = Record<string, AnnotatedReport[]>;

  export class Linter {
    constructor(options: { config?: Config; resolver: Resolver });
    lint(moddleRoot: unknown, config?: Config): Promise<LintResults>;
  }
}

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint';
  const factory: RuleFactory;
  export default factory;
}

declare module 'bpmnlint/config/*' {
  import type { Config } from 'bpmnlint';
  const config: Config;
  export default config;
}

declare module 'bpmnlint/lib/traverse.js' {
  /** Depth-first walk over contained (not referenced) moddle properties. */
  export default function traverse(
    element: unknown,
    visitor: { enter?: (element: unknown) => boolean | void; leave?: (element: unknown) => void },
  ): void;
}
