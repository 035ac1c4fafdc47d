import type zh from '../zh-CN/index';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English, switchable; the keys mirror the Chinese catalogue (checked by the type). */
const en: Shape<typeof zh> = {
  app: { title: 'Tongban · Process designer', language: 'Language', signOut: 'Sign out' },
  nav: { definitions: 'Definitions', modeler: 'Modeler', home: 'Home' },
  roles: { designer: 'Process designer', frontdesk: 'Front desk', clerk: 'Department clerk', manager: 'Manager', admin: 'Administrator' },
  login: {
    title: 'Sign in to Tongban', username: 'Username', password: 'Password', submit: 'Sign in',
    required: 'Enter your username and password',
  },
  home: {
    welcome: 'Welcome, {name}', designerHint: 'Open a process under Definitions, or create a new one.',
    otherHint: 'The pages for your roles ({roles}) are not part of this app yet; definitions can be browsed read-only.',
  },
  errors: {
    network: 'Cannot reach the server', unknown: 'The operation failed', fieldCount: '{n} problem(s)',
    element: 'element {id}',
  },
  definitions: {
    title: 'Process definitions', create: 'New process', open: 'Open', processId: 'Process id', name: 'Name',
    version: 'Latest version', deployedAt: 'Deployed at', empty: 'No process deployed yet',
  },
  modeler: {
    loading: 'Loading the modeler…', undo: 'Undo', redo: 'Redo', deploy: 'Deploy', download: 'Download .bpmn',
    upload: 'Upload .bpmn', newDiagram: 'New', draftRestored: 'Local draft restored', discardDraft: 'Discard draft',
    deployed: 'Deployed {processId} version {version}', deployFailed: 'Deployment failed; the draft is kept',
    uploadFailed: 'The file has problems; the current diagram is unchanged', uploadOk: 'Loaded {name}',
    importFailed: 'Cannot open this diagram',
    reengineer: 'Re-engineer', reengineerFailed: 'This process cannot be re-engineered', reengineered: 'Parallel process {processId} generated',
    reengineeredWith: 'Parallel process {processId} generated; predicted compression {ratio}%',
    newProcessName: 'New process',
  },
  panel: {
    title: 'Properties', none: 'Select a task or a lane to edit it', id: 'Id', name: 'Name', department: 'Department',
    departmentPlaceholder: 'Choose a department', itemCode: 'Item code', legalTimeLimit: 'Legal time limit', timeLimit: 'Promised time limit',
    form: 'Form', amount: 'Amount', unit: 'Unit', process: 'Process', laneHint: 'Tasks in this lane belong to this department by default',
    countersign: 'Countersign rule', passRatio: 'Pass ratio', countersignRules: { all: 'All must approve', any: 'Any one approves', ratio: 'A share approves' },
    units: { wd: 'working days', wh: 'working hours', cd: 'calendar days' }, clear: 'Clear',
  },
  problems: {
    title: 'Problems', none: 'No problems', error: 'Error', warning: 'Warning', element: 'Element', checking: 'Checking…',
    count: '{errors} error(s), {warnings} warning(s)',
  },
  analysis: {
    title: 'Time analysis', asIs: 'Serial legal time', toBe: 'Parallel promised time', compression: 'Compression', speedUp: 'Speed-up',
    days: '{n} working days', criticalPath: 'Critical path', slack: 'Slack', task: 'Task', department: 'Department',
    noProcess: 'No process in the diagram to analyse', perDepartment: 'Per department', showCritical: 'Mark the critical path',
  },
  simple: {
    open: 'Simple mode', title: 'Simple mode: design by stages', hint: 'The items of a stage are handled in parallel; stages follow one another. Applying generates a standard BPMN diagram.',
    start: 'Application received', end: 'Done', stage: 'Stage {n}', parallel: 'in parallel', addItem: 'Add item', removeItem: 'Remove item',
    addStage: 'Add stage', apply: 'Apply to the diagram', notStages: 'This diagram is not a flow of parallel stages (from {id} on); edit it in the full modeler',
  },
  versions: {
    title: 'Versions', version: 'Version', deployedAt: 'Deployed at', open: 'Open', none: 'Not deployed yet', current: 'current',
    compare: 'Compare with previous', diffTitle: 'Versions compared: v{older} → v{newer}', added: 'Added', removed: 'Removed', changed: 'Changed',
  },
};

export default en;
