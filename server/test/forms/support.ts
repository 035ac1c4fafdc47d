/** A start-form submission of the demo process that processes/enterprise-startup/forms/open-company-apply.json accepts. */
export function validApplication(): Record<string, unknown> {
  return {
    applicant: { citizenId: '110105200001011238', name: '王小明', sex: 'male', mobile: '13800138000', address: '北京市朝阳区', insured: true, insuranceCity: '上海市' },
    company: { name: '北京同办新创科技有限公司', kind: 'llc', capital: 100, domicile: { region: '110105', detail: '朝阳路 1 号' }, businessScope: '软件开发', staffCount: 3 },
    shareholders: [
      { name: '王小明', citizenId: '110105200001011238', share: 60 },
      { name: '北京同办示范科技有限公司', organisation: true, creditCode: '91110108123456788E', share: 40 },
    ],
    seal: { needed: true, kinds: ['company', 'finance'] },
    tax: { invoiceNeeded: false },
    documents: { articles: { id: 'upload-1', name: '章程.pdf', size: 52_000 } },
    commitment: true,
  };
}
