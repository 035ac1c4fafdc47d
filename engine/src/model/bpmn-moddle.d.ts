/**
 * The part of bpmn-moddle 10 that Tongban uses. The package ships generated
 * element types under `bpmn-moddle/types` but none for its main export, and
 * `@types/bpmn-moddle` is stale, so this small declaration describes the
 * runtime API as it is.
 */

declare module 'bpmn-moddle' {
  /** A node of the moddle tree. Properties are typed per BPMN type at run time, hence `unknown` here. */
  export interface ModdleElement {
    readonly $type: string;
    readonly $parent?: ModdleElement;
    /** Attributes of namespaces without a registered descriptor, by qualified name (`camunda:assignee`). */
    readonly $attrs?: Readonly<Record<string, string>>;
    /** Body text of a generic (unregistered namespace) element. */
    readonly $body?: string;
    /** Children of a generic (unregistered namespace) element. */
    readonly $children?: readonly ModdleElement[];
    readonly id?: string;
    get(name: string): unknown;
    $instanceOf(type: string): boolean;
    readonly [property: string]: unknown;
  }

  /** A non-fatal finding of the reader: unknown attribute, unresolved reference, skipped element. */
  export interface ModdleWarning {
    readonly message: string;
    readonly element?: ModdleElement;
    readonly property?: string;
    readonly value?: unknown;
    readonly error?: Error;
  }

  export interface FromXmlResult {
    readonly rootElement: ModdleElement;
    readonly elementsById: Readonly<Record<string, ModdleElement>>;
    readonly warnings: readonly ModdleWarning[];
  }

  /** What `fromXML` rejects with when the document cannot be read at all. */
  export interface FromXmlError extends Error {
    readonly warnings?: readonly ModdleWarning[];
  }

  export interface ModdlePropertyDescriptor {
    readonly name: string;
    readonly type: string;
    readonly isAttr?: boolean;
    readonly isBody?: boolean;
    readonly isMany?: boolean;
    readonly isReference?: boolean;
    readonly default?: string | number | boolean;
  }

  export interface ModdleTypeDescriptor {
    readonly name: string;
    readonly isAbstract?: boolean;
    readonly superClass?: readonly string[];
    readonly extends?: readonly string[];
    readonly properties?: readonly ModdlePropertyDescriptor[];
    readonly meta?: Readonly<Record<string, unknown>>;
  }

  /** A moddle package (extension descriptor), as bpmn-js and bpmnlint take it too. */
  export interface ModdlePackage {
    readonly name: string;
    readonly prefix: string;
    readonly uri: string;
    readonly xml?: { readonly tagAlias?: 'lowerCase' };
    readonly associations?: readonly unknown[];
    readonly enumerations?: readonly unknown[];
    readonly types: readonly ModdleTypeDescriptor[];
  }

  export class BpmnModdle {
    constructor(packages?: Readonly<Record<string, ModdlePackage>>, options?: Readonly<Record<string, unknown>>);
    /** Rejects with a {@link FromXmlError}. */
    fromXML(xml: string, typeName?: string, options?: Readonly<Record<string, unknown>>): Promise<FromXmlResult>;
    fromXML(xml: string, options?: Readonly<Record<string, unknown>>): Promise<FromXmlResult>;
    toXML(element: ModdleElement, options?: { readonly format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Readonly<Record<string, unknown>>): ModdleElement;
    /** The registered packages (bpmn, bpmndi, dc, di, bioc, color and extensions). */
    getPackages(): readonly ModdlePackage[];
    /** The type's constructor; its `$descriptor` is the effective descriptor, inherited properties included. */
    getType(name: string): { readonly $descriptor: EffectiveTypeDescriptor } | undefined;
  }

  export interface EffectiveTypeDescriptor {
    readonly properties: readonly (ModdlePropertyDescriptor & { readonly ns: { readonly prefix: string; readonly localName: string } })[];
    readonly bodyProperty?: ModdlePropertyDescriptor;
  }
}
