/** Simplified Chinese, the default language. The English file mirrors these keys. */
export default {
  app: { title: '通办 · 流程设计', language: '语言', signOut: '退出登录' },
  nav: { definitions: '流程定义', modeler: '流程建模', home: '首页' },
  roles: { designer: '流程设计员', frontdesk: '综合窗口', clerk: '部门审批员', manager: '管理者', admin: '系统管理员' },
  login: {
    title: '登录通办', username: '用户名', password: '密码', submit: '登录',
    required: '请输入用户名和密码',
  },
  home: {
    welcome: '欢迎，{name}', designerHint: '在“流程定义”中打开流程，或新建流程开始设计。',
    otherHint: '您的角色（{roles}）的工作页面尚未在本应用中提供；流程定义可以只读浏览。',
  },
  errors: {
    network: '无法连接服务器', unknown: '操作失败', fieldCount: '共 {n} 个问题',
    element: '元素 {id}',
  },
  definitions: {
    title: '流程定义', create: '新建流程', open: '打开', processId: '流程编号', name: '名称',
    version: '最新版本', deployedAt: '部署时间', empty: '尚无已部署的流程',
  },
  modeler: {
    loading: '正在加载建模器…', undo: '撤销', redo: '重做', deploy: '部署', download: '下载 .bpmn',
    upload: '上传 .bpmn', newDiagram: '新建', draftRestored: '已恢复本地草稿', discardDraft: '放弃草稿',
    deployed: '已部署 {processId} 第 {version} 版', deployFailed: '部署失败，草稿已保留',
    uploadFailed: '文件有问题，当前图未改变', uploadOk: '已载入 {name}',
    importFailed: '无法打开该流程图',
    reengineer: '流程再造', reengineerFailed: '无法再造该流程', reengineered: '已生成并联流程 {processId}',
    reengineeredWith: '已生成并联流程 {processId}，预计时限压缩 {ratio}%',
    newProcessName: '新流程',
  },
  panel: {
    title: '属性', none: '选择一个任务或泳道以编辑属性', id: '编号', name: '名称', department: '部门',
    departmentPlaceholder: '选择部门', itemCode: '事项编码', legalTimeLimit: '法定时限', timeLimit: '承诺时限',
    form: '表单', amount: '数量', unit: '单位', process: '流程', laneHint: '泳道中的任务默认属于该部门',
    countersign: '会签规则', passRatio: '通过比例', countersignRules: { all: '会签（全部通过）', any: '或签（一人通过）', ratio: '比例签' },
    units: { wd: '工作日', wh: '工作小时', cd: '自然日' }, clear: '清除',
  },
  problems: {
    title: '问题', none: '没有问题', error: '错误', warning: '警告', element: '元素', checking: '检查中…',
    count: '{errors} 个错误，{warnings} 个警告',
  },
  analysis: {
    title: '时限分析', asIs: '串联法定时限', toBe: '并联承诺时限', compression: '压缩比例', speedUp: '提速',
    days: '{n} 个工作日', criticalPath: '关键路径', slack: '可延误', task: '任务', department: '部门',
    noProcess: '图中没有可分析的流程', perDepartment: '各部门', showCritical: '在图上标出关键路径',
  },
  simple: {
    open: '简易模式', title: '简易模式：按阶段设计', hint: '每个阶段中的事项并联办理，阶段之间依次进行。应用后生成标准 BPMN 流程图。',
    start: '申请受理', end: '办结', stage: '第 {n} 阶段', parallel: '并联办理', addItem: '添加事项', removeItem: '删除事项',
    addStage: '添加阶段', apply: '应用到流程图', notStages: '该流程图不是按阶段并联的结构（从 {id} 开始），请在完整建模器中编辑',
  },
  versions: {
    title: '版本', version: '版本', deployedAt: '部署时间', open: '打开', none: '尚未部署', current: '当前',
    compare: '与上一版比较', diffTitle: '版本比较：v{older} → v{newer}', added: '新增', removed: '删除', changed: '修改',
  },
} as const;
