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

export type DemoData = {
  persons: ReadonlyMap<string, Person>;
  entities: ReadonlyMap<string, LegalEntity>;
  /** Keyed by holder: citizen ID or credit code. */
  licences: ReadonlyMap<string, readonly ELicence[]>;
  socialInsurance: ReadonlyMap<string, SocialInsurance>;
};
