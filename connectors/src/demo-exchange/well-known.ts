/**
 * Fixed records that exist for every seed, so tests, demos and connector
 * examples can name them. The identifiers are the synthetic test vectors of
 * /work/shared/domain/identifiers.md; keep connectors/README.md in step.
 */
import type { ELicence, LegalEntity, Person, RealEstateProperty, SocialInsurance } from './types.js';

export const WELL_KNOWN_PERSONS: readonly Person[] = [
  {
    citizenId: '110105200001011238',
    name: '王小明',
    sex: 'male',
    birthDate: '2000-01-01',
    ethnicity: '汉族',
    householdAddress: '北京市朝阳区建设路18号3栋2单元501室',
    mobile: '13800138000',
  },
  {
    citizenId: '440305199912314565',
    name: '李晓红',
    sex: 'female',
    birthDate: '1999-12-31',
    ethnicity: '汉族',
    householdAddress: '广东省深圳市南山区中山路66号',
    mobile: '15912345678',
  },
  {
    citizenId: '44030519880808104X',
    name: '陈静怡',
    sex: 'female',
    birthDate: '1988-08-08',
    ethnicity: '壮族',
    householdAddress: '广东省深圳市南山区滨河路9号7栋1单元1203室',
    mobile: '18688886666',
  },
];

const [wang, li, chen] = WELL_KNOWN_PERSONS as [Person, Person, Person];
const rep = (person: Person) => ({ name: person.name, citizenId: person.citizenId });

export const WELL_KNOWN_ENTITIES: readonly LegalEntity[] = [
  {
    creditCode: '91110108123456788E',
    name: '北京同办示范科技有限公司',
    type: '有限责任公司（自然人投资或控股）',
    legalRepresentative: rep(chen),
    registeredAddress: '北京市海淀区文化路100号5层501',
    establishedOn: '2015-03-18',
    registeredCapital: 5_000_000,
    businessScope: '技术开发、技术咨询、技术服务；软件开发；计算机系统服务',
    status: '存续',
  },
  {
    creditCode: '92440300MA000012X0',
    name: '深圳市南山区晓红便利店',
    type: '个体工商户',
    legalRepresentative: rep(li),
    registeredAddress: '广东省深圳市南山区中山路66号一楼',
    establishedOn: '2021-06-01',
    registeredCapital: 50_000,
    businessScope: '日用百货销售；食品销售',
    status: '存续',
  },
  {
    creditCode: '52310000501234569K',
    name: '上海市同办社区服务中心',
    type: '民办非企业单位',
    legalRepresentative: rep(wang),
    registeredAddress: '上海市黄浦区人民路200号',
    establishedOn: '2023-09-01',
    registeredCapital: 100_000,
    businessScope: '社区养老服务；社区便民服务；公益活动组织',
    status: '存续',
  },
];

export const WELL_KNOWN_LICENCES: ReadonlyMap<string, readonly ELicence[]> = new Map<string, readonly ELicence[]>([
  [wang.citizenId, [
    { type: '居民身份证', number: wang.citizenId, issuer: '北京市公安局朝阳分局', issuedOn: '2021-03-01', validUntil: '2031-03-01' },
  ]],
  [li.citizenId, [
    { type: '居民身份证', number: li.citizenId, issuer: '深圳市公安局南山分局', issuedOn: '2016-02-15', validUntil: '2026-02-15' },
  ]],
  [chen.citizenId, [
    { type: '居民身份证', number: chen.citizenId, issuer: '深圳市公安局南山分局', issuedOn: '2012-09-10', validUntil: '2032-09-10' },
    { type: '机动车驾驶证', number: chen.citizenId, issuer: '深圳市公安局交通警察支队', issuedOn: '2019-05-20', validUntil: '2029-05-20' },
  ]],
  ['91110108123456788E', [
    { type: '营业执照', number: '91110108123456788E', issuer: '北京市海淀区市场监督管理局', issuedOn: '2015-03-18', validUntil: null },
  ]],
  ['92440300MA000012X0', [
    { type: '营业执照', number: '92440300MA000012X0', issuer: '深圳市市场监督管理局南山监管局', issuedOn: '2021-06-01', validUntil: null },
    { type: '食品经营许可证', number: 'JY14403050012345', issuer: '深圳市市场监督管理局南山监管局', issuedOn: '2021-06-20', validUntil: '2026-06-19' },
  ]],
  ['52310000501234569K', [
    { type: '民办非企业单位登记证书', number: '52310000501234569K', issuer: '上海市民政局', issuedOn: '2023-09-01', validUntil: '2028-08-31' },
  ]],
]);

export const WELL_KNOWN_SOCIAL_INSURANCE: readonly SocialInsurance[] = [
  { citizenId: wang.citizenId, insured: true, status: '正常参保', insuranceType: '城镇职工基本养老保险', employerCreditCode: '52310000501234569K', city: '上海市', contributionMonths: 26 },
  { citizenId: li.citizenId, insured: true, status: '正常参保', insuranceType: '城镇职工基本养老保险', employerCreditCode: null, city: '深圳市', contributionMonths: 48 },
  { citizenId: chen.citizenId, insured: true, status: '正常参保', insuranceType: '城镇职工基本养老保险', employerCreditCode: '91110108123456788E', city: '北京市', contributionMonths: 132 },
];

const tongban = { name: '北京同办示范科技有限公司', idType: '统一社会信用代码', idNumber: '91110108123456788E', share: null } as const;

/** 李晓红 and 陈静怡 own none: a known person without property answers 404. */
export const WELL_KNOWN_REAL_ESTATE: readonly RealEstateProperty[] = [
  {
    certificateNumber: '京（2024）朝阳区不动产权第0012345号',
    unitNumber: '110105003012GB00123F00030501',
    location: wang.householdAddress,
    use: '住宅',
    area: 89.57,
    owners: [{ name: wang.name, idType: '居民身份证', idNumber: wang.citizenId, share: null }],
    coOwnership: '单独所有',
    registeredOn: '2024-06-18',
    mortgaged: true,
  },
  {
    certificateNumber: '京（2016）海淀区不动产权第0012345号',
    unitNumber: '110108007021GB00456F00010501',
    location: '北京市海淀区文化路100号5层501',
    use: '办公',
    area: 356.8,
    owners: [tongban],
    coOwnership: '单独所有',
    registeredOn: '2016-05-20',
    mortgaged: false,
  },
  {
    certificateNumber: '京（2021）海淀区不动产权第0203456号',
    unitNumber: '110108007021GB00456F00010101',
    location: '北京市海淀区文化路100号1层101商铺',
    use: '商业',
    area: 120.35,
    owners: [tongban],
    coOwnership: '单独所有',
    registeredOn: '2021-09-10',
    mortgaged: true,
  },
];

/** Valid check characters but in no registry: for 404 paths. */
export const UNKNOWN_CITIZEN_ID = '110105200001011254';
