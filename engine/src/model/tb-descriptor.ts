import type { ModdlePackage } from 'bpmn-moddle';

/** The namespace of every Tongban attribute and element in a diagram. */
export const TB_NAMESPACE_URI = 'urn:tongban:schema:bpmn:1.0';

const attr = (name: string, type = 'String', defaultValue?: string) =>
  defaultValue === undefined ? { name, type, isAttr: true } : { name, type, isAttr: true, default: defaultValue };

/** Tasks that a person works on: where a prefill, a form and reads/writes belong. */
const HUMAN_TASKS = ['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask'];
const ALL_TASKS = [...HUMAN_TASKS, 'bpmn:ServiceTask', 'bpmn:BusinessRuleTask'];
/** Where a form opens: human tasks, and the start event (the front desk's start form). */
const FORM_HOLDERS = [...HUMAN_TASKS, 'bpmn:StartEvent'];

/**
 * The moddle extension descriptor of the `tb:` namespace (documented in
 * docs/bpmn-extension.md). A plain object rather than a JSON file, so Node,
 * the browser bundle, bpmnlint and bpmn-js all import the same value.
 *
 * Attributes extend the standard BPMN types (`extends`), so moddle reads them
 * as typed properties and warns about a `tb:` attribute where it is not
 * defined; extension elements are `Element` subtypes for `extensionElements`.
 */
export const tbDescriptor = {
  name: 'Tongban',
  prefix: 'tb',
  uri: TB_NAMESPACE_URI,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  enumerations: [],
  types: [
    {
      // Every task is a service item (事项) of some department, with its legal and promised limits.
      name: 'ServiceItem',
      isAbstract: true,
      extends: ['bpmn:Task'],
      properties: [attr('department'), attr('itemCode'), attr('legalTimeLimit'), attr('timeLimit'), attr('form')],
    },
    {
      // A "one thing" as a whole has its own promised and legal limits; a 补正
      // either pauses its clocks (default) or restarts the count.
      name: 'ProcessLimits',
      isAbstract: true,
      extends: ['bpmn:Process'],
      properties: [attr('legalTimeLimit'), attr('timeLimit'), attr('correctionClock', 'String', 'pause')],
    },
    {
      // How often a branch out of an exclusive gateway is taken, for the expected duration.
      name: 'FlowProbability',
      isAbstract: true,
      extends: ['bpmn:SequenceFlow'],
      properties: [attr('probability', 'Real')],
    },
    {
      // The front desk's start form (一窗受理) and what prefills it.
      name: 'StartForm',
      isAbstract: true,
      extends: ['bpmn:StartEvent'],
      properties: [attr('form')],
    },
    {
      name: 'LaneDepartment',
      isAbstract: true,
      extends: ['bpmn:Lane'],
      properties: [attr('department')],
    },
    {
      name: 'Countersign',
      isAbstract: true,
      extends: ['bpmn:UserTask'],
      properties: [attr('countersign', 'String', 'all'), attr('passRatio', 'Real')],
    },
    {
      name: 'ConnectorTask',
      isAbstract: true,
      extends: ['bpmn:ServiceTask'],
      properties: [attr('connector'), attr('input')],
    },
    {
      name: 'ResultTask',
      isAbstract: true,
      extends: ['bpmn:ServiceTask', 'bpmn:BusinessRuleTask'],
      properties: [attr('resultVariable')],
    },
    {
      name: 'SignerCollection',
      isAbstract: true,
      extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [attr('collection'), attr('elementVariable', 'String', 'signer')],
    },
    {
      name: 'CalledVersion',
      isAbstract: true,
      extends: ['bpmn:CallActivity'],
      properties: [attr('version', 'String', 'latest')],
    },
    {
      name: 'Prefill',
      superClass: ['Element'],
      meta: { allowedIn: FORM_HOLDERS },
      properties: [attr('connector'), attr('input'), attr('fields')],
    },
    {
      name: 'Reads',
      superClass: ['Element'],
      meta: { allowedIn: ALL_TASKS },
      properties: [{ name: 'paths', type: 'String', isBody: true }],
    },
    {
      name: 'Writes',
      superClass: ['Element'],
      meta: { allowedIn: ALL_TASKS },
      properties: [{ name: 'paths', type: 'String', isBody: true }],
    },
    {
      name: 'Decision',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:BusinessRuleTask'] },
      properties: [attr('resultVariable'), { name: 'expression', type: 'String', isBody: true }],
    },
  ],
} as const satisfies ModdlePackage;
