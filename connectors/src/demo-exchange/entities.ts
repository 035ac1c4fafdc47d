/** Synthetic legal-entity registry records (法人库). */
import { makeCreditCode } from './make-identifiers.js';
import { addYears, randomDate, type Random } from './random.js';
import { REGIONS, regionName, type Region } from './regions.js';
import { makeAddress } from './persons.js';
import type { LegalEntity, LegalEntityStatus, LegalEntityType, Person } from './types.js';
import { BRANDS, INDUSTRIES, type Industry } from './vocabulary.js';

/** Department + category code (GB 32100) for each entity type. */
const TYPES: readonly { type: LegalEntityType; prefix: string; weight: number }[] = [
  { type: '有限责任公司（自然人投资或控股）', prefix: '91', weight: 50 },
  { type: '股份有限公司（非上市）', prefix: '91', weight: 5 },
  { type: '个体工商户', prefix: '92', weight: 30 },
  { type: '农民专业合作社', prefix: '93', weight: 5 },
  { type: '民办非企业单位', prefix: '52', weight: 10 },
];

const LATEST_ESTABLISHMENT = '2025-12-31';

/** The entity plus what licences and insurance need to know about it. */
export type MadeEntity = { entity: LegalEntity; industry: Industry; region: Region };

export function makeEntity(random: Random, representative: Person, taken: Set<string>): MadeEntity {
  const kind = pickWeighted(random);
  const region = random.pick(REGIONS);
  const industry = random.pick(INDUSTRIES);
  // 个体工商户 register with the county; others here with the city-level authority.
  const authority = kind.type === '个体工商户' ? region.code : region.cityCode;
  let creditCode = makeCreditCode(random, kind.prefix, authority);
  while (taken.has(creditCode)) creditCode = makeCreditCode(random, kind.prefix, authority);
  taken.add(creditCode);
  // A representative is at least 22 when the entity is established.
  const earliest = maxDate('1995-01-01', addYears(representative.birthDate, 22));
  const establishedOn = randomDate(random, earliest, LATEST_ESTABLISHMENT);
  const status: LegalEntityStatus = random.chance(0.9) ? '存续' : random.pick(['注销', '吊销'] as const);
  return {
    industry,
    region,
    entity: {
      creditCode,
      name: entityName(kind.type, region.city, region.district, random.pick(BRANDS), industry),
      type: kind.type,
      legalRepresentative: { name: representative.name, citizenId: representative.citizenId },
      registeredAddress: makeAddress(random, regionName(region)).replace(/\d+室$/, ''),
      establishedOn,
      registeredCapital: kind.type === '个体工商户' ? random.int(1, 50) * 10_000 : random.int(1, 200) * 100_000,
      businessScope: kind.type === '民办非企业单位' ? '社区便民服务；公益活动组织；职业技能培训' : industry.scope,
      status,
    },
  };
}

function entityName(type: LegalEntityType, city: string, district: string, brand: string, industry: Industry): string {
  switch (type) {
    case '个体工商户':
      return `${city}${district}${brand}${industry.shop}`;
    case '农民专业合作社':
      return `${city}${brand}种植专业合作社`;
    case '民办非企业单位':
      return `${city}${district}${brand}社区服务中心`;
    case '股份有限公司（非上市）':
      return `${city}${brand}${industry.word}股份有限公司`;
    default:
      return `${city}${brand}${industry.word}有限公司`;
  }
}

function pickWeighted(random: Random): (typeof TYPES)[number] {
  let roll = random.int(1, TYPES.reduce((sum, t) => sum + t.weight, 0));
  for (const t of TYPES) {
    roll -= t.weight;
    if (roll <= 0) return t;
  }
  return TYPES[0] as (typeof TYPES)[number];
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
