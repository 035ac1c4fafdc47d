/**
 * The engine's own model of a BPMN process: what the compiler needs and
 * nothing else, read from the bpmn-moddle tree by `readModel`.
 *
 * Everything is plain data (no moddle objects), so a model can be built by
 * hand in tests and by the re-engineering analysis.
 */

/** A FEEL expression as written in the diagram, without a leading `=`. */
export type FeelExpression = string;

export interface SequenceFlow {
  readonly id: string;
  readonly name?: string;
  readonly source: string;
  readonly target: string;
  /** FEEL condition; absent means unconditional. */
  readonly condition?: FeelExpression;
  /**
   * `tb:probability` (0…1) on a flow out of an exclusive gateway: how often
   * that branch is taken, for the expected duration of the design analysis.
   */
  readonly probability?: number;
}

/** Timer definitions as BPMN writes them (ISO 8601) or as a Tongban limit (`3wd`). */
export type TimerDefinition =
  | { readonly type: 'duration'; readonly value: string }
  | { readonly type: 'date'; readonly value: string }
  | { readonly type: 'cycle'; readonly value: string };

/** 会签 / 或签 / 比例签 and a FEEL completion condition. */
export type CountersignRule =
  | { readonly type: 'all' }
  | { readonly type: 'any' }
  | { readonly type: 'ratio'; readonly ratio: number }
  | { readonly type: 'condition'; readonly condition: FeelExpression };

export interface MultiInstance {
  readonly sequential: boolean;
  /** FEEL expression that yields the list of signers (one task per item). */
  readonly collection?: FeelExpression;
  /** Variable that holds the current item inside each task; default `signer`. */
  readonly elementVariable: string;
  /** FEEL expression yielding the number of instances, when no collection. */
  readonly cardinality?: FeelExpression;
  readonly rule: CountersignRule;
}

export interface Prefill {
  readonly connector: string;
  /** e.g. `uscc=${applicant.uscc}` as written in the diagram. */
  readonly input?: string;
  /** e.g. `name:company.name,address:company.address`. */
  readonly fields?: string;
}

interface NodeBase {
  readonly id: string;
  readonly name?: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  /** Boundary events attached to this activity. */
  readonly boundaries: readonly BoundaryEvent[];
}

/** Human work. A plain `bpmn:task` is read as a user task (`plain: true`). */
export interface UserTaskNode extends NodeBase {
  readonly kind: 'userTask';
  readonly plain: boolean;
  /** From `tb:department`, or from the `tb:department` of its lane. */
  readonly department?: string;
  readonly itemCode?: string;
  readonly legalTimeLimit?: string;
  readonly timeLimit?: string;
  readonly form?: string;
  readonly prefill: readonly Prefill[];
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  readonly multiInstance?: MultiInstance;
}

/** A connector job: the runtime enqueues it, `JOB.done` / `JOB.failed` come back. */
export interface ServiceTaskNode extends NodeBase {
  readonly kind: 'serviceTask';
  readonly department?: string;
  readonly connector?: string;
  /** FEEL expression evaluated when the job is enqueued; its value is the job input. */
  readonly input?: FeelExpression;
  /** Where the job's result goes; absent: a result object is merged into the variables. */
  readonly resultVariable?: string;
  /** Variable paths from `tb:reads` / `tb:writes`, for the re-engineering analysis; absent when not declared. */
  readonly reads?: readonly string[];
  readonly writes?: readonly string[];
}

/** A FEEL decision, evaluated synchronously when the token arrives. */
export interface BusinessRuleTaskNode extends NodeBase {
  readonly kind: 'businessRuleTask';
  readonly department?: string;
  readonly expression?: FeelExpression;
  readonly resultVariable?: string;
  /** Variable paths from `tb:reads` / `tb:writes`, for the re-engineering analysis; absent when not declared. */
  readonly reads?: readonly string[];
  readonly writes?: readonly string[];
}

export interface StartEventNode extends NodeBase {
  readonly kind: 'startEvent';
  readonly trigger: 'none' | 'message';
  readonly messageName?: string;
  /** The start form (`tb:form`) and its prefill bindings, for the front desk; absent when none. */
  readonly form?: string;
  readonly prefill?: readonly Prefill[];
}

export interface EndEventNode extends NodeBase {
  readonly kind: 'endEvent';
  readonly result: 'none' | 'message' | 'terminate' | 'error';
  readonly errorCode?: string;
  readonly messageName?: string;
}

export interface GatewayNode extends NodeBase {
  readonly kind: 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway';
  /** Id of the default flow (exclusive and inclusive gateways). */
  readonly defaultFlow?: string;
}

export interface TimerCatchNode extends NodeBase {
  readonly kind: 'timerCatch';
  readonly timer: TimerDefinition;
}

export interface MessageCatchNode extends NodeBase {
  readonly kind: 'messageCatch';
  readonly messageName: string;
}

export interface SubProcessNode extends NodeBase {
  readonly kind: 'subProcess';
  readonly scope: Scope;
}

export interface CallActivityNode extends NodeBase {
  readonly kind: 'callActivity';
  /** Process id of the called process. */
  readonly calledElement: string;
  /** `latest`, or a pinned deployed version number. */
  readonly version: 'latest' | number;
}

export type FlowNode =
  | UserTaskNode
  | ServiceTaskNode
  | BusinessRuleTaskNode
  | StartEventNode
  | EndEventNode
  | GatewayNode
  | TimerCatchNode
  | MessageCatchNode
  | SubProcessNode
  | CallActivityNode;

export type FlowNodeKind = FlowNode['kind'];

export interface BoundaryEvent {
  readonly id: string;
  readonly name?: string;
  readonly attachedTo: string;
  /** true: interrupting (the activity is cancelled). */
  readonly cancelActivity: boolean;
  readonly trigger:
    | { readonly type: 'timer'; readonly timer: TimerDefinition }
    | { readonly type: 'error'; readonly errorCode?: string };
  readonly outgoing: readonly string[];
}

/** A process or sub-process body: its nodes and flows. */
export interface Scope {
  readonly id: string;
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
}

export interface ProcessModel {
  readonly id: string;
  readonly name?: string;
  readonly executable: boolean;
  /** The whole application's legal and promised limits (`tb:legalTimeLimit`, `tb:timeLimit` on the process). */
  readonly legalTimeLimit?: string;
  readonly timeLimit?: string;
  /** What a 补正 does to the clocks: pause them (default) or restart the count on resubmission. */
  readonly correctionClock?: 'pause' | 'restart';
  readonly scope: Scope;
}
