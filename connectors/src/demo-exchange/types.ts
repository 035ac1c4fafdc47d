/** Record shapes served by the demo exchange (field names in English, data in Chinese). */
import type { Sex } from '../identifiers/index.js';

export type Person = {
  citizenId: string;
  name: string;
  sex: Sex;
  /** YYYY-MM-DD, the same date as in the citizen ID. */
  birthDate: string;
  ethnicity: string;
  /** 户籍地址. */
  householdAddress: string;
  mobile: string;
};

export type LegalEntityType =
  | '有限责任公司（自然人投资或控股）'
  | '股份有限公司（非上市）'
  | '个体工商户'
  | '农民专业合作社'
  | '民办非企业单位';

export type LegalEntityStatus = '存续' | '注销' | '吊销';

export type LegalEntity = {
  creditCode: string;
  name: string;
  type: LegalEntityType;
  legalRepresentative: { name: string; citizenId: string };
  registeredAddress: string;
  establishedOn: string;
  /** In yuan (人民币元); individual businesses report their 资金数额 here. */
  registeredCapital: number;
  businessScope: string;
  status: LegalEntityStatus;
};

export type ELicence = {
  type: string;
  number: string;
  issuer: string;
  issuedOn: string;
  /** YYYY-MM-DD, or null for 长期 (no expiry). */
  validUntil: string | null;
};

export type SocialInsuranceStatus = '正常参保' | '暂停缴费' | '终止参保';

export type SocialInsurance = {
  citizenId: string;
  insured: boolean;
  status: SocialInsuranceStatus;
  insuranceType: '城镇职工基本养老保险';
  /** Null for 灵活就业 (self-employed) contributors. */
  employerCreditCode: string | null;
  city: string;
  contributionMonths: number;
};

/** 用途 as printed on the certificate (planning use of the building). */
export type RealEstateUse = '住宅' | '商业' | '办公' | '工业';

/** 共有情况: sole owner, joint ownership (e.g. spouses), ownership in shares. */
export type CoOwnership = '单独所有' | '共同共有' | '按份共有';

/** One 权利人 on the certificate; co-owners are listed together. */
export type RealEstateOwner = {
  name: string;
  idType: '居民身份证' | '统一社会信用代码';
  /** Citizen ID for persons, credit code for organisations. */
  idNumber: string;
  /** Percent, only for 按份共有; null otherwise. */
  share: number | null;
};

/** A 不动产登记 record: one unit (flat, shop, office, plant) and its certificate. */
export type RealEstateProperty = {
  /** 不动产权证书号, e.g. 京（2024）朝阳区不动产权第0012345号. */
  certificateNumber: string;
  /** 不动产单元号, 28 characters (GB/T 37346 structure). */
  unitNumber: string;
  /** 坐落. */
  location: string;
  use: RealEstateUse;
  /** 建筑面积 in m², two decimals. */
  area: number;
  owners: RealEstateOwner[];
  coOwnership: CoOwnership;
  /** 登记日期 YYYY-MM-DD; the certificate year is this date's year. */
  registeredOn: string;
  /** 抵押状态: true while a mortgage is registered on the unit. */
  mortgaged: boolean;
};

export type DemoData = {
  persons: ReadonlyMap<string, Person>;
  entities: ReadonlyMap<string, LegalEntity>;
  /** Keyed by holder: citizen ID or credit code. */
  licences: ReadonlyMap<string, readonly ELicence[]>;
  socialInsurance: ReadonlyMap<string, SocialInsurance>;
  /** Keyed by every owner's citizen ID or credit code (co-owned units appear under each). */
  realEstate: ReadonlyMap<string, readonly RealEstateProperty[]>;
};
