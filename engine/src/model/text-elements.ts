import type { BpmnModdle } from 'bpmn-moddle';
import { createModdle } from './create-moddle.js';

const SIMPLE_TYPES = new Set(['String', 'Boolean', 'Integer', 'Real']);

export interface KnownNamespaces {
  /** prefix → URI of every package the reader knows, which the XML tokenizer treats as declared. */
  readonly prefixes: ReadonlyMap<string, string>;
  /**
   * Whether an element of a known namespace may hold text (`uri local`), as
   * far as the reader is concerned. Unknown namespaces are generic elements,
   * which take any text. A name that takes text in one place and not in
   * another counts as not taking it.
   */
  acceptsText(uri: string, localName: string): boolean;
}

let cached: KnownNamespaces | undefined;

/** Derived once from the moddle's own descriptors, so it follows them (the `tb:` one included). */
export function knownNamespaces(): KnownNamespaces {
  cached ??= derive(createModdle());
  return cached;
}

function derive(moddle: BpmnModdle): KnownNamespaces {
  const packages = moddle.getPackages();
  const uris = new Map<string, string>(packages.map((pkg) => [pkg.prefix, pkg.uri]));
  const accepts = new Map<string, boolean>();
  const mark = (prefix: string, localName: string, value: boolean): void => {
    const key = `${uris.get(prefix) ?? prefix} ${localName}`;
    accepts.set(key, (accepts.get(key) ?? true) && value);
  };
  const descriptor = (type: string) => {
    try {
      return moddle.getType(type)?.$descriptor;
    } catch {
      return undefined; // a property typed by a package that is not registered
    }
  };
  const hasBody = (type: string): boolean => Boolean(descriptor(type)?.bodyProperty);

  for (const pkg of packages) {
    for (const type of pkg.types) {
      const name = `${pkg.prefix}:${type.name}`;
      const tag = pkg.xml?.tagAlias === 'lowerCase' ? type.name.charAt(0).toLowerCase() + type.name.slice(1) : type.name;
      mark(pkg.prefix, tag, hasBody(name));
      for (const property of descriptor(name)?.properties ?? []) {
        if (property.isAttr) continue;
        const takesText = property.isReference === true || SIMPLE_TYPES.has(property.type) || property.type === 'Element' || hasBody(property.type);
        mark(property.ns.prefix, property.ns.localName, takesText);
      }
    }
  }
  const known = new Set(uris.values());
  return {
    prefixes: new Map([...uris, ['xsi', 'http://www.w3.org/2001/XMLSchema-instance'], ['xml', 'http://www.w3.org/XML/1998/namespace']]),
    acceptsText: (uri, localName) => !known.has(uri) || accepts.get(`${uri} ${localName}`) === true,
  };
}
