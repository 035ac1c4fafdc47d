import { Engine, type BpmnEngineOptions, type Execution } from 'bpmn-engine';

/** bpmn-engine's own parsed form of a diagram (a serialized moddle context). */
export type SourceContext = NonNullable<BpmnEngineOptions['sourceContext']>;

/**
 * Parses the XML once, the way bpmn-engine does it itself, and hands back
 * the serialized context it builds. Engines created from it skip the XML
 * parse, as Tongban's instances share one compiled process: both sides
 * measure executing instances, not parsing.
 */
export async function loadSourceContext(xml: string): Promise<SourceContext> {
  const [definition] = await new Engine({ source: xml }).getDefinitions();
  if (!definition) throw new Error('bpmn-engine found no definition');
  return definition.context.definitionContext;
}

/** One running instance: a new Engine, executed until its user tasks wait. */
export async function startInstance(sourceContext: SourceContext): Promise<{ engine: Engine; execution: Execution }> {
  const engine = new Engine({ sourceContext });
  const execution = await engine.execute();
  return { engine, execution };
}

/**
 * Runs one instance to its end by signalling every waiting user task;
 * `afterEach` runs after the start and after every signal.
 */
export async function runInstance(sourceContext: SourceContext, afterEach?: (engine: Engine) => Promise<void>): Promise<void> {
  const { engine, execution } = await startInstance(sourceContext);
  await afterEach?.(engine);
  for (let waiting = execution.getPostponed(); waiting.length > 0; waiting = execution.getPostponed()) {
    for (const task of waiting) {
      task.signal();
      await afterEach?.(engine);
    }
  }
  if (execution.state !== 'idle') throw new Error(`bpmn-engine instance did not end: ${execution.state}`);
}
